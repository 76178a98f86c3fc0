"""The preview pane: a large image with its facts, or the matching passage with words highlighted."""

from __future__ import annotations

import html
import os
import time
from typing import Any

from PySide6.QtCore import QFileInfo, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.search.highlight import spans
from desktop_app.core.types import Hit, Kind, Origin
from desktop_app.ui.thumbnails import read_scaled


def highlight(text: str, terms: tuple[str, ...], phrases: tuple[str, ...] = ()) -> str:
    """The passage as HTML with the query's words marked (core.search.highlight decides which)."""
    out, last = [], 0
    for start, end in spans(text, terms, phrases):
        out.append(html.escape(text[last:start]))
        out.append(
            '<span style="background-color:#fde68a;color:#111">'
            + html.escape(text[start:end])
            + "</span>"
        )
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


class PreviewPane(QWidget):
    more_like_this = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hit: Hit | None = None
        self.terms: tuple[str, ...] = ()
        self.title = QLabel("Select a result to preview it")
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(180)
        self.image.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image.setAccessibleName("Image preview")
        self.text = QTextBrowser()
        self.text.setAccessibleName("Matching passage")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_btn = QPushButton("Open")
        self.reveal_btn = QPushButton("Show in folder")
        self.copy_btn = QPushButton("Copy path")
        self.copy_img_btn = QPushButton("Copy image")
        self.similar_btn = QPushButton("More like this")
        for b, name in (
            (self.open_btn, "Open file"),
            (self.reveal_btn, "Show in folder"),
            (self.copy_btn, "Copy path"),
            (self.copy_img_btn, "Copy image"),
            (self.similar_btn, "More like this"),
        ):
            b.setAccessibleName(name)
            b.setEnabled(False)
        self.open_btn.clicked.connect(lambda: self._open(False))
        self.reveal_btn.clicked.connect(lambda: self._open(True))
        self.copy_btn.clicked.connect(self._copy_path)
        self.copy_img_btn.clicked.connect(self._copy_image)
        self.similar_btn.clicked.connect(
            lambda: self.hit and self.more_like_this.emit(self.hit.path)
        )
        buttons = QHBoxLayout()
        for b in (self.open_btn, self.reveal_btn, self.copy_btn):
            buttons.addWidget(b)
        buttons2 = QHBoxLayout()
        buttons2.addWidget(self.copy_img_btn)
        buttons2.addWidget(self.similar_btn)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.image, 3)
        lay.addWidget(self.text, 3)
        lay.addWidget(self.facts)
        lay.addLayout(buttons)
        lay.addLayout(buttons2)
        self.text.hide()

    def show_hit(self, hit: Hit | None, terms: tuple[str, ...] = ()) -> None:
        self.hit, self.terms = hit, terms
        enabled = hit is not None
        for b in (self.open_btn, self.reveal_btn, self.copy_btn):
            b.setEnabled(enabled)
        self.copy_img_btn.setEnabled(enabled and hit is not None and hit.kind == Kind.PHOTO)
        self.similar_btn.setEnabled(enabled and hit is not None and hit.kind == Kind.PHOTO)
        if hit is None:
            self.title.setText("Select a result to preview it")
            self.image.clear()
            self.text.hide()
            self.facts.clear()
            return
        self.title.setText(os.path.basename(hit.path))
        facts = [os.path.dirname(hit.path)]
        if hit.kind == Kind.PHOTO:
            if hit.snippet and hit.reason.origin == Origin.OCR:
                # the words read from the picture, the matched ones highlighted
                body = highlight(hit.snippet, terms)
                self.text.setHtml(f"<p><i>Text in the picture</i></p><p>{body}</p>")
                self.text.show()
            else:
                self.text.hide()
            self.image.show()
            target = self.image.size()
            if target.width() <= 10:
                target = QSize(1024, 1024)
            img = read_scaled(hit.path, target)
            if img.isNull():
                self.image.setText("This image cannot be shown")
            else:
                self.image.setPixmap(QPixmap.fromImage(img))
            if hit.width:
                facts.append(f"{hit.width} × {hit.height} px")
            if hit.camera:
                facts.append(hit.camera)
            if hit.taken_at:
                facts.append("Taken " + time.strftime("%d %b %Y %H:%M", time.gmtime(hit.taken_at)))
            if hit.place:
                facts.append(f"Place: {hit.place}")
        else:
            self.image.hide()
            self.text.show()
            where = f"Page {hit.page}" if hit.page else "Passage"
            body = highlight(hit.snippet or "(no text matched; the file name did)", terms)
            self.text.setHtml(f"<p><i>{where}</i></p><p>{body}</p>")
        facts.append(f"Why: {hit.why}")
        if hit.size:
            facts.append(
                f"{hit.size / 1e6:.1f} MB" if hit.size > 1e6 else f"{hit.size // 1000 + 1} KB"
            )
        self.facts.setText("\n".join(facts))

    def _open(self, reveal: bool) -> None:
        if self.hit is None:
            return
        target = os.path.dirname(self.hit.path) if reveal else self.hit.path
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    def _copy_path(self) -> None:
        if self.hit is not None:
            QGuiApplication.clipboard().setText(self.hit.path)

    def _copy_image(self) -> None:
        if self.hit is not None and QFileInfo(self.hit.path).exists():
            QGuiApplication.clipboard().setImage(read_scaled(self.hit.path, QSize(8192, 8192)))
