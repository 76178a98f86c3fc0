"""The passages tables: documents' passages (and text read from pictures) with their vectors."""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from desktop_app.core.store import schema
from desktop_app.core.store.api import (
    Background,
    OcrRead,
    TextHit,
    Vector,
    VectorHit,
    WaitingPassage,
)
from desktop_app.core.store.connection import (
    PASSAGES,
    WORDS,
    VectorTablesBase,
    any_row,
    delete_ids,
    ensure_fts,
    file_ids_of,
    full_text,
    rows_where,
    writing,
)
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.filters import quote as _q
from desktop_app.core.store.memory import reading
from desktop_app.core.store.meta import Meta
from desktop_app.core.types import Chunk, PassageSource
from desktop_app.core.words import WordQuery, detect
from desktop_app.core.words import terms as index_terms

LANGUAGES = "languages"  # meta key: the languages of the index's passages, comma-separated
LANGUAGES_TTL_S = 5.0  # another process's new language shows up within this

BATCH = 500


_WORD_COLUMNS = [
    "chunk_id",
    "file_id",
    "ordinal",
    "page",
    "start",
    "end",
    "text",
    "source",
    "lang",
]


class Passages(VectorTablesBase):
    """A passage is keyed by file id and ordinal; OCR passages sit beside the text layer's.

    Words first: a document's passages are written to the words table as soon as the file is
    read (full-text searchable at once) and move to the vector table of their pack's dimension
    when the document encoder has given them vectors (``waiting``, then ``give_vectors``)."""

    SPACE = PASSAGES

    def _words(self, create: bool = False) -> Any:
        t = self._conn.table(WORDS)
        if t is None and create:
            t = self._conn.db.create_table(WORDS, schema=schema.words_schema(), exist_ok=True)
            self._conn.tables_changed()
        return t

    def _text_tables(self) -> list[Any]:
        """Every table holding passages' words: the vector tables and the words table."""
        words = self._words()
        return self._tables() + ([words] if words is not None else [])

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
        self._drop_stale(cond, new)
        self._add(items, pack_id)
        self._conn.after_write(PASSAGES)

    def _drop_stale(self, cond: str, new: bool) -> None:
        stale = [] if new else [t for t in self._text_tables() if any_row(t, cond)]
        for t in stale:  # only tables that hold some: a delete is a commit even when empty
            t.delete(cond)

    @writing
    def replace_words(
        self, items: Sequence[tuple[str, Sequence[Chunk]]], new: bool = False
    ) -> None:
        """Replace every passage of each file with these, words only: searchable by their
        words at once, given vectors later; ``new``: the ids are fresh, nothing to replace."""
        if not items:
            return
        self._conn.writable()
        self._drop_stale(_in("file_id", [fid for fid, _ in items]), new)
        rows = [_word_row(fid, c) for fid, chunks in items for c in chunks]
        if rows:
            self._note_languages({r["lang"] for r in rows})
            self._words(create=True).add(rows)
        self._conn.after_write(PASSAGES)

    @reading
    def waiting(self, limit: int) -> list[WaitingPassage]:
        """Up to ``limit`` passages waiting for vectors, earliest in their documents first
        (every document's first passages, then their second ones...), so a large folder is
        searchable by meaning at its beginnings long before its last vector."""
        t = self._words()
        n = 0 if t is None else int(t.count_rows())
        if not n:
            return []
        keys = t.search().select(["chunk_id", "ordinal"]).limit(n + 10).to_arrow()
        # by ordinal, then by id: the same order from run to run
        first = heapq.nsmallest(
            limit,
            zip(
                keys.column("ordinal").to_pylist(), keys.column("chunk_id").to_pylist(), strict=True
            ),
        )
        ids = [cid for _, cid in first]
        rows = {r["chunk_id"]: r for r in rows_where(t, _in("chunk_id", ids), _WORD_COLUMNS)}
        return [_waiting(rows[i]) for i in ids if i in rows]

    def _write_current(
        self,
        passages: Sequence[WaitingPassage],
        ids: Sequence[str],
        now: dict[str, str],
        vectors: Vector,
        pack_id: str,
        replacing: str,
    ) -> list[str]:
        """Write the vectors of the passages whose words are still ``now``'s (a file read
        again meanwhile has other words, which wait for their own vector) and say which.
        Rows of those passages already written (``replacing`` narrows them: a crash between
        this write and the caller's next one) are replaced, not doubled."""
        keep = [
            i
            for i, (cid, p) in enumerate(zip(ids, passages, strict=True))
            if now.get(cid) == p.chunk.text
        ]
        if not keep:
            return []
        kept_ids = [ids[i] for i in keep]
        cond = replacing + _in("chunk_id", kept_ids)
        target = self._conn.vector_table(PASSAGES, int(vectors.shape[1]), create=True)
        if any_row(target, cond):
            target.delete(cond)
        by_file: dict[str, list[Chunk]] = {}
        vecs: dict[str, list[Vector]] = {}
        for i in keep:
            p = passages[i]
            by_file.setdefault(p.file_id, []).append(p.chunk)
            vecs.setdefault(p.file_id, []).append(vectors[i])
        self._add([(fid, cs, np.stack(vecs[fid])) for fid, cs in by_file.items()], pack_id)
        return kept_ids

    @writing
    def give_vectors(
        self, passages: Sequence[WaitingPassage], vectors: Vector, pack_id: str
    ) -> None:
        """Store these waiting passages with their vectors and take them off the waiting list.
        A passage whose file was read again meanwhile (gone, or other words now) is skipped:
        its new words wait for their own vector."""
        words = self._words()
        if not passages or words is None:
            return
        self._conn.writable()
        ids = [_chunk_id(p.file_id, p.chunk.ordinal) for p in passages]
        now = {
            r["chunk_id"]: r["text"]
            for r in rows_where(words, _in("chunk_id", ids), ["chunk_id", "text"])
        }
        kept_ids = self._write_current(passages, ids, now, vectors, pack_id, "")
        if not kept_ids:
            return
        words.delete(_in("chunk_id", kept_ids))
        self._conn.after_write(PASSAGES)

    @reading
    def of_other_packs(self, keep: str, limit: int) -> list[WaitingPassage]:
        """Up to ``limit`` passages whose vector another pack than ``keep`` made (a change of
        document pack re-embeds them), earliest in their documents first."""
        out: list[WaitingPassage] = []
        cond = f"pack_id != {_q(keep)}"
        for t in self._tables():
            if len(out) >= limit:
                break
            n = int(t.count_rows(cond))
            if not n:
                continue
            keys = t.search().where(cond).select(["chunk_id", "ordinal"]).limit(n + 10).to_arrow()
            first = heapq.nsmallest(
                limit - len(out),
                zip(
                    keys.column("ordinal").to_pylist(),
                    keys.column("chunk_id").to_pylist(),
                    strict=True,
                ),
            )
            ids = [cid for _, cid in first]
            rows = {
                r["chunk_id"]: r
                for r in rows_where(t, f"{cond} AND {_in('chunk_id', ids)}", _WORD_COLUMNS)
            }
            out += [_waiting(rows[i]) for i in ids if i in rows]
        return out

    @reading
    def count_other_packs(self, keep: str) -> int:
        """How many passage vectors some pack other than ``keep`` made."""
        cond = f"pack_id != {_q(keep)}"
        return sum(int(t.count_rows(cond)) for t in self._tables())

    @writing
    def move_to_pack(
        self, passages: Sequence[WaitingPassage], vectors: Vector, pack_id: str
    ) -> int:
        """Give these passages ``pack_id``'s vectors in place of another pack's: the new rows
        are written, then the old ones deleted (a crash in between leaves both, and the next
        run writes the new ones again, not twice). A passage whose file was read again
        meanwhile (gone, or other words now) is skipped. How many moved."""
        if not passages:
            return 0
        self._conn.writable()
        ids = [_chunk_id(p.file_id, p.chunk.ordinal) for p in passages]
        other = f"pack_id != {_q(pack_id)}"
        now: dict[str, str] = {}
        for t in self._tables():
            for r in rows_where(t, f"{other} AND {_in('chunk_id', ids)}", ["chunk_id", "text"]):
                now[r["chunk_id"]] = r["text"]
        kept_ids = self._write_current(
            passages, ids, now, vectors, pack_id, f"pack_id = {_q(pack_id)} AND "
        )
        if not kept_ids:
            return 0
        old = f"{other} AND {_in('chunk_id', kept_ids)}"
        for t in self._tables():
            if any_row(t, old):
                t.delete(old)
        self._conn.after_write(PASSAGES)
        return len(kept_ids)

    @reading
    def with_words_waiting(self, file_ids: Sequence[str] | None = None) -> set[str]:
        """Files (among ``file_ids``, else all) with passages still waiting for vectors."""
        t = self._words()
        if t is None or (file_ids is not None and not file_ids):
            return set()
        return file_ids_of(t, _in("file_id", list(file_ids)) if file_ids is not None else None)

    @reading
    def count_waiting(self) -> int:
        """Passages searchable by their words only so far."""
        t = self._words()
        return 0 if t is None else int(t.count_rows())

    @writing
    def replace_ocr(self, reads: Sequence[OcrRead], pack_id: str) -> None:
        """Store what OCR read: a file's older OCR passages are replaced, its text-layer
        passages stay. Reads without passages only clear what an older read left."""
        if not reads:
            return
        self._conn.writable()
        ids = [r.file_id for r in reads]
        for t in self._tables():
            if _has(t, "source"):
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
        ids = list(file_ids)
        self._delete(ids)
        words = self._words()
        if ids and words is not None:
            delete_ids([words], ids)

    def _add(self, items: Sequence[tuple[str, Sequence[Chunk], Vector]], pack_id: str) -> None:
        """Append passages (chunk_id is file_id:ordinal) to the table of their dimension."""
        rows = [
            passage_row(fid, c, v, pack_id)
            for fid, chunks, vecs in items
            for c, v in zip(chunks, vecs, strict=True)
        ]
        dim = len(rows[-1]["vector"]) if rows else 0
        if rows:
            self._note_languages({r["lang"] for r in rows})
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
        cols = ["chunk_id", "text", "page"]
        cols += [c for c in ("source", "lang") if _has(t, c)]
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
                    r.get("lang") or "",
                )
            )
        return out

    @reading
    def search_words(
        self, terms: str | WordQuery, k: int, among: frozenset[str] | None = None
    ) -> list[TextHit]:
        """Passages holding these words (BM25; of the files ``among``, when given), each with
        its page, origin and language. A string is a person's words, in every form they may
        have in the index's languages."""
        query = WordQuery.of_text(terms, self.languages()) if isinstance(terms, str) else terms
        if not query:
            return []
        refresh = PASSAGES in self._conn.fts_dirty and not self._conn.read_only
        hits: list[TextHit] = []
        for t in self._text_tables():  # passages with vectors and those still waiting
            if refresh:
                ensure_fts(t, "terms")
            if not t.count_rows():
                continue
            cols = ["file_id", "text", "page", "ordinal", "_score", "source", "lang"]
            for r in full_text(t, query, "terms", k, cols, among):
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
                        r.get("lang") or "",
                    )
                )
        if refresh:
            self._conn.fts_dirty.discard(PASSAGES)
        return hits

    def languages(self) -> tuple[str, ...]:
        """The languages the index's passages are written in (ISO 639-1), as recorded."""
        now = time.monotonic()
        known = self._conn.languages
        if known is None or now - known[0] > LANGUAGES_TTL_S:
            value = Meta(self._conn).get(LANGUAGES) or ""
            known = (now, tuple(x for x in value.split(",") if x))
            self._conn.languages = known
        return known[1]

    def _note_languages(self, langs: set[str]) -> None:
        """Record languages the index did not hold yet (one write per new language)."""
        have = set(self.languages())
        new = {x for x in langs if x} - have
        if new:
            value = ",".join(sorted(have | new))
            Meta(self._conn).set(LANGUAGES, value)
            self._conn.languages = (time.monotonic(), tuple(value.split(",")))

    @reading
    def background(self, like: Vector, pack_id: str) -> Background:
        """Up to a thousand stored passage vectors of one pack, in the space of ``like`` (a
        query's vector), sampled evenly: how the query scores against the whole index."""
        return self._background(like, pack_id)

    def file_ids(self, pack_id: str) -> set[str]:
        """Files with passages this pack embedded."""
        return self._pack_file_ids(self._tables(), pack_id)


