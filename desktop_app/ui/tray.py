"""A tray icon with quick search and pause, where the desktop has a system tray."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_app.ui.i18n import translate


def pause_action(power: Any, parent: Any) -> QAction:
    """A checkable "Pause indexing" that shows the one pause state and asks it to change."""
    pause = QAction(translate("Tray", "Pause indexing"), parent)
    pause.setCheckable(True)
    pause.setChecked(power.paused)
    pause.triggered.connect(power.set_paused)  # triggered: only a person's click, not setChecked
    power.paused_changed.connect(pause.setChecked)
    return pause


def install_tray(window: Any, power: Any) -> QSystemTrayIcon | None:
    """``power``: the PowerController; its one pause state is what the menu's tick shows."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(window.windowIcon(), window)
    tray.setToolTip("Trove")  # the name: not translated
    menu = QMenu(window)
    search = QAction(translate("Tray", "Quick search"), menu)
    search.triggered.connect(
        lambda: (window.showNormal(), window.activateWindow(), window.focus_search())
    )
    pause = pause_action(power, menu)
    quit_ = QAction(translate("Tray", "Quit Trove"), menu)
    quit_.triggered.connect(window.close)
    for a in (search, pause, quit_):
        menu.addAction(a)
    tray.setContextMenu(menu)
    tray.activated.connect(lambda _r: (window.showNormal(), window.activateWindow()))
    tray.show()
    return tray
