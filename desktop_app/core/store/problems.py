"""The problems table: files (and folders) that could not be indexed, and why."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from desktop_app.core.fspath import is_under
from desktop_app.core.store.connection import PROBLEMS, TableBase, writing
from desktop_app.core.store.filters import is_in as _in
from desktop_app.core.store.memory import reading
from desktop_app.core.types import Problem

BATCH = 500


class Problems(TableBase):
    """Keyed by path: a file that fails again replaces its older reason."""

    def _t(self) -> Any:
        return self._conn.table(PROBLEMS)

    @writing
    def record(self, problems: Sequence[Problem]) -> None:
        if not problems:
            return
        self._conn.writable()
        rows = [
            {"path": p.path, "reason": p.reason, "when": p.when or time.time()} for p in problems
        ]
        t = self._t()
        t.merge_insert("path").when_matched_update_all().when_not_matched_insert_all().execute(rows)

    @writing
    def clear(self, paths: Sequence[str]) -> None:
        if not paths or self._conn.read_only:
            return
        t = self._t()
        # Only delete what is there: a delete is a commit even when nothing matches.
        listed = self._paths(t)
        gone = [p for p in paths if p in listed]
        for start in range(0, len(gone), BATCH):
            t.delete(_in("path", gone[start : start + BATCH]))

    @writing
    def clear_under(self, folder: str) -> None:
        """Forget the problems of everything inside ``folder`` (a folder no longer watched)."""
        t = self._t()
        if t is None or self._conn.read_only:
            return
        gone = sorted(p for p in self._paths(t) if is_under(p, folder))
        for start in range(0, len(gone), BATCH):
            t.delete(_in("path", gone[start : start + BATCH]))

    @staticmethod
    def _paths(t: Any) -> set[str]:
        return set(t.to_arrow().select(["path"]).column("path").to_pylist())

    @reading
    def all(self) -> list[Problem]:
        t = self._t()
        if t is None:
            return []
        rows = t.to_arrow().to_pylist()
        return sorted(
            (Problem(r["path"], r["reason"], r["when"]) for r in rows), key=lambda p: p.path
        )

    @reading
    def count(self) -> int:
        t = self._t()
        return 0 if t is None else int(t.count_rows())
