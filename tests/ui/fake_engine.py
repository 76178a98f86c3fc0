"""A stand-in for TroveEngine in window tests: files in memory, every call recorded with the
thread it ran on, an optional delay on each call (a slow disk), an indexer that reports
progress and either returns (synchronous host) or runs until cancelled."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import PackInfo
from desktop_app.core.engine import KEEP_PACK, EngineConfig, IndexStatus, RootStatus
from desktop_app.core.packs import PackManager
from desktop_app.core.search.browse import recent
from desktop_app.core.types import (
    BrowseResult,
    DuplicateReport,
    FileRecord,
    FileStatus,
    Hit,
    Kind,
    MatchReason,
    Origin,
    Phase,
    Problem,
    Progress,
    Query,
    SearchResult,
    Source,
)
from desktop_app.workers.engine_host import EngineHost

if TYPE_CHECKING:
    from desktop_app.core.store.api import FilesTable


def record(path: str, kind: Kind, mtime: float, **kw: Any) -> FileRecord:
    name = os.path.basename(path)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    root = kw.pop("root", os.path.dirname(path))
    return FileRecord(path, path, root, name, kind, ext, 1000, mtime, path, **kw)


class _Files:
    """The one read of the files table the browse view needs, over the fake's files."""

    def __init__(self, engine: FakeEngine) -> None:
        self.engine = engine

    def recent(
        self,
        limit: int,
        kinds: Any = (),
        extensions: Any = (),
        after: float | None = None,
        before: float | None = None,
        keep: Callable[[str, str], bool] | None = None,
    ) -> tuple[list[FileRecord], int]:
        dated = sorted(
            (
                (r.taken_at if r.taken_at is not None else r.mtime, r.path, r)
                for r in self.engine.files
                if r.status != FileStatus.FAILED
                and (not kinds or r.kind in kinds)
                and (not extensions or r.ext in extensions)
            ),
            reverse=True,
        )
        kept = [
            r
            for when, _, r in dated
            if (after is None or when >= after)
            and (before is None or when < before)
            and (keep is None or keep(r.path, r.place))
        ]
        return kept[:limit], len(kept)


