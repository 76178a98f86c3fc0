"""ResultsModel: a thin Qt model over immutable Hit rows; thumbnails update one cell at a time.
BrowseModel: the same hits under a header for each day, for browsing without words."""

from __future__ import annotations

import itertools
import os
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QImage

from desktop_app.core.types import Hit, Kind, Origin
from desktop_app.ui.i18n import local_date, plural, translate
from desktop_app.ui.thumbnails import thumbnail_kind

HitRole = Qt.ItemDataRole.UserRole + 1
ThumbRole = Qt.ItemDataRole.UserRole + 2
WhyRole = Qt.ItemDataRole.UserRole + 3
FolderRole = Qt.ItemDataRole.UserRole + 4
DateRole = Qt.ItemDataRole.UserRole + 5
HeaderRole = Qt.ItemDataRole.UserRole + 6  # a day's header row: (label, files that day)
LibraryRole = Qt.ItemDataRole.UserRole + 7  # a shared library's short name ("": this computer)

_Index = QModelIndex | QPersistentModelIndex


def hit_day(hit: Hit) -> date | None:
    """The day a file belongs to: the day taken (the camera's clock, stored as UTC), else
    the day it was modified, in local time."""
    if hit.taken_at is not None:
        return datetime.fromtimestamp(hit.taken_at, UTC).date()
    if hit.mtime:
        return datetime.fromtimestamp(hit.mtime).date()
    return None


def library_name(uri: str) -> str:
    """A library's short name on a tile: the last part of its address ("s3://team/photos"
    -> "photos")."""
    rest = uri.split("://", 1)[-1].rstrip("/")
    return rest.rsplit("/", 1)[-1] or rest


def hit_date(hit: Hit) -> str:
    day = hit_day(hit)
    return local_date(day) if day else ""


def day_label(day: date | None, today: date) -> str:
    if day is None:
        return translate("Results", "Undated")
    ago = (today - day).days
    if ago == 0:
        return translate("Results", "Today")
    if ago == 1:
        return translate("Results", "Yesterday")
    if 1 < ago < 7:
        return QLocale().standaloneDayName(day.isoweekday())  # in the window's language
    month = QLocale().monthName(day.month)
    if day.year == today.year:
        return translate("Results", "{day} {month}").format(day=day.day, month=month)
    return translate("Results", "{day} {month} {year}").format(
        day=day.day, month=month, year=day.year
    )


def layout_for(hits: tuple[Hit, ...]) -> str:
    """'list' when documents are most of what is shown (their text reads in rows), else
    'grid' (photos read as pictures)."""
    docs = sum(1 for h in hits if h.kind == Kind.DOCUMENT)
    return "list" if hits and docs * 2 > len(hits) else "grid"


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
        self._index_rows()
        self._thumbs = {p: img for p, img in self._thumbs.items() if p in self._row_of}
        self.endResetModel()

    def _index_rows(self) -> None:
        self._row_of = {h.path: i for i, h in enumerate(self._hits)}

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def hits(self) -> tuple[Hit, ...]:
        return self._hits

    def row_of(self, path: str) -> int:
        """The row showing this file, -1 when none does."""
        return self._row_of.get(path, -1)

    def hit_row_near(self, row: int) -> int:
        """The file's row at ``row``, else the nearest after it, else before it; -1 for none."""
        n = len(self._hits)
        for r in itertools.chain(range(max(0, row), n), range(min(row, n) - 1, -1, -1)):
            if self.hit(r) is not None:
                return r
        return -1

    def first_hit_row(self) -> int:
        return 0 if self._hits else -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        h = self.hit(index.row())
        if h is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return os.path.basename(h.path)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = from_library(h)
            if not h.matched:
                return h.path + where
            level = match_level(h)
            return f"{h.path}{where}\n{h.why} · {level} ({h.confidence:.2f})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            where = from_library(h)
            if not h.matched:
                return f"{os.path.basename(h.path)}, {h.kind}, {hit_date(h)}{where}"
            return f"{os.path.basename(h.path)}, {h.kind}, {h.why}, {match_level(h)}{where}"
        if role == LibraryRole:
            return library_name(h.library) if h.library else ""
        if role == HitRole:
            return h
        if role == WhyRole:
            return why_line(h)
        if role == FolderRole:
            return os.path.basename(os.path.dirname(h.path))
        if role == DateRole:
            return hit_date(h)
        if role == ThumbRole:
            img = self._thumbs.get(h.path)
            if img is None and self.thumbnail_wanted is not None and thumbnail_kind(h.path):
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
        hits = [self.hit(i.row()) for i in indexes if i.isValid()]
        md.setUrls([QUrl.fromLocalFile(h.path) for h in hits if h is not None])
        return md


def from_library(h: Hit) -> str:
    """ ", from the library s3://…" for a shared library's hit; "" for this computer's."""
    if not h.library:
        return ""
    return translate("Results", ", from the library {uri}").format(uri=h.library)


def match_level(h: Hit) -> str:
    return (
        translate("Results", "strong match") if h.strong else translate("Results", "weaker match")
    )


def why_line(h: Hit) -> str:
    """The tile's last line: why it matched (with the passage), or, browsing, what it is."""
    snip = " ".join(h.snippet.split()) if h.snippet else ""
    if h.kind == Kind.DOCUMENT and snip:
        quoted = f"“{snip[:90]}…”" if len(snip) > 90 else f"“{snip}”"
        if not h.matched:
            return quoted
        # a passage is what matched; after a name or place match the opening only says what
        # the file is
        return f"{h.why}: {quoted}" if h.reason.origin == Origin.TEXT else f"{h.why} · {quoted}"
    if h.matched:
        return h.why
    return " · ".join(
        x for x in (h.place, h.camera, f"{h.width} × {h.height}" if h.width else "") if x
    )


class BrowseModel(ResultsModel):
    """Hits newest first with a header row before each day; headers cannot be selected."""

    def __init__(self, parent: Any = None, today: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Hit | tuple[str, int]] = []
        self._today = today or date.today  # tests pin the day

    def _index_rows(self) -> None:
        rows: list[Hit | tuple[str, int]] = []
        today = self._today()
        label = None
        count_at = -1
        for h in self._hits:
            here = day_label(hit_day(h), today)
            if here != label:
                label = here
                count_at = len(rows)
                rows.append((here, 0))
            name, n = rows[count_at]  # type: ignore[misc]
            rows[count_at] = (name, n + 1)
            rows.append(h)
        self._rows = rows
        self._row_of = {r.path: i for i, r in enumerate(rows) if isinstance(r, Hit)}

    def hit(self, row: int) -> Hit | None:
        r = self._rows[row] if 0 <= row < len(self._rows) else None
        return r if isinstance(r, Hit) else None

    def first_hit_row(self) -> int:
        return next((i for i, r in enumerate(self._rows) if isinstance(r, Hit)), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        r = self._rows[index.row()]
        if isinstance(r, Hit):
            return super().data(index, role)
        if role == HeaderRole:
            return r
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            files = plural(
                r[1], translate("Results", "{n} file"), translate("Results", "{n} files")
            )
            return f"{r[0]}, {files}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.isValid() and self.hit(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags  # a day's header: not selectable, not a file
        return super().flags(index)
