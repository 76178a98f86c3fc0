"""Pausing indexing: one state — the engine host's — that the status bar's button, the tray,
the battery policy and the indexer all follow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.settings import Settings
from desktop_app.workers.engine_host import EngineHost

BATTERY_CHECK_MS = 60_000


def on_battery() -> bool | None:
    """True on battery, False plugged in, None when the computer cannot say."""
    try:
        import psutil

        batt = psutil.sensors_battery()
    except (ImportError, RuntimeError, OSError):
        return None
    return None if batt is None else not batt.power_plugged


class PowerController(QObject):
    """``paused_changed`` follows the host whoever paused: the person or the battery. A person
    who resumes on battery is not paused again until the computer is plugged in and unplugged."""

    paused_changed = Signal(bool)

    def __init__(
        self,
        host: EngineHost,
        settings: Settings,
        battery: Callable[[], bool | None] = on_battery,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.host, self.settings, self._battery = host, settings, battery
        self._paused_for_battery = False
        self._resumed_on_battery = False
        host.paused_changed.connect(self.paused_changed.emit)
        self._timer = QTimer(self)
        self._timer.setInterval(BATTERY_CHECK_MS)
        self._timer.timeout.connect(self.check_battery)
        self._timer.start()

    @property
    def paused(self) -> bool:
        return self.host.paused

    def set_paused(self, paused: bool) -> None:
        """A person's choice (the button, the tray)."""
        if not paused and self._paused_for_battery:
            self._resumed_on_battery = True
        self._paused_for_battery = False
        self.host.set_paused(paused)

    def toggle(self) -> None:
        self.set_paused(not self.paused)

    def check_battery(self) -> None:
        """Pause on battery, resume when plugged in — only what the battery paused."""
        state = self._battery() if self.settings.pause_on_battery else False
        if state is None:
            return
        if state and not self.host.paused and not self._resumed_on_battery:
            self._paused_for_battery = True
            self.host.set_paused(True)
        elif not state:
            self._resumed_on_battery = False
            if self._paused_for_battery:
                self._paused_for_battery = False
                self.host.set_paused(False)
