"""Nearest neighbours over the vector tables: exact over a resident float32 matrix below
firststage.MIN_ROWS rows, a first stage in memory (sign bits scanned, candidates re-scored from a
float16 copy) beyond; LanceDB's own search (IVF_SQ with refine past EXACT_LIMIT rows) answers
while a first stage is being built. Also the per-pack sample of stored vectors a query's scores
are calibrated against. The store opens the tables and hands them in."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.store import firststage
from desktop_app.core.store.api import Background
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.filters import quote as _q
from desktop_app.core.store.firststage import FirstStage, StageBuilder
from desktop_app.core.store.memory import Resident

# Past this many vectors maintenance builds LanceDB's IVF_SQ index: it answers (~36 ms at 1M)
# while the first stage is built after a start (~10 s at 1M).
EXACT_LIMIT = 200_000
# Probes: at 1M clustered vectors (244 partitions) 40 missed a query's whole cluster now and
# then (recall@10 0.92, a few queries 0); 80 found it every time (1.0). Refine: re-score at least
# ANN_REFINE_ROWS rows in float32, at least twice k: k=200 with factor 10 read 2,000 vectors at
# random and took ~2x as long as factor 2 at the same recall (tests/benchmarks/bench_query.py).
ANN_NPROBES = 80
ANN_REFINE_ROWS = 100
# A filter over an ANN-sized table: up to this many files are a prefilter on their ids; more
# are found in a cut ANN_OVERFETCH times larger (at most ANN_MAX_CUT rows), kept if theirs.
ANN_PREFILTER_IDS = 2000
ANN_OVERFETCH = 8
ANN_MAX_CUT = 4000
BACKGROUND_ROWS = 1024  # stored vectors a query is compared with to calibrate its scores
BACKGROUND_REFRESH_S = 60.0  # a large (ANN) table's sample is re-read at most this often

PASSAGES_PREFIX = "chunks"  # the passages' vector tables: their rows carry ordinals
Scored = list[tuple[float, str, int]]  # (cosine, file_id, ordinal or -1), best first


class VectorSpaces:
    """What is kept per vector table between queries: its resident matrix (for one table
    version) or its first stage, whether it holds vectors of more than one pack, and a
    background sample per pack. Safe to use from several threads. ``folder`` holds the first
    stages' float16 copies (unnamed files, gone with the process)."""

    def __init__(
        self,
        folder: Path | None = None,
        reading: Callable[[], AbstractContextManager[None]] = contextlib.nullcontext,
        shared: bool = False,
    ) -> None:
        self._folder = folder
        # a shared library (object storage, a NAS; written by `trove cluster index`) may hold
        # far more vectors than this computer should read: where its table has a vector index,
        # that index answers, and no first stage is built from the whole table
        self._shared = shared
        self._by_index: dict[str, tuple[int, bool]] = {}
        self._stages: dict[str, FirstStage] = {}
        self._builder = StageBuilder(reading)
        self._resident: dict[str, Resident] = {}
        self._lock = threading.Lock()
        self._mixed: dict[str, tuple[tuple[int, str], bool]] = {}
        self._background: dict[tuple[str, str], tuple[int, float, Background]] = {}

    def resident(self, t: Any, with_ordinals: bool) -> Resident:
        """The table's vectors in memory, read again when the table has a newer version."""
        version = int(t.version)
        with self._lock:
            cached = self._resident.get(t.name)
            if cached is not None and cached.version == version:
                return cached
            cols = ["file_id", "pack_id", "vector"] + (["ordinal"] if with_ordinals else [])
            tbl = t.to_arrow().select(cols)
            n = tbl.num_rows
            dim = t.schema.field("vector").type.list_size
            if n:
                flat = (
                    tbl.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
                )
                vectors = np.ascontiguousarray(flat.reshape(n, dim), dtype=np.float32)
            else:
                vectors = np.zeros((0, dim), dtype=np.float32)
            res = Resident(
                version,
                np.asarray(tbl.column("file_id").to_pylist(), dtype=object),
                np.asarray(tbl.column("pack_id").to_pylist(), dtype=object),
                vectors,
                np.asarray(tbl.column("ordinal").to_numpy(), dtype=np.int32)
                if with_ordinals
                else None,
            )
            self._resident[t.name] = res
            return res

    def current(self, t: Any) -> Resident | None:
        """The resident matrix if one is loaded for the table's current version."""
        with self._lock:
            res = self._resident.get(t.name)
        return res if res is not None and res.version == int(t.version) else None

    def nearest(
        self,
        t: Any,
        q: npt.NDArray[np.float32],
        k: int,
        pack_id: str,
        chunks: bool,
        among: frozenset[str] | None = None,
    ) -> Scored:
        """The k vectors of ``pack_id`` closest to ``q`` (of the files ``among``, when
        given): exact, or by the ANN index."""
        if among is not None and not among:
            return []
        res = self.current(t)
        if res is None:  # the table changed: is it large enough for a first stage?
            if self.answered_by_index(t):
                return self._ann(t, q, k, pack_id, chunks, among)
            stage = self.stage(t, chunks)
            if stage is not None:
                if stage.version is not None:  # ready, perhaps a version behind for a moment
                    return stage.nearest(q, k, pack_id, among)
                return self._ann(t, q, k, pack_id, chunks, among)
            res = self.resident(t, with_ordinals=chunks)
        rows = res.rows_for(pack_id) if among is None else res.rows_among(pack_id, among)
        if rows.size == 0:
            return []
        best, scores = res.top(q, k, rows)
        out = []
        for row, score in zip(best.tolist(), scores.tolist(), strict=True):
            ordinal = int(res.ordinals[row]) if res.ordinals is not None else -1
            out.append((score, str(res.ids[row]), ordinal))
        return out

    def stage(self, t: Any, chunks: bool) -> FirstStage | None:
        """The table's first stage (None for a table below firststage.MIN_ROWS rows), asked to
        catch up with the table's version on the builder's thread; until its first build ends
        its ``version`` is None."""
        with self._lock:
            stage = self._stages.get(t.name)
        if stage is None:
            if t.count_rows() < firststage.MIN_ROWS or self.answered_by_index(t):
                return None
            dim = int(t.schema.field("vector").type.list_size)
            with self._lock:
                stage = self._stages.setdefault(
                    t.name, FirstStage(t.name, dim, chunks, self._folder)
                )
                self._resident.pop(t.name, None)  # the first stage answers from now on
        if stage.version != int(t.version):
            self._builder.request(stage, t)
        return stage

    def answered_by_index(self, t: Any) -> bool:
        """Is this a shared library's large table with a vector index (its index answers)?"""
        if not self._shared:
            return False
        version = int(t.version)
        with self._lock:
            known = self._by_index.get(t.name)
        if known is None or known[0] != version:
            known = (version, t.count_rows() >= firststage.MIN_ROWS and self.has_index(t))
            with self._lock:
                self._by_index[t.name] = known
        return known[1]

    def prepare(self, tables: list[Any]) -> None:
        """Start building the first stages of the large tables among ``tables`` (returns at
        once: LanceDB's search answers until they are ready)."""
        for t in tables:
            self.stage(t, t.name.startswith(PASSAGES_PREFIX))

    def memory(self) -> dict[str, tuple[int, int]]:
        """Per table: (rows in its first stage or resident matrix, bytes they hold in memory)."""
        with self._lock:
            out = {n: (s.rows(), s.bytes_in_memory()) for n, s in self._stages.items()}
            for n, r in self._resident.items():
                out[n] = (int(r.vectors.shape[0]), int(r.vectors.nbytes))
        return out

    def close(self) -> None:
        self._builder.close()

    @staticmethod
    def has_index(t: Any) -> bool:
        return any("vector" in (ix.columns or []) for ix in t.list_indices())

    def _ann(
        self,
        t: Any,
        q: npt.NDArray[np.float32],
        k: int,
        pack_id: str,
        chunks: bool,
        among: frozenset[str] | None = None,
    ) -> Scored:
        """IVF_SQ with refine: recall@10 1.0 at 1M clustered vectors. Among a
        filter's few files: a prefilter on their ids; among many: the nearest of a larger
        cut that are theirs (a long IN list costs more than the search)."""
        cols = ["file_id", "ordinal", "_distance"] if chunks else ["file_id", "_distance"]
        conds = [f"pack_id = {_q(pack_id)}"] if self.other_packs_in(t, pack_id) else []
        # only while an image pack change is under way: the filter reads every row's pack
        if among is not None and len(among) <= ANN_PREFILTER_IDS:
            conds.append(_in("file_id", sorted(among)))
            among = None
        limit = k if among is None else min(ANN_MAX_CUT, k * ANN_OVERFETCH)
        query = (
            t.search(q, vector_column_name="vector")
            .distance_type("cosine")
            .nprobes(ANN_NPROBES)
            .refine_factor(max(2, -(-ANN_REFINE_ROWS // limit)))
            .limit(limit)
            .select(cols)
        )
        if conds:
            query = query.where(" AND ".join(conds), prefilter=True)
        rows = query.to_arrow().to_pylist()
        out = [
            (1.0 - float(r["_distance"]), r["file_id"], int(r["ordinal"]) if chunks else -1)
            for r in rows
            if among is None or r["file_id"] in among
        ]
        return out[:k]

    def other_packs_in(self, t: Any, pack_id: str) -> bool:
        """Does ``t`` hold vectors of another pack? Counted once per table version."""
        key = (int(t.version), pack_id)
        cached = self._mixed.get(t.name)
        if cached is None or cached[0] != key:
            cached = (key, bool(t.count_rows(f"pack_id != {_q(pack_id)}")))
            self._mixed[t.name] = cached
        return cached[1]

    def build_index(self, t: Any, trained_rows: int) -> int:
        """Past EXACT_LIMIT rows a resident matrix costs too much memory and time: build the
        ANN index (again once the table has doubled since ``trained_rows``). Returns the rows
        it was trained on, or 0 when nothing was built."""
        n = int(t.count_rows())
        if n <= EXACT_LIMIT or (self.has_index(t) and n < 2 * trained_rows):
            return 0  # optimize() folds new rows into the partitions until n doubles
        t.create_index(
            metric="cosine",
            index_type="IVF_SQ",
            num_partitions=max(16, n // 4096),  # ~4k vectors a partition
            vector_column_name="vector",
            replace=True,
        )
        with self._lock:
            self._resident.pop(t.name, None)  # free the matrix: the index answers now
        return n

    def warm(self, tables: list[Any], timeout: float | None) -> None:
        """Build the first stages (or load the small tables' matrices) now, waiting up to
        ``timeout`` for them."""
        for t in tables:
            chunks = t.name.startswith(PASSAGES_PREFIX)
            if t.count_rows() and self.stage(t, chunks) is None:
                self.resident(t, with_ordinals=chunks)
        self._builder.wait(timeout)

    def background(self, t: Any, pack_id: str) -> Background:
        """Up to BACKGROUND_ROWS stored vectors of one pack, sampled evenly, and how many that
        pack has in the table: a query's scores against the sample estimate how it scores
        against the whole index (its calibration), and the count how many chances an
        unrelated vector had to score high."""
        key = (t.name, pack_id)
        cached = self._background.get(key)
        now = time.monotonic()
        if cached is not None and now - cached[1] < BACKGROUND_REFRESH_S:
            return cached[2]  # without asking LanceDB for the version: a round trip a query
        version = int(t.version)
        if cached is not None and cached[0] == version:
            return cached[2]
        with self._lock:
            res = self._resident.get(t.name)
            stage = self._stages.get(t.name)
        drawn = None if stage is None else stage.sample(pack_id, BACKGROUND_ROWS)
        if drawn is None and res is None and t.count_rows() < firststage.MIN_ROWS:
            res = self.resident(t, with_ordinals=t.name.startswith("chunks"))
        if drawn is not None:
            sample, total = drawn
        elif res is not None:
            rows = res.rows_for(pack_id)
            step = max(1, rows.size // BACKGROUND_ROWS)
            sample = res.vectors[rows[::step][:BACKGROUND_ROWS]]
            total = int(rows.size)
        else:  # an ANN-sized table: one read of a slice of rows
            query = t.search().select(["vector"]).limit(BACKGROUND_ROWS)
            mixed = self.other_packs_in(t, pack_id)
            if mixed:
                query = query.where(f"pack_id = {_q(pack_id)}")
            tbl = query.to_arrow()
            dim = t.schema.field("vector").type.list_size
            flat = tbl.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
            sample = np.asarray(flat, dtype=np.float32).reshape(tbl.num_rows, dim)
            total = int(t.count_rows(f"pack_id = {_q(pack_id)}") if mixed else t.count_rows())
        found = Background(np.ascontiguousarray(sample), total)
        self._background[key] = (version, now, found)
        return found
