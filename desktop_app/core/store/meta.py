"""The meta table: values the index keeps about itself (schema version, gazetteer, ...)."""

from __future__ import annotations

from desktop_app.core.store.connection import META, TableBase, writing
from desktop_app.core.store.filters import quote as _q


class Meta(TableBase):
    """Key -> value; readable before anything was indexed (it answers None then)."""

    def get(self, key: str) -> str | None:
        t = self._conn.table(META)
        if t is None:
            return None
        rows = t.search().where(f"key = {_q(key)}").limit(1).to_arrow().to_pylist()
        return str(rows[0]["value"]) if rows else None

    @writing
    def set(self, key: str, value: str) -> None:
        self._conn.writable()
        t = self._conn.table(META)
        rows = [{"key": key, "value": value}]
        t.merge_insert("key").when_matched_update_all().when_not_matched_insert_all().execute(rows)
