"""The window as `trove` opens it: the real engine on a thread of its own, over TROVE_HOME."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from desktop_app.core.engine import EngineConfig
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.workers.engine_host import EngineHost


def real_window(
    qtbot: QtBot, roots: tuple[Path, ...] = (), **settings_kw: Any
) -> tuple[MainWindow, Settings, EngineHost]:
    """A shown window watching ``roots`` (the welcome done when there are any), its settings
    and its engine host, started. The caller shuts the host down."""
    paths = Paths.from_env()
    paths.ensure()
    folders = [str(r) for r in roots]
    settings = Settings(roots=folders, welcome_done=bool(roots), **settings_kw)
    host = EngineHost(EngineConfig(paths.index_dir, (paths.packs_dir,), roots=tuple(folders)))
    win = MainWindow(paths, settings, host)
    qtbot.addWidget(win)
    win.show()
    host.start()
    return win, settings, host