def fill_terms(t: Any, batch: int = 20_000) -> tuple[int, set[str]]:
    """Give the passages of a table from before the words of every language their language
    (per document, from its passages in the batch) and their terms; returns how many, and
    the languages found."""
    done, langs = 0, set[str]()
    while True:
        rows = (
            t.search()
            .where("terms IS NULL")
            .select(["chunk_id", "file_id", "text"])
            .limit(batch)
            .to_arrow()
            .to_pylist()
        )
        if not rows:
            return done, langs
        by_file: dict[str, list[str]] = {}
        for r in rows:
            by_file.setdefault(r["file_id"], []).append(r["text"] or "")
        lang = {fid: detect(" ".join(texts)) for fid, texts in by_file.items()}
        langs |= set(lang.values()) - {""}
        t.merge_insert("chunk_id").when_matched_update_all().execute(
            [
                {
                    "chunk_id": r["chunk_id"],
                    "lang": lang[r["file_id"]],
                    "terms": index_terms(r["text"] or "", lang[r["file_id"]]),
                }
                for r in rows
            ]
        )
        done += len(rows)


def _chunk_id(file_id: str, ordinal: int) -> str:
    return f"{file_id}:{ordinal}"


def passage_row(file_id: str, c: Chunk, vector: Any, pack_id: str) -> dict[str, Any]:
    """A passage's row in the passages table of its vector's dimension (schema.chunks_schema)."""
    return {
        **_word_row(file_id, c),
        "pack_id": pack_id,
        "vector": np.asarray(vector, dtype=np.float32),
    }


