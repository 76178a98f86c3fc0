"""The Duplicates view: groups of near-identical photos, each a row of tiles, best copy first."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.types import DuplicateFile, DuplicateGroup, DuplicateReport
from desktop_app.core.units import human_size
from desktop_app.ui.i18n import local_date, plural, translate
from desktop_app.ui.opening import open_in_desktop

GroupRole = Qt.ItemDataRole.UserRole + 1
TILE = QSize(148, 148)  # thumbnail box of one copy
CAPTION_LINES = 3
HEADER_H = 30
PAD = 10
GAP = 12

_Index = QModelIndex | QPersistentModelIndex


def fmt_date(when: float) -> str:
    return local_date(datetime.fromtimestamp(when, UTC).date()) if when else ""


def group_title(g: DuplicateGroup) -> str:
    return translate("Duplicates", "{n} copies · {size} to free").format(
        n=len(g.files), size=human_size(g.reclaimable)
    )


def group_dates(g: DuplicateGroup) -> str:
    whens = sorted(f.when for f in g.files if f.when)  # by time: a formatted day sorts as text
    if not whens:
        return ""
    first, last = fmt_date(whens[0]), fmt_date(whens[-1])
    return first if first == last else f"{first} – {last}"


def file_caption(f: DuplicateFile) -> tuple[str, str]:
    dims = f"{f.width}×{f.height}" if f.width else ""
    return " · ".join(x for x in (dims, human_size(f.size)) if x), fmt_date(f.when)


class DuplicatesModel(QAbstractListModel):
    """One row per group; thumbnails arrive one at a time and repaint only their group."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: tuple[DuplicateGroup, ...] = ()
        self._row_of: dict[str, int] = {}
        self._thumbs: dict[str, QImage] = {}
        self.thumbnail_wanted: Any = None  # callable(path) set by the panel

    def set_groups(self, groups: tuple[DuplicateGroup, ...]) -> None:
        self.beginResetModel()
        self._groups = groups
        self._row_of = {f.path: i for i, g in enumerate(groups) for f in g.files}
        self._thumbs = {p: img for p, img in self._thumbs.items() if p in self._row_of}
        self.endResetModel()

    def group(self, row: int) -> DuplicateGroup | None:
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        g = self.group(index.row()) if index.isValid() else None
        if g is None:
            return None
        if role == GroupRole:
            return g
        if role == Qt.ItemDataRole.DisplayRole:
            return group_title(g)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            names = ", ".join(os.path.basename(f.path) for f in g.files)
            return f"{group_title(g)}, {group_dates(g)}: {names}"
        return None

    def thumbnail(self, path: str) -> QImage | None:
        img = self._thumbs.get(path)
        if img is None and self.thumbnail_wanted is not None:
            self.thumbnail_wanted(path)  # lazily: only tiles that are painted ask
        return img

    def set_thumbnail(self, path: str, image: QImage) -> None:
        row = self._row_of.get(path)
        if row is None:
            return
        self._thumbs[path] = image
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)


