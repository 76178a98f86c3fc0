"""The files table: one row per indexed file, and what was learnt about it since."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, fields, replace
from typing import Any

from desktop_app.core.fspath import is_under
from desktop_app.core.store.api import FileCounts, KnownFile, RootCounts, TextHit
from desktop_app.core.store.connection import (
    FILES,
    FTS_PREFILTER_IDS,
    FTS_UNINDEXED_IDS,
    Connection,
    TableBase,
    any_row,
    delete_ids,
    ensure_fts,
    full_text,
    rows_where,
    writing,
)
from desktop_app.core.store.filters import FileFilter
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.filters import quote as _q
from desktop_app.core.store.memory import reading
from desktop_app.core.types import FileRecord, FileStatus, Kind
from desktop_app.core.words import WordQuery, prefixes
from desktop_app.core.words import terms as index_terms

BATCH = 500  # ids per filter: one IN list stays a cheap expression
ANY_PHOTO_TTL_S = 5.0  # "does the index hold a photo?" is asked again after this

# filters whose matching files are kept (per table version): typing more words after
# `type:pdf` asks for the same files again with every keystroke
MATCHING_CACHE = 8
# Up to this many files, what a search result shows of each is kept in memory per table version
# (~130 bytes a photo, ~450 a document): reading 60 rows by id from LanceDB costs ~20 ms at 100k
# files (a scan of the id column, then a random read per column and row), from memory ~1 ms.
RESIDENT_ROWS = 200_000
# Past it, only a sorted copy of the ids and their row ids is kept (~40 bytes a file): rows are
# then taken by row id, ~constant time, where a filter on ids scans the whole id column (~60 ms
# at 1M files).
_KNOWN_COLUMNS = ["file_id", "path", "root", "size", "mtime", "content_hash", "status"]
_RECORD_FIELDS = {f.name for f in fields(FileRecord)}
_RECORD_COLUMNS = [f.name for f in fields(FileRecord)]
_NOT_IN_HITS = frozenset(
    {"root", "content_hash", "status", "problem", "gps_lat", "gps_lon", "indexed_at"}
)
_READABLE = f"status != {_q(str(FileStatus.FAILED))}"
_PHOTO = f"kind = {_q(str(Kind.PHOTO))}"
_HAS_PIXEL_TEXT = f"{_READABLE} AND ({_PHOTO} OR ext = 'pdf')"  # what OCR reads
# what a search result shows of a file, kept whole in the `card` column (schema.py)
_CARD_FIELDS = tuple(c for c in _RECORD_COLUMNS if c not in _NOT_IN_HITS and c != "file_id")


class Files(TableBase):
    """The files table. A file's row is written last of its rows: it marks the file done."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._column_cache: dict[int, list[str]] = {}
        self._matching: dict[tuple[int, FileFilter], frozenset[str]] = {}
        # (version, rows, id -> row); rows None: too many files to keep (read by row id)
        self._brief: tuple[int, Any, dict[str, int]] | None = None
        # (version, sorted ids, their row ids, whether rows have cards)
        self._row_ids: tuple[int, Any, Any, bool] | None = None
        self._any_photo: tuple[float, bool] | None = None  # (when asked, the answer)

    def _t(self) -> Any:
        return self._conn.table(FILES)

    def _columns(self, t: Any) -> list[str]:
        """FileRecord's columns this table has (a reader may open an index not yet migrated)."""
        cols = self._column_cache.get(id(t))
        if cols is None:
            names = set(t.schema.names)
            cols = self._column_cache[id(t)] = [c for c in _RECORD_COLUMNS if c in names]
        return cols

    def _has(self, column: str) -> bool:
        t = self._t()
        return t is not None and column in t.schema.names

    # --- writes ----------------------------------------------------------------------

    @writing
    def upsert(self, records: Sequence[FileRecord], new: bool = False) -> None:
        """Write file rows; ``new`` says no row has these ids yet (fresh ids): a plain append,
        without the merge's join against the whole table."""
        if not records:
            return
        self._conn.writable()
        rows = [file_row(r) for r in records]
        t = self._t()
        if new:
            t.add(rows)
        else:
            (
                t.merge_insert("file_id")
                .when_matched_update_all()
                .when_not_matched_insert_all()
                .execute(rows)
            )
        self._conn.after_write(FILES)

    @writing
    def delete(self, file_ids: Iterable[str]) -> None:
        ids = list(file_ids)
        if not ids:
            return
        self._conn.writable()
        delete_ids([self._t()], ids)
        self._conn.after_write(FILES)

    @writing
    def move(self, moves: Sequence[tuple[str, str, str, float]]) -> None:
        """Files moved or renamed, as (file_id, new path, new root, mtime): their rows follow;
        vectors, OCR text, camera and place stay. One write per batch: a folder of 10,000
        files moved is 20 table versions, not 10,000."""
        self._rewrite(
            {
                fid: {"path": path, "root": root, "name": os.path.basename(path), "mtime": mtime}
                for fid, path, root, mtime in moves
            }
        )

    @writing
    def set_places(self, places: Mapping[str, str]) -> None:
        """Store the place of these files (file_id -> place) and the words search sees."""
        self._set_field("place", places)

    @writing
    def set_dhashes(self, hashes: Mapping[str, int]) -> None:
        """Store the perceptual hash of these photos (file_id -> signed 64-bit hash)."""
        self._set_field("dhash", hashes)

    def _set_field(self, name: str, values: Mapping[str, Any]) -> None:
        """Set one FileRecord field of these files (file_id -> value)."""
        self._rewrite({fid: {name: v} for fid, v in values.items()})

    def _rewrite(self, changes: Mapping[str, Mapping[str, Any]]) -> None:
        """Change FileRecord fields of these files (file_id -> {field: value}), in batches;
        each row is rebuilt whole, so the words full-text search sees and the card follow."""
        if not changes:
            return
        self._conn.writable()
        t = self._t()
        ids = list(changes)
        for start in range(0, len(ids), BATCH):
            records = self.get(ids[start : start + BATCH])
            rows = [file_row(replace(r, **changes[fid])) for fid, r in records.items()]
            if rows:  # matched rows only: a file deleted meanwhile stays deleted; the columns
                # a FileRecord does not hold (ocr_hash) stay as they are
                t.merge_insert("file_id").when_matched_update_all().execute(rows)
        self._conn.after_write(FILES)

    @writing
    def mark_ocr_read(self, reads: Sequence[tuple[str, str]]) -> None:
        """These files' text in pixels was read from content with this hash: (file_id, hash)."""
        if not reads:
            return
        self._conn.writable()
        t = self._t()
        rows = [{"file_id": fid, "ocr_hash": h} for fid, h in dict(reads).items()]
        for start in range(0, len(rows), BATCH):  # one write per batch, not one per photo
            t.merge_insert("file_id").when_matched_update_all().execute(rows[start : start + BATCH])
        self._conn.after_write(FILES)

    @writing
    def mark_vectors_done(self, file_ids: Sequence[str]) -> None:
        """These documents' passages all have vectors now (they were searchable by words)."""
        ids = list(file_ids)
        if not ids:
            return
        self._conn.writable()
        t = self._t()
        pending = _q(str(FileStatus.PENDING_VECTORS))
        for start in range(0, len(ids), BATCH):
            cond = f"status = {pending} AND {_in('file_id', ids[start : start + BATCH])}"
            t.update(where=cond, values={"status": str(FileStatus.OK)})
        self._conn.after_write(FILES)

    # --- reads -----------------------------------------------------------------------

    @reading
    def known(
        self,
        *,
        paths: Iterable[str] | None = None,
        root: str | None = None,
        under: str | None = None,
        sizes: Iterable[int] | None = None,
    ) -> dict[str, KnownFile]:
        """What finding changes compares with the disk, by path: the rows at these ``paths``,
        of one ``root``, inside the folder ``under``, of files with one of these ``sizes``
        (where a moved file may have come from), or (none given) every row."""
        t = self._t()
        if t is None:
            return {}
        conds: list[str] = []
        if paths is not None:
            wanted = sorted(set(paths))
            if not wanted:
                return {}
            conds = [_in("path", wanted[s : s + BATCH]) for s in range(0, len(wanted), BATCH)]
        elif sizes is not None:
            want = sorted(set(sizes))
            if not want:
                return {}
            conds = [
                f"size IN ({', '.join(str(int(n)) for n in want[s : s + BATCH])})"
                for s in range(0, len(want), BATCH)
            ]
        elif root is not None:
            conds = [f"root = {_q(root)}"]
        elif under is not None:
            folder = under.rstrip("/\\") or under
            prefix = folder if folder.endswith(("/", os.sep)) else folder + os.sep
            conds = [f"path = {_q(folder)} OR starts_with(path, {_q(prefix)})"]
        rows: list[dict[str, Any]] = []
        if conds:
            for cond in conds:
                rows += rows_where(t, cond, _KNOWN_COLUMNS)
        else:
            rows = (
                t.search().select(_KNOWN_COLUMNS).limit(t.count_rows() + 10).to_arrow().to_pylist()
            )
        out = {r["path"]: _known(r) for r in rows}
        if under is not None:  # the filter's prefix is a string: the path rule decides
            out = {p: k for p, k in out.items() if is_under(p, under)}
        return out

    @reading
    def get(self, file_ids: Sequence[str], brief: bool = False) -> dict[str, FileRecord]:
        """Rows by id; ``brief`` leaves out what a search result never shows (root, hash,
        status, problem, GPS, indexing time): every column costs a random read per row."""
        t = self._t()
        if t is None or not file_ids:
            return {}
        cols = self._columns(t)
        if brief:
            # each call to LanceDB is a round trip to its event loop's thread (~0.3 ms, much
            # more on a busy machine): the version is asked once, what it decides is kept
            version = int(t.version)
            cols = [c for c in cols if c not in _NOT_IN_HITS]
            resident = self._resident_brief(t, cols, version)
            if resident is not None:
                rows, where = resident
                at = [where[f] for f in file_ids if f in where]
                return {r["file_id"]: _record(r) for r in rows.take(at).to_pylist()}
            taken = self._take(t, file_ids, cols, version)
            if taken is not None:
                return taken
        out: dict[str, FileRecord] = {}
        for start in range(0, len(file_ids), BATCH):
            part = list(file_ids[start : start + BATCH])
            rows = (
                t.search()
                .where(_in("file_id", part))
                .select(cols)
                .limit(len(part) + 10)
                .to_arrow()
                .to_pylist()
            )
            for r in rows:
                out[r["file_id"]] = _record(r)
        return out

    def _resident_brief(
        self, t: Any, cols: list[str], version: int
    ) -> tuple[Any, dict[str, int]] | None:
        """The brief columns of every row, for the table's ``version`` (None past
        RESIDENT_ROWS files: then rows are read by id)."""
        kept = self._brief
        if kept is not None and kept[0] == version:
            return None if kept[1] is None else (kept[1], kept[2])
        n = int(t.count_rows())
        if n > RESIDENT_ROWS:
            self._brief = (version, None, {})
            return None
        rows = t.search().select(cols).limit(n + 10).to_arrow().combine_chunks()
        where = {f: i for i, f in enumerate(rows.column("file_id").to_pylist())}
        self._brief = (version, rows, where)
        return rows, where

    def _take(
        self, t: Any, file_ids: Sequence[str], cols: list[str], version: int
    ) -> dict[str, FileRecord] | None:
        """Rows by id through their row ids (a large table at ``version``); None when that
        cannot be used."""
        import numpy as np

        kept = self._row_ids
        if kept is None or kept[0] != version:
            n = int(t.count_rows())
            tbl = t.search().select(["file_id"]).with_row_id(True).limit(n + 10).to_arrow()
            ids = np.asarray([f.encode() for f in tbl.column("file_id").to_pylist()], np.bytes_)
            order = np.argsort(ids, kind="stable")
            row_ids = tbl.column("_rowid").to_numpy()[order]
            carded = "card" in t.schema.names
            kept = self._row_ids = (version, ids[order], row_ids, carded)
        _, ids, row_ids, carded = kept
        if not ids.size:
            return {}
        wide = ids.dtype.itemsize  # a longer id would be cut to a stored one's length
        want = np.asarray([b for f in file_ids if len(b := f.encode()) <= wide], dtype=ids.dtype)
        if not want.size:
            return {}
        pos = np.minimum(np.searchsorted(ids, want), ids.size - 1)
        found = row_ids[pos[ids[pos] == want]]
        if not found.size:
            return {}
        taken = t.take_row_ids([int(r) for r in found])
        if carded:
            rows = taken.select(["file_id", "card"]).to_arrow().to_pylist()
            if all(r["card"] is not None for r in rows):
                return {r["file_id"]: _from_card(r["file_id"], r["card"]) for r in rows}
        # an index a reader opened before its migration (or during it): the columns
        return {r["file_id"]: _record(r) for r in taken.select(cols).to_arrow().to_pylist()}

    @reading
    def matching(self, flt: FileFilter) -> frozenset[str]:
        """The ids of the files ``flt`` admits: one filtered read of the files table (its
        columns checked in LanceDB; folder and place names then by the exact rule)."""
        t = self._t()
        if t is None:
            return frozenset()
        key = (int(t.version), flt)
        cached = self._matching.get(key)
        if cached is not None:
            return cached
        has_place = "place" in t.schema.names
        cols = ["file_id"]
        if not flt.exact_in_sql:
            cols += ["kind", "ext", "path", "mtime", "taken_at"] + (["place"] if has_place else [])
        tbl = (
            t.search()
            .where(flt.where(has_place))
            .select(cols)
            .limit(t.count_rows() + 10)
            .to_arrow()
        )
        if flt.exact_in_sql:
            found = frozenset(tbl.column("file_id").to_pylist())
        else:
            found = frozenset(
                r["file_id"]
                for r in tbl.to_pylist()
                if flt.admits(
                    r["kind"],
                    r["ext"],
                    r["path"],
                    r.get("place") or "",
                    r["mtime"] if r["taken_at"] is None else r["taken_at"],
                )
            )
        if len(self._matching) >= MATCHING_CACHE:
            self._matching.clear()
        self._matching[key] = found
        return found

    @reading
    def id_for(self, path: str) -> str | None:
        """The id of the indexed file at this path (one filtered read, not the whole table)."""
        t = self._t()
        if t is None:
            return None
        rows = (
            t.search()
            .where(f"path = {_q(path)}")
            .select(["file_id"])
            .limit(1)
            .to_arrow()
            .to_pylist()
        )
        return str(rows[0]["file_id"]) if rows else None

    @reading
    def content_hashes(self, file_ids: Sequence[str]) -> dict[str, str]:
        """The content hash of each of these files that still has a row."""
        t = self._t()
        out: dict[str, str] = {}
        if t is None:
            return out
        for start in range(0, len(file_ids), BATCH):
            part = list(file_ids[start : start + BATCH])
            for r in rows_where(t, _in("file_id", part), ["file_id", "content_hash"]):
                out[r["file_id"]] = r["content_hash"] or ""
        return out

    @reading
    def needing_vectors(self, kind: Kind, have: set[str]) -> list[KnownFile]:
        """Readable files of this kind without a vector among ``have`` (file ids): photos
        indexed before an image pack (or with another), documents stored without vectors."""
        t = self._t()
        if t is None:
            return []
        cond = f"kind = {_q(str(kind))} AND {_READABLE}"
        if kind == Kind.DOCUMENT:  # a document with no passages has no vector to want
            cond += f" AND status = {_q(str(FileStatus.PENDING_VECTORS))}"
        rows = rows_where(t, cond, _KNOWN_COLUMNS)
        return [_known(r) for r in rows if r["file_id"] not in have]

    @reading
    def any_photo(self) -> bool:
        """Does the index hold a photo? (one row read, not a count; known for a few seconds)"""
        now = time.monotonic()
        if self._any_photo is None or now - self._any_photo[0] > ANY_PHOTO_TTL_S:
            t = self._t()
            self._any_photo = (now, t is not None and any_row(t, _PHOTO))
        return self._any_photo[1]

    @reading
    def counts(self) -> FileCounts:
        t = self._t()
        if t is None:
            return FileCounts()
        return FileCounts(
            photos=int(t.count_rows(f"{_PHOTO} AND {_READABLE}")),
            documents=int(t.count_rows(f"kind = {_q(str(Kind.DOCUMENT))} AND {_READABLE}")),
            pending=int(t.count_rows(f"status = {_q(str(FileStatus.PENDING_VECTORS))}")),
        )

    @reading
    def counts_by_root(self) -> dict[str, RootCounts]:
        t = self._t()
        if t is None:
            return {}
        n = t.count_rows()
        if not n:
            return {}
        tbl = t.search().select(["root", "kind", "status"]).limit(n + 10).to_arrow()
        tally: dict[str, list[int]] = {}
        for root, kind, status in zip(
            tbl.column("root").to_pylist(),
            tbl.column("kind").to_pylist(),
            tbl.column("status").to_pylist(),
            strict=True,
        ):
            c = tally.setdefault(root, [0, 0, 0])
            if status == FileStatus.FAILED:
                c[2] += 1
            elif kind == Kind.PHOTO:
                c[0] += 1
            else:
                c[1] += 1
        return {r: RootCounts(*c) for r, c in tally.items()}

    @reading
    def search_words(
        self,
        terms: str | WordQuery,
        k: int,
        among: frozenset[str] | None = None,
        flt: FileFilter | None = None,
    ) -> list[TextHit]:
        """Files whose name, folders, camera or place hold these words (BM25; of the files
        ``among`` that ``flt`` admits, when given), each with the words it was found by."""
        t = self._t()
        query = WordQuery.of_text(terms) if isinstance(terms, str) else terms
        if t is None or not query:
            return []
        if FILES in self._conn.fts_dirty and not self._conn.read_only:
            ensure_fts(t, "search_text")
            self._conn.fts_dirty.discard(FILES)
        return [
            TextHit(r["file_id"], float(r["_score"]), "name", r["search_text"] or "")
            for r in full_text(
                t,
                query,
                "search_text",
                k,
                ["file_id", "search_text", "_score"],
                among,
                None if flt is None else flt.where("place" in t.schema.names, loose=True),
                FTS_UNINDEXED_IDS if flt is not None and flt.folders else FTS_PREFILTER_IDS,
            )
        ]

    @reading
    def recent(
        self,
        limit: int,
        kinds: Sequence[Kind] = (),
        extensions: Sequence[str] = (),
        after: float | None = None,
        before: float | None = None,
        keep: Callable[[str, str], bool] | None = None,
    ) -> tuple[list[FileRecord], int]:
        """The newest indexed files first — by date taken (photos), else modified — as brief
        records, at most ``limit``, and how many matched in all. Kinds, extensions and the
        dates ``after <= when < before`` are filtered in the read; ``keep(path, place)``
        decides the rest (folders, places). Five small columns of every row are read (as
        columns: no Python object per row unless ``keep`` asks), whole rows for the newest."""
        import pyarrow as pa
        import pyarrow.compute as pc

        t = self._t()
        if t is None or limit <= 0:
            return [], 0
        conds = [_READABLE]
        if kinds:
            conds.append(_in("kind", [str(k) for k in kinds]))
        if extensions:
            conds.append(_in("ext", list(extensions)))
        cond = " AND ".join(conds)
        n = t.count_rows(cond)
        if not n:
            return [], 0
        cols = ["file_id", "path", "mtime", "taken_at", "place"]
        rows = t.search().where(cond).select(cols).limit(n + 10).to_arrow()
        when = pc.coalesce(rows["taken_at"], rows["mtime"])
        mask = None
        if after is not None:
            mask = pc.greater_equal(when, pa.scalar(after, when.type))
        if before is not None:
            less = pc.less(when, pa.scalar(before, when.type))
            mask = less if mask is None else pc.and_(mask, less)
        if mask is not None:
            rows, when = rows.filter(mask), when.filter(mask)
        # newest first; the path breaks ties the same way each time
        order = pc.sort_indices(
            pa.table({"when": when, "path": rows["path"]}),
            sort_keys=[("when", "descending"), ("path", "descending")],
        )
        if keep is None:
            total = len(order)
            top = rows["file_id"].take(order[:limit]).to_pylist()
        else:
            paths = rows["path"].take(order).to_pylist()
            places = rows["place"].take(order).to_pylist()
            ids = rows["file_id"].take(order).to_pylist()
            kept = [i for i, p, pl in zip(ids, paths, places, strict=True) if keep(p, pl or "")]
            total, top = len(kept), kept[:limit]
        records = self.get(top, brief=True)
        return [records[i] for i in top if i in records], total

    # --- places ----------------------------------------------------------------------

    @reading
    def to_place(self, every: bool = False) -> list[tuple[str, float, float, str | None]]:
        """(file_id, lat, lon, place) of the files with a GPS position whose place was never
        looked up (NULL, as an older index left them) or, with ``every``, of all of them."""
        if not self._has("place"):
            return []
        cond = "gps_lat IS NOT NULL AND gps_lon IS NOT NULL"
        if not every:
            cond += " AND place IS NULL"
        rows = rows_where(self._t(), cond, ["file_id", "gps_lat", "gps_lon", "place"])
        return [(r["file_id"], r["gps_lat"], r["gps_lon"], r["place"]) for r in rows]

    # --- near-duplicates -------------------------------------------------------------

    @reading
    def photos(self) -> list[FileRecord]:
        """Every readable photo's row (without the full-text column)."""
        t = self._t()
        if t is None:
            return []
        return [_record(r) for r in rows_where(t, f"{_PHOTO} AND {_READABLE}", self._columns(t))]

    @reading
    def without_dhash(self) -> list[tuple[str, str]]:
        """(file_id, path) of readable photos never given a perceptual hash (an older index)."""
        if not self._has("dhash"):
            return []
        cond = f"{_PHOTO} AND {_READABLE} AND dhash IS NULL"
        return [(r["file_id"], r["path"]) for r in rows_where(self._t(), cond, ["file_id", "path"])]

    @reading
    def dhashes(self, file_ids: Sequence[str]) -> dict[str, int]:
        """Perceptual hashes of these files (those that have one)."""
        if not file_ids or not self._has("dhash"):
            return {}
        t = self._t()
        out: dict[str, int] = {}
        for start in range(0, len(file_ids), BATCH):
            part = list(file_ids[start : start + BATCH])
            rows = (
                t.search()
                .where(_in("file_id", part) + " AND dhash IS NOT NULL")
                .select(["file_id", "dhash"])
                .limit(len(part) + 10)
                .to_arrow()
                .to_pylist()
            )
            out.update((r["file_id"], int(r["dhash"])) for r in rows)
        return out

    # --- text in pictures (OCR) ------------------------------------------------------

    @reading
    def to_ocr(self) -> list[tuple[str, str, str]]:
        """(file_id, path, content_hash) of readable photos and PDFs whose text in pixels was
        never read, or was read from different content (the file changed since)."""
        if not self._has("ocr_hash"):
            return []
        cond = f"{_HAS_PIXEL_TEXT} AND (ocr_hash IS NULL OR ocr_hash != content_hash)"
        rows = rows_where(self._t(), cond, ["file_id", "path", "content_hash"])
        return sorted(
            ((r["file_id"], r["path"], r["content_hash"] or "") for r in rows), key=lambda x: x[1]
        )

    @reading
    def ocr_counts(self) -> tuple[int, int]:
        """(files whose text in pixels was read, files waiting for it)."""
        if not self._has("ocr_hash"):
            return 0, 0
        t = self._t()
        done = int(t.count_rows(_HAS_PIXEL_TEXT + " AND ocr_hash = content_hash"))
        return done, int(t.count_rows(_HAS_PIXEL_TEXT)) - done


