"""Thumbnails on their own small pool (QImage is QtGui, so this lives in ui/), LRU + disk cache."""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader

THUMB_SIZE = 256
MEMORY_ITEMS = 600


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
    data = pil.tobytes("raw", "RGB")
    return QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888).copy()


class _Signals(QObject):
    done = Signal(str, QImage)  # QRunnable is not a QObject: signals live here


class _Load(QRunnable):
    def __init__(self, path: str, cache_file: Path, signals: _Signals) -> None:
        super().__init__()
        self.path = path
        self.cache_file = cache_file
        self.signals = signals

    def run(self) -> None:
        img = QImage()
        if self.cache_file.is_file():
            img.load(str(self.cache_file))
        if img.isNull():
            img = read_scaled(self.path, QSize(THUMB_SIZE, THUMB_SIZE))
            if not img.isNull():
                try:
                    self.cache_file.parent.mkdir(parents=True, exist_ok=True)
                    img.save(str(self.cache_file), "JPEG", 85)
                except OSError:
                    pass
        self.signals.done.emit(self.path, img)


class ThumbnailLoader(QObject):
    """Asks are cheap and deduplicated; each answers once, via ``thumbnail_ready``."""

    thumbnail_ready = Signal(str, QImage)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self._pool = QThreadPool(self)
        # Two threads: enough to fill a screen of tiles in ~0.1 s without starving indexing.
        self._pool.setMaxThreadCount(2)
        self._memory: OrderedDict[str, QImage] = OrderedDict()
        self._inflight: set[str] = set()
        self._signals = _Signals()
        self._signals.done.connect(self._on_loaded)

    def cached(self, path: str) -> QImage | None:
        img = self._memory.get(path)
        if img is not None:
            self._memory.move_to_end(path)
        return img

    def request(self, path: str) -> None:
        """The thumbnail arrives through ``thumbnail_ready``, later: also when it is already in
        memory (a photo shown again in a new result list), never from inside this call, which a
        view makes while painting."""
        if path in self._inflight:
            return
        self._inflight.add(path)
        img = self.cached(path)
        if img is not None:
            QTimer.singleShot(0, self, lambda: self._on_loaded(path, img))
        else:
            self._pool.start(_Load(path, self._cache_file(path), self._signals))

    def _cache_file(self, path: str) -> Path:
        try:
            st = os.stat(path)
            key = f"{path}\0{st.st_mtime_ns}\0{st.st_size}"
        except OSError:
            key = path
        digest = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.jpg"

    def _on_loaded(self, path: str, img: QImage) -> None:
        self._inflight.discard(path)
        if img.isNull():
            return
        self._memory[path] = img
        if len(self._memory) > MEMORY_ITEMS:
            self._memory.popitem(last=False)
        self.thumbnail_ready.emit(path, img)

    def wait(self) -> None:
        self._pool.waitForDone()
