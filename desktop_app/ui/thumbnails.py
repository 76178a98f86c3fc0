"""Thumbnails on their own small pool (QImage is QtGui, so this lives in ui/), LRU + disk cache:
photos decoded at reduced size, the first page of a PDF rendered, the opening lines of other
documents set as a small page of text; the decoders behind the preview and the clipboard."""

from __future__ import annotations

import hashlib
import os
import sys
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QFileInfo,
    QIODevice,
    QMimeDatabase,
    QObject,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QTextLayout,
    QTextOption,
)

from desktop_app.workers.jobs import JobPool

THUMB_SIZE = 256
MEMORY_ITEMS = 600
DOC_CACHE_VERSION = "doc2"  # bump when document tiles are drawn differently
TEXT_HEAD_BYTES = 16_384  # the opening lines are all a tile shows
PAGE_RATIO = 0.77  # width / height of a text tile: a letter-size page
# Formats read as lines of code or data: set in a fixed-width font, never wrapped.
CODE_EXTS = frozenset(
    (
        "py js ts tsx jsx c h cc cpp hpp java kt go rs rb php sh bash zsh ps1 swift cs "
        "json yaml yml toml ini cfg conf sql xml css scss lua r m pl csv tsv log"
    ).split()
)
RICH_EXTS = frozenset({"docx", "odt", "html", "htm"})  # text through the indexer's extractors


def read_scaled(path: str, size: QSize) -> QImage:
    """Decode an image to fit ``size``, orientation applied. Qt reads the common formats (JPEG
    at reduced size); HEIC/AVIF and camera RAW (its embedded preview) go through the core's
    Pillow decoder. A null QImage when neither can read it."""
    from desktop_app.core.scan.kinds import is_raw

    if not is_raw(path):  # Qt's TIFF reader would show a RAW's tiny IFD0 thumbnail
        reader = QImageReader(path)
        reader.setAutoTransform(True)  # EXIF orientation
        full = reader.size()
        if full.isValid() and (full.width() > size.width() or full.height() > size.height()):
            reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
        img = reader.read()
        if not img.isNull():
            return img
    from desktop_app.core.extract.images import open_image

    try:
        pil = open_image(path, max(size.width(), size.height()))
    except Exception:  # any decoder failure means "cannot be shown", never a crash
        return QImage()
    return _from_pil(pil)


def _from_pil(pil: object) -> QImage:
    rgb = pil.convert("RGB")  # type: ignore[attr-defined]
    data = rgb.tobytes("raw", "RGB")
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()


def thumbnail_kind(path: str) -> str | None:
    """'photo', 'page' (a PDF), 'text' (another document Trove reads), or None."""
    from desktop_app.core.scan.kinds import DOCUMENT_EXTS, IMAGE_EXTS, ext_of

    ext = ext_of(path)
    if ext in IMAGE_EXTS:
        return "photo"
    if ext == "pdf":
        return "page"
    if ext in DOCUMENT_EXTS:
        return "text"
    return None


def render_pdf_page(path: str, size: QSize, page: int = 1) -> QImage:
    """A PDF page (1-based) rendered to fit ``size``; a null image when it cannot be read
    (damaged, encrypted). PDFium is not thread-safe: every call holds the core's one lock."""
    import pypdfium2 as pdfium

    from desktop_app.core.extract.pdfium_lock import PDFIUM

    with PDFIUM:
        try:
            doc = pdfium.PdfDocument(path)
        except (pdfium.PdfiumError, OSError, ValueError):
            return QImage()
        try:
            index = min(max(page, 1), len(doc)) - 1
            if index < 0:
                return QImage()
            pg = doc[index]
            try:
                w, h = pg.get_size()
                scale = min(size.width() / max(w, 1.0), size.height() / max(h, 1.0))
                bitmap = pg.render(scale=max(scale, 0.05))
                try:
                    return _from_pil(bitmap.to_pil())
                finally:
                    bitmap.close()
            finally:
                pg.close()
        except pdfium.PdfiumError:
            return QImage()
        finally:
            doc.close()


