"""Helpers of the index store: a read/write lock against compaction, resident vectors."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt


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

    def rows_for(self, pack_id: str) -> npt.NDArray[np.intp]:
        rows = self._masks.get(pack_id)
        if rows is None:
            rows = np.flatnonzero(self.packs == pack_id)
            self._masks[pack_id] = rows
        return rows

    def row_of(self, file_id: str, pack_id: str) -> int | None:
        """The row holding this file's vector of this pack (an id map built once per pack)."""
        index = self._rows.get(pack_id)
        if index is None:
            rows = self.rows_for(pack_id)
            index = self._rows[pack_id] = dict(
                zip(self.ids[rows].tolist(), rows.tolist(), strict=True)
            )
        return index.get(file_id)
