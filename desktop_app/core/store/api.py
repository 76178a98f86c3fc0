"""Contract of the index store: one object per table, the rows they hand out, their errors.

Implemented in core/store (index_store.py and one module per table); nothing outside core/store
talks to LanceDB or names a table or a vector dimension. Reads that take ``among`` (a filter's
files, FilesTable.matching) choose their k best among those files, not before them. Writes come from one writer at a time;
reads are safe from any thread and see the latest commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

from desktop_app.core.store.filters import FileFilter
from desktop_app.core.types import Chunk, FileRecord, FileStatus, Kind, PassageSource, Problem
from desktop_app.core.words import WordQuery

Vector = npt.NDArray[np.float32]


class StoreError(Exception):
    """The index cannot be opened or written; the message says what to do."""


class IndexLockedError(StoreError):
    """Another Trove process is writing this index."""


@dataclass(frozen=True)
class KnownFile:
    """The part of a files row that finding changes compares against the disk."""

    file_id: str
    path: str
    root: str
    size: int
    mtime: float
    content_hash: str
    status: FileStatus


@dataclass(frozen=True)
class VectorHit:
    """A nearest neighbour from one embedding space."""

    file_id: str
    score: float  # cosine similarity
    chunk_ordinal: int = -1  # -1 for whole-file vectors (images)
    text: str = ""
    page: int | None = None
    source: PassageSource = PassageSource.TEXT  # the file's text, or read from its pixels
    lang: str = ""  # the passage's language (ISO 639-1), "" unknown or not a passage


@dataclass(frozen=True)
class Background:
    """A pack's sample of stored vectors in one space, and how many it has there in all."""

    sample: Vector
    total: int


@dataclass(frozen=True)
class TextHit:
    """A full-text (BM25) match in a file's name and folders, or in one of its passages."""

    file_id: str
    score: float  # BM25
    field: Literal["name", "text"]
    text: str = ""
    page: int | None = None
    chunk_ordinal: int = -1
    source: PassageSource = PassageSource.TEXT
    lang: str = ""


@dataclass(frozen=True)
class FileCounts:
    photos: int = 0  # readable ones
    documents: int = 0
    pending: int = 0  # stored without the vectors they can have (no pack at the time)


@dataclass(frozen=True)
class RootCounts:
    photos: int = 0
    documents: int = 0
    failed: int = 0


@dataclass(frozen=True)
class WaitingPassage:
    """A passage stored with its words only (full-text searchable), waiting for its vector."""

    file_id: str
    chunk: Chunk


@dataclass(frozen=True)
class OcrRead:
    """What reading the text in one file's pixels gave: its passages (none is an answer too)
    and the content it was read from; a later change of the file makes it due again."""

    file_id: str
    content_hash: str
    chunks: Sequence[Chunk] = ()
    vectors: Vector | None = None


class FilesTable(Protocol):
    """One row per indexed file: what it is, where it is, what was learnt about it."""

    def upsert(self, records: Sequence[FileRecord], new: bool = False) -> None: ...
    def delete(self, file_ids: Iterable[str]) -> None: ...
    def move(self, moves: Sequence[tuple[str, str, str, float]]) -> None: ...
    def known(
        self,
        *,
        paths: Iterable[str] | None = None,
        root: str | None = None,
        under: str | None = None,
        sizes: Iterable[int] | None = None,
    ) -> dict[str, KnownFile]: ...
    def get(self, file_ids: Sequence[str], brief: bool = False) -> dict[str, FileRecord]: ...
    def id_for(self, path: str) -> str | None: ...
    def content_hashes(self, file_ids: Sequence[str]) -> dict[str, str]: ...
    def needing_vectors(self, kind: Kind, have: set[str]) -> list[KnownFile]: ...
    def counts(self) -> FileCounts: ...
    def any_photo(self) -> bool: ...
    def counts_by_root(self) -> dict[str, RootCounts]: ...
    def search_words(
        self,
        terms: str | WordQuery,
        k: int,
        among: frozenset[str] | None = None,
        flt: FileFilter | None = None,
    ) -> list[TextHit]: ...
    def matching(self, flt: FileFilter) -> frozenset[str]: ...
    def recent(
        self,
        limit: int,
        kinds: Sequence[Kind] = (),
        extensions: Sequence[str] = (),
        after: float | None = None,
        before: float | None = None,
        keep: Callable[[str, str], bool] | None = None,
    ) -> tuple[list[FileRecord], int]: ...
    # places
    def to_place(self, every: bool = False) -> list[tuple[str, float, float, str | None]]: ...
    def set_places(self, places: Mapping[str, str]) -> None: ...
    # near-duplicates
    def photos(self) -> list[FileRecord]: ...
    def without_dhash(self) -> list[tuple[str, str]]: ...
    def set_dhashes(self, hashes: Mapping[str, int]) -> None: ...
    def dhashes(self, file_ids: Sequence[str]) -> dict[str, int]: ...
    # text in pictures
    def to_ocr(self) -> list[tuple[str, str, str]]: ...  # (file_id, path, content_hash)
    def ocr_counts(self) -> tuple[int, int]: ...  # (read, waiting)
    def mark_ocr_read(self, reads: Sequence[tuple[str, str]]) -> None: ...  # (id, hash)
    def mark_vectors_done(self, file_ids: Sequence[str]) -> None: ...


