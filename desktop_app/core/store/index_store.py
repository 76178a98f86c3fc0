"""IndexStore: the index folder, its schema and upkeep, and one object per table."""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop_app.core.store import schema
from desktop_app.core.store.api import IndexLockedError, StoreError
from desktop_app.core.store.connection import (
    FILES,
    IMAGES,
    META,
    PASSAGES,
    PROBLEMS,
    WORDS,
    Connection,
    delete_ids,
    describe_write_error,
    drop_fts,
    ensure_fts,
    file_ids_of,
    is_uri,
    writing,
)
from desktop_app.core.store.files import Files
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.images import ImageVectors
from desktop_app.core.store.lock import WriterLock
from desktop_app.core.store.memory import reading
from desktop_app.core.store.meta import Meta
from desktop_app.core.store.migrations import complete_last_step, migrate
from desktop_app.core.store.passages import Passages
from desktop_app.core.store.problems import Problems

log = logging.getLogger(__name__)

SCALAR_INDEX_MIN = 10_000  # files rows; below this a scan answers in ~1 ms
SCALAR_INDEXES = (
    ("file_id", "BTREE"),
    ("path", "BTREE"),
    ("kind", "BITMAP"),
    ("ext", "BITMAP"),
    ("taken_at", "BTREE"),
    ("mtime", "BTREE"),
    ("place", "BTREE"),
)
CLEANUP_GRACE_S = 30
MAINTAIN_AFTER_WRITES = 50

__all__ = ["CLEANUP_GRACE_S", "IndexStore", "describe_write_error"]

# Set once the index holds one row per path (earlier Trove indexed a watched folder inside
# another twice); a new index starts with it.
PATHS_UNIQUE = "paths_unique"


