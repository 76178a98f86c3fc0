"""The open LanceDB database the table objects share: tables by name, guards, write counts."""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from desktop_app.core.store import schema
from desktop_app.core.store.api import Background, StoreError
from desktop_app.core.store.filters import is_in, quote
from desktop_app.core.store.memory import ReadWriteLock, reading
from desktop_app.core.store.vectors import VectorSpaces
from desktop_app.core.words import NEAR_SLOP, WordQuery

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

FILES, PROBLEMS, META = "files", "problems", "meta"
PASSAGES, IMAGES = "chunks", "images"  # vector tables are named space_dim: "chunks_384"
WORDS = "words"  # passages waiting for their vectors (words only): not a vector table
TABLE_NAMES_TTL_S = 1.0
ID_BATCH = 500  # ids per filter: one IN list stays a cheap expression
# Full text among a filter's files: up to this many are a prefilter on their ids (an IN list
# of 500 ids costs ~10 ms at 100k rows, of 5,000 ~200 ms); beyond, cuts of up to FTS_MAX_CUT
# rows are read and their files kept.
FTS_PREFILTER_IDS = 500
# ... and up to this many when the condition has no index to answer it (a folder's name is
# looked for in every path): at 1M files, 1,000 ids 15.5 ms, the paths' scan 37.8 ms
FTS_UNINDEXED_IDS = 2_000
FTS_MAX_CUT = 12_800


def open_table(db: Any, name: str) -> Any:
    """The table ``name``, or None when there is none or it was never finished: a process
    killed while creating a table leaves its folder with no version, which LanceDB lists among
    the tables but cannot open (and creates over)."""
    try:
        return db.open_table(name)
    except ValueError as exc:
        if "was not found" in str(exc):
            return None
        raise


def is_uri(location: str | Path) -> bool:
    """Is ``location`` a shared library's address ("s3://bucket/library", "file:///mnt/nas/lib"),
    not the app's own index folder?"""
    return isinstance(location, str) and "://" in location


def library_uri(where: str) -> str:
    """A shared library's address as the store takes it: ``s3://…`` (or another store's
    scheme) as given, a folder (a NAS mount, a shared path) as a ``file://`` address, so the
    store treats it as shared (no local writer lock)."""
    where = where.strip()
    if "://" in where:
        return where.rstrip("/")
    return "file://" + os.path.abspath(os.path.expanduser(where))


def describe_write_error(exc: BaseException, index_dir: Path | str) -> str:
    """A person's explanation of a failed write (LanceDB reports I/O errors as RuntimeError)."""
    text = str(exc)
    errno_ = getattr(exc, "errno", None)
    if errno_ == 28 or "No space left" in text or "os error 28" in text:
        return (
            f"the disk holding the index ({index_dir}) is full: free some space, then index "
            "again (nothing already indexed was lost)"
        )
    if errno_ in (13, 30) or any(
        s in text
        for s in ("Read-only file system", "os error 30", "Permission denied", "os error 13")
    ):
        return (
            f"the index folder {index_dir} cannot be written (a read-only disk, or no "
            "permission); searching still works"
        )
    return f"could not write the index in {index_dir}: {text.splitlines()[0] if text else exc!r}"