def read_text_head(path: str) -> str:
    """The opening of a document as text, line breaks kept; "" when it has none to show."""
    from desktop_app.core.scan.kinds import ext_of

    ext = ext_of(path)
    if ext in RICH_EXTS:
        from desktop_app.core.extract import ExtractError
        from desktop_app.core.extract.documents import extract_document

        try:
            return extract_document(path, max_bytes=TEXT_HEAD_BYTES * 4).text[:TEXT_HEAD_BYTES]
        except ExtractError:
            return ""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(TEXT_HEAD_BYTES)
    except OSError:
        return ""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""  # binary data under a text file's name
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8", errors="replace")


def text_tile(path: str, side: int = THUMB_SIZE) -> QImage:
    """The document's opening lines set on a small white page (``side`` high): prose wraps,
    code keeps its lines and indentation. A null image for a document without text."""
    from desktop_app.core.scan.kinds import ext_of

    text = read_text_head(path).replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    if not text.strip():
        return QImage()
    ext = ext_of(path)
    code = ext in CODE_EXTS
    w, h = int(side * PAGE_RATIO), side
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = max(8, side // 16)
    body = QFont("monospace" if code else "sans-serif")
    body.setStyleHint(QFont.StyleHint.Monospace if code else QFont.StyleHint.SansSerif)
    body.setPixelSize(max(6, side // 26))
    title = QFont(body)
    title.setBold(True)
    title.setPixelSize(max(8, side // 17))
    width = w - 2 * margin
    y = float(margin)
    lines = text.lstrip("\n").split("\n")
    for n, raw_line in enumerate(lines[:80]):
        line = raw_line.rstrip()
        heading = not code and (line.startswith("#") or (n == 0 and 0 < len(line) < 60))
        font = title if heading else body
        shown = line.lstrip("# ").strip() if heading and line.startswith("#") else line
        fm = QFontMetrics(font)
        if not shown:
            y += fm.height() * 0.5  # a blank line: a paragraph break, not a full line
            continue
        p.setFont(font)
        p.setPen(QColor("#111111" if heading else "#3a3a3a"))
        if code:
            p.drawText(
                QRect(margin, int(y), width, fm.height()),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(shown, Qt.TextElideMode.ElideRight, width),
            )
            y += fm.height()
        else:
            y = _draw_wrapped(p, font, shown, margin, y, width)
        if y > h - margin:
            break
    p.end()
    return img


def _draw_wrapped(p: QPainter, font: QFont, text: str, x: int, y: float, width: int) -> float:
    layout = QTextLayout(text, font)
    opt = QTextOption()
    opt.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(opt)
    layout.beginLayout()
    top = y
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y - top))
        y += line.height()
    layout.endLayout()
    layout.draw(p, QPointF(x, top))
    return y


def document_thumbnail(path: str, side: int = THUMB_SIZE) -> QImage:
    """A PDF's first page, or another document's opening text; null when neither shows."""
    kind = thumbnail_kind(path)
    if kind == "page":
        return render_pdf_page(path, QSize(side, side))
    if kind == "text":
        return text_tile(path, side)
    return QImage()


_ICONS: dict[str, QIcon | None] = {}


def file_type_icon(ext: str) -> QIcon | None:
    """The platform's icon for files of this extension (the desktop theme's on Linux), or
    None when it has none. Asked on the GUI thread (QIcon), by name only: no disk read."""
    if ext in _ICONS:
        return _ICONS[ext]
    icon: QIcon | None = None
    if sys.platform.startswith("linux"):
        mime = QMimeDatabase().mimeTypeForFile(
            f"file.{ext}", QMimeDatabase.MatchMode.MatchExtension
        )
        for name in (mime.iconName(), mime.genericIconName()):
            if name and QIcon.hasThemeIcon(name):
                icon = QIcon.fromTheme(name)
                break
    else:
        from PySide6.QtWidgets import QFileIconProvider

        candidate = QFileIconProvider().icon(QFileInfo(f"file.{ext}"))
        icon = candidate if not candidate.isNull() else None
    _ICONS[ext] = icon
    return icon


def _load(path: str, kind: str, cache_dir: Path) -> QImage:
    """A thumbnail from the disk cache, or made and kept there; null when it cannot be shown.
    On a worker thread: the cache's stat, the decode and the write stay off the GUI thread."""
    cache_file = cache_file_for(cache_dir, path, kind)
    img = QImage()
    if cache_file.is_file():
        img.load(str(cache_file))
    if img.isNull():
        if kind == "photo":
            img = read_scaled(path, QSize(THUMB_SIZE, THUMB_SIZE))
        else:
            img = document_thumbnail(path, THUMB_SIZE)
        if not img.isNull():
            try:
                cache_file.parent.mkdir(parents=True, exist_ok=True)
                # text is crisp in PNG; photos are small in JPEG
                if kind == "photo":
                    img.save(str(cache_file), "JPEG", 85)  # type: ignore[call-overload]
                else:
                    img.save(str(cache_file), "PNG")  # type: ignore[call-overload]
            except OSError:
                pass
    return img


def cache_file_for(cache_dir: Path, path: str, kind: str) -> Path:
    """Where a file's thumbnail is kept: named for its path, size and modification time, so
    a changed file gets a new one."""
    try:
        st = os.stat(path)
        key = f"{path}\0{st.st_mtime_ns}\0{st.st_size}"
    except OSError:
        key = path
    if kind != "photo":
        key += "\0" + DOC_CACHE_VERSION
    digest = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir / digest[:2] / f"{digest}.{'jpg' if kind == 'photo' else 'png'}"


class ThumbnailLoader(QObject):
    """Asks are cheap and deduplicated; each answers once, via ``thumbnail_ready`` (a file that
    cannot be shown answers never, and is not tried again while Trove runs). Asking touches
    no disk: a view asks while it paints."""

    thumbnail_ready = Signal(str, QImage)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        # Two threads: enough to fill a screen of tiles in ~0.1 s without starving indexing.
        self._pool = JobPool("trove-thumbnails", 2, parent=self)
        self._memory: OrderedDict[str, QImage] = OrderedDict()
        self._inflight: set[str] = set()
        self._failed: set[str] = set()

    def cached(self, path: str) -> QImage | None:
        img = self._memory.get(path)
        if img is not None:
            self._memory.move_to_end(path)
        return img

    def request(self, path: str) -> None:
        """The thumbnail arrives through ``thumbnail_ready``, later: also when it is already in
        memory (a photo shown again in a new result list), never from inside this call, which a
        view makes while painting."""
        if path in self._inflight or path in self._failed:
            return
        self._inflight.add(path)
        img = self.cached(path)
        if img is not None:
            QTimer.singleShot(0, self, lambda: self._on_loaded(path, img))
            return
        kind = thumbnail_kind(path) or "photo"  # no extension: a sniffed photo, if anything
        self._pool.submit(
            lambda: _load(path, kind, self.cache_dir),
            lambda img: self._on_loaded(path, img),
            lambda _exc: self._on_loaded(path, QImage()),  # a decoder's failure: not shown
        )

    def _on_loaded(self, path: str, img: QImage) -> None:
        self._inflight.discard(path)
        if img.isNull():
            self._failed.add(path)
            return
        self._memory[path] = img
        if len(self._memory) > MEMORY_ITEMS:
            self._memory.popitem(last=False)
        self.thumbnail_ready.emit(path, img)

    def wait(self) -> None:
        self._pool.wait()


def clipboard_image(path: str, side: int) -> tuple[QImage, QByteArray]:
    """The picture for the clipboard and its PNG bytes, both made off the GUI thread: other
    apps mostly ask for PNG, which Qt would otherwise encode on the GUI thread when pasted.
    A QByteArray, not Python bytes: it reaches the clipboard without a copy."""
    data = QByteArray()
    img = read_scaled(path, QSize(side, side))
    if img.isNull():
        return img, data
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")  # type: ignore[call-overload]
    buf.close()
    return img, data
