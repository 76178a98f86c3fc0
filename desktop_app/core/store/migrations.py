"""Forward-only migrations of the index, one step per schema version."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.core.store.connection import drop_fts, ensure_fts, has_fts, open_table


def _v1_to_v2(db: Any) -> None:
    """files gains `place`, `dhash` and `ocr_hash`, empty until the engine fills them in the
    background; every chunks table gains `source` ("" for the text the files carry)."""
    import pyarrow as pa

    names = set(db.table_names(limit=1000))
    t = open_table(db, "files")
    if t is not None:
        have = set(t.schema.names)
        fields = (
            pa.field("place", pa.string()),
            pa.field("dhash", pa.int64()),
            pa.field("ocr_hash", pa.string()),
        )
        new = [f for f in fields if f.name not in have]
        if new:  # a step cut short by a crash is resumed: only what is missing is added
            t.add_columns(new)
    for name in sorted(n for n in names if n.startswith("chunks_")):
        t = open_table(db, name)
        if t is not None and "source" not in t.schema.names:
            t.add_columns({"source": "''"})  # an SQL expression: every older passage is text


def _v2_to_v3(db: Any) -> None:
    """files gains `card`, what a search result shows of each file, filled in from its
    columns (a step cut short is resumed where the cards are still missing)."""
    from desktop_app.core.store.files import fill_cards

    t = open_table(db, "files")
    if t is not None:
        if "card" not in t.schema.names:
            import pyarrow as pa

            t.add_columns([pa.field("card", pa.string())])
        fill_cards(t)


def _v3_to_v4(db: Any) -> None:
    """Words in every language (core.words): files' search_text is made again in the index's
    word forms, and every passages table gains `lang` (its document's language) and `terms` (its
    words as the index holds them); their full-text indexes are then built on those columns.
    Each part is done once: the files' when their full-text index is of the new kind (it is
    built last), the passages' where `terms` is still empty."""
    from desktop_app.core.store.files import fill_search_text
    from desktop_app.core.store.passages import fill_terms

    names = set(db.table_names(limit=1000))
    t = open_table(db, "files")
    if t is not None and not has_fts(t, "search_text"):
        drop_fts(t)
        fill_search_text(t)
        ensure_fts(t, "search_text", force=True)
    langs: set[str] = set()
    for name in sorted(n for n in names if n.startswith("chunks_") or n == "words"):
        t = open_table(db, name)
        if t is None:
            continue
        if "terms" not in t.schema.names:
            import pyarrow as pa

            drop_fts(t)
            new = [pa.field("lang", pa.string()), pa.field("terms", pa.string())]
            t.add_columns([f for f in new if f.name not in t.schema.names])
        filled, found = fill_terms(t)
        langs |= found
        if filled or not has_fts(t, "terms"):
            drop_fts(t)
            ensure_fts(t, "terms", force=True)
    meta = open_table(db, "meta")
    if langs and meta is not None:
        rows = meta.search().where("key = 'languages'").limit(1).to_arrow().to_pylist()
        have = {x for x in (rows[0]["value"] if rows else "").split(",") if x}
        if not langs <= have:
            value = ",".join(sorted(have | langs))
            meta.merge_insert(
                "key"
            ).when_matched_update_all().when_not_matched_insert_all().execute(
                [{"key": "languages", "value": value}]
            )


# version N -> N+1: each step receives the open lancedb connection
MIGRATIONS: dict[int, Callable[[Any], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(db: Any, from_version: int, to_version: int) -> None:
    for v in range(from_version, to_version):
        MIGRATIONS[v](db)


def complete_last_step(db: Any) -> None:
    """Re-run the newest step (each step adds only what is missing): an index written while
    that schema version was still taking shape gets the columns it lacks."""
    MIGRATIONS[max(MIGRATIONS)](db)
