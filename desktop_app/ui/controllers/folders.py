"""Watched folders: add, remove (its files leave the index), exclusions, per-folder counts."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.settings import Settings
from desktop_app.ui.controllers import SaveSettings
from desktop_app.workers.engine_host import EngineHost


class FoldersController(QObject):
    roots_changed = Signal(list)  # the watched folders, after a change

    def __init__(
        self, host: EngineHost, settings: Settings, save: SaveSettings, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.host, self.settings, self._save = host, settings, save

    @property
    def roots(self) -> list[str]:
        return list(self.settings.roots)

    def add(self, folders: list[str]) -> bool:
        """Watch these folders too; True when any was new (indexing starts on them)."""
        changed = False
        for f in folders:
            changed |= self.settings.add_root(os.path.abspath(f))
        self.settings.welcome_done = True
        self._save()
        if changed:
            self.host.restart_indexing(
                tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
            )
            self.roots_changed.emit(self.roots)
        return changed

    def apply(self, roots: list[str], excludes: list[str]) -> None:
        """The Folders dialog's answer: removed folders' files leave the index, with the
        indexer stopped first (so it never writes rows for a folder being forgotten)."""
        removed = [r for r in self.settings.roots if r not in roots]
        self.settings.roots = list(roots)
        self.settings.exclude_patterns = list(excludes)
        self._save()

        def forget(engine: Any) -> int:
            return sum(int(engine.forget(r)) for r in removed)

        self.host.reconfigure(
            forget if removed else None,
            roots=tuple(roots),
            exclude_patterns=tuple(excludes),
        )
        self.roots_changed.emit(self.roots)

    def status(self, on_ready: Callable[[dict[str, Any]], None]) -> None:
        """Counts and state per watched folder (``RootStatus`` by path), from the task lane;
        an empty dict while the index cannot answer."""
        self.host.run_engine(
            lambda engine: {r.path: r for r in engine.status().roots},
            on_ready,
            lambda _exc: on_ready({}),
        )