class IndexStore:
    """Owns the index folder. One writer process at a time (a lock file); readers any time.

    The tables are reached through ``files``, ``passages``, ``images``, ``problems`` and
    ``meta``; what spans them (removing a file with its vectors, compaction, the full-text
    and vector indexes) is here."""

    def __init__(self, index_dir: Path | str, read_only: bool = False) -> None:
        """``index_dir``: a folder, or a shared library's address on object storage
        ("s3://bucket/library"). A library there has no writer lock: its writers commit with
        the store's conditional put (desktop_app/cluster checks that the store has it), and
        it is never compacted from here."""
        self.remote = is_uri(index_dir)
        self.index_dir: Path | str = str(index_dir) if self.remote else Path(index_dir)
        self.read_only = read_only
        self._conn = Connection(self.index_dir, read_only)
        self._rw = self._conn.rw
        self._rw_local = self._conn.rw_local
        self._lock = WriterLock(Path(self.index_dir) / ".writer.lock")
        self.files = Files(self._conn)
        self.passages = Passages(self._conn)
        self.images = ImageVectors(self._conn)
        self.problems = Problems(self._conn)
        self.meta = Meta(self._conn)

    # --- lifecycle -------------------------------------------------------------------

    def open(self) -> None:
        if isinstance(self.index_dir, str):
            self._conn.connect()
            self._check_schema()
            return
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
        self._conn.connect()
        try:
            self._check_schema()
        except Exception:
            self.close()
            raise
        if not self.read_only:
            # A process killed during maintenance leaves tables without their full-text index
            # (dropped before compaction): the first search of words builds what is missing.
            self._conn.fts_dirty |= {FILES, PASSAGES}

    def close(self) -> None:
        self._conn.close()
        self._lock.release()

    def _check_schema(self) -> None:
        db = self._conn.db
        if self._conn.table(META) is None:
            if self.read_only:
                return  # nothing indexed yet: every read answers empty
            # The meta table goes last: once it holds the version, the others exist.
            self._create_missing()
            db.create_table(
                META,
                data=[
                    {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                    {"key": PATHS_UNIQUE, "value": "1"},
                ],
                schema=schema.meta_schema(),
                exist_ok=True,
            )
            self._conn.tables_changed()
            return
        version = int(self.meta.get("schema_version") or "1")
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"this index was written by a newer Trove (index schema {version}); "
                "update Trove to use it — the index was left untouched"
            )
        if self.read_only:
            return
        if version < schema.SCHEMA_VERSION:
            migrate(db, version, schema.SCHEMA_VERSION)
            self._conn.tables_changed()
            self.meta.set("schema_version", str(schema.SCHEMA_VERSION))
        else:
            complete_last_step(db)
            self._conn.tables_changed()
        # An index whose first opening was killed before all its tables were made (earlier
        # Trove wrote the meta table first) gets the ones it lacks.
        self._create_missing()

    def _create_missing(self) -> None:
        for name, sch in ((FILES, schema.files_schema()), (PROBLEMS, schema.problems_schema())):
            if self._conn.table(name) is None:
                self._conn.db.create_table(name, schema=sch, exist_ok=True)
                self._conn.tables_changed()

    # --- what spans the tables -------------------------------------------------------

    @writing
    def remove_files(self, file_ids: Iterable[str]) -> None:
        """Delete these files' rows and every vector and passage of theirs."""
        ids = list(file_ids)
        if not ids:
            return
        self.files.delete(ids)  # first: a crash in between leaves orphans, dropped by maintain
        self.passages.delete(ids)
        self.images.delete(ids)

    def needs_maintenance(self) -> bool:
        return self._conn.writes_since_maintain >= MAINTAIN_AFTER_WRITES

    def maintain(self) -> None:
        """Compact fragments, drop old versions and orphaned files, refresh full-text indexes.

        Safe to reclaim unverified files only because this process holds the writer lock.
        """
        if self.read_only or self.remote or self._conn.db is None:
            return
        # Readers in this process wait while old files go; readers in other processes re-check
        # the latest version on every query, so a short grace period covers a query in flight.
        with self._rw.write():
            for name in sorted(self._conn.table_names()):
                t = self._conn.table(name)
                if t is None:  # a table whose creation was killed: made again when needed
                    continue
                # LanceDB 0.40's optimize() of a table whose full-text index holds positions
                # can abort the whole process (lance#7653; here from ~300k files rows:
                # "memory allocation of 27.8 GB failed"). The index is built again below
                # anyway, so it goes first; in this process no query sees the table without
                # it (they wait for this lock).
                drop_fts(t)
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", UserWarning)
                        t.optimize(
                            cleanup_older_than=timedelta(seconds=CLEANUP_GRACE_S),
                            delete_unverified=True,
                        )
                except Exception as exc:  # maintenance is best effort; the index stays valid
                    log.warning("compaction of %s failed: %s", name, exc)
            if self.meta.get(PATHS_UNIQUE) != "1":  # once, in an index of earlier Trove
                self._drop_duplicate_paths()
                self.meta.set(PATHS_UNIQUE, "1")
            self._drop_orphans()
            ensure_fts(self._conn.table(FILES), "search_text", force=True)
            for t in self._conn.vector_tables(PASSAGES) + self._words_table():
                ensure_fts(t, "terms", force=True)
            self._conn.fts_dirty.clear()
        try:
            self._build_scalar_indexes()
            self._build_vector_indexes()
        except Exception as exc:  # exact search keeps answering without the index
            log.warning("building the vector index failed: %s", exc)
        self._conn.writes_since_maintain = 0

    def _drop_duplicate_paths(self) -> None:
        """Earlier Trove indexed a watched folder inside another twice: of the rows of one
        path, the one indexed last stays (the others' vectors go as orphans, next)."""
        files = self._conn.table(FILES)
        n = 0 if files is None else files.count_rows()
        if not n:
            return
        cols = ["file_id", "path", "indexed_at"]
        tbl = files.search().select(cols).limit(n + 10).to_arrow()
        rows = zip(*(tbl.column(c).to_pylist() for c in cols), strict=True)
        newest = {path: fid for fid, path, _ in sorted(rows, key=lambda r: r[2] or 0.0)}
        extra = set(tbl.column("file_id").to_pylist()) - set(newest.values())
        delete_ids([files], sorted(extra))

    def _drop_orphans(self) -> None:
        """Vectors whose file row never got written (a crash between the two writes)."""
        files = self._conn.table(FILES)
        if files is None:
            return
        live = file_ids_of(files)
        for t in self._vector_tables() + self._words_table():
            orphans = sorted(file_ids_of(t) - live)
            for start in range(0, len(orphans), 500):
                t.delete(_in("file_id", orphans[start : start + 500]))

    def _words_table(self) -> list[Any]:
        t = self._conn.table(WORDS)
        return [] if t is None else [t]

    def _vector_tables(self) -> list[Any]:
        return self._conn.vector_tables(IMAGES) + self._conn.vector_tables(PASSAGES)

    def _build_scalar_indexes(self) -> None:
        """Rows looked up by id or path (every query's hits) use a B-tree in a large index, and
        so do the columns a filter's condition reads (FileFilter.where: the files a full-text
        search among a filter's files may consider); the few kinds and extensions a bitmap.

        Later rows are folded in by optimize(); until then they are scanned next to the tree.
        """
        t = self._conn.table(FILES)
        if t is None or t.count_rows() < SCALAR_INDEX_MIN:
            return
        have = {c for ix in t.list_indices() for c in (ix.columns or [])}
        names = set(t.schema.names)
        for column, kind in SCALAR_INDEXES:
            if column not in have and column in names:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the name of this call is deprecated
                    t.create_scalar_index(column, index_type=kind)

    def _build_vector_indexes(self) -> None:
        """Past EXACT_LIMIT vectors a table is searched by an ANN index (store.vectors); the
        rows it was trained on go to the meta table, so that every process knows."""
        for t in self._conn.vector_tables(IMAGES) + self._conn.vector_tables(PASSAGES):
            key = f"ann_trained_rows:{t.name}"
            trained = self._conn.vectors.build_index(t, int(self.meta.get(key) or 0))
            if trained:
                self.meta.set(key, str(trained))

    def search_memory(self) -> int:
        """Bytes vector search holds in memory now: first stages and resident matrices."""
        return sum(held for _, held in self._conn.vectors.memory().values())

    @reading
    def prepare_search(self) -> None:
        """Start building the large tables' first stages on their own thread and return at
        once (the window's engine, after opening: the first queries meet them ready)."""
        self._conn.vectors.prepare(
            self._conn.vector_tables(IMAGES) + self._conn.vector_tables(PASSAGES)
        )

    @reading
    def warm(self, timeout: float | None = None) -> None:
        """Build the first stages (or load the small tables' resident matrices) now, waiting up
        to ``timeout``, so that the next query meets them ready (benchmarks and tests)."""
        self._conn.vectors.warm(
            self._conn.vector_tables(IMAGES) + self._conn.vector_tables(PASSAGES), timeout
        )

    def size_bytes(self) -> int:
        if isinstance(self.index_dir, str):
            return 0  # not measured on object storage
        total = 0
        for dirpath, _, files in os.walk(self.index_dir):
            for f in files:
                try:
                    total += os.path.getsize(os.path.join(dirpath, f))
                except OSError:
                    pass
        return total
