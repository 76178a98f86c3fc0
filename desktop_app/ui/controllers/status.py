"""Indexing status for the status bar and the details dialog: progress, notes, problems."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.types import Phase, Progress
from desktop_app.workers.engine_host import EngineHost


class StatusController(QObject):
    progress_changed = Signal(object)  # Progress
    notices_changed = Signal(tuple)  # sentences from engine.status().notices
    problems_changed = Signal(list)  # list[Problem]
    failed_changed = Signal(int)  # files that could not be read (listed under Problems)

    def __init__(self, host: EngineHost, parent: Any = None) -> None:
        super().__init__(parent)
        self.host = host
        self.last: Progress | None = None
        self.watch_problems = False  # the details dialog is open: keep its list current
        host.progress_changed.connect(self._on_progress)
        host.opened.connect(self.refresh_notices)

    def _on_progress(self, p: Progress) -> None:
        self.last = p
        self.progress_changed.emit(p)
        if p.phase == Phase.IDLE:
            self.refresh_notices()
        if self.watch_problems and p.phase in (Phase.IDLE, Phase.PAUSED):
            self.refresh_problems()

    def refresh_notices(self) -> None:
        """The notes and the count of problems, read together from the engine's status."""
        self.host.run_engine(
            lambda engine: engine.status(),
            self._on_status,
            lambda _exc: None,  # not open: the open failure is said elsewhere
        )

    def _on_status(self, status: Any) -> None:
        self.notices_changed.emit(tuple(status.notices))
        self.failed_changed.emit(int(status.failed))

    def refresh_problems(self) -> None:
        self.host.run_engine(
            lambda engine: list(engine.problems()),
            self.problems_changed.emit,
            lambda _exc: self.problems_changed.emit([]),
        )
