"""IndexStore: the LanceDB tables behind Trove (nearest-neighbour search: store.vectors)."""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, fields, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt

from desktop_app.core.store import schema, vectors
from desktop_app.core.store.api import (
    Background,
    IndexLockedError,
    KnownFile,
    StoreError,
    TextHit,
    VectorHit,
)
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.filters import quote as _q
from desktop_app.core.store.lock import WriterLock
from desktop_app.core.store.memory import ReadWriteLock, reading
from desktop_app.core.store.migrations import complete_last_step, migrate
from desktop_app.core.types import Chunk, FileRecord, FileStatus, Kind, Problem

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


def describe_write_error(exc: BaseException, index_dir: Path) -> str:
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


def writing(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a failed write into a StoreError with a reason; the last commit stays intact."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except (OSError, RuntimeError) as exc:
            store = args[0]
            log.error("index write failed: %s", exc)
            raise StoreError(describe_write_error(exc, store.index_dir)) from exc  # type: ignore[attr-defined]

    return wrapper


FILES, PROBLEMS, META = "files", "problems", "meta"
TABLE_NAMES_TTL_S = 1.0
SCALAR_INDEX_MIN = 10_000  # files rows; below this a scan answers in ~1 ms
CLEANUP_GRACE_S = 30


class IndexStore:
    """Owns the index folder. One writer process at a time (a lock file); readers any time."""

    def __init__(self, index_dir: Path, read_only: bool = False) -> None:
        self.index_dir = Path(index_dir)
        self.read_only = read_only
        self._db: Any = None
        self._tables: dict[str, Any] = {}
        self._columns: dict[int, list[str]] = {}  # FileRecord columns per open files table
        self._lock = WriterLock(self.index_dir / ".writer.lock")
        self._vectors = vectors.VectorSpaces()
        self._fts_dirty: set[str] = set()
        self._names: tuple[float, set[str]] | None = None
        self._pack_files: dict[tuple[str, str], tuple[Any, set[str]]] = {}
        self._rw = ReadWriteLock()
        self._rw_local = threading.local()
        self._rw_local.depth = 0
        self._writes_since_maintain = 0

    # --- lifecycle -------------------------------------------------------------------

    def open(self) -> None:
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the index folder {self.index_dir}: {exc.strerror}"
            ) from exc
        if not self.read_only:
            if not os.access(self.index_dir, os.W_OK):
                raise StoreError(f"the index folder {self.index_dir} is read-only")
            if not self._lock.acquire():
                raise IndexLockedError(
                    "another Trove process is updating this index; "
                    "try again when it finishes (searching works meanwhile)"
                )
        import lancedb

        self._db = lancedb.connect(str(self.index_dir), read_consistency_interval=timedelta(0))
        try:
            self._check_schema()
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        self._tables.clear()
        self._db = None
        self._lock.release()

    def _table_names(self) -> set[str]:
        """Cached for a second: a table another process creates shows up within that."""
        now = time.monotonic()
        if self._names is None or now - self._names[0] > TABLE_NAMES_TTL_S:
            self._names = (now, set(self._db.table_names(limit=1000)))
        return self._names[1]

    def _check_schema(self) -> None:
        names = self._table_names()
        if META not in names:
            if self.read_only:
                return  # nothing indexed yet: every read answers empty
            self._db.create_table(
                META,
                data=[{"key": "schema_version", "value": str(schema.SCHEMA_VERSION)}],
                schema=schema.meta_schema(),
            )
            self._db.create_table(FILES, schema=schema.files_schema())
            self._db.create_table(PROBLEMS, schema=schema.problems_schema())
            self._names = None
            return
        meta = self._db.open_table(META).to_arrow().to_pylist()
        version = int(next((r["value"] for r in meta if r["key"] == "schema_version"), "1"))
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"this index was written by a newer Trove (index schema {version}); "
                "update Trove to use it — the index was left untouched"
            )
        if version < schema.SCHEMA_VERSION and not self.read_only:
            migrate(self._db, version, schema.SCHEMA_VERSION)
            self._names = None
            t = self._db.open_table(META)
            t.update(where="key = 'schema_version'", values={"value": str(schema.SCHEMA_VERSION)})
        elif version == schema.SCHEMA_VERSION and not self.read_only:
            complete_last_step(self._db)
            self._names = None

    def _table(self, name: str) -> Any:  # a LanceTable, or None when it does not exist yet
        t = self._tables.get(name)
        if t is None:
            if name not in self._table_names():
                return None
            t = self._db.open_table(name)
            self._tables[name] = t
        return t

    def _vector_table(self, space: str, dim: int, create: bool) -> Any:
        name = f"{space}_{dim}"
        t = self._table(name)
        if t is None and create:
            sch = schema.chunks_schema(dim) if space == "chunks" else schema.images_schema(dim)
            t = self._db.create_table(name, schema=sch)
            self._names = None
            self._tables[name] = t
        return t

    def _vector_tables(self, space: str) -> list[Any]:
        return [self._table(n) for n in sorted(self._table_names()) if n.startswith(space + "_")]

    def _writable(self) -> None:
        if self.read_only or self._db is None:
            raise StoreError("the index is open for reading only")

    # --- writes ----------------------------------------------------------------------

    @writing
    def upsert_files(self, records: Sequence[FileRecord], new: bool = False) -> None:
        """Write file rows; ``new`` says no row has these ids yet (fresh ids): a plain append,
        without the merge's join against the whole table."""
        if not records:
            return
        self._writable()
        rows = [_file_row(r) for r in records]
        t = self._table(FILES)
        if new:
            t.add(rows)
        else:
            (
                t.merge_insert("file_id")
                .when_matched_update_all()
                .when_not_matched_insert_all()
                .execute(rows)
            )
        self._after_write(FILES)

    @writing
    def replace_chunks(
        self,
        items: Sequence[tuple[str, Sequence[Chunk], npt.NDArray[np.float32]]],
        pack_id: str,
        new: bool = False,
    ) -> None:
        """Replace every chunk of each file in one step (stale passages go with the write);
        ``new``: the ids are fresh, there is nothing to replace."""
        if not items:
            return
        self._writable()
        ids = [fid for fid, _, _ in items]
        cond = _in("file_id", ids)
        stale = [] if new else [t for t in self._vector_tables("chunks") if self._any(t, cond)]
        for t in stale:  # only tables that hold some: a delete is a commit even when empty
            t.delete(cond)
        self._add_chunks(items, pack_id)
        self._after_write("chunks")

    @writing
    def write_chunks(
        self,
        file_id: str,
        chunks: Sequence[Chunk],
        vectors: npt.NDArray[np.float32] | None,
        pack_id: str,
    ) -> None:
        vecs = vectors if vectors is not None else np.zeros((0, 0), dtype=np.float32)
        self.replace_chunks([(file_id, chunks, vecs)], pack_id)

    @writing
    def write_image_vectors(
        self,
        file_ids: Sequence[str],
        vectors: npt.NDArray[np.float32],
        pack_id: str,
        new: bool = False,
    ) -> None:
        """Store (or replace) these photos' vectors; ``new`` says the ids are fresh, so there is
        nothing to replace and not even a look is needed (~11 ms a batch while indexing)."""
        if not file_ids:
            return
        self._writable()
        t = self._vector_table("images", int(vectors.shape[1]), create=True)
        cond = f"pack_id = {_q(pack_id)} AND " + _in("file_id", file_ids)
        if not new and self._any(t, cond):  # nothing to replace: skip a commit
            t.delete(cond)
        t.add(
            [
                {"file_id": f, "pack_id": pack_id, "vector": np.asarray(v, dtype=np.float32)}
                for f, v in zip(file_ids, vectors, strict=True)
            ]
        )
        self._after_write("images")

    @staticmethod
    def _any(t: Any, cond: str) -> bool:
        return bool(t.search().where(cond).select(["file_id"]).limit(1).to_arrow().num_rows)

    @writing
    def delete_files(self, file_ids: Iterable[str]) -> None:
        ids = list(file_ids)
        if not ids:
            return
        self._writable()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            cond = _in("file_id", part)
            self._table(FILES).delete(cond)
            for t in self._vector_tables("chunks") + self._vector_tables("images"):
                t.delete(cond)
        self._after_write(FILES)

    @writing
    def delete_under(self, folder: str) -> int:
        prefix = folder.rstrip("/\\") + os.sep
        ids = [
            f.file_id for p, f in self.known_files().items() if p.startswith(prefix) or p == folder
        ]
        self.delete_files(ids)
        probs = self._table(PROBLEMS)
        if probs is not None:
            gone = [p.path for p in self.problems() if p.path.startswith(prefix)]
            if gone:
                probs.delete(_in("path", gone))
        return len(ids)

    @writing
    def move_file(self, file_id: str, new_path: str, new_root: str, mtime: float) -> None:
        self._writable()
        name = os.path.basename(new_path)
        t = self._table(FILES)
        where = f"file_id = {_q(file_id)}"
        # the camera and place words stay with the file: only the name and folders change
        kept = t.search().where(where).select(["camera", "place"]).limit(1).to_arrow().to_pylist()
        extra = _extra_words(kept[0]["camera"], kept[0]["place"]) if kept else ""
        t.update(
            where=where,
            values={
                "path": new_path,
                "root": new_root,
                "name": name,
                "mtime": float(mtime),
                "search_text": search_text_for(new_path, new_root, extra),
            },
        )
        self._after_write(FILES)

    @writing
    def set_places(self, places: dict[str, str]) -> None:
        """Store the place of these files (file_id -> place) and the words search sees."""
        self._set_field("place", places)

    def _set_field(self, name: str, values: dict[str, Any]) -> None:
        """Set one FileRecord field of these files (file_id -> value), in batches; the row is
        rebuilt whole so the words full-text search sees follow it."""
        if not values:
            return
        self._writable()
        t = self._table(FILES)
        ids = list(values)
        for start in range(0, len(ids), 500):
            records = self.get_files(ids[start : start + 500])
            rows = [_file_row(replace(r, **{name: values[fid]})) for fid, r in records.items()]
            if rows:  # matched rows only: a file deleted meanwhile stays deleted
                t.merge_insert("file_id").when_matched_update_all().execute(rows)
        self._after_write(FILES)

    @reading
    def photos_to_place(self, every: bool = False) -> list[tuple[str, float, float, str | None]]:
        """(file_id, lat, lon, place) of the files with a GPS position whose place was never
        looked up (NULL, as an older index left them) or, with ``every``, of all of them."""
        t = self._table(FILES)
        if t is None or "place" not in t.schema.names:
            return []
        cond = "gps_lat IS NOT NULL AND gps_lon IS NOT NULL"
        if not every:
            cond += " AND place IS NULL"
        rows = _rows_where(t, cond, ["file_id", "gps_lat", "gps_lon", "place"])
        return [(r["file_id"], r["gps_lat"], r["gps_lon"], r["place"]) for r in rows]

    def get_meta(self, key: str) -> str | None:
        """A value the index keeps about itself (e.g. which gazetteer named its places)."""
        return self._meta(key)

    @writing
    def set_meta(self, key: str, value: str) -> None:
        self._writable()
        self._set_meta(key, value)

    def record_problem(self, problem: Problem) -> None:
        self.record_problems([problem])

    @writing
    def record_problems(self, problems: Sequence[Problem]) -> None:
        if not problems:
            return
        self._writable()
        t = self._table(PROBLEMS)
        rows = [
            {"path": p.path, "reason": p.reason, "when": p.when or time.time()} for p in problems
        ]
        t.merge_insert("path").when_matched_update_all().when_not_matched_insert_all().execute(rows)

    @writing
    def clear_problems(self, paths: Sequence[str]) -> None:
        if not paths or self.read_only:
            return
        t = self._table(PROBLEMS)
        # Only delete what is there: a delete is a commit even when nothing matches.
        listed = set(t.to_arrow().select(["path"]).column("path").to_pylist())
        gone = [p for p in paths if p in listed]
        for start in range(0, len(gone), 500):
            t.delete(_in("path", gone[start : start + 500]))

    def clear_problem(self, path: str) -> None:
        self.clear_problems([path])

    def _after_write(self, kind: str) -> None:
        self._fts_dirty.add(kind)
        self._writes_since_maintain += 1

    def needs_maintenance(self) -> bool:
        return self._writes_since_maintain >= 50

    def maintain(self) -> None:
        """Compact fragments, drop old versions and orphaned files, refresh full-text indexes.

        Safe to reclaim unverified files only because this process holds the writer lock.
        """
        if self.read_only or self._db is None:
            return
        # Readers in this process wait while old files go; readers in other processes re-check
        # the latest version on every query, so a short grace period covers a query in flight.
        with self._rw.write():
            for name in sorted(self._table_names()):
                t = self._table(name)
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", UserWarning)
                        t.optimize(
                            cleanup_older_than=timedelta(seconds=CLEANUP_GRACE_S),
                            delete_unverified=True,
                        )
                except Exception as exc:  # maintenance is best effort; the index stays valid
                    log.warning("compaction of %s failed: %s", name, exc)
        self._drop_orphans()
        self._refresh_fts(force=True)
        try:
            self._build_scalar_indexes()
            self._build_vector_indexes()
        except Exception as exc:  # exact search keeps answering without the index
            log.warning("building the vector index failed: %s", exc)
        self._writes_since_maintain = 0

    def _drop_orphans(self) -> None:
        """Vectors whose file row never got written (a crash between the two writes)."""
        files = self._table(FILES)
        if files is None:
            return
        live = set(files.to_arrow().select(["file_id"]).column("file_id").to_pylist())
        for t in self._vector_tables("chunks") + self._vector_tables("images"):
            ids = set(t.to_arrow().select(["file_id"]).column("file_id").to_pylist())
            orphans = sorted(ids - live)
            for start in range(0, len(orphans), 500):
                t.delete(_in("file_id", orphans[start : start + 500]))

    def _refresh_fts(self, force: bool = False) -> None:
        if self.read_only:
            return
        targets = [(FILES, "search_text")]
        targets += [(t.name, "text") for t in self._vector_tables("chunks")]
        for name, column in targets:
            t = self._table(name)
            if t is None or t.count_rows() == 0:
                continue
            has = any(column in (ix.columns or []) for ix in t.list_indices())
            if force or not has:
                t.create_fts_index(column, replace=True, with_position=True)
        self._fts_dirty.clear()

    # --- reads -----------------------------------------------------------------------

    @reading
    def known_files(self, root: str | None = None) -> dict[str, KnownFile]:
        t = self._table(FILES)
        if t is None:
            return {}
        cols = ["file_id", "path", "root", "size", "mtime", "content_hash", "status"]
        data = t.to_arrow().select(cols).to_pylist()
        out: dict[str, KnownFile] = {}
        for r in data:
            if root is not None and r["root"] != root:
                continue
            out[r["path"]] = KnownFile(
                r["file_id"],
                r["path"],
                int(r["size"]),
                float(r["mtime"]),
                r["content_hash"] or "",
                r["status"] or "",
            )
        return out

    @reading
    def get_files(self, file_ids: Sequence[str], brief: bool = False) -> dict[str, FileRecord]:
        """Rows by id; ``brief`` leaves out what a search result never shows (root, hash,
        status, problem, GPS, indexing time): every column costs a random read per row."""
        t = self._table(FILES)
        if t is None or not file_ids:
            return {}
        cols = self._record_columns(t)
        if brief:
            cols = [c for c in cols if c not in _NOT_IN_HITS]
        out: dict[str, FileRecord] = {}
        for start in range(0, len(file_ids), 500):
            part = list(file_ids[start : start + 500])
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

    @reading
    def file_id_for(self, path: str) -> str | None:
        """The id of the indexed file at this path (one filtered read, not the whole table)."""
        t = self._table(FILES)
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

    def _record_columns(self, t: Any) -> list[str]:
        """FileRecord's columns this table has (a reader may open an index not yet migrated)."""
        cols = self._columns.get(id(t))
        if cols is None:
            names = set(t.schema.names)
            cols = self._columns[id(t)] = [c for c in _RECORD_COLUMNS if c in names]
        return cols

    @reading
    def all_files(self) -> list[FileRecord]:
        t = self._table(FILES)
        return [] if t is None else [_record(r) for r in t.to_arrow().to_pylist()]

    def _nearest(
        self, space: str, vector: npt.NDArray[np.float32], k: int, pack_id: str
    ) -> list[tuple[float, str, int]]:
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        t = self._table(f"{space}_{q.shape[0]}")
        return [] if t is None else self._vectors.nearest(t, q, k, pack_id, space == "chunks")

    def _meta(self, key: str) -> str | None:
        t = self._table(META)
        if t is None:
            return None
        rows = t.search().where(f"key = {_q(key)}").limit(1).to_arrow().to_pylist()
        return str(rows[0]["value"]) if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        t = self._table(META)
        rows = [{"key": key, "value": value}]
        t.merge_insert("key").when_matched_update_all().when_not_matched_insert_all().execute(rows)

    def _build_scalar_indexes(self) -> None:
        """Rows looked up by id or path (every query's hits) use a B-tree in a large index.

        Later rows are folded in by optimize(); until then they are scanned next to the tree.
        """
        t = self._table(FILES)
        if t is None or t.count_rows() < SCALAR_INDEX_MIN:
            return
        have = {c for ix in t.list_indices() for c in (ix.columns or [])}
        for column in ("file_id", "path"):
            if column not in have:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the name of this call is deprecated
                    t.create_scalar_index(column, index_type="BTREE")

    def _build_vector_indexes(self) -> None:
        """Past EXACT_LIMIT vectors a table is searched by an ANN index (store.vectors); the
        rows it was trained on go to the meta table, so that every process knows."""
        for t in self._vector_tables("images") + self._vector_tables("chunks"):
            key = f"ann_trained_rows:{t.name}"
            trained = self._vectors.build_index(t, int(self._meta(key) or 0))
            if trained:
                self._set_meta(key, str(trained))

    @reading
    def search_images(
        self, vector: npt.NDArray[np.float32], k: int, pack_id: str
    ) -> list[VectorHit]:
        return [VectorHit(fid, s) for s, fid, _ in self._nearest("images", vector, k, pack_id)]

    @reading
    def search_chunks(
        self, vector: npt.NDArray[np.float32], k: int, pack_id: str
    ) -> list[VectorHit]:
        found = self._nearest("chunks", vector, k, pack_id)
        if not found:
            return []
        t = self._table(f"chunks_{np.asarray(vector).reshape(-1).shape[0]}")
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
                    r.get("source") or "",
                )
            )
        return out

    @reading
    def search_text(self, terms: str, k: int) -> list[TextHit]:
        if not terms.strip():
            return []
        if self._fts_dirty and not self.read_only:
            self._refresh_fts()
        hits: list[TextHit] = []
        t = self._table(FILES)
        if t is not None:  # an empty table has no full-text index yet: _fts answers []
            hits += [
                TextHit(r["file_id"], float(r["_score"]), "name")
                for r in self._fts(t, terms, k, ["file_id", "_score"])
            ]
        for ct in self._vector_tables("chunks"):
            if ct.count_rows():
                cols = ["file_id", "text", "page", "ordinal", "_score"]
                cols += ["source"] if _has_source(ct) else []
                for r in self._fts(ct, terms, k, cols):
                    page = r.get("page", -1)
                    hits.append(
                        TextHit(
                            r["file_id"],
                            float(r["_score"]),
                            "text",
                            r["text"],
                            None if page is None or page < 0 else int(page),
                            int(r["ordinal"]),
                            r.get("source") or "",
                        )
                    )
        return hits

    @staticmethod
    def _fts(t: Any, terms: str, k: int, cols: list[str]) -> list[dict[str, Any]]:
        try:
            return list(
                t.search(terms, query_type="fts").select(cols).limit(k).to_arrow().to_pylist()
            )
        except Exception as exc:  # no FTS index yet, or a query the parser rejects
            log.debug("full-text search skipped on %s: %s", t.name, exc)
            return []

    @reading
    def image_vector(self, file_id: str, pack_id: str) -> npt.NDArray[np.float32] | None:
        for t in self._vector_tables("images"):
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

    # --- text in pictures (OCR) -------------------------------------------------------

    @reading
    def files_to_ocr(self) -> list[tuple[str, str, str]]:
        """(file_id, path, content_hash) of readable photos and PDFs whose text in pixels was
        never read, or was read from different content (the file changed since)."""
        t = self._table(FILES)
        if t is None or "ocr_hash" not in t.schema.names:
            return []
        cond = (
            f"status != {_q(str(FileStatus.FAILED))} AND (kind = {_q(str(Kind.PHOTO))} "
            "OR ext = 'pdf') AND (ocr_hash IS NULL OR ocr_hash != content_hash)"
        )
        rows = _rows_where(t, cond, ["file_id", "path", "content_hash"])
        return sorted(
            ((r["file_id"], r["path"], r["content_hash"] or "") for r in rows), key=lambda x: x[1]
        )

    @reading
    def ocr_counts(self) -> tuple[int, int]:
        """(files whose text in pixels was read, files waiting for it)."""
        t = self._table(FILES)
        if t is None or "ocr_hash" not in t.schema.names:
            return 0, 0
        base = (
            f"status != {_q(str(FileStatus.FAILED))} AND (kind = {_q(str(Kind.PHOTO))} "
            "OR ext = 'pdf')"
        )
        done = int(t.count_rows(base + " AND ocr_hash = content_hash"))
        return done, int(t.count_rows(base)) - done

    @writing
    def write_ocr(
        self,
        items: Sequence[tuple[str, str, Sequence[Chunk], npt.NDArray[np.float32] | None]],
        pack_id: str,
    ) -> None:
        """Store what OCR read: (file_id, content_hash it read, passages, their vectors).

        A file's older OCR passages are replaced; its text-layer passages stay. The files
        rows are marked last: a crash before that leaves the files to be read again."""
        if not items:
            return
        self._writable()
        ids = [fid for fid, _, _, _ in items]
        for t in self._vector_tables("chunks"):
            if _has_source(t):
                cond = f"source = 'ocr' AND {_in('file_id', ids)}"
                if self._any(t, cond):
                    t.delete(cond)
        with_text = [(fid, ch, v) for fid, _, ch, v in items if ch and v is not None]
        if with_text:
            for c in (c for _, ch, _ in with_text for c in ch):
                if c.source != "ocr":
                    raise ValueError("write_ocr stores OCR passages only")
            self._add_chunks(with_text, pack_id)
            self._after_write("chunks")
        files = self._table(FILES)
        by_hash: dict[str, list[str]] = {}
        for fid, h, _, _ in items:
            by_hash.setdefault(h, []).append(fid)
        for h, fids in by_hash.items():
            for start in range(0, len(fids), 500):
                files.update(
                    where=_in("file_id", fids[start : start + 500]), values={"ocr_hash": h}
                )
        self._after_write(FILES)

    def _add_chunks(
        self, items: Sequence[tuple[str, Sequence[Chunk], npt.NDArray[np.float32]]], pack_id: str
    ) -> None:
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
                        "source": c.source,
                    }
                )
        if rows:
            self._vector_table("chunks", dim, create=True).add(rows)

    # --- near-duplicates ---------------------------------------------------------------

    @reading
    def photo_records(self) -> list[FileRecord]:
        """Every readable photo's row (without the full-text column)."""
        t = self._table(FILES)
        if t is None:
            return []
        cond = f"kind = {_q(str(Kind.PHOTO))} AND status != {_q(str(FileStatus.FAILED))}"
        return [_record(r) for r in _rows_where(t, cond, self._record_columns(t))]

    @reading
    def photos_without_dhash(self) -> list[tuple[str, str]]:
        """(file_id, path) of readable photos never given a perceptual hash (an older index)."""
        t = self._table(FILES)
        if t is None or "dhash" not in t.schema.names:
            return []
        cond = (
            f"kind = {_q(str(Kind.PHOTO))} AND status != {_q(str(FileStatus.FAILED))}"
            " AND dhash IS NULL"
        )
        return [(r["file_id"], r["path"]) for r in _rows_where(t, cond, ["file_id", "path"])]

    @writing
    def set_dhashes(self, hashes: dict[str, int]) -> None:
        """Store the perceptual hash of these photos (file_id -> signed 64-bit hash)."""
        self._set_field("dhash", hashes)

    @reading
    def dhashes(self, file_ids: Sequence[str]) -> dict[str, int]:
        """Perceptual hashes of these files (those that have one)."""
        t = self._table(FILES)
        if t is None or not file_ids or "dhash" not in t.schema.names:
            return {}
        out: dict[str, int] = {}
        for start in range(0, len(file_ids), 500):
            part = list(file_ids[start : start + 500])
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

    @reading
    def image_matrix(self, pack_id: str) -> tuple[list[str], npt.NDArray[np.float32]]:
        """Every image vector of one pack: (file ids, (n, dim) matrix). Uses the resident
        matrix search already keeps; a table past EXACT_LIMIT is read once, not kept."""
        ids: list[str] = []
        mats: list[npt.NDArray[np.float32]] = []
        for t in self._vector_tables("images"):
            n = t.count_rows()
            if not n:
                continue
            if n <= vectors.EXACT_LIMIT:
                res = self._vectors.resident(t, with_ordinals=False)
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
    def image_vectors(
        self, file_ids: Sequence[str], pack_id: str
    ) -> dict[str, npt.NDArray[np.float32]]:
        """Image vectors of a few files: from the resident matrix when it is current."""
        out: dict[str, npt.NDArray[np.float32]] = {}
        if not file_ids:
            return out
        for t in self._vector_tables("images"):
            res = self._vectors.current(t)
            if res is not None:
                for fid in file_ids:
                    row = res.row_of(fid, pack_id)
                    if row is not None:
                        out[fid] = res.vectors[row]
                continue
            want = [f for f in file_ids if f not in out]
            for start in range(0, len(want), 500):
                part = want[start : start + 500]
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
    def warm(self, timeout: float | None = None) -> None:
        """Load the resident matrices and build their 8-bit pre-scans now, waiting up to
        ``timeout`` for each, so that the next query meets them ready (benchmarks use this)."""
        self._vectors.warm(self._vector_tables("images") + self._vector_tables("chunks"), timeout)

    @reading
    def background(self, space: str, dim: int, pack_id: str) -> Background:
        """Up to a thousand stored vectors of one pack, sampled evenly, and the pack's count
        in that space (store.vectors): what a query's scores are calibrated against."""
        t = self._table(f"{space}_{dim}")
        if t is None:
            return Background(np.zeros((0, dim), dtype=np.float32), 0)
        return self._vectors.background(t, pack_id)

    def pack_file_ids(self, space: str, pack_id: str) -> set[str]:
        """vector_file_ids, kept until the tables change (queries ask on every search)."""
        key = (space, pack_id, tuple(int(t.version) for t in self._vector_tables(space)))
        cached = self._pack_files.get((space, pack_id))
        if cached is None or cached[0] != key:
            cached = (key, self.vector_file_ids(space, pack_id))
            self._pack_files[(space, pack_id)] = cached
        return cached[1]

    def other_pack_vectors(self, space: str, pack_id: str) -> int:
        """How many vectors in ``space`` some pack other than ``pack_id`` made."""
        cond = f"pack_id != {_q(pack_id)}"
        return sum(int(t.count_rows(cond)) for t in self._vector_tables(space))

    @writing
    def drop_pack_vectors(self, space: str, keep: str) -> int:
        """Delete the vectors of every pack but ``keep`` (after a change of pack completes)."""
        self._writable()
        dropped = 0
        for t in self._vector_tables(space):
            cond = f"pack_id != {_q(keep)}"
            n = t.count_rows(cond)
            if n:
                t.delete(cond)
                dropped += n
                self._after_write(space)
        return dropped

    @reading
    def vector_file_ids(self, space: str, pack_id: str) -> set[str]:
        out: set[str] = set()
        for t in self._vector_tables(space):
            tbl = (
                t.search()
                .where(f"pack_id = {_q(pack_id)}")
                .select(["file_id"])
                .limit(t.count_rows() + 1)
                .to_arrow()
            )
            out.update(tbl.column("file_id").to_pylist())
        return out

    def files_missing_vectors(self, space: str, pack_id: str) -> list[str]:
        kind = Kind.PHOTO if space == "images" else Kind.DOCUMENT
        have = self.vector_file_ids(space, pack_id)
        return [
            r.path
            for r in self.all_files()
            if r.kind == kind
            and r.status != FileStatus.FAILED
            and r.file_id not in have
            and (space == "images" or r.status == FileStatus.PENDING_VECTORS)
        ]

    @reading
    def problems(self) -> list[Problem]:
        t = self._table(PROBLEMS)
        if t is None:
            return []
        rows = t.to_arrow().to_pylist()
        return sorted(
            (Problem(r["path"], r["reason"], r["when"]) for r in rows), key=lambda p: p.path
        )

    @reading
    def counts(self) -> dict[str, int]:
        files = self.all_files()
        c = {
            "photo": sum(
                1 for f in files if f.kind == Kind.PHOTO and f.status != FileStatus.FAILED
            ),
            "document": sum(
                1 for f in files if f.kind == Kind.DOCUMENT and f.status != FileStatus.FAILED
            ),
            "failed": len(self.problems()),
            "pending": sum(1 for f in files if f.status == FileStatus.PENDING_VECTORS),
            "chunks": sum(t.count_rows() for t in self._vector_tables("chunks")),
            "images": sum(t.count_rows() for t in self._vector_tables("images")),
        }
        return c

    @reading
    def root_counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for f in self.all_files():
            c = out.setdefault(f.root, {"photo": 0, "document": 0, "failed": 0})
            if f.status == FileStatus.FAILED:
                c["failed"] += 1
            else:
                c[str(f.kind)] += 1
        return out

    @reading
    def vectors_per_pack(self, space: str | None = None) -> dict[str, int]:
        out: dict[str, int] = {}
        spaces = (space,) if space else ("chunks", "images")
        for t in [t for s in spaces for t in self._vector_tables(s)]:
            n = t.count_rows()
            if not n:
                continue
            # only the pack column is read (to_arrow() would load every vector)
            packs = (
                t.search().select(["pack_id"]).limit(n + 1).to_arrow().column("pack_id").to_pylist()
            )
            for p in packs:
                out[p] = out.get(p, 0) + 1
        return out

    def size_bytes(self) -> int:
        total = 0
        for dirpath, _, files in os.walk(self.index_dir):
            for f in files:
                try:
                    total += os.path.getsize(os.path.join(dirpath, f))
                except OSError:
                    pass
        return total


