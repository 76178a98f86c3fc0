"""ResultsModel: a thin Qt model over immutable Hit rows; thumbnails update one cell at a time."""

from __future__ import annotations

import os
import time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QImage

from desktop_app.core.types import Hit, Kind

HitRole = Qt.ItemDataRole.UserRole + 1
ThumbRole = Qt.ItemDataRole.UserRole + 2
WhyRole = Qt.ItemDataRole.UserRole + 3
FolderRole = Qt.ItemDataRole.UserRole + 4
DateRole = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex


def hit_date(hit: Hit) -> str:
    when = hit.taken_at if hit.taken_at is not None else hit.mtime
    return time.strftime("%d %b %Y", time.gmtime(when)) if when else ""


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: tuple[Hit, ...] = ()
        self._row_of: dict[str, int] = {}
        self._thumbs: dict[str, QImage] = {}
        self.thumbnail_wanted: Any = None  # callable(path) set by the window

    def set_hits(self, hits: tuple[Hit, ...]) -> None:
        self.beginResetModel()
        self._hits = hits
        self._row_of = {h.path: i for i, h in enumerate(hits)}
        self._thumbs = {p: img for p, img in self._thumbs.items() if p in self._row_of}
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def hits(self) -> tuple[Hit, ...]:
        return self._hits

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        h = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return os.path.basename(h.path)
        if role == Qt.ItemDataRole.ToolTipRole:
            level = "strong match" if h.strong else "weaker match"
            return f"{h.path}\n{h.why} · {level} ({h.confidence:.2f})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            level = "strong match" if h.strong else "weaker match"
            return f"{os.path.basename(h.path)}, {h.kind}, {h.why}, {level}"
        if role == HitRole:
            return h
        if role == WhyRole:
            if h.snippet and h.kind == Kind.DOCUMENT:
                snip = " ".join(h.snippet.split())
                return f"{h.why}: “{snip[:90]}…”" if len(snip) > 90 else f"{h.why}: “{snip}”"
            return h.why
        if role == FolderRole:
            return os.path.basename(os.path.dirname(h.path))
        if role == DateRole:
            return hit_date(h)
        if role == ThumbRole:
            img = self._thumbs.get(h.path)
            if img is None and h.kind == Kind.PHOTO and self.thumbnail_wanted is not None:
                self.thumbnail_wanted(h.path)  # lazily: only rows that are painted ask
            return img
        return None

    def set_thumbnail(self, path: str, image: QImage) -> None:
        row = self._row_of.get(path)
        if row is None:
            return
        self._thumbs[path] = image
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [ThumbRole])

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes: Any) -> QMimeData:
        md = QMimeData()
        md.setUrls([QUrl.fromLocalFile(self._hits[i.row()].path) for i in indexes if i.isValid()])
        return md