class Connection:
    """What every table object reads and writes through. ``reading`` methods hold ``rw`` for
    reading, so maintenance (which deletes files an in-flight read may need) waits for them."""

    def __init__(self, index_dir: Path | str, read_only: bool) -> None:
        self.index_dir = index_dir
        self.read_only = read_only
        self.db: Any = None
        self.rw = ReadWriteLock()
        # a shared library (an address) spills its first stages to the system's temporary folder
        folder = index_dir if isinstance(index_dir, Path) else None
        self.vectors = VectorSpaces(folder, self.rw.read, shared=folder is None)
        self.rw_local = threading.local()
        self.fts_dirty: set[str] = set()
        self.writes_since_maintain = 0
        # the languages the index's passages are written in (meta "languages"), and when read
        self.languages: tuple[float, tuple[str, ...]] | None = None
        self._tables: dict[str, Any] = {}
        self._names: tuple[float, set[str]] | None = None

    def connect(self) -> None:
        from datetime import timedelta

        import lancedb

        # an s3:// library's credentials, endpoint and region come from the usual AWS
        # environment variables and files (Lance's object store reads them); none are stored
        self.db = lancedb.connect(str(self.index_dir), read_consistency_interval=timedelta(0))

    def close(self) -> None:
        self.vectors.close()
        self._tables.clear()
        self.db = None

    def table_names(self) -> set[str]:
        """Cached for a second: a table another process creates shows up within that."""
        now = time.monotonic()
        if self._names is None or now - self._names[0] > TABLE_NAMES_TTL_S:
            self._names = (now, set(self.db.table_names(limit=1000)))
        return self._names[1]

    def tables_changed(self) -> None:
        self._names = None

    def table(self, name: str) -> Any:  # a LanceTable, or None when it does not exist yet
        t = self._tables.get(name)
        if t is None:
            if self.db is None or name not in self.table_names():
                return None
            t = open_table(self.db, name)
            if t is None:
                return None
            self._tables[name] = t
        return t

    def vector_table(self, space: str, dim: int, create: bool) -> Any:
        name = f"{space}_{dim}"
        t = self.table(name)
        if t is None and create:
            sch = schema.chunks_schema(dim) if space == PASSAGES else schema.images_schema(dim)
            # a second writer of a shared library (another cluster job) may make it at the
            # same moment: then its table is opened, not refused
            t = self.db.create_table(name, schema=sch, exist_ok=True)
            self._names = None
            self._tables[name] = t
        return t

    def vector_tables(self, space: str) -> list[Any]:
        if self.db is None:
            return []
        names = sorted(n for n in self.table_names() if n.startswith(space + "_"))
        return [t for t in map(self.table, names) if t is not None]

    def writable(self) -> None:
        if self.read_only or self.db is None:
            raise StoreError("the index is open for reading only")

    def after_write(self, table: str) -> None:
        self.fts_dirty.add(table)
        self.writes_since_maintain += 1


