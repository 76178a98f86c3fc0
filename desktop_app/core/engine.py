"""TroveEngine: the one facade the CLI and the GUI workers use (index, watch, search, status).

CONTRACT FILE: signatures and docstrings are agreed between the engine, the CLI and the GUI.
Implementations replace the ``NotImplementedError`` bodies; change a signature only together
with its callers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import PackInfo
from desktop_app.core.types import IndexSummary, Problem, Progress, Query, SearchResult

ProgressCallback = Callable[[Progress], None]


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


class TroveEngine:
    """Owns the store, the model packs and the indexing pipeline. No Qt.

    Heavy imports (lancedb, onnxruntime) happen in :meth:`open`, never at import time.
    Thread-safety: ``search`` may run on one thread while ``index``/``watch`` run on another.
    """

    def __init__(self, config: EngineConfig) -> None:
        self.config = config

    def open(self) -> None:
        """Open (or create) the index and find the packs. Raises EngineError."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def index(
        self,
        roots: Sequence[str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> IndexSummary:
        """Reconcile the roots (default: config.roots) with the index and process every change."""
        raise NotImplementedError

    def watch(
        self, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> None:
        """Reconcile, then keep the index current from file-system events until cancelled."""
        raise NotImplementedError

    def forget(self, root: str) -> int:
        """Drop every row under ``root``; returns the number of files removed."""
        raise NotImplementedError

    def search(self, query: Query | str, image: str | None = None, limit: int = 50) -> SearchResult:
        """Parse (when given a string), search every space, fuse, explain."""
        raise NotImplementedError

    def status(self) -> IndexStatus:
        raise NotImplementedError

    def problems(self) -> list[Problem]:
        raise NotImplementedError

    def packs(self) -> list[PackInfo]:
        raise NotImplementedError
