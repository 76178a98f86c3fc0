"""The first stage of nearest-neighbour search over a large vector table, held in memory: one
bit per dimension (its sign), scanned by FAISS's binary index with the CPU's popcount; the best
candidates are re-scored from a float16 copy of the stored vectors kept in a file beside the
index (only the candidates' rows are read).

Measured on 1M clustered 512-d vectors (tests/benchmarks/bench_query.py): the scan takes ~2 ms
on one core and its best 600 hold the float32 top 10 (recall@10 0.996); 4-bit PQ fast-scan is
~2x faster but FAISS's fast-scan takes no id selector (a filter could not act inside the scan),
and rescoring from an int8 copy stopped at recall@10 0.97. Bits need no training: rows are
appended as files change and the codes never drift from the data. A row costs ~125 bytes in
memory (64 of bits at 512-d, its file id, row id, pack and ordinal) and 1 KB of disk.
"""

from __future__ import annotations

import contextlib
import logging
import mmap
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.store.memory import top_k

log = logging.getLogger(__name__)

MIN_ROWS = 20_000  # below, the resident float32 matrix answers exactly in about a millisecond
# Candidates re-scored per query: 600 hold the exact top 10 at 1M clustered vectors (0.996);
# a larger k takes PER_HIT candidates per hit asked.
CANDIDATES = 600
PER_HIT = 6
# A filter admitting at most one row in GATHER_SHARE: the admitted rows' bits are gathered and
# scanned alone rather than every row's checked against the filter's bitmap (1M rows, 1 in 50
# admitted: ~1.9 ms instead of ~6.9; 1 in 8: the bitmap is faster, 11 vs 25 ms; AVX2 EPYC).
GATHER_SHARE = 32
REBUILD_SHARE = 0.3  # deleted slots (or new rows) past this share: build afresh, not append
# Rows read from the table at a time while building: 128 MB at 512-d, above glibc's largest
# mmap threshold (32 MB), so each batch goes back to the system when freed; 8,192-row batches
# left 2.7 GB of freed memory in its heaps at 1M rows.
_READ_BATCH = 65_536
_TAKE_BATCH = 10_000  # new rows taken by row id at a time
# A catch-up rereads the table's row ids and copies the bits (~0.2 s and 64 MB at 1M rows):
# while indexing commits every second or so, the next waits CATCH_UP_PAUSE times as long as
# the last took (at most MAX_PAUSE_S), so catching up takes at most a fifth of a core.
CATCH_UP_PAUSE = 4.0
MAX_PAUSE_S = 10.0

Scored = list[tuple[float, str, int]]  # (cosine, file_id, ordinal or -1), best first


# A 64-bit key per file id (Python's string hash, the same for the whole process: keys are
# never stored): a filter's files become rows by a sorted search, without a dictionary of every
# id (~100 MB at a million rows).
file_key = hash


