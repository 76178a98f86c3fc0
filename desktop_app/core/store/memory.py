"""Helpers of the index store: a read/write lock against compaction, resident vectors."""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)


def top_k(scores: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.intp]:
    """Positions of the k highest scores, best first."""
    k = min(k, scores.shape[0])
    if k <= 0:
        return np.zeros(0, dtype=np.intp)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


class ReadWriteLock:
    """Many readers or one maintainer: compaction deletes files an in-flight read may need."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextlib.contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._readers:
                self._cond.wait()
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


F = TypeVar("F", bound=Callable[..., Any])


def reading(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(self._rw_local, "depth", 0):  # already inside a read: don't wait on ourselves
            return fn(self, *args, **kwargs)
        with self._rw.read():
            self._rw_local.depth = 1
            try:
                return fn(self, *args, **kwargs)
            finally:
                self._rw_local.depth = 0

    return wrapper  # type: ignore[return-value]


class Resident:
    """Vectors of one table held in memory for exact search (numpy beats a flat scan 10x)."""

    def __init__(
        self,
        version: int,
        ids: npt.NDArray[Any],
        packs: npt.NDArray[Any],
        vectors: npt.NDArray[np.float32],
        ordinals: npt.NDArray[np.int32] | None,
    ) -> None:
        self.version = version
        self.ids = ids
        self.packs = packs
        self.vectors = vectors
        self.ordinals = ordinals
        self._masks: dict[str, npt.NDArray[np.intp]] = {}
        self._rows: dict[str, dict[str, int]] = {}
        self._files: tuple[dict[str, int], npt.NDArray[np.int32]] | None = None

    def top(
        self, q: npt.NDArray[np.float32], k: int, rows: npt.NDArray[np.intp]
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]:
        """The k rows (of ``rows``) nearest to q by exact inner product, best first."""
        full = rows.shape[0] == self.vectors.shape[0]
        scores = (self.vectors if full else self.vectors[rows]) @ q
        best = top_k(scores, k)
        return rows[best], scores[best]

    def rows_for(self, pack_id: str) -> npt.NDArray[np.intp]:
        rows = self._masks.get(pack_id)
        if rows is None:
            rows = np.flatnonzero(self.packs == pack_id)
            self._masks[pack_id] = rows
        return rows

    def rows_among(self, pack_id: str, file_ids: frozenset[str]) -> npt.NDArray[np.intp]:
        """The rows of ``pack_id`` whose file is one of ``file_ids`` (a filter's files): a
        mask over the matrix, so the nearest are chosen among them, not cut before them."""
        index, codes = self._file_codes()
        chosen = np.zeros(len(index) + 1, dtype=bool)  # the last slot: files not in the matrix
        chosen[[index.get(f, len(index)) for f in file_ids]] = True
        chosen[len(index)] = False
        rows = self.rows_for(pack_id)
        return rows[chosen[codes[rows]]]

    def _file_codes(self) -> tuple[dict[str, int], npt.NDArray[np.int32]]:
        """A number per file and, per row, its file's number (a file has many passages)."""
        if self._files is None:
            index: dict[str, int] = {}
            codes = np.fromiter(
                (index.setdefault(f, len(index)) for f in self.ids.tolist()),
                dtype=np.int32,
                count=self.ids.shape[0],
            )
            self._files = (index, codes)
        return self._files

    def row_of(self, file_id: str, pack_id: str) -> int | None:
        """The row holding this file's vector of this pack (an id map built once per pack)."""
        index = self._rows.get(pack_id)
        if index is None:
            rows = self.rows_for(pack_id)
            index = self._rows[pack_id] = dict(
                zip(self.ids[rows].tolist(), rows.tolist(), strict=True)
            )
        return index.get(file_id)
