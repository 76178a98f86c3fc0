"""Settings changes applied while Trove runs: each goes to the part that owns it, and the
engine's configuration changes only with the indexer stopped (the host's control lane); the
settings file written off the GUI thread."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.settings import Settings, SettingsError, save_settings
from desktop_app.ui.controllers import SaveSettings
from desktop_app.ui.controllers.packs import PacksController
from desktop_app.ui.controllers.power import PowerController
from desktop_app.ui.i18n import translate
from desktop_app.workers.engine_host import EngineHost
from desktop_app.workers.jobs import JobPool


@dataclass(frozen=True)
class Choices:
    """What the Settings dialog lets a person change (start at login is the dialog's own)."""

    active_image_pack: str | None
    threads: int
    pause_on_battery: bool
    ocr: bool
    language: str = ""  # "" follows the system; applied at the next start
    document_pack: str | None = None  # None: the default document pack
    libraries: tuple[str, ...] = ()  # shared libraries' addresses, searched with the index


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
        host.set_libraries(list(settings.libraries))  # searched from the first query on

    def current(self) -> Choices:
        s = self.settings
        return Choices(
            s.active_image_pack,
            s.threads,
            s.pause_on_battery,
            s.ocr,
            s.language,
            s.document_pack,
            tuple(s.libraries),
        )

    def apply(self, choices: Choices) -> None:
        before = self.current()
        s = self.settings
        s.threads, s.pause_on_battery, s.ocr, s.language = (
            choices.threads,
            choices.pause_on_battery,
            choices.ocr,
            choices.language,
        )
        changes: dict[str, Any] = {}
        if choices.active_image_pack != before.active_image_pack:
            s.active_image_pack = choices.active_image_pack  # "Best installed" is None
            changes["active_image_pack"] = choices.active_image_pack
        if choices.document_pack != before.document_pack:
            s.document_pack = choices.document_pack  # passages re-embedded in the background
            changes["document_pack"] = choices.document_pack
        if choices.ocr != before.ocr:
            changes["ocr"] = choices.ocr  # the text-in-pictures pass follows
        if choices.threads != before.threads:  # encoders are made with their thread count
            changes["threads"] = choices.threads
        if choices.libraries != before.libraries:  # nothing to stop: they are only read
            s.libraries = list(choices.libraries)
            self.host.set_libraries(s.libraries)
        self._save()
        if changes:  # one restart of the indexer, however many settings changed
            self.packs.reconfigure(**changes)
        if choices.pause_on_battery != before.pause_on_battery:
            self.power.check_battery()


class SettingsWriter(QObject):
    """Writes the settings file on a thread of its own: the write ends in an fsync, which a
    busy disk can hold for tens of milliseconds. Each ``save`` takes a snapshot on the GUI
    thread (the newest wins); ``flush`` waits for the file (the window closing)."""

    failed = Signal(str)  # a sentence naming the file and the reason, on the GUI thread

    def __init__(self, settings: Settings, path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.settings, self.path = settings, path
        # One thread: writes of one file go in order, and a snapshot still waiting is replaced
        # by a newer one.
        self._writes = JobPool("trove-settings", newest_wins=True, parent=self)

    def save(self) -> None:
        snapshot = copy.deepcopy(self.settings)  # the GUI thread goes on changing the original
        self._writes.submit(lambda: save_settings(snapshot, self.path), on_error=self._on_failed)

    def flush(self, timeout: float = 5.0) -> bool:
        return self._writes.wait(timeout)

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, SettingsError):
            self.failed.emit(str(exc))
        else:  # its folder cannot be made
            self.failed.emit(
                translate("Settings", "cannot write settings {path}: {reason}").format(
                    path=self.path, reason=exc
                )
            )
