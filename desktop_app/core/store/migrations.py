"""Forward-only migrations of the index, one step per schema version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# version N -> N+1: each step receives the open lancedb connection
MIGRATIONS: dict[int, Callable[[Any], None]] = {}


def migrate(db: Any, from_version: int, to_version: int) -> None:
    for v in range(from_version, to_version):
        MIGRATIONS[v](db)
