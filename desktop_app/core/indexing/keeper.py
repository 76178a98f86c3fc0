"""IndexKeeper: keeps the index current (reconcile roots, watch, remove folders, passes)."""

from __future__ import annotations

import logging
import os
import queue
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.config import EngineConfig
from desktop_app.core.fspath import folder_of, outermost
from desktop_app.core.indexing.changes import from_events, from_scan
from desktop_app.core.indexing.indexer import Indexer
from desktop_app.core.indexing.passes.base import BackgroundPass, Scheduler
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.scan.kinds import kind_for
from desktop_app.core.scan.rules import ScanRules
from desktop_app.core.scan.watch import ChangeBatch

if TYPE_CHECKING:
    from desktop_app.core.scan.watch import RootWatcher
from desktop_app.core.store.api import KnownFile, Store, StoreError
from desktop_app.core.types import IndexSummary, Kind, Phase, Problem, Progress, ScannedFile

log = logging.getLogger(__name__)

ProgressCallback = Callable[[Progress], None]
WRITE_RETRY_S = 10.0  # a watcher's failed write (full disk) is tried again after this


@dataclass
class Passes:
    """The passes after the first: ``catch_up`` right after a scan, ``last`` (the slowest,
    text in pictures) once everything else is searchable; ``after_change`` (vectors for the
    passages just stored with their words) after each watcher's batch too, before ``last``."""

    catch_up: Sequence[BackgroundPass]
    last: BackgroundPass
    after_change: Sequence[BackgroundPass] = ()


@dataclass
class _Watching:
    """A watcher that outlives one ``watch()``: the indexer stops for a settings change (a
    pack, pause, OCR) and starts again; while the folders and rules stay the same, their
    events wait in ``batches`` and nothing is walked again."""

    key: tuple[object, ...]  # the roots, the rules and the watcher's settings
    watcher: RootWatcher
    batches: queue.Queue[ChangeBatch]
    reconciled: set[str] = field(default_factory=set)  # walked in full while watched


