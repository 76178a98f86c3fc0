"""The passages tables: documents' passages (and text read from pictures) with their vectors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from desktop_app.core.store.api import Background, OcrRead, TextHit, Vector, VectorHit
from desktop_app.core.store.connection import (
    PASSAGES,
    VectorTablesBase,
    any_row,
    ensure_fts,
    full_text,
    writing,
)
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.memory import reading
from desktop_app.core.types import Chunk, PassageSource

BATCH = 500


class Passages(VectorTablesBase):
    """A passage is keyed by file id and ordinal; OCR passages sit beside the text layer's."""

    SPACE = PASSAGES

    # --- writes ----------------------------------------------------------------------

    @writing
    def replace(
        self, items: Sequence[tuple[str, Sequence[Chunk], Vector]], pack_id: str, new: bool = False
    ) -> None:
        """Replace every passage of each file in one step (stale passages go with the write);
        ``new``: the ids are fresh, there is nothing to replace."""
        if not items:
            return
        self._conn.writable()
        cond = _in("file_id", [fid for fid, _, _ in items])
        stale = [] if new else [t for t in self._tables() if any_row(t, cond)]
        for t in stale:  # only tables that hold some: a delete is a commit even when empty
            t.delete(cond)
        self._add(items, pack_id)
        self._conn.after_write(PASSAGES)

    @writing
    def replace_ocr(self, reads: Sequence[OcrRead], pack_id: str) -> None:
        """Store what OCR read: a file's older OCR passages are replaced, its text-layer
        passages stay. Reads without passages only clear what an older read left."""
        if not reads:
            return
        self._conn.writable()
        ids = [r.file_id for r in reads]
        for t in self._tables():
            if _has_source(t):
                cond = f"source = 'ocr' AND {_in('file_id', ids)}"
                if any_row(t, cond):
                    t.delete(cond)
        with_text = [(r.file_id, r.chunks, r.vectors) for r in reads if r.chunks]
        items: list[tuple[str, Sequence[Chunk], Vector]] = []
        for fid, chunks, vecs in with_text:
            if vecs is None:
                continue
            if any(c.source != PassageSource.OCR for c in chunks):
                raise ValueError("replace_ocr stores OCR passages only")
            items.append((fid, chunks, vecs))
        if items:
            self._add(items, pack_id)
            self._conn.after_write(PASSAGES)

    @writing
    def delete(self, file_ids: Iterable[str]) -> None:
        self._delete(file_ids)

    def _add(self, items: Sequence[tuple[str, Sequence[Chunk], Vector]], pack_id: str) -> None:
        """Append passages (chunk_id is file_id:ordinal) to the table of their dimension."""
        rows: list[dict[str, Any]] = []
        dim = 0
        for fid, chunks, vecs in items:
            for c, v in zip(chunks, vecs, strict=True):
                dim = len(v)
                rows.append(
                    {
                        "chunk_id": f"{fid}:{c.ordinal}",
                        "file_id": fid,
                        "ordinal": c.ordinal,
                        "page": -1 if c.page is None else c.page,
                        "start": c.start,
                        "end": c.end,
                        "text": c.text,
                        "pack_id": pack_id,
                        "vector": np.asarray(v, dtype=np.float32),
                        "source": str(c.source),
                    }
                )
        if rows:
            self._conn.vector_table(PASSAGES, dim, create=True).add(rows)

    # --- reads -----------------------------------------------------------------------

    @reading
    def nearest(
        self, vector: Vector, k: int, pack_id: str, among: frozenset[str] | None = None
    ) -> list[VectorHit]:
        """The k passages of ``pack_id`` closest to ``vector`` (of the files ``among``, when
        given), with their text and page."""
        t, found = self._nearest(vector, k, pack_id, among)
        if not found:
            return []
        ids = [f"{fid}:{o}" for _, fid, o in found]
        cols = ["chunk_id", "text", "page"] + (["source"] if _has_source(t) else [])
        rows = (
            t.search()
            .where(_in("chunk_id", ids))
            .select(cols)
            .limit(len(ids) + 5)
            .to_arrow()
            .to_pylist()
        )
        by_id = {r["chunk_id"]: r for r in rows}
        out = []
        for s, fid, o in found:
            r = by_id.get(f"{fid}:{o}", {})
            page = r.get("page", -1)
            out.append(
                VectorHit(
                    fid,
                    s,
                    o,
                    r.get("text", ""),
                    None if page is None or page < 0 else int(page),
                    PassageSource(r.get("source") or ""),
                )
            )
        return out

    @reading
    def search_words(
        self, terms: str, k: int, among: frozenset[str] | None = None
    ) -> list[TextHit]:
        """Passages holding these words (BM25; of the files ``among``, when given), each with
        its page and origin."""
        if not terms.strip():
            return []
        refresh = PASSAGES in self._conn.fts_dirty and not self._conn.read_only
        hits: list[TextHit] = []
        for t in self._tables():
            if refresh:
                ensure_fts(t, "text")
            if not t.count_rows():
                continue
            cols = ["file_id", "text", "page", "ordinal", "_score"]
            cols += ["source"] if _has_source(t) else []
            for r in full_text(t, terms, k, cols, among):
                page = r.get("page", -1)
                hits.append(
                    TextHit(
                        r["file_id"],
                        float(r["_score"]),
                        "text",
                        r["text"],
                        None if page is None or page < 0 else int(page),
                        int(r["ordinal"]),
                        PassageSource(r.get("source") or ""),
                    )
                )
        if refresh:
            self._conn.fts_dirty.discard(PASSAGES)
        return hits

    @reading
    def background(self, like: Vector, pack_id: str) -> Background:
        """Up to a thousand stored passage vectors of one pack, in the space of ``like`` (a
        query's vector), sampled evenly: how the query scores against the whole index."""
        return self._background(like, pack_id)

    def file_ids(self, pack_id: str) -> set[str]:
        """Files with passages this pack embedded."""
        return self._pack_file_ids(self._tables(), pack_id)


def _has_source(t: Any) -> bool:
    """Does this passages table say where each passage came from? (not before schema 2)

    Asked on every query: kept on the open table (reading a schema is a round trip)."""
    known = getattr(t, "_trove_has_source", None)
    if known is None:
        known = "source" in t.schema.names
        try:
            t._trove_has_source = known
        except AttributeError:  # a table type without a __dict__: ask every time
            pass
    return bool(known)