class TableBase:
    """A table object: its connection, and what the ``reading``/``writing`` guards need."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._rw = conn.rw
        self._rw_local = conn.rw_local
        self.index_dir = conn.index_dir


class VectorTablesBase(TableBase):
    """The tables of one embedding space, one per vector dimension ("chunks_384"): a pack of
    another size gets its own table, beside the old one while a change of pack runs."""

    SPACE = ""

    def _tables(self) -> list[Any]:
        return self._conn.vector_tables(self.SPACE)

    def _for(self, vector: Any) -> Any:
        """The table holding vectors the size of ``vector`` (None when there is none)."""
        import numpy as np

        return self._conn.table(f"{self.SPACE}_{np.asarray(vector).reshape(-1).shape[0]}")

    def _nearest(
        self, vector: Any, k: int, pack_id: str, among: frozenset[str] | None = None
    ) -> tuple[Any, list[tuple[float, str, int]]]:
        """(the table searched, its k nearest (cosine, file_id, ordinal) of ``pack_id``, of
        the files ``among`` when given)."""
        import numpy as np

        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        t = self._for(q)
        if t is None:
            return None, []
        return t, self._conn.vectors.nearest(t, q, k, pack_id, self.SPACE == PASSAGES, among)

    def _delete(self, file_ids: Iterable[str]) -> None:
        ids = list(file_ids)
        if not ids:
            return
        self._conn.writable()
        delete_ids([t for t in self._tables()], ids)
        self._conn.after_write(self.SPACE)

    @reading
    def count(self) -> int:
        return sum(int(t.count_rows()) for t in self._tables())

    @reading
    def per_pack(self) -> dict[str, int]:
        """How many vectors each pack made (reads the pack column only)."""
        out: dict[str, int] = {}
        for t in self._tables():
            n = t.count_rows()
            if not n:
                continue
            packs = t.search().select(["pack_id"]).limit(n + 1).to_arrow().column("pack_id")
            for p in packs.to_pylist():
                out[p] = out.get(p, 0) + 1
        return out

    @reading
    def _pack_file_ids(self, tables: list[Any], pack_id: str) -> set[str]:
        out: set[str] = set()
        for t in tables:
            out |= file_ids_of(t, f"pack_id = {quote(pack_id)}")
        return out

    def _background(self, like: Any, pack_id: str) -> Background:
        import numpy as np

        t = self._for(like)
        if t is None:
            dim = int(np.asarray(like).reshape(-1).shape[0])
            return Background(np.zeros((0, dim), dtype=np.float32), 0)
        return self._conn.vectors.background(t, pack_id)


def delete_ids(tables: list[Any], file_ids: list[str], column: str = "file_id") -> None:
    """Delete the rows of these ids from each table, a bounded IN list at a time."""
    for t in tables:
        for start in range(0, len(file_ids), ID_BATCH):
            t.delete(is_in(column, file_ids[start : start + ID_BATCH]))


def writing(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a failed write into a StoreError with a reason; the last commit stays intact."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except (OSError, RuntimeError) as exc:
            index_dir: Path | str = args[0].index_dir  # type: ignore[attr-defined]
            log.error("index write failed: %s", exc)
            raise StoreError(describe_write_error(exc, index_dir)) from exc

    return wrapper


def rows_where(t: Any, cond: str, cols: list[str]) -> list[dict[str, Any]]:
    """Every row matching ``cond``: a filtered read stops at its limit, so count them first."""
    n = t.count_rows(cond)
    if not n:
        return []
    return list(t.search().where(cond).select(cols).limit(n + 10).to_arrow().to_pylist())


def any_row(t: Any, cond: str) -> bool:
    return bool(t.search().where(cond).select(["file_id"]).limit(1).to_arrow().num_rows)


def _fts_clauses(words: WordQuery, column: str) -> list[Any]:
    import lancedb.query

    lq: Any = lancedb.query  # pydantic dataclasses, whose defaults type checkers don't see
    clauses = [lq.MatchQuery(" ".join(words.any_of), column)] if words.any_of else []
    clauses += [lq.PhraseQuery(p, column) for p in words.phrases]
    clauses += [lq.PhraseQuery(p, column, slop=NEAR_SLOP) for p in words.near]
    return clauses


def _fts_query(words: WordQuery, column: str) -> Any:
    import lancedb.query

    clauses = _fts_clauses(words, column)
    if len(clauses) == 1:
        return clauses[0]
    lq: Any = lancedb.query
    return lq.BooleanQuery([(lq.Occur.SHOULD, c) for c in clauses])


def _best_rows(
    t: Any, words: WordQuery, column: str, limit: int, cols: list[str], where: str | None
) -> list[dict[str, Any]]:
    """The ``limit`` best rows of the words' query: any of the words, or their phrases (a
    row's score the sum of its clauses' BM25 scores, as LanceDB scores the query whole).

    LanceDB's search of the clauses together scores every row holding a word (at 1M files
    all holding 'holiday': 60-110 ms for two words, each clause alone ~6 ms), so each clause
    is searched alone and the lists summed; this is the whole query's top when at most one
    list was cut short and it holds every row of the others (a row missing from a complete
    list scores 0 there, and one missing from the cut list scores at most its last). Else
    the clauses are searched together."""
    clauses = _fts_clauses(words, column)

    def search(q: Any, with_id: bool) -> list[dict[str, Any]]:
        query = t.search(q, query_type="fts")
        if where is not None:
            query = query.where(where, prefilter=True)
        if with_id:
            query = query.with_row_id(True)
        return query.select(cols).limit(limit).to_arrow().to_pylist()  # type: ignore[no-any-return]

    if len(clauses) > 1 and "_score" in cols:
        lists = [search(c, True) for c in clauses]
        # a list cut at the limit: a row missing from it scores at most its last there
        last = [min(r["_score"] for r in found) if len(found) >= limit else 0.0 for found in lists]
        rows: dict[int, dict[str, Any]] = {}
        unknown: dict[int, float] = {}  # per row, the most its missing clauses may add
        for found in lists:
            for r in found:
                have = rows.setdefault(r["_rowid"], r)
                if have is not r:
                    have["_score"] += r["_score"]
        held = [
            {r["_rowid"] for r in found} if most else set()
            for found, most in zip(lists, last, strict=True)
        ]
        for key in rows:
            unknown[key] = sum(
                most for ids, most in zip(held, last, strict=True) if most and key not in ids
            )
        ranked = sorted(rows, key=lambda key: -rows[key]["_score"])
        best, rest = ranked[:limit], ranked[limit:]
        above = max([sum(last)] + [rows[key]["_score"] + unknown[key] for key in rest])
        exact = all(not unknown[key] for key in best) and (
            not any(last) or (len(best) == limit and rows[best[-1]]["_score"] >= above)
        )
        if exact:
            return [{c: rows[key][c] for c in cols} for key in best]
    return search(_fts_query(words, column), False)


def full_text(
    t: Any,
    words: WordQuery,
    column: str,
    k: int,
    cols: list[str],
    among: frozenset[str] | None = None,
    where: str | None = None,
    ids_up_to: int = FTS_PREFILTER_IDS,
) -> list[dict[str, Any]]:
    """The k best BM25 rows for ``words`` in ``column`` (of the files ``among``, when given). A
    filter's few files (up to ``ids_up_to``) are a prefilter on their ids; for many, a long IN
    list costs more than
    the search: ``where``, a condition on the table's own columns that those files meet, is the
    prefilter, else larger cuts are read until k of theirs are found or the matches run out."""
    if (among is not None and not among) or not words:
        return []
    try:
        if among is not None and len(among) <= ids_up_to:
            where = is_in("file_id", sorted(among))
        limit = k
        while True:
            found = _best_rows(t, words, column, limit, cols, where if among else None)
            if among is None:
                return list(found)
            kept = [r for r in found if r["file_id"] in among]
            if len(kept) >= k or len(found) < limit or limit >= FTS_MAX_CUT:
                return kept[:k]
            limit = min(FTS_MAX_CUT, limit * 4)
    except Exception as exc:  # no FTS index yet, or a query the parser rejects
        log.debug("full-text search skipped on %s: %s", t.name, exc)
        return []


# How the full-text index is built, here and by the cluster's index builders: positions kept
# (phrases), and none of the index's own word handling, since Trove's analyser wrote the
# words already (stems, folding, segmentation per language).
FTS_PARAMS: dict[str, Any] = dict(
    with_position=True,
    base_tokenizer="whitespace",
    lower_case=False,
    stem=False,
    remove_stop_words=False,
    ascii_folding=False,
    max_token_length=None,
)


def ensure_fts(t: Any, column: str, force: bool = False) -> None:
    """Build the table's full-text index (again, with ``force``) when it has rows. The column
    holds words as core.words makes them (folded, stemmed where the language is known, pairs
    of characters for scripts without spaces), so the index splits on spaces and nothing else."""
    if t is None or t.count_rows() == 0:
        return
    if force or not has_fts(t, column):
        t.create_fts_index(column, replace=True, **FTS_PARAMS)


def has_fts(t: Any, column: str) -> bool:
    """Does the table have a full-text index on ``column`` that splits on spaces only (an
    index of earlier Trove split words itself)?"""
    for ix in t.list_indices():
        details = getattr(ix, "index_details", None) or {}
        if column in (ix.columns or []) and details.get("base_tokenizer") == "whitespace":
            return True
    return False


def drop_fts(t: Any) -> None:
    """Drop the table's full-text indexes (maintenance builds them again)."""
    for ix in t.list_indices():
        if str(ix.index_type).upper() in ("FTS", "INVERTED"):
            t.drop_index(ix.name)


def file_ids_of(t: Any, cond: str | None = None) -> set[str]:
    """The file ids of a table's rows (matching ``cond``), reading that column only."""
    n = t.count_rows(cond) if cond else t.count_rows()
    if not n:
        return set()
    q = t.search()
    if cond:
        q = q.where(cond)
    return set(q.select(["file_id"]).limit(n + 10).to_arrow().column("file_id").to_pylist())
