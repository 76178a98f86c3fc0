"""When Qt cannot open a window, `trove` says why and how to mend it, and exits with 2."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app.ui.qt_start as qt_start


def _trove(home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "DISPLAY"))}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app"],
        env=dict(clean, TROVE_HOME=str(home), **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_platform_plugin_that_does_not_exist(trove_home: Path) -> None:
    out = _trove(trove_home, QT_QPA_PLATFORM="nosuch")
    assert out.returncode == 2, out.stderr  # not Qt's abort (134, a core dump)
    assert 'trove: the window cannot open: Qt has no platform plugin "nosuch"' in out.stderr
    assert "offscreen" in out.stderr.splitlines()[-1]  # the plugins there are to choose from


def test_a_display_that_cannot_be_reached(trove_home: Path) -> None:
    """On a machine with libxcb-cursor0 the display is the trouble; without it, the library
    (Qt says it needs the library in both cases)."""
    out = _trove(trove_home, DISPLAY=":97")
    assert out.returncode == 2, out.stderr
    last = out.stderr.splitlines()[-1]
    if ctypes.util.find_library("xcb-cursor"):
        assert "the display :97 cannot be reached" in last
    else:
        assert "sudo apt install libxcb-cursor0" in last


# What Qt 6 printed here, the library hidden from the loader, with the display running:
NO_XCB_CURSOR = [
    "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb "
    "platform plugin.",
    'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.',
    "This application failed to start because no Qt platform plugin could be initialized. "
    "Reinstalling the application may fix this problem.",
]


@pytest.mark.parametrize("installed", [True, False])
def test_the_xcb_cursor_library(monkeypatch: pytest.MonkeyPatch, installed: bool) -> None:
    found = "libxcb-cursor.so.0" if installed else None
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: found)
    text = qt_start.explain(NO_XCB_CURSOR, {"DISPLAY": ":0"})
    assert ("sudo apt install libxcb-cursor0" in text) is not installed
    if installed:  # then Qt's own lines are shown, with how to learn more
        assert "QT_DEBUG_PLUGINS=1" in text and NO_XCB_CURSOR[1] in text
