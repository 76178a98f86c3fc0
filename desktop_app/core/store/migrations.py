"""Forward-only migrations of the index, one step per schema version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _v1_to_v2(db: Any) -> None:
    """files gains `place` and `dhash`, empty until the engine fills them in the background."""
    import pyarrow as pa

    if "files" not in set(db.table_names(limit=1000)):
        return
    t = db.open_table("files")
    have = set(t.schema.names)
    fields = (pa.field("place", pa.string()), pa.field("dhash", pa.int64()))
    new = [f for f in fields if f.name not in have]
    if new:  # a step cut short by a crash is resumed: only what is missing is added
        t.add_columns(new)


# version N -> N+1: each step receives the open lancedb connection
MIGRATIONS: dict[int, Callable[[Any], None]] = {1: _v1_to_v2}


def migrate(db: Any, from_version: int, to_version: int) -> None:
    for v in range(from_version, to_version):
        MIGRATIONS[v](db)
