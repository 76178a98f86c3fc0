"""Model packs: the installed list (read off the GUI thread), import, remove, the active image
pack, and getting one (``download``). The engine reloads its packs with the indexer stopped."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, Signal

from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.controllers import SaveSettings
from desktop_app.workers.engine_host import EngineHost


class PacksController(QObject):
    packs_changed = Signal(list)  # list[PackInfo], after every read of the packs folders
    message = Signal(str, int)  # a status-bar line and how long it stays (ms)
    problem = Signal(str, str)  # (title, sentence) for a dialog

    def __init__(
        self,
        host: EngineHost,
        paths: Paths,
        settings: Settings,
        save: SaveSettings,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.host, self.paths, self.settings, self._save = host, paths, settings, save
        self.packs: list[Any] = []  # PackInfo; empty until the first read lands
        self.loaded = False
        self._download: QProcess | None = None

    @property
    def has_image_pack(self) -> bool:
        return any("vision" in p.towers for p in self.packs)

    # --- the list ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every pack's manifest on the task lane; ``packs_changed`` answers."""
        self.host.run_task(self._list, self._on_listed, self._on_list_failed)

    def _list(self) -> list[Any]:
        from desktop_app.core.embed import PackManager

        return list(PackManager((self.paths.packs_dir, self.paths.bundled_packs)).list_packs())

    def _on_listed(self, packs: list[Any]) -> None:
        self.packs, self.loaded = packs, True
        self.packs_changed.emit(packs)

    def _on_list_failed(self, exc: Exception) -> None:
        self.message.emit(f"Cannot read the model packs: {exc}", 8000)

    # --- changes -----------------------------------------------------------------------

    def import_pack(self, src: Path) -> None:
        """Install a pack from a folder or a .zip (copied and checked off the GUI thread)."""
        from desktop_app.core.embed import PackManager

        dest = self.paths.packs_dir

        def work() -> Any:
            return PackManager([dest]).import_pack(Path(src), dest)

        self.host.run_task(
            work,
            self._on_imported,
            lambda exc: self.problem.emit("Cannot import this pack", str(exc)),
        )

    def _on_imported(self, info: Any) -> None:
        self.message.emit(
            f"Installed {info.name}; photos get their new vectors in the background", 8000
        )
        self.reload()

    def remove(self, name: str) -> None:
        """Delete an installed pack's folder (off the GUI thread), then reload the packs."""
        from desktop_app.core.embed import PackManager

        dirs = [self.paths.packs_dir]
        self.host.run_task(
            lambda: PackManager(dirs).remove(name),
            lambda _r: (self.message.emit(f"Removed {name}", 5000), self.reload()),
            lambda exc: (self.problem.emit("Cannot remove", str(exc)), self.refresh()),
        )

    def set_active(self, name: str | None) -> None:
        """Choose the image pack that answers (None: the best installed), at once."""
        self.settings.active_image_pack = name
        self._save()
        self.host.reconfigure(
            lambda engine: engine.reload_packs(name),
            lambda _r: self.refresh(),
            active_image_pack=name,
        )

    def reload(self) -> None:
        """Packs were installed or removed: the list is read again and the engine reloads
        (new vectors are computed when the indexer starts again)."""
        self.refresh()
        self.host.reconfigure(lambda engine: engine.reload_packs(), lambda _r: self.refresh())

    # --- getting an image model ----------------------------------------------------------

    def download(self) -> None:
        """Get an image model. Today: build the CLIP preset with `trove models build` in a
        separate process (needs the export tools and a network)."""
        if self._download is not None:
            return
        proc = self._download = QProcess(self)
        proc.setProgram(os.environ.get("TROVE_CLI", "trove"))
        proc.setArguments(["models", "build", "clip-vit-b32"])
        self.message.emit("Downloading and building the clip-vit-b32 pack…", 0)

        def finished(code: int, _status: Any) -> None:
            self._download = None
            err = bytes(proc.readAllStandardError().data()).decode(errors="replace")
            lines = err.strip().splitlines()
            if code == 0:
                self.message.emit("Image pack installed", 8000)
                self.reload()
            else:
                self.problem.emit(
                    "Download not possible",
                    (lines[-1] if lines else "The download failed.")
                    + "\n\nOn a computer without internet, import a pack file instead.",
                )

        def failed(_error: Any) -> None:
            self._download = None
            self.problem.emit(
                "Download not possible",
                "The trove command was not found; import a pack file instead.",
            )

        proc.finished.connect(finished)
        proc.errorOccurred.connect(failed)
        proc.start()
