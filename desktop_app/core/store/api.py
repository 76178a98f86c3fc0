"""Contract of the index store (implemented in core/store/index_store.py).

Nothing outside core/store talks to LanceDB. Every method is safe to call from the one writer
thread; the read methods are safe from any thread and always see the latest commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from desktop_app.core.types import Chunk, FileRecord, Problem


class StoreError(Exception):
    """The index cannot be opened or written; the message says what to do."""


class IndexLockedError(StoreError):
    """Another Trove process is writing this index."""


@dataclass(frozen=True)
class KnownFile:
    """The part of a files-table row the reconcile step compares against the disk."""

    file_id: str
    path: str
    size: int
    mtime: float
    content_hash: str
    status: str


@dataclass(frozen=True)
class VectorHit:
    """A nearest neighbour from one embedding space."""

    file_id: str
    score: float  # cosine similarity
    chunk_ordinal: int = -1  # -1 for whole-file vectors (images)
    text: str = ""
    page: int | None = None
    source: str = ""  # where the passage came from: "" the file's text, "ocr" its pixels


@dataclass(frozen=True)
class Background:
    """A pack's sample of stored vectors in one space, and how many it has there in all."""

    sample: npt.NDArray[np.float32]
    total: int


@dataclass(frozen=True)
class TextHit:
    file_id: str
    score: float  # BM25
    field: str  # 'name', 'path' or 'text'
    text: str = ""
    page: int | None = None
    chunk_ordinal: int = -1
    source: str = ""  # "ocr": a passage read from the pixels


class Store(Protocol):
    # writes (one writer thread)
    def upsert_files(self, records: Sequence[FileRecord], new: bool = False) -> None: ...
    def write_chunks(
        self,
        file_id: str,
        chunks: Sequence[Chunk],
        vectors: npt.NDArray[np.float32] | None,
        pack_id: str,
    ) -> None: ...
    def write_image_vectors(
        self, file_ids: Sequence[str], vectors: npt.NDArray[np.float32], pack_id: str
    ) -> None: ...
    def delete_files(self, file_ids: Iterable[str]) -> None: ...
    def delete_under(self, folder: str) -> int: ...
    def move_file(self, file_id: str, new_path: str, new_root: str, mtime: float) -> None: ...
    def set_places(self, places: dict[str, str]) -> None: ...  # file_id -> place
    def set_meta(self, key: str, value: str) -> None: ...
    def record_problem(self, problem: Problem) -> None: ...
    def clear_problem(self, path: str) -> None: ...
    def maintain(self) -> None: ...  # compact, clean old versions, refresh FTS when idle

    # reads
    def known_files(self, root: str | None = None) -> dict[str, KnownFile]: ...
    def get_files(self, file_ids: Sequence[str], brief: bool = False) -> dict[str, FileRecord]: ...
    def search_images(
        self, vector: npt.NDArray[np.float32], k: int, pack_id: str
    ) -> list[VectorHit]: ...
    def search_chunks(
        self, vector: npt.NDArray[np.float32], k: int, pack_id: str
    ) -> list[VectorHit]: ...
    def search_text(self, terms: str, k: int) -> list[TextHit]: ...
    def image_vector(self, file_id: str, pack_id: str) -> npt.NDArray[np.float32] | None: ...
    def background(self, space: str, dim: int, pack_id: str) -> Background: ...

    def file_id_for(self, path: str) -> str | None: ...
    def photos_to_place(
        self, every: bool = False
    ) -> list[tuple[str, float, float, str | None]]: ...
    def get_meta(self, key: str) -> str | None: ...
    def files_missing_vectors(self, space: str, pack_id: str) -> list[str]: ...
    def problems(self) -> list[Problem]: ...
    def counts(self) -> dict[str, int]: ...  # 'photo', 'document', 'failed', 'chunks', 'images'
    def vectors_per_pack(self, space: str | None = None) -> dict[str, int]: ...

    # near-duplicates
    def photo_records(self) -> list[FileRecord]: ...
    def photos_without_dhash(self) -> list[tuple[str, str]]: ...
    def set_dhashes(self, hashes: dict[str, int]) -> None: ...
    def dhashes(self, file_ids: Sequence[str]) -> dict[str, int]: ...
    def image_matrix(self, pack_id: str) -> tuple[list[str], npt.NDArray[np.float32]]: ...
    def image_vectors(
        self, file_ids: Sequence[str], pack_id: str
    ) -> dict[str, npt.NDArray[np.float32]]: ...

    def pack_file_ids(self, space: str, pack_id: str) -> set[str]: ...

    # text in pictures (OCR)
    def files_to_ocr(self) -> list[tuple[str, str, str]]: ...  # (file_id, path, content_hash)
    def ocr_counts(self) -> tuple[int, int]: ...  # (read, waiting)
    def write_ocr(
        self,
        items: Sequence[tuple[str, str, Sequence[Chunk], npt.NDArray[np.float32] | None]],
        pack_id: str,
    ) -> None: ...

    def drop_pack_vectors(self, space: str, keep: str) -> int: ...

    def other_pack_vectors(self, space: str, pack_id: str) -> int: ...
    def size_bytes(self) -> int: ...
    def close(self) -> None: ...
