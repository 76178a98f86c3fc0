"""TroveEngine: the one facade the CLI and the GUI workers use (index, watch, search, status)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from desktop_app.core.cancel import CancelToken
from desktop_app.core.config import EngineConfig
from desktop_app.core.embed.api import PackInfo
from desktop_app.core.packs.active import KEEP_PACK, KeepChoice
from desktop_app.core.types import (
    BrowseResult,
    DuplicateReport,
    IndexStatus,
    IndexSummary,
    Kind,
    Problem,
    Progress,
    Query,
    RootState,
    RootStatus,
    SearchResult,
)

if TYPE_CHECKING:
    from pathlib import Path

    from desktop_app.core.assembly import EngineParts
    from desktop_app.core.packs import PackManager
    from desktop_app.core.packs.active import ActivePacks
    from desktop_app.core.packs.suggest import LanguageHint
    from desktop_app.core.scan.watch import ChangeBatch
    from desktop_app.core.search.libraries import Libraries, LibraryAnswer
    from desktop_app.core.store.index_store import IndexStore

ProgressCallback = Callable[[Progress], None]


class EngineError(Exception):
    """A failure a person can act on; ``str(exc)`` is one plain sentence."""


class Engine(Protocol):
    """The facade the window's host drives: TroveEngine is one, a test's stand-in another."""

    config: EngineConfig

    def open(self, read_only: bool = False) -> None: ...
    def close(self) -> None: ...
    def prepare_search(self) -> None: ...
    def watch(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> None: ...
    def search(self, query: Query, *, generation: int = 0) -> SearchResult: ...
    def recent(
        self, query: Query | None = None, limit: int = 300, generation: int = 0
    ) -> BrowseResult: ...
    def duplicates(
        self, *, compute_missing: bool = True, cancel: CancelToken | None = None
    ) -> DuplicateReport: ...
    def status(self) -> IndexStatus: ...
    def problems(self) -> list[Problem]: ...
    def language_hint(
        self,
        locale_language: str = "",
        query_languages: Sequence[str] = (),
        kinds: Sequence[str] = ("documents", "photos"),
    ) -> LanguageHint | None: ...
    def forget(self, root: str) -> int: ...
    def reload_packs(
        self,
        active_image_pack: str | KeepChoice | None = KEEP_PACK,
        document_pack: str | KeepChoice | None = KEEP_PACK,
    ) -> None: ...
    def packs(self) -> list[PackInfo]: ...
    def install_pack(self, src: Path) -> PackInfo: ...
    def remove_pack(self, name: str) -> None: ...
    def search_library(
        self, uri: str, query: Query, timeout: float | None = None
    ) -> LibraryAnswer: ...
    def check_library(self, uri: str, timeout: float | None = None) -> str: ...
    def close_library(self, uri: str) -> None: ...


class TroveEngine:
    """Lifecycle and delegation, no Qt: the parts (store, packs, search, the keeper of the
    index) come from one factory, core.assembly.assemble, or from the caller (tests).

    Heavy imports (lancedb, onnxruntime) happen in :meth:`open`, never at import time.
    ``search`` may run on one thread while ``index``/``watch`` run on another and ``forget``
    on a third: writes take turns through one writer.
    """

    def __init__(self, config: EngineConfig, parts: EngineParts | None = None) -> None:
        self.config = config
        self._parts = parts
        self._packs_owner: PackManager | None = None
        self._libraries: Libraries | None = None  # shared libraries, opened when first asked
        self.read_only = False

    # --- lifecycle -------------------------------------------------------------------

    def open(self, read_only: bool = False) -> None:
        """Open (or create) the index and find the packs. Raises EngineError."""
        from desktop_app.core.assembly import assemble
        from desktop_app.core.store.api import StoreError
        from desktop_app.core.store.connection import describe_write_error

        self.read_only = read_only
        if self._parts is not None:
            return
        try:
            self._parts = assemble(lambda: self.config, read_only, self.pack_manager())
        except StoreError as exc:
            raise EngineError(str(exc)) from exc
        except OSError as exc:
            raise EngineError(describe_write_error(exc, self.config.index_dir)) from exc

    def prepare_search(self) -> None:
        """Start building what makes vector search fast (the large tables' first stages) on
        a thread of its own; returns at once. The window calls it after opening; a one-off
        command does not (its one query would share the CPU with the build)."""
        self.store.prepare_search()

    def close(self) -> None:
        if self._libraries is not None:
            self._libraries.close()
            self._libraries = None
        if self._parts is not None:
            self._parts.keeper.stop_watching()
            self._parts.packs.unload()
            self._parts.store.close()
            self._parts = None

    @property
    def parts(self) -> EngineParts:
        if self._parts is None:
            raise EngineError("the index is not open")
        return self._parts

    @property
    def store(self) -> IndexStore:
        return self.parts.store

    @property
    def active_packs(self) -> ActivePacks:
        """Which packs answer now (the document and image encoders)."""
        return self.parts.packs

    def reload_packs(
        self,
        active_image_pack: str | KeepChoice | None = KEEP_PACK,
        document_pack: str | KeepChoice | None = KEEP_PACK,
    ) -> None:
        """Pick up installed/removed packs without reopening; ``active_image_pack`` chooses the
        image pack (a name, or None for the best installed), ``document_pack`` the document
        pack (None: the default one), by default the current choices. A new document pack
        re-embeds the passages in the background while the older one answers for them."""
        if not isinstance(active_image_pack, KeepChoice):
            self.config = replace(self.config, active_image_pack=active_image_pack)
        if not isinstance(document_pack, KeepChoice):
            self.config = replace(self.config, document_pack=document_pack)
        self.parts.packs.load()

    def _writer_parts(self) -> EngineParts:
        parts = self.parts
        if self.read_only:
            raise EngineError("the index is open for reading only")
        return parts

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """A failed write (full or read-only disk) is an EngineError, one plain sentence."""
        from desktop_app.core.store.api import StoreError

        try:
            yield
        except StoreError as exc:
            raise EngineError(str(exc)) from exc

    # --- indexing --------------------------------------------------------------------

    def index(
        self,
        roots: Sequence[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> IndexSummary:
        """Reconcile the roots (default: config.roots) with the index and process every change."""
        keeper = self._writer_parts().keeper
        with self._errors():
            return keeper.index(roots, progress, cancel)

    def apply_batch(
        self,
        batch: ChangeBatch,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        more_waiting: Callable[[], bool] | None = None,
    ) -> IndexSummary:
        """Apply a watcher's batch (core.indexing.keeper.IndexKeeper.apply_batch)."""
        keeper = self._writer_parts().keeper
        with self._errors():
            return keeper.apply_batch(batch, progress, cancel, more_waiting)

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
        keeper = self._writer_parts().keeper
        with self._errors():
            keeper.watch(progress, cancel, settle_s, poll_interval_s, watch_limit)

    def forget(self, root: str) -> int:
        """Drop every row under ``root``; returns the number of files removed. A scan or a
        pass under way does not wait to finish first, and writes nothing under it after."""
        keeper = self._writer_parts().keeper
        with self._errors():
            return keeper.forget(root)

    # --- queries ---------------------------------------------------------------------

    def search(
        self, query: Query | str, image: str | None = None, limit: int = 50, generation: int = 0
    ) -> SearchResult:
        """Parse (when given a string), search every space, fuse, explain."""
        from desktop_app.core.imaging import ImageDecodeError
        from desktop_app.core.search.query import parse_query

        search = self.parts.search
        if isinstance(query, str):
            query = parse_query(query, image_path=image, limit=limit)
        if query.image_path and not os.path.isfile(query.image_path):
            raise EngineError(f"cannot read the image {query.image_path}: no such file")
        try:
            if query.image_path and self.parts.packs.image is None:
                from desktop_app.core.search.copies import copies_of

                return copies_of(self.parts.store, query, generation)
            try:
                return search.search(query, generation)
            except (OSError, RuntimeError) as exc:
                # Another process compacted the index mid-query: the next read sees the new files.
                if "Not found" not in str(exc):
                    raise
                return search.search(query, generation)
        except ImageDecodeError as exc:
            raise EngineError(f"cannot use {query.image_path} as a query: {exc}") from exc

    # --- shared libraries --------------------------------------------------------------

    def _shared(self) -> Libraries:
        if self._libraries is None:
            from desktop_app.core.search.libraries import Libraries

            self._libraries = Libraries()
        return self._libraries

    def search_library(self, uri: str, query: Query, timeout: float | None = None) -> LibraryAnswer:
        """Search the shared library at ``uri`` (opened read-only when first asked, kept open
        until closed) with this engine's packs, on the library's own thread, waiting up to
        ``timeout`` (core.search.libraries.ANSWER_S): its hits, or why there are none."""
        from desktop_app.core.search.libraries import ANSWER_S

        packs = self.parts.packs
        lib = self._shared().get(uri)
        return lib.search(query, packs.text, packs.image, ANSWER_S if timeout is None else timeout)

    def check_library(self, uri: str, timeout: float | None = None) -> str:
        """Why the library at ``uri`` cannot be searched now; "" when it answers."""
        from desktop_app.core.search.libraries import ANSWER_S

        return self._shared().get(uri).check(ANSWER_S if timeout is None else timeout)

    def close_library(self, uri: str) -> None:
        """The library was removed: close it (at once; a search under way ends on its own)."""
        self._shared().remove(uri)

    def recent(
        self, query: Query | None = None, limit: int = 300, generation: int = 0
    ) -> BrowseResult:
        """The newest files (date taken, else modified) that pass the query's filters — type,
        folder, date, place; its words are ignored. What the window shows before a search."""
        from desktop_app.core.search.browse import recent

        return recent(self.parts.store.files, query or Query(), limit, generation)

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
        from desktop_app.core.indexing.passes.hashes import hash_batches
        from desktop_app.core.search.duplicates import find_duplicates

        parts = self.parts
        records = parts.store.files.photos()
        if compute_missing and any(r.dhash is None for r in records):
            todo = [(r.file_id, r.path) for r in records if r.dhash is None]
            hashes: dict[str, int] = {}
            for part in hash_batches(todo, cancel):
                hashes.update(part)
            records = [replace(r, dhash=hashes.get(r.file_id, r.dhash)) for r in records]
        image = parts.packs.image
        vectors = parts.store.images.matrix(image.pack_id) if image is not None else None
        return find_duplicates(records, vectors, cancel, progress)

    def status(self) -> IndexStatus:
        from desktop_app.core.store.api import RootCounts

        parts = self.parts
        store, keeper, packs = parts.store, parts.keeper, parts.packs
        counts = store.files.counts()
        per_root = store.files.counts_by_root()
        roots = []
        for r in self.config.roots:
            ra = os.path.abspath(r)
            c = per_root.get(ra, RootCounts())
            if ra in keeper.missing_roots or not os.path.isdir(ra):
                state = RootState.MISSING
            elif ra in keeper.polling_roots:
                state = RootState.POLLING
            else:
                state = RootState.OK
            roots.append(RootStatus(ra, c.photos, c.documents, c.failed, state))
        ocr_read, ocr_pending = store.files.ocr_counts()
        per_pack = store.passages.per_pack()
        for pack, n in store.images.per_pack().items():
            per_pack[pack] = per_pack.get(pack, 0) + n
        return IndexStatus(
            index_dir=str(self.config.index_dir),
            size_bytes=store.size_bytes(),
            roots=tuple(roots),
            photos=counts.photos,
            documents=counts.documents,
            passages=store.passages.count(),
            failed=store.problems.count(),
            vectors_per_pack=per_pack,
            image_pack=packs.image.pack_id if packs.image else None,
            document_pack=packs.text.pack_id if packs.text else None,
            pending_vectors=counts.pending,
            notices=tuple(keeper.all_notices() + packs.all_notices()),
            ocr_read=ocr_read,
            ocr_pending=ocr_pending,
            ocr_enabled=self.config.ocr,
            passages_waiting=store.passages.count_waiting(),
            search_memory_bytes=store.search_memory(),
        )

    def problems(self) -> list[Problem]:
        return self.parts.store.problems.all()

    def language_hint(
        self,
        locale_language: str = "",
        query_languages: Sequence[str] = (),
        kinds: Sequence[str] = ("documents", "photos"),
    ) -> LanguageHint | None:
        """Should the window offer a multilingual model? (core.packs.suggest): the languages
        the index records and ``locale_language`` against the document pack's, then the
        languages of queries the photo pack could not read (``query_languages``) and
        ``locale_language`` against the photo pack's, for the ``kinds`` still to ask about."""
        from desktop_app.core.packs.get.hub import (
            MULTILINGUAL_DOCUMENTS,
            MULTILINGUAL_PHOTOS,
            hub_preset,
        )
        from desktop_app.core.packs.suggest import language_hint

        parts = self.parts
        installed = [p.name for p in self.packs()]
        text, image = parts.packs.text, parts.packs.image
        # no meaning at all yet: the window says so otherwise
        if "documents" in kinds and text is not None:
            hint = language_hint(
                parts.store.passages.languages(),
                locale_language,
                text.languages,
                hub_preset(MULTILINGUAL_DOCUMENTS),
                installed,
            )
            if hint is not None:
                return hint
        if "photos" in kinds and image is not None and parts.store.files.any_photo():
            return language_hint(
                query_languages,
                locale_language,
                image.languages,
                hub_preset(MULTILINGUAL_PHOTOS),
                installed,
                kind="photos",
            )
        return None

    # --- model packs: the engine owns them; the window and the CLI come here ---------------

    def pack_manager(self) -> PackManager:
        """The packs' one owner, built once from the configuration: the open index's packs
        and a command that never opens the index use the same."""
        if self._parts is not None:
            return self._parts.packs.manager  # the same, unless the caller built the parts
        if self._packs_owner is None:
            from desktop_app.core.packs.active import new_pack_manager

            self._packs_owner = new_pack_manager(self.config)
        return self._packs_owner

    def packs(self) -> list[PackInfo]:
        """Every installed pack, the user's folder first (a name there hides a bundled one)."""
        return list(self.pack_manager().list_packs())

    def install_pack(self, src: Path) -> PackInfo:
        """Copy a pack (a folder or a .zip) into the user's packs folder, checked; the engine
        picks it up at :meth:`reload_packs`."""
        return self.pack_manager().import_pack(src, self.config.pack_dirs[0])

    def remove_pack(self, name: str) -> None:
        """Delete an installed pack's folder (a bundled one cannot be removed)."""
        self.pack_manager().remove(name)


__all__ = [
    "KEEP_PACK",
    "Engine",
    "EngineConfig",
    "EngineError",
    "IndexStatus",
    "Kind",
    "RootStatus",
    "TroveEngine",
]
