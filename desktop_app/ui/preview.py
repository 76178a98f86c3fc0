"""The preview pane: a large image with its facts, a PDF's matching page, or the matching
passage with words highlighted. Images are decoded off the GUI thread and land when ready."""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QResizeEvent
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
from desktop_app.ui.i18n import local_date, translate
from desktop_app.ui.opening import open_in_desktop
from desktop_app.ui.thumbnails import (
    ThumbnailLoader,
    clipboard_image,
    read_scaled,
    read_text_head,
    render_pdf_page,
)
from desktop_app.workers.jobs import JobPool

CLIPBOARD_SIDE = 8192  # "Copy image" gives other apps the photo at up to this size
OPENING_CHARS = 4000  # browsing a document: this much of its opening, line breaks kept


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


def _when(hit: Hit) -> str:
    if hit.taken_at:
        return translate("Preview", "Taken {when}").format(
            when=local_date(datetime.fromtimestamp(hit.taken_at, UTC).replace(tzinfo=None))
        )
    if hit.mtime:
        return translate("Preview", "Modified {when}").format(
            when=local_date(datetime.fromtimestamp(hit.mtime))
        )
    return ""


class PreviewPane(QWidget):
    more_like_this = Signal(str)
    image_shown = Signal(str)  # the path whose picture (or page) is now on screen
    image_copied = Signal(str)  # the path whose picture is now on the clipboard

    def __init__(self, thumbs: ThumbnailLoader | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.hit: Hit | None = None
        self.terms: tuple[str, ...] = ()
        self.thumbs = thumbs
        # One thread each: one large decode at a time, and the newest ask waits least.
        # The picture on screen: the newest selection wins.
        self._jobs = JobPool("trove-preview", newest_wins=True, parent=self)
        # "Copy image": never dropped for a new selection (a newer copy wins)
        self._clip_jobs = JobPool("trove-clipboard", newest_wins=True, parent=self)
        self._clip_path = ""
        self._picture: QImage | None = None  # the decoded picture shown, kept to fit resizes
        self.title = QLabel(translate("Preview", "Select a result to preview it"))
        self.title.setObjectName("previewTitle")
        self.title.setWordWrap(True)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumHeight(180)
        # Ignored: a large picture must not widen the pane (and squeeze the results)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setAccessibleName(translate("Preview", "Image preview"))
        self.text = QTextBrowser()
        self.text.setAccessibleName(translate("Preview", "Matching passage"))
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        # a long folder path must not widen the pane (and narrow the results) file by file
        for label in (self.title, self.facts):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_btn = QPushButton(translate("Preview", "Open"))
        self.reveal_btn = QPushButton(translate("Preview", "Show in folder"))
        self.copy_btn = QPushButton(translate("Preview", "Copy path"))
        self.copy_img_btn = QPushButton(translate("Preview", "Copy image"))
        self.similar_btn = QPushButton(translate("Preview", "More like this"))
        for b, name in (
            (self.open_btn, translate("Preview", "Open file")),
            (self.reveal_btn, translate("Preview", "Show in folder")),
            (self.copy_btn, translate("Preview", "Copy path")),
            (self.copy_img_btn, translate("Preview", "Copy image")),
            (self.similar_btn, translate("Preview", "More like this")),
        ):
            b.setAccessibleName(name)
            b.setEnabled(False)
        self.open_btn.clicked.connect(lambda: self._open(False))
        self.reveal_btn.clicked.connect(lambda: self._open(True))
        self.copy_btn.clicked.connect(self._copy_path)
        self.copy_img_btn.clicked.connect(self.copy_image)
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
        """Facts and text at once; the picture follows from a worker thread."""
        self.hit, self.terms = hit, terms
        enabled = hit is not None
        for b in (self.open_btn, self.reveal_btn, self.copy_btn):
            b.setEnabled(enabled)
        photo = hit is not None and hit.kind == Kind.PHOTO
        self.copy_img_btn.setEnabled(photo)
        self.similar_btn.setEnabled(photo)
        self._jobs.cancel()  # a picture still on its way is for an earlier selection
        self._picture = None
        if hit is None:
            self.title.setText(translate("Preview", "Select a result to preview it"))
            self.image.clear()
            self.text.hide()
            self.facts.clear()
            return
        self.title.setText(os.path.basename(hit.path))
        # the folder may break after any separator: a long path wraps instead of being cut
        facts = [os.path.dirname(hit.path).replace(os.sep, os.sep + "\u200b")]
        if hit.kind == Kind.PHOTO:
            if hit.snippet and hit.reason.origin == Origin.OCR:
                # the words read from the picture, the matched ones highlighted
                body = highlight(hit.snippet, terms)
                label = translate("Preview", "Text in the picture")
                self.text.setHtml(f"<p><i>{label}</i></p><p>{body}</p>")
                self.text.show()
            else:
                self.text.hide()
            self._show_picture(hit, lambda size: read_scaled(hit.path, size))
            if hit.width:
                facts.append(
                    translate("Preview", "{width} × {height} px").format(
                        width=hit.width, height=hit.height
                    )
                )
            if hit.camera:
                facts.append(hit.camera)
            if hit.place:
                facts.append(translate("Preview", "Place: {place}").format(place=hit.place))
        else:
            self.text.show()
            where = (
                translate("Preview", "Page {page}").format(page=hit.page)
                if hit.page
                else translate("Preview", "Passage")
                if hit.matched
                else translate("Preview", "Beginning")
            )
            fallback = (
                translate("Preview", "(no text matched; the file name did)")
                if hit.matched
                else translate("Preview", "(no text)")
            )
            body = highlight(hit.snippet or fallback, terms)
            self.text.setHtml(f"<p><i>{where}</i></p><p>{body}</p>")
            if hit.path.lower().endswith(".pdf"):
                page = hit.page or 1
                self._show_picture(hit, lambda size: render_pdf_page(hit.path, size, page))
            else:
                self.image.hide()
                if not hit.matched:  # browsing: the opening of the file as it is laid out
                    path = hit.path
                    self._decode(lambda: read_text_head(path)[:OPENING_CHARS])
        if hit.library:
            facts.append(translate("Preview", "From the library {uri}").format(uri=hit.library))
        when = _when(hit)
        if when:
            facts.append(when)
        if hit.matched:
            facts.append(translate("Preview", "Why: {why}").format(why=hit.why))
        if hit.size:
            facts.append(
                translate("Preview", "{mb:.1f} MB").format(mb=hit.size / 1e6)
                if hit.size > 1e6
                else translate("Preview", "{kb} KB").format(kb=hit.size // 1000 + 1)
            )
        self.facts.setText("\n".join(facts))

    def _show_picture(self, hit: Hit, decode: Any) -> None:
        self.image.show()
        target = self.image.size()
        if target.width() <= 10 or target.height() <= 10:
            target = QSize(1024, 1024)
        thumb = self.thumbs.cached(hit.path) if self.thumbs is not None else None
        if thumb is not None:  # the tile's thumbnail until the full picture lands
            self.image.setPixmap(
                QPixmap.fromImage(
                    thumb.scaled(
                        target,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.FastTransformation,
                    )
                )
            )
        else:
            self.image.clear()
            self.image.setText(translate("Preview", "Loading…"))
        self._decode(lambda: decode(target))

    def _decode(self, job: Callable[[], QImage | str]) -> None:
        # a decoder's failure is a picture that cannot be shown
        self._jobs.submit(job, self._on_image_ready, lambda _exc: self._on_image_ready(None))

    def _on_image_ready(self, img: QImage | str | None) -> None:
        if self.hit is None:
            return
        if isinstance(img, str):  # a document's opening lines
            if img.strip():
                body = html.escape(img)
                label = translate("Preview", "Beginning")
                self.text.setHtml(
                    f"<p><i>{label}</i></p><pre style='white-space:pre-wrap'>{body}</pre>"
                )
            return
        if img is None or img.isNull():
            self.image.setText(translate("Preview", "This image cannot be shown"))
        else:
            self._picture = img
            self._fit_picture()
        self.image_shown.emit(self.hit.path)

    def _fit_picture(self) -> None:
        """The picture scaled into the space it has now: decoded for the size the pane had
        when it was chosen, it must not be cut at the edges once the pane is narrower."""
        img = self._picture
        if img is None:
            return
        box = self.image.size()
        if img.width() > box.width() or img.height() > box.height():
            img = img.scaled(
                box,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.image.setPixmap(QPixmap.fromImage(img))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_picture()

    def _open(self, reveal: bool) -> None:
        if self.hit is None:
            return
        open_in_desktop(self, self.hit.path, reveal, self.hit.library)

    def _copy_path(self) -> None:
        if self.hit is not None:
            QGuiApplication.clipboard().setText(self.hit.path)

    def copy_image(self) -> None:
        """The photo goes to the clipboard once decoded (up to 8192 px: seconds for a large
        RAW), from a worker thread; the button says so meanwhile."""
        if self.hit is None:
            return  # a file gone meanwhile: the decode fails, and the button says so
        path = self._clip_path = self.hit.path
        self.copy_img_btn.setText(translate("Preview", "Copying…"))
        self._clip_jobs.submit(
            lambda: clipboard_image(path, CLIPBOARD_SIDE),
            self._on_clip_ready,
            lambda _exc: self._on_clip_ready(None),
        )

    def _on_clip_ready(self, out: tuple[QImage, QByteArray] | None) -> None:
        if out is None or out[0].isNull():
            self.copy_img_btn.setText(translate("Preview", "Cannot copy"))
        else:
            md = QMimeData()
            md.setImageData(out[0])
            md.setData("image/png", out[1])
            QGuiApplication.clipboard().setMimeData(md)
            self.copy_img_btn.setText(translate("Preview", "Copied"))
            self.image_copied.emit(self._clip_path)
        QTimer.singleShot(
            1500, self, lambda: self.copy_img_btn.setText(translate("Preview", "Copy image"))
        )

    def wait(self) -> None:
        """Tests: let the decoders finish."""
        self._jobs.wait()
        self._clip_jobs.wait()


def release_clipboard() -> None:
    """Before Qt shuts down: a copied image stays on the clipboard, but in mime data Qt made
    itself. Qt deletes what the clipboard holds after Python has finished, and mime data made
    from Python would then call back into it (a crash at exit)."""
    cb = QGuiApplication.clipboard()
    md = cb.mimeData()
    if md is not None and md.hasImage():
        cb.setImage(QImage(md.imageData()))