def _has_source(t: Any) -> bool:
    """Does this chunks table say where each passage came from? (not before schema 2)

    Asked on every query: kept on the open table (reading a schema is a round trip)."""
    known = getattr(t, "_trove_has_source", None)
    if known is None:
        known = "source" in t.schema.names
        try:
            t._trove_has_source = known
        except AttributeError:  # a table type without a __dict__: ask every time
            pass
    return bool(known)


def search_text_for(path: str, root: str, extra: str) -> str:
    """Words full-text search sees for a file: its name, the folders below the root, extras."""
    rel = os.path.relpath(path, root) if root and path.startswith(root) else path
    words = rel.replace(os.sep, " ").replace("_", " ").replace("-", " ").replace(".", " ")
    return f"{os.path.basename(path)} {words} {extra}".strip()


def _extra_words(camera: str | None, place: str | None) -> str:
    """A photo's words besides its name and folders: "Canon EOS R6 Lisbon, Portugal"."""
    return " ".join(x for x in (camera, place) if x)


def _file_row(r: FileRecord) -> dict[str, Any]:
    row = asdict(r)
    row["kind"] = str(r.kind)
    row["status"] = str(r.status)
    row["search_text"] = search_text_for(r.path, r.root, _extra_words(r.camera, r.place))
    return row


_RECORD_FIELDS = {f.name for f in fields(FileRecord)}
_RECORD_COLUMNS = [f.name for f in fields(FileRecord)]
_NOT_IN_HITS = frozenset(
    {"root", "content_hash", "status", "problem", "gps_lat", "gps_lon", "indexed_at"}
)


def _rows_where(t: Any, cond: str, cols: list[str]) -> list[dict[str, Any]]:
    """Every row matching ``cond``: a filtered read stops at its limit, so count them first."""
    n = t.count_rows(cond)
    if not n:
        return []
    return list(t.search().where(cond).select(cols).limit(n + 10).to_arrow().to_pylist())


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