def search_text_for(path: str, root: str, extra: str) -> str:
    """Words full-text search sees for a file, in the index's forms: its name, the folders
    below the root, extras (names are in no known language: folded, never stemmed)."""
    rel = os.path.relpath(path, root) if root and is_under(path, root) else path
    return f"{index_terms(f'{rel} {extra}')} {prefixes(os.path.basename(path))}".strip()


def _extra_words(camera: str | None, place: str | None) -> str:
    """A photo's words besides its name and folders: "Canon EOS R6 Lisbon, Portugal"."""
    return " ".join(x for x in (camera, place) if x)


def file_row(r: FileRecord) -> dict[str, Any]:
    """The files table's row of a record (every column but ocr_hash, which a record lacks)."""
    row = asdict(r)
    row["kind"] = str(r.kind)
    row["status"] = str(r.status)
    row["search_text"] = search_text_for(r.path, r.root, _extra_words(r.camera, r.place))
    row["card"] = _card(row)
    return row


def _card(row: Mapping[str, Any]) -> str:
    return json.dumps({f: row[f] for f in _CARD_FIELDS}, ensure_ascii=False, separators=(",", ":"))


def _from_card(file_id: str, card: str) -> FileRecord:
    """The brief record of a file from its card (the fields a card does not hold at their
    defaults, as a brief read leaves them)."""
    return _record({"file_id": file_id, "root": "", "content_hash": "", **json.loads(card)})


