"""LanceDB filter expressions built from values (never from a person's raw text)."""

from __future__ import annotations

from collections.abc import Iterable


def quote(value: str) -> str:
    """Quote a string literal for a LanceDB filter."""
    return "'" + value.replace("'", "''") + "'"


def is_in(column: str, values: Iterable[str]) -> str:
    return f"{column} IN ({', '.join(quote(v) for v in values)})"