@dataclass
class FakeEngine:  # an Engine (desktop_app.core.engine): the host takes it as the real one
    config: EngineConfig
    files: list[FileRecord] = field(default_factory=list)
    notices: tuple[str, ...] = ()
    problem_list: list[Problem] = field(default_factory=list)
    delay: float = 0.0  # seconds every call takes (a slow disk, a large index)
    keep_watching: bool = False  # watch() runs until cancelled, as the real one does
    calls: list[tuple[str, str]] = field(default_factory=list)  # (method, thread name)
    reloads: list[Any] = field(default_factory=list)  # what reload_packs was given
    queries: list[Query | None] = field(default_factory=list)  # what search/recent were given
    runs: list[list[EngineConfig]] = field(default_factory=list)  # configs each watch() saw
    paused_at_start: list[bool] = field(default_factory=list)
    forgot_while_indexing: list[bool] = field(default_factory=list)
    hint: Any = None  # what language_hint answers (a LanguageHint, or None)
    hint_locales: list[str] = field(default_factory=list)  # the locales it was asked with
    hint_queries: list[tuple[str, ...]] = field(default_factory=list)  # and query languages
    hint_kinds: list[tuple[str, ...]] = field(default_factory=list)  # and the kinds asked
    indexing: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    libraries: Any = None  # core.search.libraries.Libraries, once a library is asked

    def _call(self, name: str) -> None:
        with self.lock:
            self.calls.append((name, threading.current_thread().name))
        if self.delay:
            time.sleep(self.delay)

    def called(self, name: str) -> list[str]:
        """The threads ``name`` ran on, in order."""
        with self.lock:
            return [t for n, t in self.calls if n == name]

    # --- the facade the window's controllers and the host use ---------------------------

    def open(self, read_only: bool = False) -> None:
        self._call("open")

    def close(self) -> None:
        self._call("close")
        if self.libraries is not None:
            self.libraries.close()

    def prepare_search(self) -> None:
        self._call("prepare_search")

    def watch(self, progress: Any = None, cancel: CancelToken | None = None, **_kw: Any) -> None:
        self._call("watch")
        emit = progress or (lambda _p: None)
        cancel = cancel or CancelToken()
        run = [self.config]
        self.runs.append(run)
        self.paused_at_start.append(cancel.paused)
        emit(Progress(Phase.SCANNING, message="Looking for changes"))
        emit(Progress(Phase.INDEXING, done=len(self.files), total=len(self.files)))
        emit(Progress(Phase.IDLE, message="Watching for changes"))
        if not self.keep_watching:
            return
        self.indexing.set()
        try:
            while not cancel.cancelled:
                cancel.checkpoint()
                run.append(self.config)  # the real indexer reads its configuration all along
                if cancel.wait(0.02):
                    break
        finally:
            self.indexing.clear()

    def search(self, query: Query, generation: int = 0, **_kw: Any) -> SearchResult:
        self._call("search")
        self.queries.append(query)
        terms = [t.lower() for t in query.terms]
        hits = []
        for r in self.files:
            if r.status == FileStatus.FAILED or (query.kinds and r.kind not in query.kinds):
                continue
            if (query.image_path and r.kind == Kind.PHOTO) or any(
                t in r.name.lower() for t in terms
            ):
                why = (
                    MatchReason(Origin.IMAGE, Source.MEANING, like_image=True)
                    if query.image_path
                    else MatchReason(Origin.NAME, Source.WORDS)
                )
                hits.append(
                    Hit(
                        r.path,
                        r.kind,
                        1.0,
                        why,
                        r.file_id,
                        mtime=r.mtime,
                        taken_at=r.taken_at,
                        confidence=0.9,
                        strong=True,
                    )
                )
        return SearchResult(query, tuple(hits[: query.limit]), 1.0, generation)

    def recent(
        self, query: Query | None = None, limit: int = 300, generation: int = 0
    ) -> BrowseResult:
        self._call("recent")
        self.queries.append(query)
        return recent(cast("FilesTable", _Files(self)), query or Query(), limit, generation)

    def status(self) -> IndexStatus:
        self._call("status")
        roots = tuple(
            RootStatus(
                os.path.abspath(r),
                photos=sum(1 for f in self.files if f.root == r and f.kind == Kind.PHOTO),
                documents=sum(1 for f in self.files if f.root == r and f.kind == Kind.DOCUMENT),
            )
            for r in self.config.roots
        )
        photos = sum(1 for f in self.files if f.kind == Kind.PHOTO)
        return IndexStatus(
            str(self.config.index_dir),
            0,
            roots,
            photos,
            len(self.files) - photos,
            0,
            len(self.problem_list),
            notices=self.notices,
        )

    def problems(self) -> list[Problem]:
        self._call("problems")
        return list(self.problem_list)

    def language_hint(
        self,
        locale_language: str = "",
        query_languages: Any = (),
        kinds: Any = ("documents", "photos"),
    ) -> Any:
        self._call("language_hint")
        self.hint_locales.append(locale_language)
        self.hint_queries.append(tuple(query_languages))
        self.hint_kinds.append(tuple(kinds))
        kind = getattr(self.hint, "kind", "documents")
        return self.hint if kind in kinds else None

    def forget(self, root: str) -> int:
        self._call("forget")
        self.forgot_while_indexing.append(self.indexing.is_set())
        prefix = os.path.abspath(root).rstrip(os.sep) + os.sep
        before = len(self.files)
        self.files = [f for f in self.files if not f.path.startswith(prefix)]
        return before - len(self.files)

    def reload_packs(
        self, active_image_pack: Any = KEEP_PACK, document_pack: Any = KEEP_PACK
    ) -> None:
        self._call("reload_packs")
        self.reloads.append(active_image_pack)
        if active_image_pack is not KEEP_PACK:
            self.config = replace(self.config, active_image_pack=active_image_pack)
        if document_pack is not KEEP_PACK:
            self.config = replace(self.config, document_pack=document_pack)

    # packs are real folders: the fake hands them to the real registry, as the engine does
    def packs(self) -> list[PackInfo]:
        self._call("packs")
        return PackManager(self.config.pack_dirs).list_packs()

    def install_pack(self, src: Path) -> PackInfo:
        self._call("install_pack")
        return PackManager(self.config.pack_dirs).import_pack(src, self.config.pack_dirs[0])

    def remove_pack(self, name: str) -> None:
        self._call("remove_pack")
        PackManager(self.config.pack_dirs).remove(name)

    # shared libraries are real (core.search.libraries), searched by words (no packs here)
    def _shared(self) -> Any:
        from desktop_app.core.search.libraries import Libraries

        with self.lock:
            if self.libraries is None:
                self.libraries = Libraries()
            return self.libraries

    def search_library(self, uri: str, query: Query, timeout: float | None = None) -> Any:
        self._call("search_library")
        return self._shared().get(uri).search(query, None, None, timeout or 20.0)

    def check_library(self, uri: str, timeout: float | None = None) -> str:
        self._call("check_library")
        return str(self._shared().get(uri).check(timeout or 20.0))

    def close_library(self, uri: str) -> None:
        self._call("close_library")
        self._shared().remove(uri)

    def duplicates(self, **_kw: Any) -> DuplicateReport:
        self._call("duplicates")
        return DuplicateReport((), photos=sum(1 for f in self.files if f.kind == Kind.PHOTO))


def sample_files(root: str) -> list[FileRecord]:
    """A small library over three days: photos and documents, one failed."""
    day = 86400.0
    now = time.time()
    return [
        record(f"{root}/Documents/taxes.pdf", Kind.DOCUMENT, now - 1 * day, root=root),
        record(f"{root}/Documents/notes.md", Kind.DOCUMENT, now - 60, root=root),
        record(
            f"{root}/Pictures/beach.jpg",
            Kind.PHOTO,
            now - 2 * day,
            root=root,
            place="Lisbon, Lisbon, Portugal",
        ),
        record(f"{root}/Pictures/cat.png", Kind.PHOTO, now - 120, root=root),
        record(f"{root}/Pictures/raw.dng", Kind.PHOTO, now - 3 * day, root=root),
        record(f"{root}/Pictures/broken.jpg", Kind.PHOTO, now, root=root, status=FileStatus.FAILED),
    ]


def fake_host(
    tmp: Path,
    roots: tuple[str, ...] = (),
    synchronous: bool = True,
    packs_dir: Path | None = None,
    **engine_kw: Any,
) -> tuple[EngineHost, list[FakeEngine]]:
    """A host whose engine is a FakeEngine (made when the host opens it); the list holds it.
    Its packs live in ``packs_dir`` (by default a folder of its own under ``tmp``)."""
    made: list[FakeEngine] = []

    def factory(config: EngineConfig) -> FakeEngine:
        engine = FakeEngine(config, **engine_kw)
        made.append(engine)
        return engine

    config = EngineConfig(tmp / "index", (packs_dir or tmp / "packs",), roots=roots)
    return EngineHost(config, engine_factory=factory, synchronous=synchronous), made