def fill_cards(t: Any) -> None:
    """Write the card of every row that has none (an index from before cards)."""
    cols = ["file_id", *(c for c in _CARD_FIELDS if c in t.schema.names)]
    while True:
        rows = t.search().where("card IS NULL").select(cols).limit(50_000).to_arrow().to_pylist()
        if not rows:
            return
        cards = [{"file_id": r["file_id"], "card": file_row(_record(r))["card"]} for r in rows]
        t.merge_insert("file_id").when_matched_update_all().execute(cards)


def fill_search_text(t: Any, batch: int = 50_000) -> None:
    """Make every row's search_text again (an index from before the words of every
    language): one read of the columns it is made from, then a write per batch."""
    n = t.count_rows()
    if not n:
        return
    cols = ["file_id", "path", "root", "camera", "place"]
    tbl = t.search().select(cols).limit(n + 10).to_arrow()
    for start in range(0, tbl.num_rows, batch):
        part = tbl.slice(start, batch).to_pylist()
        rows = [
            {
                "file_id": r["file_id"],
                "search_text": search_text_for(
                    r["path"], r["root"] or "", _extra_words(r["camera"], r["place"])
                ),
            }
            for r in part
        ]
        t.merge_insert("file_id").when_matched_update_all().execute(rows)


def _known(r: dict[str, Any]) -> KnownFile:
    return KnownFile(
        r["file_id"],
        r["path"],
        r["root"] or "",
        int(r["size"]),
        float(r["mtime"]),
        r["content_hash"] or "",
        FileStatus(r["status"] or FileStatus.OK),
    )


def _record(r: dict[str, Any]) -> FileRecord:
    data = {k: v for k, v in r.items() if k in _RECORD_FIELDS}
    data["kind"] = Kind(data["kind"])
    data["status"] = FileStatus(data.get("status") or FileStatus.OK)
    for k in ("root", "camera", "problem", "text_preview", "content_hash"):
        data[k] = data.get(k) or ""
    for k in ("width", "height"):
        data[k] = int(data.get(k) or 0)
    data["place"] = data.get("place") or ""
    return FileRecord(**data)
