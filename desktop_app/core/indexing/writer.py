"""The one writer of this process: bounded writes take turns, and long work gives way."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from desktop_app.core.fspath import is_under


class Writer:
    """Every write to the index happens inside ``turn()``, one at a time. A turn is short (one
    batch of rows); work that runs for minutes takes many turns and, between them, asks
    ``wanted()`` whether someone else waits for one (removing a folder) so it can let them in.

    Removing a folder is recorded: work planned before it (a change set read from the index
    earlier) must not write rows under that folder again. ``mark()`` is taken when work is
    planned; ``forgotten_since(path, mark)`` then says whether the path was removed since."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._state = threading.Lock()
        self._waiting = 0
        self._seq = 0
        self._forgotten: list[tuple[int, str]] = []

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        with self._state:
            self._waiting += 1
        self._lock.acquire()
        with self._state:
            self._waiting -= 1
        try:
            yield
        finally:
            self._lock.release()

    def wanted(self) -> bool:
        """Does another thread wait for a turn?"""
        with self._state:
            return self._waiting > 0

    def mark(self) -> int:
        with self._state:
            return self._seq

    def forget(self, folder: str) -> None:
        """``folder`` was removed from the index: later writes under it by work planned
        before now are dropped. Called inside the turn that removed its rows."""
        with self._state:
            self._seq += 1
            self._forgotten.append((self._seq, folder))

    def forgotten_since(self, path: str, mark: int) -> bool:
        with self._state:
            return any(seq > mark and is_under(path, f) for seq, f in self._forgotten)
