"""Why the window could not open, in a person's words, when Qt finds no platform plugin."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

HEADLESS = 'Meanwhile the headless commands work: trove index FOLDER, trove search "...".'


def explain(qt_said: list[str], env: dict[str, str]) -> str:
    """What a person should do, from Qt's messages while it looked for a platform plugin.

    Qt says "xcb-cursor0 or libxcb-cursor0 is needed" whenever the xcb plugin fails, also
    when the library is there and the display is the trouble, so the library is looked for."""
    import ctypes.util

    said = "\n".join(qt_said)
    display = env.get("DISPLAY", "")
    asked = re.search(r'Could not find the Qt platform plugin "([^"]*)"', said)
    if asked:
        choices = re.search(r"Available platform plugins are: ([^\n]*?)\.?$", said, re.M)
        return (
            f'trove: the window cannot open: Qt has no platform plugin "{asked.group(1)}" '
            "(set by QT_QPA_PLATFORM); unset it"
            + (f", or choose one of: {choices.group(1)}" if choices else "")
            + f". {HEADLESS}"
        )
    if "could not connect to display" in said:
        return (
            f"trove: the window cannot open: the display {display or '(none)'} cannot be "
            "reached (no X server runs there, or this is a remote shell without X forwarding). "
            + HEADLESS
        )
    if "xcb-cursor" in said and ctypes.util.find_library("xcb-cursor") is None:
        return (
            "trove: the window cannot open: Qt needs the system library libxcb-cursor0 to "
            "show windows on X11, and it is not installed. Install it (Debian, Ubuntu: sudo "
            "apt install libxcb-cursor0; Fedora: sudo dnf install xcb-util-cursor), then start "
            f"Trove again. {HEADLESS}"
        )
    return (
        "trove: the window cannot open: Qt could not load a platform plugin for this display "
        "(QT_DEBUG_PLUGINS=1 trove shows which system library is missing). "
        f"{HEADLESS}\nQt said:\n{said}"
    )


@contextmanager
def explained_failure() -> Iterator[None]:
    """Around making the QApplication: Qt aborts the process when no platform plugin loads;
    this says why and how to mend it, and exits with 2 instead of a core dump."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    said: list[str] = []

    def handler(kind: Any, context: Any, message: str) -> None:
        category = getattr(context, "category", None) or ""
        line = f"{category}: {message}" if category and category != "default" else message
        said.append(line)
        if kind == QtMsgType.QtFatalMsg:
            print(explain(said, dict(os.environ)), file=sys.stderr, flush=True)
            os._exit(2)
        print(line, file=sys.stderr, flush=True)  # as Qt would have

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
