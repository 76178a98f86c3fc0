"""The image vectors tables: one vector per photo and image pack."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from desktop_app.core.store import firststage
from desktop_app.core.store.api import Background, Vector, VectorHit
from desktop_app.core.store.connection import (
    IMAGES,
    Connection,
    VectorTablesBase,
    any_row,
    writing,
)
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.filters import quote as _q
from desktop_app.core.store.memory import Resident, reading

BATCH = 500


class ImageVectors(VectorTablesBase):
    """Each photo has one vector per image pack; a change of pack re-embeds in the
    background while the older pack's vectors keep answering."""

    SPACE = IMAGES

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._pack_files: dict[str, tuple[tuple[int, ...], set[str]]] = {}

    # --- writes ----------------------------------------------------------------------

    @writing
    def write(
        self, file_ids: Sequence[str], vectors: Vector, pack_id: str, new: bool = False
    ) -> None:
        """Store (or replace) these photos' vectors; ``new`` says the ids are fresh, so there is
        nothing to replace and not even a look is needed (~11 ms a batch while indexing)."""
        if not file_ids:
            return
        self._conn.writable()
        t = self._conn.vector_table(IMAGES, int(vectors.shape[1]), create=True)
        cond = f"pack_id = {_q(pack_id)} AND " + _in("file_id", file_ids)
        if not new and any_row(t, cond):  # nothing to replace: skip a commit
            t.delete(cond)
        t.add(
            [
                {"file_id": f, "pack_id": pack_id, "vector": np.asarray(v, dtype=np.float32)}
                for f, v in zip(file_ids, vectors, strict=True)
            ]
        )
        self._conn.after_write(IMAGES)

    @writing
    def delete(self, file_ids: Iterable[str]) -> None:
        self._delete(file_ids)

    @writing
    def drop_other_packs(self, keep: str) -> int:
        """Delete the vectors of every pack but ``keep`` (after a change of pack completes)."""
        self._conn.writable()
        dropped = 0
        for t in self._tables():
            cond = f"pack_id != {_q(keep)}"
            n = t.count_rows(cond)
            if n:
                t.delete(cond)
                dropped += n
                self._conn.after_write(IMAGES)
        return dropped

    # --- reads -----------------------------------------------------------------------

    @reading
    def nearest(
        self, vector: Vector, k: int, pack_id: str, among: frozenset[str] | None = None
    ) -> list[VectorHit]:
        """The k photos of ``pack_id`` closest to ``vector`` (of the files ``among``, when
        given)."""
        return [VectorHit(fid, s) for s, fid, _ in self._nearest(vector, k, pack_id, among)[1]]

    @reading
    def vector(self, file_id: str, pack_id: str) -> Vector | None:
        for t in self._tables():
            rows = (
                t.search()
                .where(f"file_id = {_q(file_id)} AND pack_id = {_q(pack_id)}")
                .select(["vector"])
                .limit(1)
                .to_arrow()
                .to_pylist()
            )
            if rows:
                return np.asarray(rows[0]["vector"], dtype=np.float32)
        return None

    @reading
    def vectors(self, file_ids: Sequence[str], pack_id: str) -> dict[str, Vector]:
        """Image vectors of a few files: from the resident matrix when it is current."""
        out: dict[str, Vector] = {}
        if not file_ids:
            return out
        for t in self._tables():
            res = self._conn.vectors.current(t)
            if res is not None:
                for fid in file_ids:
                    row = res.row_of(fid, pack_id)
                    if row is not None:
                        out[fid] = res.vectors[row]
                continue
            want = [f for f in file_ids if f not in out]
            for start in range(0, len(want), BATCH):
                part = want[start : start + BATCH]
                rows = (
                    t.search()
                    .where(f"pack_id = {_q(pack_id)} AND " + _in("file_id", part))
                    .select(["file_id", "vector"])
                    .limit(len(part) + 10)
                    .to_arrow()
                    .to_pylist()
                )
                for r in rows:
                    out[r["file_id"]] = np.asarray(r["vector"], dtype=np.float32)
        return out

    @reading
    def matrix(self, pack_id: str) -> tuple[list[str], Vector]:
        """Every image vector of one pack: (file ids, (n, dim) matrix). Uses the resident
        matrix search already keeps; a table with a first stage is read once, not kept."""
        ids: list[str] = []
        mats: list[Vector] = []
        for t in self._tables():
            n = t.count_rows()
            if not n:
                continue
            if n < firststage.MIN_ROWS:
                res = self._conn.vectors.resident(t, with_ordinals=False)
                rows = res.rows_for(pack_id)
                ids += [str(x) for x in res.ids[rows]]
                mats.append(res.vectors[rows])
                continue
            tbl = (
                t.search()
                .where(f"pack_id = {_q(pack_id)}")
                .select(["file_id", "vector"])
                .limit(n + 1)
                .to_arrow()
            )
            dim = t.schema.field("vector").type.list_size
            flat = tbl.column("vector").combine_chunks().flatten().to_numpy(zero_copy_only=False)
            ids += tbl.column("file_id").to_pylist()
            mats.append(np.asarray(flat, dtype=np.float32).reshape(tbl.num_rows, dim))
        mats = [m for m in mats if len(m)]
        if not mats:
            return [], np.zeros((0, 0), dtype=np.float32)
        return ids, mats[0] if len(mats) == 1 else np.concatenate(mats)

    @reading
    def background(self, like: Vector, pack_id: str) -> Background:
        """Up to a thousand stored vectors of one pack in the space of ``like`` (a query's
        vector), sampled evenly (store.vectors): how the query scores against the index."""
        return self._background(like, pack_id)

    def file_ids(self, pack_id: str) -> set[str]:
        """Photos this pack has a vector of; kept until the tables change (queries ask on
        every search while a change of pack is under way)."""
        tables = self._tables()
        key = tuple(int(t.version) for t in tables)
        cached = self._pack_files.get(pack_id)
        if cached is None or cached[0] != key:
            cached = (key, self._pack_file_ids(tables, pack_id))
            self._pack_files[pack_id] = cached
        return cached[1]

    @reading
    def with_vector(self, file_ids: Sequence[str], pack_id: str) -> set[str]:
        """Which of a few photos (a query's candidates) this pack has a vector of."""
        out: set[str] = set()
        for t in self._tables():
            res = self._conn.vectors.current(t)
            if res is not None:
                out.update(f for f in file_ids if res.row_of(f, pack_id) is not None)
                continue
            want = [f for f in file_ids if f not in out]
            for start in range(0, len(want), BATCH):
                part = want[start : start + BATCH]
                rows = (
                    t.search()
                    .where(f"pack_id = {_q(pack_id)} AND " + _in("file_id", part))
                    .select(["file_id"])
                    .limit(len(part) + 10)
                    .to_arrow()
                )
                out.update(rows.column("file_id").to_pylist())
        return out

    @reading
    def count_other_packs(self, pack_id: str) -> int:
        """How many vectors some pack other than ``pack_id`` made."""
        cond = f"pack_id != {_q(pack_id)}"
        return sum(int(t.count_rows(cond)) for t in self._tables())

    def resident(self, like: Vector) -> Resident | None:
        """The in-memory matrix that answers queries like ``like``, if one is loaded now."""
        t = self._for(like)
        return None if t is None else self._conn.vectors.current(t)