class IndexKeeper:
    """Every change, whether a scan or the watcher found it, goes through the one Indexer;
    the passes run under the one Scheduler. Raises StoreError when a write fails."""

    def __init__(
        self,
        store: Store,
        writer: Writer,
        indexer: Indexer,
        scheduler: Scheduler,
        passes: Passes,
        config: Callable[[], EngineConfig],
    ) -> None:
        self.store = store
        self.writer = writer
        self.indexer = indexer
        self.scheduler = scheduler
        self.passes = passes
        self._config = config
        self.missing_roots: set[str] = set()  # unplugged drives: their rows stay
        self.polling_roots: set[str] = set()  # past the watch limit: checked every so often
        self.notices: list[str] = []
        self._watching: _Watching | None = None

    def all_notices(self) -> list[str]:
        passes = list(dict.fromkeys([*self.passes.catch_up, *self.passes.after_change]))
        return self.notices + [p.notice for p in [*passes, self.passes.last] if p.notice]

    def rules(self) -> ScanRules:
        cfg = self._config()
        own = [str(cfg.index_dir), *map(str, cfg.own_dirs)]
        return ScanRules(cfg.exclude_patterns, cfg.include_hidden, own)

    # --- a scan ----------------------------------------------------------------------

    def index(
        self,
        roots: Sequence[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        reconciled: set[str] | None = None,
    ) -> IndexSummary:
        """Reconcile the roots (default: the configured ones) with the index, apply every
        change, then run the passes. Each root walked and applied in full is added to
        ``reconciled``."""
        started = time.monotonic()
        watched = self._watched()
        asked = [os.path.abspath(r) for r in (roots if roots is not None else watched)]
        roots = outermost(asked)
        scan_problems: list[Problem] = []
        total = IndexSummary()
        called = self.writer.mark()
        for folder in roots:
            if self.writer.forgotten_since(folder, called):
                continue  # removed while this run went through the others
            disk = self._walk(folder, scan_problems, progress, cancel)
            if disk is None:
                continue
            # A folder inside a watched one is read as part of it: its files are that one's.
            root = folder_of(folder, [*watched, folder]) or folder
            if root != folder:
                disk = [replace(f, root=root) for f in disk]
            known = self.store.files.known(under=folder)
            self._take_in(root, known.values())
            mark = self.writer.mark()
            changes = from_scan(disk, known)
            total = _add(total, self.indexer.apply(changes, mark, progress, cancel))
            if reconciled is not None:
                reconciled.add(folder)
        with self.writer.turn():
            self.store.problems.record(
                [p for p in scan_problems if not self.writer.forgotten_since(p.path, called)]
            )
        caught_up = self.scheduler.run(self.passes.catch_up, progress, cancel)
        total = _add(
            total,
            IndexSummary(
                failed=len(caught_up.problems),
                embedded=caught_up.embedded,
                problems=tuple(caught_up.problems),
            ),
        )
        with self.writer.turn():
            self.store.maintain()
        # last and slowest: everything above is already searchable while pictures are read
        last = self.passes.last
        if self.scheduler.run([last], progress, cancel).done.get(last.name):
            with self.writer.turn():
                self.store.maintain()
        problems = tuple(scan_problems) + total.problems
        log.info(
            "indexed %s: %d added, %d changed, %d moved, %d deleted, %d problems",
            ", ".join(roots),
            total.added,
            total.changed,
            total.moved,
            total.deleted,
            len(problems),
        )
        for p in problems:
            log.warning("could not index %s: %s", p.path, p.reason)
        return IndexSummary(
            total.added,
            total.changed,
            total.moved,
            total.deleted,
            total.unchanged,
            total.failed + len(scan_problems),
            total.embedded,
            time.monotonic() - started,
            problems,
        )

    def _walk(
        self,
        root: str,
        problems: list[Problem],
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> list[ScannedFile] | None:
        """The files of one root on disk; None when the root cannot be walked (an unplugged
        drive keeps its rows: nothing is deleted, and it is said so)."""
        from desktop_app.core.scan.walker import RootMissingError, describe_os_error, walk_root

        emit = progress or (lambda _p: None)
        looking = f"Looking for changes in {root}"
        emit(Progress(Phase.SCANNING, message=looking, current=root))
        disk: list[ScannedFile] = []
        try:
            found = walk_root(
                root, self.rules(), lambda p, r: problems.append(Problem(p, r, time.time()))
            )
            for n, f in enumerate(found):
                disk.append(f)
                if n % 500 == 499:
                    if cancel is not None:
                        cancel.checkpoint()
                    emit(Progress(Phase.SCANNING, done=n + 1, current=f.path, message=looking))
        except RootMissingError:
            self.missing_roots.add(root)
            problems.append(
                Problem(root, "folder not available (unplugged or renamed?)", time.time())
            )
            emit(
                Progress(
                    Phase.SCANNING,
                    message=f"{root} is not available (unplugged or renamed?); "
                    "its files stay in the index",
                )
            )
            return None
        except OSError as exc:
            problems.append(Problem(root, describe_os_error(exc), time.time()))
            return None
        self.missing_roots.discard(root)
        return disk

    # --- watching --------------------------------------------------------------------

    def apply_batch(
        self,
        batch: ChangeBatch,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        more_waiting: Callable[[], bool] | None = None,
    ) -> IndexSummary:
        """Apply a watcher's batch through the same change path as a scan: moves keep their
        rows, changed files are read again, deletions go. The text in new pictures is read
        next, unless ``more_waiting()`` says newer changes are queued: those come first (a
        file saved during a long read is searchable within seconds), and the reading goes on
        after them, from where it stopped."""
        mark = self.writer.mark()
        changes = from_events(batch, self.store.files, self._locate)
        out = self.indexer.apply(changes, mark, progress, cancel)
        for root in batch.rescan_roots:
            out = _add(out, self.index([root], progress, cancel))
        last = self.passes.last
        after = [*self.passes.after_change, last]
        if changes.work or any(p.name in self.scheduler.unfinished for p in after):
            self.scheduler.run(after, progress, cancel, more_waiting)
        if self.store.needs_maintenance():
            with self.writer.turn():
                self.store.maintain()
        return out

    def _locate(self, path: str) -> tuple[str, Kind] | None:
        """(root, kind) of a path the index takes in, None for any other."""
        root = folder_of(path, self._watched())
        kind = kind_for(path)
        if root is None or kind is None or self.rules().excluded(path, False):
            return None
        return root, kind

    def watch(
        self,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        settle_s: float = 0.4,
        poll_interval_s: float = 30.0,
        watch_limit: int | None = None,
    ) -> None:
        """Reconcile, then keep the index current from file-system events until cancelled.

        The watcher stays on when this returns: called again with the same folders and
        rules, the events since are applied and only folders not yet walked in full are
        walked (a pack change or a resume does not read every folder again)."""
        from desktop_app.core.scan.watch import RootWatcher

        cancel = cancel or CancelToken()
        emit = progress or (lambda _p: None)
        roots = outermost(self._watched())
        rules = self.rules()
        key = (
            tuple(roots),
            rules.patterns,
            rules.include_hidden,
            rules.protected,
            settle_s,
            poll_interval_s,
            watch_limit,
        )
        live = self._watching
        if live is not None and live.key != key:
            self.stop_watching()  # other folders or rules: their events say nothing of these
            live = None
        if live is None:
            # Walked first, then watched (as before): an index cancelled before its walk
            # ends leaves no watcher, so the next call walks again.
            reconciled: set[str] = set()
            self.index(progress=progress, cancel=cancel, reconciled=reconciled)
            batches: queue.Queue[ChangeBatch] = queue.Queue()
            watcher = RootWatcher(roots, rules, batches.put, settle_s, poll_interval_s, watch_limit)
            watcher.start()
            live = self._watching = _Watching(key, watcher, batches, reconciled)
            self.polling_roots = set(watcher.polling_roots)
            self.notices.extend(n for n in watcher.notices if n not in self.notices)
        else:
            # Walked only where an earlier walk did not finish (an unplugged drive, a cancel).
            rest = [r for r in roots if r not in live.reconciled]
            self.index(rest, progress=progress, cancel=cancel, reconciled=live.reconciled)
        for n in live.watcher.notices:
            emit(Progress(Phase.IDLE, message=n))
        emit(Progress(Phase.IDLE, message="Watching for changes"))
        batches = live.batches
        try:
            while not cancel.cancelled:
                try:
                    batch = batches.get(timeout=0.2)
                except queue.Empty:
                    continue
                try:
                    cancel.checkpoint()
                    self.apply_batch(batch, progress, cancel, lambda: not batches.empty())
                except Cancelled:
                    # Applied again next time: a batch is read against the index as it is
                    # then, so what was already written counts as unchanged.
                    _put_back(batches, batch)
                    raise
                except StoreError as exc:
                    # A full or read-only disk: say so, keep watching, try the batch again.
                    emit(Progress(Phase.ERROR, message=str(exc)))
                    if cancel.wait(WRITE_RETRY_S):
                        _put_back(batches, batch)
                        break
                    batches.put(batch)
                    continue
                emit(Progress(Phase.IDLE, message="Up to date"))
        except Cancelled:
            pass

    def stop_watching(self) -> None:
        """Stop the watcher ``watch`` left on (closing the index, other folders)."""
        live, self._watching = self._watching, None
        if live is not None:
            live.watcher.stop()

    # --- removing a folder -----------------------------------------------------------

    def forget(self, root: str) -> int:
        """Drop every row under ``root``; returns the number of files removed. Work planned
        before (a scan of that folder under way) writes nothing under it afterwards.

        A folder inside another watched one (a folder just replaced by one around it) stays
        watched as part of it: nothing is removed."""
        folder = os.path.abspath(root)
        if folder_of(folder, [r for r in self._watched() if r != folder]) is not None:
            return 0
        with self.writer.turn():
            ids = [k.file_id for k in self.store.files.known(under=folder).values()]
            self.store.remove_files(ids)
            self.store.problems.clear_under(folder)
            self.writer.forget(folder)
            self.store.maintain()
        return len(ids)

    def _watched(self) -> list[str]:
        return [os.path.abspath(r) for r in self._config().roots]

    def _take_in(self, root: str, rows: Iterable[KnownFile]) -> None:
        """These rows become files of ``root``, the watched folder that now holds them (a
        folder added around watched ones)."""
        stray = [(k.file_id, k.path, root, k.mtime) for k in rows if k.root != root]
        if stray:
            with self.writer.turn():
                self.store.files.move(stray)


def _put_back(batches: queue.Queue[ChangeBatch], batch: ChangeBatch) -> None:
    """``batch`` first again, before the ones that came after it."""
    waiting = [batch]
    while True:
        try:
            waiting.append(batches.get_nowait())
        except queue.Empty:
            break
    for b in waiting:
        batches.put(b)


def _add(a: IndexSummary, b: IndexSummary) -> IndexSummary:
    return IndexSummary(
        a.added + b.added,
        a.changed + b.changed,
        a.moved + b.moved,
        a.deleted + b.deleted,
        a.unchanged + b.unchanged,
        a.failed + b.failed,
        a.embedded + b.embedded,
        a.elapsed_s + b.elapsed_s,
        a.problems + b.problems,
    )
