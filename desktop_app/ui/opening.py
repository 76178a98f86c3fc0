"""Opening a file, or showing it in its folder, with the desktop's own programs; when the
desktop cannot, the window says so in words (Qt only logs "Unable to detect a launcher")."""

from __future__ import annotations

import os

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui.i18n import translate


def open_failure(path: str, reveal: bool, library: str = "") -> str:
    """Why ``path`` (or its folder) did not open and what to do instead; the path is on the
    clipboard by then. ``library``: the shared library the file was found in."""
    name, folder = os.path.basename(path), os.path.dirname(path)
    if library and not os.path.exists(path):  # on storage this computer does not reach
        return translate(
            "Opening",
            "“{name}” is in the shared library {library}, at {path}, which this computer "
            "cannot read. Its address is on the clipboard.",
        ).format(name=name, library=library, path=path)
    if not os.path.exists(path):
        return translate(
            "Opening",
            "“{name}” is no longer in {folder}: it was moved or deleted. Trove takes it out "
            "of the results as soon as it notices.",
        ).format(name=name, folder=folder)
    if reveal:
        return translate(
            "Opening",
            "Trove asked the desktop to show the folder {folder}, but no file manager "
            "answered. Its path is on the clipboard: paste it into a file manager or a terminal.",
        ).format(folder=folder)
    ext = os.path.splitext(name)[1].lower()
    kind = (
        translate("Opening", "{ext} files").format(ext=ext)
        if ext
        else translate("Opening", "this kind of file")
    )
    return translate(
        "Opening",
        "Trove asked the desktop to open “{name}”, but no program is set to open {kind}. "
        "Set one in your desktop's settings (Default applications), or open it from your "
        "file manager: it is in {folder} (the path is on the clipboard).",
    ).format(name=name, kind=kind, folder=folder)


def open_in_desktop(
    parent: QWidget | None, path: str, reveal: bool = False, library: str = ""
) -> bool:
    """Open ``path`` (``reveal``: its folder); on failure say why in a message box.
    ``library``: the shared library it was found in ("": the local index)."""
    target = os.path.dirname(path) if reveal else path
    if os.path.exists(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(target)):
        return True
    QGuiApplication.clipboard().setText(path)
    title = (
        translate("Opening", "Cannot show the folder")
        if reveal
        else translate("Opening", "Cannot open the file")
    )
    QMessageBox.warning(parent, title, open_failure(path, reveal, library))
    return False