class GroupDelegate(QStyledItemDelegate):
    """Paints a group: a header line, then its copies as tiles with size and date."""

    def __init__(self, model: DuplicatesModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def _caption_h(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() * CAPTION_LINES + 4

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # rows span the view's width (list mode); the width here is only a minimum
        return QSize(
            TILE.width() + 2 * PAD, HEADER_H + TILE.height() + self._caption_h(option) + 2 * PAD
        )

    def tiles(self, rect: QRect, g: DuplicateGroup) -> list[tuple[QRect, DuplicateFile | None]]:
        """Where each copy is painted; a last (None) tile stands for the copies that do not fit."""
        x0 = rect.x() + PAD
        y = rect.y() + PAD + HEADER_H
        fit = max(1, (rect.width() - 2 * PAD + GAP) // (TILE.width() + GAP))
        shown: list[DuplicateFile | None] = list(g.files)
        if len(shown) > fit:
            shown = [*g.files[: fit - 1], None]
        return [
            (QRect(x0 + i * (TILE.width() + GAP), y, TILE.width(), TILE.height()), f)
            for i, f in enumerate(shown)
        ]

    def file_at(self, rect: QRect, g: DuplicateGroup, pos: QPoint) -> DuplicateFile | None:
        for r, f in self.tiles(rect, g):
            if f is not None and r.adjusted(0, 0, 0, 60).contains(pos):
                return f
        return None

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        g: DuplicateGroup | None = index.data(GroupRole)
        if g is None:
            return
        p.save()
        pal = option.palette
        r = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        p.drawRoundedRect(r, 10, 10)
        if selected:
            p.setBrush(pal.color(QPalette.ColorRole.Highlight))
            p.setOpacity(0.18)
            p.drawRoundedRect(r, 10, 10)
            p.setOpacity(1.0)
        title_font = QFont(option.font)
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        head = QRect(r.x() + PAD, r.y() + PAD - 2, r.width() - 2 * PAD, HEADER_H - 6)
        title = group_title(g)
        p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        tw = p.fontMetrics().horizontalAdvance(title)
        p.setFont(option.font)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(
            head.adjusted(tw + 14, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            group_dates(g),
        )
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        for tile, f in self.tiles(r, g):
            if f is None:
                self._more(p, tile, len(g.files) - (len(self.tiles(r, g)) - 1), pal)
                continue
            self._tile(p, tile, f, f is g.files[0], pal, small)
        p.restore()

    def _tile(
        self,
        p: QPainter,
        tile: QRect,
        f: DuplicateFile,
        best: bool,
        pal: QPalette,
        small: QFont,
    ) -> None:
        img = self.model.thumbnail(f.path)
        area = tile  # where the picture is: the chip sits on its corner
        if img is not None and not img.isNull():
            scaled = img.scaled(
                tile.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = tile.x() + (tile.width() - scaled.width()) // 2
            y = tile.y() + (tile.height() - scaled.height()) // 2
            p.drawImage(x, y, scaled)
            area = QRect(x, y, scaled.width(), scaled.height())
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.color(QPalette.ColorRole.Base))
            p.drawRoundedRect(tile, 6, 6)
        if best:
            p.setFont(small)
            label = translate("Duplicates", "Best copy")
            fm = p.fontMetrics()
            chip = QRect(
                area.x() + 4, area.y() + 4, fm.horizontalAdvance(label) + 12, fm.height() + 4
            )
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(22, 128, 61, 220))
            p.drawRoundedRect(chip, 6, 6)
            p.setPen(QColor("white"))
            p.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
        p.setFont(small)
        fm = p.fontMetrics()
        line = fm.height()
        y = tile.bottom() + 4
        name = fm.elidedText(os.path.basename(f.path), Qt.TextElideMode.ElideMiddle, tile.width())
        p.setPen(pal.color(QPalette.ColorRole.Text))
        p.drawText(QRect(tile.x(), y, tile.width(), line), Qt.AlignmentFlag.AlignLeft, name)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        for i, text in enumerate(file_caption(f), 1):
            p.drawText(
                QRect(tile.x(), y + i * line, tile.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                fm.elidedText(text, Qt.TextElideMode.ElideRight, tile.width()),
            )

    @staticmethod
    def _more(p: QPainter, tile: QRect, n: int, pal: QPalette) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.color(QPalette.ColorRole.Base))
        p.drawRoundedRect(tile, 6, 6)
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        p.drawText(
            tile, Qt.AlignmentFlag.AlignCenter, translate("Duplicates", "+{n} more").format(n=n)
        )


class DuplicatesList(QListView):
    """Double-click a copy to open it; its context menu also shows it in its folder."""

    open_requested = Signal(str)  # path
    reveal_requested = Signal(str)

    def __init__(self, model: DuplicatesModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicates")
        self.setModel(model)
        self.delegate = GroupDelegate(model, self)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # tiles re-flow when the window resizes
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(translate("Duplicates", "Groups of near-duplicate photos"))
        self.setMouseTracking(True)

    def file_at(self, pos: QPoint) -> DuplicateFile | None:
        idx = self.indexAt(pos)
        g: DuplicateGroup | None = idx.data(GroupRole) if idx.isValid() else None
        if g is None:
            return None
        return self.delegate.file_at(self.visualRect(idx).adjusted(4, 4, -4, -4), g, pos)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        f = self.file_at(event.position().toPoint())
        if f is not None:
            self.open_requested.emit(f.path)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        g: DuplicateGroup | None = self.currentIndex().data(GroupRole)
        if g is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(g.files[0].path)  # the best copy
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: Any) -> None:
        f = self.file_at(event.pos())
        if f is None:
            return
        menu = QMenu(self)
        menu.addAction(translate("Duplicates", "Open"), lambda: self.open_requested.emit(f.path))
        menu.addAction(
            translate("Duplicates", "Show in folder"), lambda: self.reveal_requested.emit(f.path)
        )
        menu.exec(event.globalPos())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            f = self.file_at(event.pos())
            if f is not None:
                QToolTip.showText(event.globalPos(), tile_tooltip(f), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def tile_tooltip(f: DuplicateFile) -> str:
    dims, date = file_caption(f)
    return "\n".join(x for x in (f.path, dims, date) if x)


class DuplicatesPanel(QWidget):
    """The page: a summary line, the groups, and the states before and without results."""

    back_requested = Signal()
    refresh_requested = Signal()
    report_shown = Signal(object)  # DuplicateReport, after the list was filled (tests wait on it)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = DuplicatesModel(self)
        self.list = DuplicatesList(self.model)
        self.list.open_requested.connect(self._open)
        self.list.reveal_requested.connect(lambda p: open_in_desktop(self, p, reveal=True))
        self.loader: Any = None
        title = QLabel(translate("Duplicates", "Duplicates"))
        title.setObjectName("previewTitle")
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        refresh = QPushButton(translate("Duplicates", "Look again"))
        refresh.setAccessibleName(translate("Duplicates", "Look for near-duplicates again"))
        refresh.clicked.connect(self.refresh_requested.emit)
        back = QPushButton(translate("Duplicates", "Back to search"))
        back.clicked.connect(self.back_requested.emit)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        top.addWidget(back)
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.message)
        self.pages.addWidget(self.list)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.pages, 1)
        self.report: DuplicateReport | None = None
        back_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_key.activated.connect(self.back_requested.emit)

    def set_thumbnail_loader(self, loader: Any) -> None:
        """Share the window's thumbnail pool (and its memory of thumbnails already read)."""
        self.loader = loader
        loader.thumbnail_ready.connect(self.model.set_thumbnail)
        self.model.thumbnail_wanted = loader.request

    def show_loading(self) -> None:
        self.summary.setText("")
        self.message.setText(translate("Duplicates", "Looking for near-duplicate photos…"))
        self.pages.setCurrentWidget(self.message)

    def show_report(self, report: DuplicateReport | str) -> None:
        if isinstance(report, str):  # the search failed: say why
            self.report = None
            self.model.set_groups(())
            self.message.setText(report)
            self.pages.setCurrentWidget(self.message)
            return
        self.report = report
        self.model.set_groups(report.groups)
        pending = (
            translate(
                "Duplicates",
                " {n:,} photos are still being checked; look again when indexing is done.",
            ).format(n=report.unhashed)
            if report.unhashed
            else ""
        )
        if report.groups:
            total = sum(g.reclaimable for g in report.groups)
            n = len(report.groups)
            groups = plural(
                n, translate("Duplicates", "{n:,} group"), translate("Duplicates", "{n:,} groups")
            )
            self.summary.setText(
                translate(
                    "Duplicates",
                    "{groups} among {photos:,} photos · {size} to free by keeping only the best "
                    "copies.{pending}",
                ).format(
                    groups=groups, photos=report.photos, size=human_size(total), pending=pending
                )
            )
            self.pages.setCurrentWidget(self.list)
            self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()
        else:
            self.summary.setText("")
            self.message.setText(
                translate("Duplicates", "No near-duplicates found among {photos:,} photos.").format(
                    photos=report.photos
                )
                + f"\n{pending.strip()}"
            )
            self.pages.setCurrentWidget(self.message)
        self.report_shown.emit(report)

    def _open(self, path: str) -> None:
        open_in_desktop(self, path)