class PassagesTable(Protocol):
    """Passages of documents (and text read from pictures) with their vectors."""

    def replace(
        self, items: Sequence[tuple[str, Sequence[Chunk], Vector]], pack_id: str, new: bool = False
    ) -> None: ...
    def replace_ocr(self, reads: Sequence[OcrRead], pack_id: str) -> None: ...
    def replace_words(
        self, items: Sequence[tuple[str, Sequence[Chunk]]], new: bool = False
    ) -> None: ...
    def waiting(self, limit: int) -> list[WaitingPassage]: ...  # earliest passages first
    def give_vectors(
        self, passages: Sequence[WaitingPassage], vectors: Vector, pack_id: str
    ) -> None: ...
    def with_words_waiting(self, file_ids: Sequence[str] | None = None) -> set[str]: ...
    def count_waiting(self) -> int: ...
    def delete(self, file_ids: Iterable[str]) -> None: ...
    def nearest(
        self, vector: Vector, k: int, pack_id: str, among: frozenset[str] | None = None
    ) -> list[VectorHit]: ...
    def search_words(
        self, terms: str | WordQuery, k: int, among: frozenset[str] | None = None
    ) -> list[TextHit]: ...
    def languages(self) -> tuple[str, ...]: ...
    def background(self, like: Vector, pack_id: str) -> Background: ...
    def file_ids(self, pack_id: str) -> set[str]: ...
    def count(self) -> int: ...
    def per_pack(self) -> dict[str, int]: ...
    def of_other_packs(self, keep: str, limit: int) -> list[WaitingPassage]: ...
    def count_other_packs(self, keep: str) -> int: ...
    def move_to_pack(
        self, passages: Sequence[WaitingPassage], vectors: Vector, pack_id: str
    ) -> int: ...


class ImageVectorsTable(Protocol):
    """One vector per photo and image pack."""

    def write(
        self, file_ids: Sequence[str], vectors: Vector, pack_id: str, new: bool = False
    ) -> None: ...
    def delete(self, file_ids: Iterable[str]) -> None: ...
    def nearest(
        self, vector: Vector, k: int, pack_id: str, among: frozenset[str] | None = None
    ) -> list[VectorHit]: ...
    def vector(self, file_id: str, pack_id: str) -> Vector | None: ...
    def vectors(self, file_ids: Sequence[str], pack_id: str) -> dict[str, Vector]: ...
    def matrix(self, pack_id: str) -> tuple[list[str], Vector]: ...
    def background(self, like: Vector, pack_id: str) -> Background: ...
    def file_ids(self, pack_id: str) -> set[str]: ...
    def with_vector(self, file_ids: Sequence[str], pack_id: str) -> set[str]: ...
    def count(self) -> int: ...
    def per_pack(self) -> dict[str, int]: ...
    def count_other_packs(self, pack_id: str) -> int: ...
    def drop_other_packs(self, keep: str) -> int: ...


class ProblemsTable(Protocol):
    """Files (and folders) that could not be indexed, with a reason a person can act on."""

    def record(self, problems: Sequence[Problem]) -> None: ...
    def clear(self, paths: Sequence[str]) -> None: ...
    def clear_under(self, folder: str) -> None: ...
    def all(self) -> list[Problem]: ...
    def count(self) -> int: ...


class MetaTable(Protocol):
    """Values the index keeps about itself (which gazetteer named its places, ...)."""

    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...


class Store(Protocol):
    """The index folder: its tables, and what spans them."""

    @property
    def files(self) -> FilesTable: ...
    @property
    def passages(self) -> PassagesTable: ...
    @property
    def images(self) -> ImageVectorsTable: ...
    @property
    def problems(self) -> ProblemsTable: ...
    @property
    def meta(self) -> MetaTable: ...
    @property
    def read_only(self) -> bool: ...

    def remove_files(self, file_ids: Iterable[str]) -> None: ...  # the rows and their vectors
    def needs_maintenance(self) -> bool: ...
    def maintain(self) -> None: ...  # compact, drop old versions, refresh full-text indexes
    def size_bytes(self) -> int: ...
    def close(self) -> None: ...
