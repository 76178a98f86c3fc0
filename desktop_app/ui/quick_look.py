"""Quick look: Space on a result shows it large in a window of its own; the arrow keys step
through the results behind it, Enter opens the file, Space or Esc go back to the results."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop_app.core.types import Hit
from desktop_app.ui.i18n import translate
from desktop_app.ui.preview import PreviewPane
from desktop_app.ui.thumbnails import ThumbnailLoader

STEP_KEYS = (
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
)
SHARE_OF_WINDOW = 0.85  # as large as the window allows, the window still seen around it


class QuickLook(QDialog):
    step_requested = Signal(object)  # Qt.Key: move the results' current file this way
    open_requested = Signal(object)  # Hit

    def __init__(self, thumbs: ThumbnailLoader | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("QuickLook", "Quick look"))
        self.setAccessibleName(translate("QuickLook", "Quick look"))
        self.pane = PreviewPane(thumbs, self)
        # keys belong to the window: arrows step, Space and Esc close (buttons still click)
        for child in self.pane.findChildren(QWidget):
            child.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pane_lay = self.pane.layout()
        assert isinstance(pane_lay, QVBoxLayout)
        pane_lay.setStretchFactor(self.pane.image, 5)  # the picture or page first, large
        pane_lay.setStretchFactor(self.pane.text, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.pane)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def hit(self) -> Hit | None:
        return self.pane.hit

    def show_hit(self, hit: Hit | None, terms: tuple[str, ...] = ()) -> None:
        """Shown (or kept shown) on this file, as large as the window behind allows."""
        if not self.isVisible():
            owner: Any = self.parentWidget()
            if owner is not None:
                size = owner.size()
                self.resize(int(size.width() * SHARE_OF_WINDOW), int(size.height() * 0.9))
                self.move(owner.geometry().center() - self.rect().center())
            self.show()
            lay = self.layout()
            if lay is not None:
                lay.activate()  # the picture is decoded at the size it gets here
            self.raise_()
            self.activateWindow()
            self.setFocus()
        self.pane.show_hit(hit, terms)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in STEP_KEYS:
            self.step_requested.emit(key)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
            self.close()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.hit is not None:
            self.open_requested.emit(self.hit)
        else:
            super().keyPressEvent(event)