class _Spill:
    """Float16 rows in an unnamed file (gone when the process ends, even killed): appended
    to as rows are added, read by row for re-scoring."""

    def __init__(self, dim: int, folder: Path | None) -> None:
        self.dim = dim
        try:
            self._file = tempfile.TemporaryFile(dir=folder)
        except OSError:  # a read-only index folder: the system's temporary folder
            self._file = tempfile.TemporaryFile()
        self.rows = 0
        # (rows it covers, the mapping, the rows as an array over it): mapped again when rows
        # are appended past it; arrays still looking into an older one keep it alive
        self._mapped: tuple[int, mmap.mmap, npt.NDArray[np.float16]] | None = None
        self._lock = threading.Lock()

    def append(self, vectors: npt.NDArray[np.float32]) -> None:
        self._file.seek(self.rows * self.dim * 2)
        self._file.write(np.ascontiguousarray(vectors, dtype=np.float16).tobytes())
        self._file.flush()
        self.rows += vectors.shape[0]

    def _view(self, rows: int) -> tuple[mmap.mmap, npt.NDArray[np.float16]]:
        """The file mapped, covering at least its first ``rows`` rows."""
        got = self._mapped
        if got is None or got[0] < rows:
            with self._lock:
                got = self._mapped
                if got is None or got[0] < rows:
                    covered = self.rows
                    mapped = mmap.mmap(
                        self._file.fileno(), covered * self.dim * 2, prot=mmap.PROT_READ
                    )
                    mapped.madvise(mmap.MADV_RANDOM)  # only the candidates' pages, no read-ahead
                    full = np.frombuffer(mapped, dtype=np.float16).reshape(-1, self.dim)
                    got = self._mapped = (covered, mapped, full)
        return got[1], got[2]

    def read(self, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        """These rows (sorted) as float32. The pages read leave the process's page tables
        afterwards (the system's file cache keeps them): else every page queries ever touched
        would count as the app's memory (1.1 GB after 200 queries at 1M rows). One lasting
        mapping rather than one per read: nothing is closed while an array (or a profiler's
        view of a frame) may still look into it ("cannot close exported pointers"), and no
        mapping is set up per query (600 rows of 1M: ~1.1 vs ~2.9 ms in a micro-benchmark, the
        same ~1.9 ms either way inside a search at 1M, AVX2 EPYC)."""
        if rows.size == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        mapped, full = self._view(int(rows[-1]) + 1)
        out = full[rows].astype(np.float32)
        mapped.madvise(mmap.MADV_DONTNEED)  # a shared file mapping: refilled from the file
        return out


@dataclass
class _Snapshot:
    """One table version's first stage. Never changed once published; a newer version gets a
    new snapshot (sharing the spill file while rows are only appended)."""

    version: int
    codes: Any  # faiss.IndexBinaryFlat
    rowids: npt.NDArray[np.uint64]
    alive: npt.NDArray[np.bool_]
    keys: npt.NDArray[np.int64]
    packs: npt.NDArray[np.uint8]
    pack_names: list[str]
    ordinals: npt.NDArray[np.int32] | None
    ids: Any  # pyarrow StringArray: the file id of each slot
    spill: _Spill
    _cache: dict[Any, Any] = field(default_factory=dict)

    @property
    def slots(self) -> int:
        return int(self.rowids.shape[0])

    def live(self) -> int:
        return int(self._cached("live", lambda: int(self.alive.sum())))

    def _cached(self, key: Any, make: Any) -> Any:
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = make()
        return got

    def admitted(self, pack_id: str) -> npt.NDArray[np.bool_] | None:
        """Slots alive and of this pack (None when the pack has none)."""
        if pack_id not in self.pack_names:
            return None
        code = self.pack_names.index(pack_id)
        return self._cached(("pack", pack_id), lambda: self.alive & (self.packs == code))  # type: ignore[no-any-return]

    def of_files(self, among: frozenset[str]) -> npt.NDArray[np.bool_]:
        """A mask of the slots whose file is one of ``among`` (a file has many passages). The
        last filter's mask is kept: typing more words keeps the filter."""
        last = self._cache.get("among")
        if last is not None and last[0] == among:
            return last[1]  # type: ignore[no-any-return]
        order = self._cached("order", lambda: np.argsort(self.keys, kind="stable"))
        ordered = self._cached("ordered", lambda: self.keys[order])
        want = np.fromiter(map(file_key, among), dtype=np.int64, count=len(among))
        want.sort()  # sorted look-ups walk the keys once (19,000 files: 18 ms -> ~1 ms)
        lo = np.searchsorted(ordered, want, side="left")
        count = np.searchsorted(ordered, want, side="right") - lo
        lo, count = lo[count > 0], count[count > 0]
        # every position from each lo on, count of them: lo repeated plus 0, 1, ... per span
        ends = np.cumsum(count)
        at = np.repeat(lo - (ends - count), count) + np.arange(int(ends[-1]) if ends.size else 0)
        mask = np.zeros(self.slots, dtype=bool)
        mask[order[at]] = True
        self._cache["among"] = (among, mask)
        return mask

    def bytes_in_memory(self) -> int:
        arrays = (self.rowids, self.alive, self.keys, self.packs)
        own = sum(a.nbytes for a in arrays) + (0 if self.ordinals is None else self.ordinals.nbytes)
        return own + int(self.ids.nbytes) + self.slots * int(self.codes.code_size)


def _bits(vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.uint8]:
    return np.packbits(vectors > 0, axis=1)


class FirstStage:
    """The first stage of one vector table, kept up to date with the table's versions by
    ``refresh`` (on a worker thread) and searched by ``nearest`` from any thread."""

    def __init__(self, name: str, dim: int, with_ordinals: bool, folder: Path | None) -> None:
        self.name = name
        self.dim = dim
        self.with_ordinals = with_ordinals
        self._folder = folder
        self._snap: _Snapshot | None = None

    @property
    def version(self) -> int | None:
        snap = self._snap
        return None if snap is None else snap.version

    def bytes_in_memory(self) -> int:
        snap = self._snap
        return 0 if snap is None else snap.bytes_in_memory()

    def rows(self) -> int:
        snap = self._snap
        return 0 if snap is None else snap.live()

    # --- building ----------------------------------------------------------------------

    def refresh(self, t: Any) -> None:
        """Bring the first stage to the table's current version: rows added since are read
        and appended, deleted ones dropped from the scan; built afresh the first time, after
        a compaction (row ids change) or once many slots are dead."""
        version = int(t.version)
        old = self._snap
        if old is not None and old.version == version:
            return
        cols = ["pack_id"]
        current = t.search().select(cols).with_row_id(True).limit(t.count_rows() + 1).to_arrow()
        rowids = current.column("_rowid").to_numpy()
        if old is None:
            self._snap = self._build(t, version)
            return
        keep = np.isin(old.rowids, rowids, assume_unique=True)
        new = rowids[~np.isin(rowids, old.rowids, assume_unique=True)]
        dead = old.slots - int(keep.sum()) + int((~old.alive & keep).sum())
        if dead + new.shape[0] > REBUILD_SHARE * max(1, rowids.shape[0]):
            self._snap = self._build(t, version)
            return
        self._snap = self._append(old, t, version, keep & old.alive, new)

    def _columns(self) -> list[str]:
        return ["file_id", "pack_id", "vector"] + (["ordinal"] if self.with_ordinals else [])

    def _build(self, t: Any, version: int) -> _Snapshot:
        import pyarrow as pa

        n = int(t.count_rows())
        spill = _Spill(self.dim, self._folder)
        bits: list[npt.NDArray[np.uint8]] = []
        parts: list[Any] = []
        query = t.search().select(self._columns()).with_row_id(True).limit(n + 1)
        for batch in query.to_batches(_READ_BATCH):
            vectors = _vectors(batch, self.dim)
            bits.append(_bits(vectors))
            spill.append(vectors)
            parts.append(batch.drop_columns(["vector"]))
        rows = pa.Table.from_batches(parts) if parts else None
        return self._snapshot(version, _index(self.dim, bits), spill, rows, None)

    def _append(
        self, old: _Snapshot, t: Any, version: int, alive: npt.NDArray[np.bool_], new: Any
    ) -> _Snapshot:
        import pyarrow as pa

        faiss = _faiss()

        parts: list[Any] = []
        added: list[npt.NDArray[np.float32]] = []
        ids = new.tolist()
        for s in range(0, len(ids), _TAKE_BATCH):
            got = t.take_row_ids(ids[s : s + _TAKE_BATCH]).select(self._columns())
            tbl = got.with_row_id().to_arrow()
            added.append(_vectors(tbl, self.dim))
            parts.append(tbl.drop_columns(["vector"]))
        if not parts:  # deletions only: the same codes, fewer rows alive
            return _Snapshot(
                version, old.codes, old.rowids, alive, old.keys, old.packs, old.pack_names,
                old.ordinals, old.ids, old.spill,
            )  # fmt: skip
        vectors = np.concatenate(added)
        before = faiss.vector_to_array(old.codes.xb).reshape(old.slots, -1)
        codes = _index(self.dim, [before, _bits(vectors)])
        del before
        old.spill.append(vectors)
        rows = pa.concat_tables(parts)
        return self._snapshot(version, codes, old.spill, rows, old, alive)

    def _snapshot(
        self,
        version: int,
        codes: Any,
        spill: _Spill,
        rows: Any,
        old: _Snapshot | None,
        alive: npt.NDArray[np.bool_] | None = None,
    ) -> _Snapshot:
        import pyarrow as pa

        names = list(old.pack_names) if old is not None else []
        n_new = 0 if rows is None else rows.num_rows
        if rows is not None:
            packs = rows.column("pack_id").to_pylist()
            for p in dict.fromkeys(packs):
                if p not in names:
                    names.append(p)
            if len(names) > 255:
                raise ValueError("more than 255 packs in one table")
            code = {p: i for i, p in enumerate(names)}
            new_packs = np.fromiter((code[p] for p in packs), dtype=np.uint8, count=n_new)
            new_ids = rows.column("file_id").combine_chunks()
            new_keys = np.fromiter(map(file_key, new_ids.to_pylist()), dtype=np.int64, count=n_new)
            new_rowids = rows.column("_rowid").to_numpy()
            new_ordinals = (
                rows.column("ordinal").to_numpy().astype(np.int32) if self.with_ordinals else None
            )
        else:
            new_packs = np.zeros(0, dtype=np.uint8)
            new_ids = pa.array([], pa.string())
            new_keys = np.zeros(0, dtype=np.int64)
            new_rowids = np.zeros(0, dtype=np.uint64)
            new_ordinals = np.zeros(0, dtype=np.int32) if self.with_ordinals else None
        if old is None:
            ordinals = new_ordinals
            return _Snapshot(
                version, codes, new_rowids.astype(np.uint64), np.ones(n_new, dtype=bool),
                new_keys, new_packs, names, ordinals, new_ids, spill,
            )  # fmt: skip
        assert alive is not None
        ordinals = (
            None
            if old.ordinals is None or new_ordinals is None
            else np.concatenate([old.ordinals, new_ordinals])
        )
        return _Snapshot(
            version,
            codes,
            np.concatenate([old.rowids, new_rowids.astype(np.uint64)]),
            np.concatenate([alive, np.ones(n_new, dtype=bool)]),
            np.concatenate([old.keys, new_keys]),
            np.concatenate([old.packs, new_packs]),
            names,
            ordinals,
            pa.concat_arrays([old.ids, new_ids]),
            spill,
        )

    # --- searching ---------------------------------------------------------------------

    def nearest(
        self,
        q: npt.NDArray[np.float32],
        k: int,
        pack_id: str,
        among: frozenset[str] | None = None,
    ) -> Scored:
        """The k rows of ``pack_id`` nearest to ``q`` (of the files ``among``, when given):
        the bits choose candidates among the admitted rows only, float16 re-scores them."""
        snap = self._snap
        if snap is None or k <= 0:
            return []
        allowed = snap.admitted(pack_id)
        if allowed is None:
            return []
        if among is not None:
            allowed = allowed & snap.of_files(among)
        want = max(CANDIDATES, PER_HIT * k)
        everything = among is None and snap.live() == snap.slots and len(snap.pack_names) == 1
        count = snap.slots if everything else int(allowed.sum())
        if count == 0:
            return []
        if count <= want:  # so few rows admitted that all of them are re-scored
            cand = np.flatnonzero(allowed)
        elif not everything and count * GATHER_SHARE <= snap.slots:
            cand = _scan_rows(snap, q, want, np.flatnonzero(allowed))
        else:
            cand = _scan(snap, q, want, None if everything else allowed)
        cand = np.sort(cand)
        scores = snap.spill.read(cand) @ q
        best = top_k(scores, k)
        rows = cand[best]
        ids = snap.ids.take(rows).to_pylist()
        ordinals = snap.ordinals[rows].tolist() if snap.ordinals is not None else [-1] * len(ids)
        return list(zip(scores[best].tolist(), ids, ordinals, strict=True))

    def sample(self, pack_id: str, rows: int) -> tuple[npt.NDArray[np.float32], int] | None:
        """Up to ``rows`` vectors of the pack, sampled evenly, and how many it has."""
        snap = self._snap
        allowed = None if snap is None else snap.admitted(pack_id)
        if snap is None or allowed is None:
            return None
        where = np.flatnonzero(allowed)
        step = max(1, where.size // rows)
        picked = where[::step][:rows]
        return snap.spill.read(picked), int(where.size)


def _scan(
    snap: _Snapshot, q: npt.NDArray[np.float32], want: int, allowed: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.int64]:
    faiss = _faiss()
    bits = _bits(q.reshape(1, -1))
    if allowed is None:
        _, found = snap.codes.search(bits, want)
    else:
        bitmap = np.packbits(allowed, bitorder="little")
        sel = faiss.IDSelectorBitmap(snap.slots, faiss.swig_ptr(bitmap))
        params = faiss.SearchParameters()
        params.sel = sel
        _, found = snap.codes.search(bits, want, params=params)
    got: npt.NDArray[np.int64] = found[0]
    return got[got >= 0]


def _scan_rows(
    snap: _Snapshot, q: npt.NDArray[np.float32], want: int, rows: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The ``want`` of these slots nearest to ``q`` by their bits, scanned alone."""
    faiss = _faiss()
    size = int(snap.codes.code_size)
    codes = faiss.rev_swig_ptr(snap.codes.xb.data(), snap.slots * size).reshape(-1, size)
    index = faiss.IndexBinaryFlat(int(snap.codes.d))
    index.add(codes[rows])
    _, found = index.search(_bits(q.reshape(1, -1)), want)
    got: npt.NDArray[np.int64] = found[0]
    return rows[got[got >= 0]]


def _index(dim: int, parts: list[npt.NDArray[np.uint8]]) -> Any:
    """A binary index holding these codes, of exactly their size (``add`` grows its storage
    by doubling: up to twice the codes' memory)."""
    faiss = _faiss()
    codes = np.concatenate(parts) if parts else np.zeros((0, dim // 8), dtype=np.uint8)
    index = faiss.IndexBinaryFlat(dim)
    faiss.copy_array_to_vector(codes.reshape(-1), index.xb)
    index.ntotal = codes.shape[0]
    return index


def self_check() -> bool:
    """Can this installation scan sign bits with FAISS, and do the best candidates hold the
    float32 top 10?"""
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((20, 64)).astype(np.float32)
    v = centres[rng.integers(0, 20, 2000)] + 0.5 * rng.standard_normal((2000, 64))
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    try:
        _, found = _index(64, [_bits(v)]).search(_bits(v[5:6]), 200)
    except Exception:  # a bundle without FAISS's library: LanceDB's index answers instead
        log.warning("the first stage's scan could not run", exc_info=True)
        return False
    return set(top_k(v @ v[5], 10).tolist()) <= set(found[0].tolist())


def _give_back_memory() -> None:
    """Return the heap's free memory to the system after a build (glibc keeps what reading
    the table freed: 2.7 GB instead of 0.35 GB at 1M rows, measured); elsewhere a no-op."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # a C library other than glibc (musl): nothing to do
        pass


def _faiss() -> Any:
    """FAISS, on one OpenMP thread: a query is one scan, and OpenMP's waiting threads spin
    against numpy's and onnxruntime's on two cores (measured: 47 ms a query instead of 4)."""
    import faiss

    faiss.omp_set_num_threads(1)
    return faiss


def _vectors(batch: Any, dim: int) -> npt.NDArray[np.float32]:
    """The vector column of a record batch or table as an (n, dim) float32 matrix."""
    column = batch.column("vector")
    if hasattr(column, "combine_chunks"):  # a table's column is chunked
        column = column.combine_chunks()
    values = column.flatten().to_numpy(zero_copy_only=False)
    return np.ascontiguousarray(values.reshape(-1, dim), dtype=np.float32)


class StageBuilder:
    """One thread that brings first stages up to date, newest request per table wins: while
    indexing commits every second or so, refreshes must not pile up (or run on the search
    lane)."""

    def __init__(
        self, reading: Callable[[], AbstractContextManager[None]] = contextlib.nullcontext
    ) -> None:
        self._reading = reading  # held while a table is read: compaction waits for it
        self._cond = threading.Condition()
        self._pending: dict[str, tuple[FirstStage, Any]] = {}
        self._not_before: dict[str, float] = {}  # per table, when its next catch-up may start
        self._busy = False
        self._thread: threading.Thread | None = None
        self._closed = False

    def request(self, stage: FirstStage, t: Any) -> None:
        with self._cond:
            if self._closed:
                return
            self._pending[stage.name] = (stage, t)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="trove-first-stage", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until nothing is pending (benchmarks and tests)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._pending.clear()
            self._cond.notify_all()

    def _next(self) -> tuple[str, FirstStage, Any] | None:
        """The next table to bring up to date once its pause is over (None once closed); a
        stage not built yet never waits."""
        with self._cond:
            while not self._closed:
                now = time.monotonic()
                due = {
                    name: 0.0 if stage.version is None else self._not_before.get(name, 0.0)
                    for name, (stage, _) in self._pending.items()
                }
                ready = [name for name, at in due.items() if at <= now]
                if ready:
                    stage, t = self._pending.pop(ready[0])
                    self._busy = True
                    return ready[0], stage, t
                self._cond.wait(min(due.values()) - now if due else None)
            return None

    def _run(self) -> None:
        while True:
            got = self._next()
            if got is None:
                return
            name, stage, t = got
            try:
                start = time.monotonic()
                built = stage.version is not None
                with self._reading():
                    stage.refresh(t)
                _give_back_memory()
                took = time.monotonic() - start
                if built:  # a catch-up: the next one waits
                    with self._cond:
                        self._not_before[name] = time.monotonic() + min(
                            MAX_PAUSE_S, CATCH_UP_PAUSE * took
                        )
                log.info(
                    "first stage of %s: %d rows, %.0f MB in memory, caught up in %.1f s",
                    name, stage.rows(), stage.bytes_in_memory() / 2**20, time.monotonic() - start,
                )  # fmt: skip
            except Exception:  # only costs speed: the index's own search keeps answering
                log.warning("the first stage of %s could not be built", name, exc_info=True)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
