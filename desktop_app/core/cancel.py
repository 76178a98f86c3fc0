"""A cancel-and-pause token that long work checks between batches."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """Raised at a checkpoint when the work was cancelled."""


class CancelToken:
    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._running = threading.Event()
        self._running.set()

    def cancel(self) -> None:
        self._cancel.set()
        self._running.set()  # wake a paused worker so it can stop

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True as soon as the work is cancelled."""
        return self._cancel.wait(seconds)

    def checkpoint(self) -> None:
        """Block while paused; raise :class:`Cancelled` if cancelled."""
        self._running.wait()
        if self._cancel.is_set():
            raise Cancelled()
