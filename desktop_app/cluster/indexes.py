"""A library's search indexes, built on the cluster with lance-ray.

Only index types whose per-worker segments merge into the same answers as one build:
IVF_FLAT (stored vectors, exact distances inside a partition) and, past PQ's training size,
IVF_PQ (one codebook trained first and shared by every segment), both searched with a
refine step. Not IVF_SQ: its segments' quantizer bounds differ and merged distances come out
wrong (lance #7901); not IVF_RQ: its segments cannot be merged. Full text: Lance's inverted
index, with the very settings core.store uses (words split on spaces, nothing else done to
them: they are stored in the index's forms already).
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

log = logging.getLogger(__name__)

MIN_VECTOR_ROWS = 256  # IVF's k-means needs about this many rows per partition
PQ_MIN_ROWS = 65_536  # PQ's codebook is trained on this many rows
ROWS_PER_PARTITION = 4_096
TASK = {"num_cpus": 0.5}  # index builders share the nodes with whatever else runs


def _dataset(uri: str) -> Any:
    import lance

    return lance.dataset(uri)


def _tables(uri: str) -> list[str]:
    """The library's tables by name (folders ending in .lance)."""
    import pyarrow.fs as pafs

    fs, base = pafs.FileSystem.from_uri(uri)
    infos = fs.get_file_info(pafs.FileSelector(base, recursive=False, allow_not_found=True))
    return sorted(
        i.base_name[: -len(".lance")]
        for i in infos
        if i.type == pafs.FileType.Directory and i.base_name.endswith(".lance")
    )


def vector_index_type(rows: int) -> str:
    return "IVF_PQ" if rows >= PQ_MIN_ROWS else "IVF_FLAT"


def build_indexes(uri: str, workers: int = 2) -> list[str]:
    """Build (again) the full-text indexes and, where a table is large enough, the vector
    indexes, each distributed over ``workers`` Ray tasks and merged into one. Returns what
    was built, as "table.column:TYPE"."""
    import lance_ray

    from desktop_app.core.store.connection import FTS_PARAMS

    built: list[str] = []
    for name in _tables(uri):
        table_uri = f"{uri}/{name}.lance"
        ds = _dataset(table_uri)
        rows = ds.count_rows()
        if not rows:
            continue
        fts = {"files": "search_text"}.get(name) or ("terms" if name.startswith("chunks_") else "")
        if fts:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                lance_ray.create_scalar_index(
                    table_uri,
                    column=fts,
                    index_type="INVERTED",
                    name=f"{fts}_idx",
                    replace=True,
                    num_workers=workers,
                    ray_remote_args=TASK,
                    **FTS_PARAMS,
                )
            built.append(f"{name}.{fts}:INVERTED")
        if (name.startswith(("images_", "chunks_"))) and rows >= MIN_VECTOR_ROWS:
            kind = vector_index_type(rows)
            dim = ds.schema.field("vector").type.list_size
            args: dict[str, Any] = {}
            if kind == "IVF_PQ":
                args["num_sub_vectors"] = max(1, dim // 16)
            lance_ray.create_index(
                table_uri,
                column="vector",
                index_type=kind,
                name="vector_idx",
                replace=True,
                num_workers=workers,
                ray_remote_args=TASK,
                metric="cosine",
                num_partitions=max(1, min(rows // MIN_VECTOR_ROWS, rows // ROWS_PER_PARTITION)),
                **args,
            )
            built.append(f"{name}.vector:{kind}")
        if name == "files":
            built += lookup_indexes(table_uri)
        merge_segments(table_uri)
    return built


# the files table's columns every search looks rows up by (a hit's row, by id; the next run's
# changes and a query's folder, by path): B-trees, as core.store builds them in a large index
LOOKUP_COLUMNS = ("file_id", "path")


def lookup_indexes(table_uri: str) -> list[str]:
    """B-tree indexes of the files table's lookup columns, built (again) on this machine: one
    row per file, read once (seconds per million paths, against the minutes of the vector and
    full-text indexes)."""
    ds = _dataset(table_uri)
    for column in LOOKUP_COLUMNS:
        ds.create_scalar_index(column, "BTREE", name=f"{column}_idx", replace=True)
    return [f"files.{column}:BTREE" for column in LOOKUP_COLUMNS]


def segments(table_uri: str) -> dict[str, int]:
    """Per index name, how many segments it is made of (1: merged)."""
    out: dict[str, int] = {}
    for ix in _dataset(table_uri).describe_indices():
        out[ix.name] = len(ix.segments)
    return out


def merge_segments(table_uri: str) -> None:
    """Fold every index's segments (and rows appended since) into one per index."""
    import lance_ray

    many = max(segments(table_uri).values(), default=1)
    if many > 1:
        lance_ray.optimize_indices(table_uri, num_indices_to_merge=many)
