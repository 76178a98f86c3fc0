"""Watch roots with watchdog: coalesce events per path, deliver them once files are stable."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.core.fspath import is_under
from desktop_app.core.scan.kinds import kind_for
from desktop_app.core.scan.rules import ScanRules

log = logging.getLogger(__name__)

HOLD_DELETIONS_S = 2.0
# After a storm of at least this many events under one root (a folder of thousands of files
# copied, moved or deleted), the root is walked once more when everything has settled: a
# safety net under the event path, which has been seen to miss the deletions of a few
# hundred moved files in a 16,000-event storm on a loaded machine.
STORM_EVENTS = 2000


@dataclass(frozen=True)
class ChangeBatch:
    changed: frozenset[str] = frozenset()
    deleted: frozenset[str] = frozenset()
    deleted_dirs: frozenset[str] = frozenset()
    rescan_roots: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.changed or self.deleted or self.deleted_dirs or self.rescan_roots)


@dataclass
class _Pending:
    last_event: float
    stat: tuple[int, float] | None = None
    # the destination of a rename: complete when it arrives (an editor's atomic save, a
    # finished download), so it needs no second look to be sure it is stable
    renamed_here: bool = False
    held_since: float | None = None  # a deletion held back while other events settle


def inotify_limit() -> int | None:
    try:
        with open("/proc/sys/fs/inotify/max_user_watches", encoding="ascii") as fh:
            return int(fh.read().strip())
    except (OSError, ValueError):
        return None


class RootWatcher:
    """Deliver ChangeBatch objects to ``on_changes`` from one internal thread."""

    def __init__(
        self,
        roots: Sequence[str],
        rules: ScanRules,
        on_changes: Callable[[ChangeBatch], None],
        settle_s: float = 0.4,
        poll_interval_s: float = 30.0,
        watch_limit: int | None = None,
    ) -> None:
        self.roots = [os.path.abspath(r) for r in roots]
        self.rules = rules
        self.on_changes = on_changes
        self.settle_s = settle_s
        self.poll_interval_s = poll_interval_s
        # Past the inotify limit watchdog silently stops adding watches: count folders ourselves
        # and keep a margin for other programs' watches.
        limit = watch_limit if watch_limit is not None else inotify_limit()
        self.watch_limit = (
            None if limit is None else (limit if watch_limit is not None else limit // 2)
        )
        self.polling_roots: set[str] = set()
        self.notices: list[str] = []
        self._pending: dict[str, _Pending] = {}
        self._gone_dirs: set[str] = set()
        # roots whose events the system dropped (its queue overflowed in a storm of changes),
        # with the time it said so: walked again once that has settled
        self._lost: dict[str, float] = {}
        self._storm: dict[str, int] = {}  # events per root since it was last quiet
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._observer: Any = None
        self._thread: threading.Thread | None = None
        self._last_poll = time.monotonic()

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                watcher._on_event(event)

        self._observer = Observer()
        used = 0
        for root in self.roots:
            if not os.path.isdir(root):
                continue
            dirs = self._count_dirs(root)
            if self.watch_limit is not None and used + dirs > self.watch_limit:
                self.polling_roots.add(root)
                self.notices.append(
                    f"The system's limit on watched folders was reached for {root}; "
                    f"Trove checks it every {int(self.poll_interval_s)} s instead."
                )
                log.warning("watch limit reached for %s (%d folders); polling", root, dirs)
                continue
            used += dirs
            try:
                self._observer.schedule(Handler(), root, recursive=True)
            except OSError as exc:
                self.polling_roots.add(root)
                self.notices.append(
                    f"Cannot watch {root} ({exc.strerror}); Trove checks it every "
                    f"{int(self.poll_interval_s)} s instead."
                )
        self._observer.start()
        self._thread = threading.Thread(target=self._run, name="trove-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _count_dirs(self, root: str) -> int:
        n = 0
        for dirpath, dirnames, _ in os.walk(root):
            dirnames[:] = [
                d for d in dirnames if not self.rules.excluded(os.path.join(dirpath, d), True)
            ]
            n += 1
        return n

    # --- events ------------------------------------------------------------------------

    def _on_event(self, event: Any) -> None:
        etype = event.event_type
        if etype in ("opened", "closed_no_write"):
            return
        now = time.monotonic()
        src = os.fsdecode(event.src_path)
        if etype == "events_lost":  # src is the watched root: what changed is unknown
            log.warning("the system dropped change events under %s; it is walked again", src)
            with self._lock:
                self._lost[src] = now
            return
        dest = os.fsdecode(getattr(event, "dest_path", "") or "")
        with self._lock:
            if event.is_directory:
                if etype in ("deleted", "moved"):
                    self._gone_dirs.add(src)
                    self._touch(src, now)
                if etype == "moved" and dest:
                    self._touch(dest, now)  # a folder moved in (or renamed): walk it
                elif etype == "created":
                    self._touch(src, now)
                return
            self._touch(src, now)
            if dest:
                self._touch(dest, now, renamed_here=True)
            root = next((r for r in self.roots if is_under(src, r)), None)
            if root is not None:
                self._storm[root] = self._storm.get(root, 0) + 1

    def _touch(self, path: str, now: float, renamed_here: bool = False) -> None:
        p = self._pending.get(path)
        if p is None:
            self._pending[path] = _Pending(now, renamed_here=renamed_here)
        else:
            p.last_event = now
            p.renamed_here = p.renamed_here and renamed_here  # written to since: look twice
            p.held_since = None

    def _run(self) -> None:
        tick = min(0.1, self.settle_s / 2) if self.settle_s > 0 else 0.05
        while not self._stop.wait(tick):
            try:
                batch = self._collect()
                if batch:
                    self.on_changes(batch)
            except Exception:  # a failing consumer must not kill the watcher thread
                log.exception("change delivery failed")

    def _collect(self) -> ChangeBatch:
        now = time.monotonic()
        changed: set[str] = set()
        deleted: set[str] = set()
        deleted_dirs: set[str] = set()
        rescan: set[str] = set()
        if self.polling_roots and now - self._last_poll >= self.poll_interval_s:
            self._last_poll = now
            rescan.update(self.polling_roots)
        with self._lock:
            ready = [
                (p, s) for p, s in self._pending.items() if now - s.last_event >= self.settle_s
            ]
            for root, when in list(self._lost.items()):
                if now - when >= self.settle_s:
                    rescan.add(root)
                    del self._lost[root]
            if not self._pending and self._storm:
                # quiet again: after a storm, one walk makes sure nothing was missed
                rescan.update(r for r, n in self._storm.items() if n >= STORM_EVENTS)
                self._storm.clear()
            gone_dirs = set(self._gone_dirs)
        gone: list[tuple[str, _Pending]] = []
        complete: list[tuple[str, _Pending]] = []
        for path, state in ready:
            if self._excluded(path):
                self._drop(path, state)
                continue
            if path in gone_dirs and not os.path.exists(path):
                gone.append((path, state))
                continue
            try:
                st = os.stat(path)
            except OSError:
                if kind_for(path, sniff=False) is not None or not os.path.splitext(path)[1]:
                    gone.append((path, state))
                else:
                    self._drop(path, state)
                continue
            if os.path.isdir(path):
                changed.update(self._files_under(path))
                complete.append((path, state))
                continue
            sig = (st.st_size, st.st_mtime)
            if state.stat != sig and not state.renamed_here:
                # not yet stable: look again after another settle period
                state.stat = sig
                state.last_event = now
                continue
            if kind_for(path) is not None:
                changed.add(path)
            complete.append((path, state))
        if gone and self._hold(gone, complete, now):
            return ChangeBatch(rescan_roots=frozenset(rescan))
        for path, state in gone:
            if path in gone_dirs:
                deleted_dirs.add(path)
                with self._lock:
                    self._gone_dirs.discard(path)
            else:
                deleted.add(path)
            self._drop(path, state)
        for path, state in complete:
            self._drop(path, state)
        return ChangeBatch(
            frozenset(changed), frozenset(deleted), frozenset(deleted_dirs), frozenset(rescan)
        )

    def _hold(
        self, gone: list[tuple[str, _Pending]], complete: list[tuple[str, _Pending]], now: float
    ) -> bool:
        """Should this round wait? Deletions go out with the events that may be their other
        half: a file moved to a new folder arrives as a deletion here and a creation there,
        and the new file is stable only a look later. So while other events are still
        settling the whole round waits (the next one walks and looks again), for at most
        HOLD_DELETIONS_S: a storm of events must not hold deletions for ever."""
        done = {p for p, _ in gone} | {p for p, _ in complete}
        with self._lock:
            settling = any(p not in done for p in self._pending)
        if not settling:
            return False
        held = [s.held_since for _, s in gone if s.held_since is not None]
        if held and now - min(held) >= HOLD_DELETIONS_S:
            return False
        for _, state in gone:
            if state.held_since is None:
                state.held_since = now
        return True

    def _drop(self, path: str, state: _Pending) -> None:
        with self._lock:
            if self._pending.get(path) is state:
                del self._pending[path]

    def _excluded(self, path: str) -> bool:
        for root in self.roots:
            if is_under(path, root):
                rel_parts = os.path.relpath(path, root).split(os.sep)
                cur = root
                for i, part in enumerate(rel_parts):
                    cur = os.path.join(cur, part)
                    if self.rules.excluded(cur, i < len(rel_parts) - 1):
                        return True
                return False
        return True

    def _files_under(self, folder: str) -> set[str]:
        from desktop_app.core.scan.walker import RootMissingError, walk_root

        try:
            return {f.path for f in walk_root(folder, self.rules)}
        except (OSError, RootMissingError):
            return set()
