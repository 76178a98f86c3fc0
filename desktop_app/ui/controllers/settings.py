"""Settings changes applied while Trove runs: each goes to the part that owns it, and the
engine's configuration changes only with the indexer stopped (the host's control lane)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from desktop_app.settings import Settings
from desktop_app.ui.controllers import SaveSettings
from desktop_app.ui.controllers.packs import PacksController
from desktop_app.ui.controllers.power import PowerController
from desktop_app.workers.engine_host import EngineHost


@dataclass(frozen=True)
class Choices:
    """What the Settings dialog lets a person change (start at login is the dialog's own)."""

    active_image_pack: str | None
    threads: int
    pause_on_battery: bool
    ocr: bool


class SettingsController(QObject):
    def __init__(
        self,
        host: EngineHost,
        settings: Settings,
        save: SaveSettings,
        packs: PacksController,
        power: PowerController,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.host, self.settings, self._save = host, settings, save
        self.packs, self.power = packs, power

    def current(self) -> Choices:
        s = self.settings
        return Choices(s.active_image_pack, s.threads, s.pause_on_battery, s.ocr)

    def apply(self, choices: Choices) -> None:
        before = self.current()
        s = self.settings
        s.threads, s.pause_on_battery, s.ocr = (
            choices.threads,
            choices.pause_on_battery,
            choices.ocr,
        )
        self._save()
        if choices.active_image_pack != before.active_image_pack:
            self.packs.set_active(choices.active_image_pack)  # "Best installed" is None
        if choices.ocr != before.ocr:
            self.host.reconfigure(ocr=choices.ocr)  # the text-in-pictures pass follows
        if choices.threads != before.threads:  # encoders are made with their thread count
            self.host.reconfigure(lambda engine: engine.reload_packs(), threads=choices.threads)
        if choices.pause_on_battery != before.pause_on_battery:
            self.power.check_battery()
