"""TroveEngine: the one facade the CLI and the GUI workers use (index, watch, search, status)."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.embed.api import PackInfo
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.store.api import RootCounts
from desktop_app.core.types import (
    DuplicateReport,
    IndexSummary,
    Kind,
    Problem,
    Progress,
    Query,
    ScannedFile,
    SearchResult,
)

if TYPE_CHECKING:
    from desktop_app.core.indexing.indexer import Indexer
    from desktop_app.core.indexing.passes.base import BackgroundPass

ProgressCallback = Callable[[Progress], None]
log = logging.getLogger(__name__)


WRITE_RETRY_S = 10.0  # a watcher's failed write (full disk) is tried again after this


class EngineError(Exception):
    """A failure a person can act on; ``str(exc)`` is one plain sentence."""


@dataclass(frozen=True)
class EngineConfig:
    index_dir: Path
    pack_dirs: tuple[Path, ...]  # the user's packs folder first, then bundled packs
    roots: tuple[str, ...] = ()
    exclude_patterns: tuple[str, ...] = ()
    include_hidden: bool = False
    active_image_pack: str | None = None  # None: the best installed image pack
    document_pack: str | None = None  # None: the installed sentence pack
    threads: int = 0  # 0: choose from the core count
    ocr: bool = True  # read the text in photos and scanned pages after the first pass
    pack_checks_file: Path | None = None  # remembers each int8 tower's check on this machine


@dataclass(frozen=True)
class RootStatus:
    path: str
    photos: int = 0
    documents: int = 0
    failed: int = 0
    state: str = "ok"  # 'ok', 'missing' (unplugged drive), 'polling' (watch limit reached)


@dataclass(frozen=True)
class IndexStatus:
    index_dir: str
    size_bytes: int
    roots: tuple[RootStatus, ...]
    photos: int
    documents: int
    passages: int
    failed: int
    vectors_per_pack: dict[str, int] = field(default_factory=dict)
    image_pack: str | None = None
    document_pack: str | None = None
    pending_vectors: int = 0  # files waiting for an encoder (e.g. photos without an image pack)
    notices: tuple[str, ...] = ()
    ocr_read: int = 0  # photos and PDFs whose text in pixels has been read
    ocr_pending: int = 0  # ... and those waiting for the text-in-pictures pass
    ocr_enabled: bool = True


class TroveEngine:
    """Owns the store, the model packs and the indexing pipeline. No Qt.

    Heavy imports (lancedb, onnxruntime) happen in :meth:`open`, never at import time.
    Thread-safety: ``search`` may run on one thread while ``index``/``watch`` run on another;
    writes take turns through one ``Writer``.
    """

    def __init__(self, config: EngineConfig) -> None:
        self.config = config
        self.store: Any = None
        self.pack_manager: Any = None
        self._search: Any = None
        self._writer = Writer()
        self._indexer: Indexer = None  # type: ignore[assignment]  # set by open()
        self._notices: list[str] = []
        self._missing_roots: set[str] = set()
        self._polling_roots: set[str] = set()
        self.read_only = False

    # --- lifecycle -------------------------------------------------------------------

    def open(self, read_only: bool = False) -> None:
        """Open (or create) the index and find the packs. Raises EngineError."""
        from desktop_app.core.indexing.indexer import Encoders, Indexer
        from desktop_app.core.indexing.passes.base import Scheduler
        from desktop_app.core.indexing.passes.hashes import PerceptualHashes
        from desktop_app.core.indexing.passes.ocr import TextInPictures
        from desktop_app.core.indexing.passes.places import Places
        from desktop_app.core.indexing.passes.vectors import PackVectors
        from desktop_app.core.search.engine import SearchEngine
        from desktop_app.core.store.api import StoreError
        from desktop_app.core.store.index_store import IndexStore

        self.read_only = read_only
        store = IndexStore(self.config.index_dir, read_only=read_only)
        try:
            store.open()
        except StoreError as exc:
            raise EngineError(str(exc)) from exc
        except OSError as exc:
            from desktop_app.core.store.index_store import describe_write_error

            raise EngineError(describe_write_error(exc, self.config.index_dir)) from exc
        self.store = store
        self.pack_manager = self._new_pack_manager()
        text, image = self._encoders()
        self._search = SearchEngine(store, text, image)
        encoders = lambda: Encoders(self._search.text_encoder, self._search.image_encoder)  # noqa: E731
        self._indexer = Indexer(store, self._writer, encoders)
        self._scheduler = Scheduler(store, self._writer)
        self._catch_up: list[BackgroundPass] = [
            PackVectors(self._indexer, encoders, self._pack_change_done),
            PerceptualHashes(),
            Places(),
        ]
        self._ocr = TextInPictures(lambda: self._search.text_encoder, lambda: self.config.ocr)
        self._pick_previous_pack()

    def _new_pack_manager(self) -> Any:
        from desktop_app.core.embed.packs import (
            PackManager,
            default_threads,
            indexing_image_threads,
        )

        threads = self.config.threads or default_threads()
        return PackManager(
            self.config.pack_dirs,
            threads,
            indexing_image_threads(threads),
            fidelity_file=self.config.pack_checks_file,
        )

    def _encoders(self) -> tuple[Any, Any]:
        from desktop_app.core.embed.errors import PackError

        try:
            text = self.pack_manager.document_encoder(self.config.document_pack)
        except PackError as exc:
            self._notices.append(str(exc))
            text = None
        try:
            image = self.pack_manager.image_encoder(self.config.active_image_pack)
        except PackError as exc:
            self._notices.append(str(exc))
            image = None
        return text, image

    def reload_packs(self, active_image_pack: str | None = None) -> None:
        """Pick up installed/removed packs (and a new active image pack) without reopening."""
        from dataclasses import replace

        if active_image_pack is not None:
            self.config = replace(self.config, active_image_pack=active_image_pack)
        self.pack_manager.unload()
        self.pack_manager = self._new_pack_manager()
        text, image = self._encoders()
        self._search.set_encoders(text, image)
        self._pick_previous_pack()

    def _pick_previous_pack(self) -> None:
        """After a change of image pack, the pack with the most older vectors keeps answering."""
        image = self._search.image_encoder
        previous = None
        if image is not None and self.store.images.count_other_packs(image.pack_id):
            counts = self.store.images.per_pack()
            for _n, pack_id in sorted(
                ((n, p) for p, n in counts.items() if p != image.pack_id), reverse=True
            ):
                previous = self.pack_manager.image_encoder_for(pack_id)
                if previous is not None:
                    break
        self._search.previous_image_encoder = previous

    def _pack_change_done(self) -> None:
        """Every photo has the active pack's vector: the older pack no longer answers."""
        self._search.previous_image_encoder = None

    def close(self) -> None:
        if self.pack_manager is not None:
            self.pack_manager.unload()
        if self.store is not None:
            self.store.close()
            self.store = None

    def _need_open(self) -> None:
        if self.store is None:
            raise EngineError("the index is not open")

    def _need_writer(self) -> None:
        self._need_open()
        if self.read_only:
            raise EngineError("the index is open for reading only")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """A failed write (full or read-only disk) is an EngineError, one plain sentence."""
        from desktop_app.core.store.api import StoreError

        try:
            yield
        except StoreError as exc:
            raise EngineError(str(exc)) from exc

    # --- indexing --------------------------------------------------------------------

    def _rules(self) -> Any:
        from desktop_app.core.scan.rules import ScanRules

        return ScanRules(
            self.config.exclude_patterns, self.config.include_hidden, str(self.config.index_dir)
        )

    def index(
        self,
        roots: Sequence[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> IndexSummary:
        """Reconcile the roots (default: config.roots) with the index and process every change."""
        from desktop_app.core.indexing.changes import from_scan
        from desktop_app.core.scan.walker import RootMissingError, describe_os_error, walk_root

        self._need_writer()
        started = time.monotonic()
        roots = [os.path.abspath(r) for r in (roots if roots is not None else self.config.roots)]
        emit = progress or (lambda _p: None)
        scan_problems: list[Problem] = []
        total = IndexSummary()
        called = self._writer.mark()
        with self._errors():
            for root in roots:
                if self._writer.forgotten_since(root, called):
                    continue  # removed while this run went through the others
                emit(Progress("scanning", message=f"Looking for changes in {root}", current=root))
                disk: list[ScannedFile] = []
                try:
                    for n, f in enumerate(
                        walk_root(
                            root,
                            self._rules(),
                            lambda p, r: scan_problems.append(Problem(p, r, time.time())),
                        )
                    ):
                        disk.append(f)
                        if n % 500 == 499:
                            if cancel is not None:
                                cancel.checkpoint()
                            emit(
                                Progress(
                                    "scanning",
                                    done=n + 1,
                                    current=f.path,
                                    message=f"Looking for changes in {root}",
                                )
                            )
                except RootMissingError:
                    # An unplugged drive: keep its rows, say so, delete nothing.
                    self._missing_roots.add(root)
                    msg = f"{root} is not available (unplugged or renamed?); its files stay in the index"
                    scan_problems.append(
                        Problem(root, "folder not available (unplugged or renamed?)", time.time())
                    )
                    emit(Progress("scanning", message=msg))
                    continue
                except OSError as exc:
                    scan_problems.append(Problem(root, describe_os_error(exc), time.time()))
                    continue
                self._missing_roots.discard(root)
                mark = self._writer.mark()
                changes = from_scan(disk, self.store.files.known(root=root))
                total = _add(total, self._indexer.apply(changes, mark, progress, cancel))
            with self._writer.turn():
                self.store.problems.record(
                    [p for p in scan_problems if not self._writer.forgotten_since(p.path, called)]
                )
            caught_up = self._scheduler.run(self._catch_up, progress, cancel)
            total = _add(
                total,
                IndexSummary(
                    failed=len(caught_up.problems),
                    embedded=caught_up.embedded,
                    problems=tuple(caught_up.problems),
                ),
            )
            with self._writer.turn():
                self.store.maintain()
            # last and slowest: everything above is already searchable while pictures are read
            if self._scheduler.run([self._ocr], progress, cancel).done.get(self._ocr.name):
                with self._writer.turn():
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

    def apply_batch(
        self,
        batch: Any,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        more_waiting: Callable[[], bool] | None = None,
    ) -> IndexSummary:
        """Apply a watcher ChangeBatch through the same change path as a scan: moves keep
        their rows, changed files are read again, deletions go. The text in new pictures is
        read next, unless ``more_waiting()`` says newer changes are queued: those come first
        (a file saved during a long read is searchable within seconds), and the reading goes
        on after them, from where it stopped."""
        from desktop_app.core.indexing.changes import from_events

        self._need_writer()
        with self._errors():
            mark = self._writer.mark()
            changes = from_events(batch, self.store.files, self._locate)
            out = self._indexer.apply(changes, mark, progress, cancel)
            for root in batch.rescan_roots:
                out = _add(out, self.index([root], progress, cancel))
            if changes.work or self._ocr.name in self._scheduler.unfinished:
                self._scheduler.run([self._ocr], progress, cancel, more_waiting)
            if self.store.needs_maintenance():
                with self._writer.turn():
                    self.store.maintain()
        return out

    def _locate(self, path: str) -> tuple[str, Kind] | None:
        """(root, kind) of a path the index takes in, None for any other."""
        from desktop_app.core.fspath import folder_of
        from desktop_app.core.scan.kinds import kind_for

        root = folder_of(path, [os.path.abspath(r) for r in self.config.roots])
        kind = kind_for(path)
        if root is None or kind is None or self._rules().excluded(path, False):
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

        ``watch_limit`` overrides the system's inotify limit (tests use a tiny one).
        """
        import queue

        from desktop_app.core.scan.watch import RootWatcher

        cancel = cancel or CancelToken()
        emit = progress or (lambda _p: None)
        self.index(progress=progress, cancel=cancel)
        batches: queue.Queue[Any] = queue.Queue()
        watcher = RootWatcher(
            self.config.roots, self._rules(), batches.put, settle_s, poll_interval_s, watch_limit
        )
        watcher.start()
        self._polling_roots = set(watcher.polling_roots)
        self._notices.extend(watcher.notices)
        for n in watcher.notices:
            emit(Progress("idle", message=n))
        emit(Progress("idle", message="Watching for changes"))
        try:
            while not cancel.cancelled:
                try:
                    batch = batches.get(timeout=0.2)
                except queue.Empty:
                    continue
                cancel.checkpoint()
                try:
                    self.apply_batch(batch, progress, cancel, lambda: not batches.empty())
                except EngineError as exc:
                    # A full or read-only disk: say so, keep watching, try the batch again.
                    emit(Progress("error", message=str(exc)))
                    if cancel.wait(WRITE_RETRY_S):
                        break
                    batches.put(batch)
                    continue
                emit(Progress("idle", message="Up to date"))
        except Cancelled:
            pass
        finally:
            watcher.stop()

    def forget(self, root: str) -> int:
        """Drop every row under ``root``; returns the number of files removed. Work planned
        before (a scan of that folder under way) writes nothing under it afterwards."""
        self._need_writer()
        folder = os.path.abspath(root)
        with self._errors(), self._writer.turn():
            ids = [k.file_id for k in self.store.files.known(under=folder).values()]
            self.store.remove_files(ids)
            self.store.problems.clear_under(folder)
            self._writer.forget(folder)
            self.store.maintain()
        return len(ids)

    # --- queries ---------------------------------------------------------------------

    def search(
        self, query: Query | str, image: str | None = None, limit: int = 50, generation: int = 0
    ) -> SearchResult:
        """Parse (when given a string), search every space, fuse, explain."""
        from desktop_app.core.search.query import parse_query

        self._need_open()
        if isinstance(query, str):
            query = parse_query(query, image_path=image, limit=limit)
        if query.image_path and not os.path.isfile(query.image_path):
            raise EngineError(f"cannot read the image {query.image_path}: no such file")
        from desktop_app.core.embed.errors import ImageDecodeError

        try:
            try:
                return self._search.search(query, generation)  # type: ignore[no-any-return]
            except (OSError, RuntimeError) as exc:
                # Another process compacted the index mid-query: the next read sees the new files.
                if "Not found" not in str(exc):
                    raise
                return self._search.search(query, generation)  # type: ignore[no-any-return]
        except ImageDecodeError as exc:
            raise EngineError(f"cannot use {query.image_path} as a query: {exc}") from exc

    def duplicates(
        self,
        compute_missing: bool = True,
        cancel: CancelToken | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> DuplicateReport:
        """Groups of near-identical photos, the best copy first in each.

        Photos without a stored perceptual hash (an index not yet brought up to date) are
        hashed now when ``compute_missing`` (nothing is written: the index may be read-only),
        otherwise left out and counted in ``unhashed``.
        """
        from dataclasses import replace

        from desktop_app.core.indexing.passes.hashes import hash_batches
        from desktop_app.core.search.duplicates import find_duplicates

        self._need_open()
        records = self.store.files.photos()
        if compute_missing and any(r.dhash is None for r in records):
            todo = [(r.file_id, r.path) for r in records if r.dhash is None]
            hashes: dict[str, int] = {}
            for part in hash_batches(todo, cancel):
                hashes.update(part)
            records = [replace(r, dhash=hashes.get(r.file_id, r.dhash)) for r in records]
        image = self._search.image_encoder
        vectors = self.store.images.matrix(image.pack_id) if image is not None else None
        return find_duplicates(records, vectors, cancel, progress)

    def status(self) -> IndexStatus:
        self._need_open()
        counts = self.store.files.counts()
        per_root = self.store.files.counts_by_root()
        roots = []
        for r in self.config.roots:
            ra = os.path.abspath(r)
            c = per_root.get(ra, RootCounts())
            state = (
                "missing"
                if (ra in self._missing_roots or not os.path.isdir(ra))
                else ("polling" if ra in self._polling_roots else "ok")
            )
            roots.append(RootStatus(ra, c.photos, c.documents, c.failed, state))
        img = self._search.image_encoder
        txt = self._search.text_encoder
        ocr_read, ocr_pending = self.store.files.ocr_counts()
        return IndexStatus(
            index_dir=str(self.config.index_dir),
            size_bytes=self.store.size_bytes(),
            roots=tuple(roots),
            photos=counts.photos,
            documents=counts.documents,
            passages=self.store.passages.count(),
            failed=self.store.problems.count(),
            vectors_per_pack=_merge(self.store.passages.per_pack(), self.store.images.per_pack()),
            image_pack=img.pack_id if img else None,
            document_pack=txt.pack_id if txt else None,
            pending_vectors=counts.pending,
            notices=tuple(
                self._notices + [n for n in (self._ocr.notice,) if n] + self.pack_manager.notices()
            ),
            ocr_read=ocr_read,
            ocr_pending=ocr_pending,
            ocr_enabled=self.config.ocr,
        )

    def problems(self) -> list[Problem]:
        self._need_open()
        return list(self.store.problems.all())

    def packs(self) -> list[PackInfo]:
        from desktop_app.core.embed.packs import PackManager

        mgr = self.pack_manager or PackManager(self.config.pack_dirs)
        return list(mgr.list_packs())


def _merge(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


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


__all__ = ["EngineConfig", "EngineError", "IndexStatus", "Kind", "RootStatus", "TroveEngine"]