def _word_row(file_id: str, c: Chunk) -> dict[str, Any]:
    return {
        "chunk_id": _chunk_id(file_id, c.ordinal),
        "file_id": file_id,
        "ordinal": c.ordinal,
        "page": -1 if c.page is None else c.page,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "source": str(c.source),
        "lang": c.lang,
        "terms": index_terms(c.text, c.lang),
    }


def _waiting(r: dict[str, Any]) -> WaitingPassage:
    page = r.get("page", -1)
    chunk = Chunk(
        r["text"],
        None if page is None or page < 0 else int(page),
        int(r["start"]),
        int(r["end"]),
        int(r["ordinal"]),
        PassageSource(r.get("source") or ""),
        r.get("lang") or "",
    )
    return WaitingPassage(r["file_id"], chunk)


def _has(t: Any, column: str) -> bool:
    """Does this passages table have ``column``? (an index of earlier Trove, read before its
    migration, may not: ``source`` came with schema 2, ``lang`` with 4)

    Asked on every query: kept on the open table (reading a schema is a round trip)."""
    known: dict[str, bool] | None = getattr(t, "_trove_columns", None)
    if known is None:
        known = {}
        try:
            t._trove_columns = known
        except AttributeError:  # a table type without a __dict__: ask every time
            pass
    if column not in known:
        known[column] = column in t.schema.names
    return known[column]
