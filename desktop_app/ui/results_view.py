"""The results grid/list: a QListView with a delegate that paints thumbnail, name and why.
Documents show their first page or opening text; a file without one shows its type."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from desktop_app.core.types import Hit, Kind
from desktop_app.ui.i18n import plural, translate
from desktop_app.ui.results_model import (
    DateRole,
    FolderRole,
    HeaderRole,
    HitRole,
    LibraryRole,
    ResultsModel,
    ThumbRole,
    WhyRole,
)
from desktop_app.ui.thumbnails import file_type_icon

GRID = QSize(200, 236)
LIST_ROW = 84
HEADER_H = 38
WEAK_OPACITY = 0.55
# A file type's colour on its tile, so a spreadsheet, a PDF and source code differ at a glance.
TYPE_COLOURS = {
    "pdf": "#d93025",
    "docx": "#2b579a",
    "odt": "#2b579a",
    "rtf": "#2b579a",
    "txt": "#5f6368",
    "md": "#5f6368",
    "markdown": "#5f6368",
    "rst": "#5f6368",
    "html": "#e8710a",
    "htm": "#e8710a",
    "csv": "#188038",
    "tsv": "#188038",
}
CODE_COLOUR = "#7b1fa2"
LIBRARY_COLOUR = "#00695c"  # a shared library's hit: its name on the thumbnail


def _ext(path: str) -> str:
    return os.path.splitext(path)[1].lstrip(".").lower()


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = True
        self.tile = GRID  # the browse view widens tiles to fill its rows

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = self._row_width(option)
        if index.data(HeaderRole) is not None:
            return QSize(width, HEADER_H)
        return self.tile if self.grid else QSize(width, LIST_ROW)

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        if isinstance(view, QListView):
            return max(200, view.viewport().width() - 2)
        return option.rect.width() or 600

    def paint(
        self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        header = index.data(HeaderRole)
        if header is not None:
            self._paint_header(p, option, header)
            return
        hit: Hit = index.data(HitRole)
        if hit is None:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = option.palette
        r = option.rect.adjusted(4, 4, -4, -4)
        if not hit.strong:
            p.setOpacity(WEAK_OPACITY)  # a weaker match: below the line, dimmed
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.color(QPalette.ColorRole.Highlight))
            p.setOpacity(0.25)
            p.drawRoundedRect(r, 8, 8)
            p.setOpacity(1.0 if hit.strong else WEAK_OPACITY)
        if self.grid:
            thumb_rect = QRect(r.x() + 6, r.y() + 6, r.width() - 12, r.height() - 78)
            text_rect = QRect(r.x() + 8, thumb_rect.bottom() + 6, r.width() - 16, 66)
        else:
            side = LIST_ROW - 14
            thumb_rect = QRect(r.x() + 6, r.y() + 3, side, side)
            text_rect = QRect(
                thumb_rect.right() + 14, r.y() + 4, r.width() - side - 26, LIST_ROW - 12
            )
        img: QImage | None = index.data(ThumbRole)
        if img is not None and not img.isNull():
            self._paint_thumbnail(p, thumb_rect, img, hit, pal)
        else:
            self._paint_placeholder(p, thumb_rect, hit, pal)
        if hit.stack:
            self._stack_badge(p, thumb_rect, len(hit.stack), option.font)
        if hit.library and self.grid:  # a list row says it on its second line
            self._library_badge(p, thumb_rect, str(index.data(LibraryRole)), option.font)
        self._paint_text(p, option, index, text_rect)
        p.restore()

    @staticmethod
    def _paint_header(p: QPainter, option: QStyleOptionViewItem, header: tuple[str, int]) -> None:
        label, n = header
        p.save()
        r = option.rect.adjusted(10, 10, -10, -4)
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(option.font.pointSizeF() * 1.15)
        p.setFont(font)
        pal = option.palette  # a header is a disabled row (not a file): use the active colours
        active = QPalette.ColorGroup.Active
        p.setPen(pal.color(active, QPalette.ColorRole.Text))
        p.drawText(r, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
        width = p.fontMetrics().horizontalAdvance(label)
        small = QFont(option.font)
        p.setFont(small)
        p.setPen(pal.color(active, QPalette.ColorRole.PlaceholderText))
        count = plural(n, translate("Results", "{n} file"), translate("Results", "{n} files"))
        p.drawText(
            r.adjusted(width + 12, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            count,
        )
        p.setPen(pal.color(active, QPalette.ColorRole.Mid))
        p.drawLine(r.left(), r.bottom(), r.right(), r.bottom())
        p.restore()

    def _paint_thumbnail(
        self, p: QPainter, box: QRect, img: QImage, hit: Hit, pal: QPalette
    ) -> None:
        scaled = img.scaled(
            box.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        x = box.x() + (box.width() - scaled.width()) // 2
        y = box.y() + (box.height() - scaled.height()) // 2
        if hit.kind == Kind.DOCUMENT:  # a page: a hairline edge and a soft shadow
            page = QRect(x, y, scaled.width(), scaled.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(0, 0, 0, 40))
            p.drawRect(page.translated(2, 2))
            p.drawImage(x, y, scaled)
            p.setPen(pal.color(QPalette.ColorRole.Mid))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(page.adjusted(0, 0, -1, -1))
            self._type_badge(p, page, _ext(hit.path))
        else:
            p.drawImage(x, y, scaled)

    def _paint_placeholder(self, p: QPainter, box: QRect, hit: Hit, pal: QPalette) -> None:
        """While a thumbnail loads, or for a file that has none: its type, never a blank."""
        if hit.kind == Kind.PHOTO:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            p.drawRoundedRect(box, 6, 6)
            return
        ext = _ext(hit.path)
        icon = file_type_icon(ext)
        if icon is not None:
            side = min(box.width(), box.height(), 96)
            icon_rect = QRect(0, 0, side, side)
            icon_rect.moveCenter(box.center())
            icon.paint(p, icon_rect)
            return
        # a page with a folded corner, the file type across it in its colour
        h = box.height() - 4
        w = min(box.width() - 4, int(h * 0.77))
        page = QRect(0, 0, w, h)
        page.moveCenter(box.center())
        fold = max(8, w // 5)
        path = QPainterPath()
        path.moveTo(page.left(), page.top())
        path.lineTo(page.right() - fold, page.top())
        path.lineTo(page.right(), page.top() + fold)
        path.lineTo(page.right(), page.bottom())
        path.lineTo(page.left(), page.bottom())
        path.closeSubpath()
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        p.setBrush(pal.color(QPalette.ColorRole.Base))
        p.drawPath(path)
        p.drawLine(page.right() - fold, page.top(), page.right() - fold, page.top() + fold)
        p.drawLine(page.right() - fold, page.top() + fold, page.right(), page.top() + fold)
        self._type_badge(p, page, ext, centred=True)

    @staticmethod
    def _type_badge(p: QPainter, page: QRect, ext: str, centred: bool = False) -> None:
        if not ext:
            return
        label = ext.upper()[:4]
        font = QFont(p.font())
        font.setBold(True)
        font.setPixelSize(
            max(8, min(14, page.width() // 5)) if not centred else max(9, page.width() // 5)
        )
        p.setFont(font)
        fm = p.fontMetrics()
        w, h = fm.horizontalAdvance(label) + 10, fm.height() + 2
        if centred:
            badge = QRect(0, 0, w, h)
            badge.moveCenter(page.center())
            badge.moveTop(page.center().y())
        else:
            badge = QRect(page.left() - 2, page.bottom() - h - 4, w, h)
        _pill(p, badge, QColor(TYPE_COLOURS.get(ext, CODE_COLOUR)), 3, label)

    def _paint_text(
        self,
        p: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        text_rect: QRect,
    ) -> None:
        pal = option.palette
        name_font = QFont(option.font)
        name_font.setBold(True)
        p.setFont(name_font)
        p.setPen(pal.color(QPalette.ColorRole.Text))
        fm = p.fontMetrics()
        line_h = fm.height()
        name = fm.elidedText(
            str(index.data(Qt.ItemDataRole.DisplayRole)),
            Qt.TextElideMode.ElideMiddle,
            text_rect.width(),
        )
        # not clipped to the line: a Chinese or Japanese glyph from a fallback font stands
        # taller than the Latin font's line height
        unclipped = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextDontClip)
        p.drawText(
            QRect(text_rect.x(), text_rect.y(), text_rect.width(), line_h),
            unclipped,
            name,
        )
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        p.setFont(small)
        fm = p.fontMetrics()
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        meta = " · ".join(x for x in (index.data(FolderRole), index.data(DateRole)) if x)
        meta_h = max(fm.height(), fm.boundingRect(meta).height())  # with its fallback glyphs
        meta_rect = QRect(text_rect.x(), text_rect.y() + line_h, text_rect.width(), meta_h)
        library = str(index.data(LibraryRole) or "")
        if library and not self.grid:  # the library's name before the folder, as on a tile
            w = fm.horizontalAdvance(library) + 10
            _pill(
                p,
                QRect(meta_rect.x(), meta_rect.y(), w, meta_h),
                QColor(LIBRARY_COLOUR),
                4,
                library,
            )
            p.setFont(small)
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            meta_rect.adjust(w + 6, 0, 0, 0)
        p.drawText(
            meta_rect,
            unclipped,
            fm.elidedText(meta, Qt.TextElideMode.ElideRight, meta_rect.width()),
        )
        why = str(index.data(WhyRole) or "")
        hit = index.data(HitRole)
        # why it matched, in the link colour; browsing (nothing matched), what it is, quietly
        role = (
            QPalette.ColorRole.Link if hit is not None and hit.matched else QPalette.ColorRole.Text
        )
        p.setPen(pal.color(role))
        if role == QPalette.ColorRole.Text:
            p.setOpacity(p.opacity() * 0.75)
        lines = 2
        why_rect = QRect(
            text_rect.x(),
            text_rect.y() + line_h + meta_h + 2,
            text_rect.width(),
            fm.height() * lines,
        )
        p.drawText(
            why_rect,
            int(Qt.TextFlag.TextWordWrap),
            fm.elidedText(why, Qt.TextElideMode.ElideRight, text_rect.width() * lines - 20),
        )

    @staticmethod
    def _stack_badge(p: QPainter, thumb: QRect, n: int, font: QFont) -> None:
        """A "+N" badge on the thumbnail's corner: near-duplicates folded under this hit."""
        badge_font = QFont(font)
        badge_font.setBold(True)
        badge_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(badge_font)
        text = f"+{n}"
        fm = p.fontMetrics()
        w, h = fm.horizontalAdvance(text) + 12, fm.height() + 4
        _pill(
            p, QRect(thumb.right() - w - 4, thumb.y() + 4, w, h), QColor(0, 0, 0, 170), h / 2, text
        )

    @staticmethod
    def _library_badge(p: QPainter, thumb: QRect, name: str, font: QFont) -> None:
        """The shared library a hit came from, on the thumbnail's top-left corner."""
        badge_font = QFont(font)
        badge_font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        p.setFont(badge_font)
        fm = p.fontMetrics()
        text = fm.elidedText(name, Qt.TextElideMode.ElideRight, max(40, thumb.width() - 16))
        w, h = fm.horizontalAdvance(text) + 10, fm.height() + 2
        _pill(p, QRect(thumb.x() + 4, thumb.y() + 4, w, h), QColor(LIBRARY_COLOUR), 4, text)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and index.data(HitRole):
            QToolTip.showText(event.globalPos(), tooltip_text(index), view)
            return True
        return super().helpEvent(event, view, option, index)


def _pill(p: QPainter, rect: QRect, colour: QColor, radius: float, text: str) -> None:
    """White text on a rounded patch of colour: a file type, a count of stacked copies."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawRoundedRect(rect, radius, radius)
    p.setPen(QColor("white"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def tooltip_text(index: QModelIndex | QPersistentModelIndex) -> str:
    """The hit's tooltip, listing the near-duplicates stacked under it."""
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    hit: Hit | None = index.data(HitRole)
    if hit is not None and hit.stack:
        n = len(hit.stack)
        one = translate("Results", "{n} near-duplicate stacked here:")
        many = translate("Results", "{n} near-duplicates stacked here:")
        tip += "\n\n" + plural(n, one, many) + "\n"
        tip += "\n".join(f"  {path}" for path in hit.stack)
    return tip


_Move = QAbstractItemView.CursorAction
STEP_ACTIONS = {
    Qt.Key.Key_Left: _Move.MoveLeft,
    Qt.Key.Key_Right: _Move.MoveRight,
    Qt.Key.Key_Up: _Move.MoveUp,
    Qt.Key.Key_Down: _Move.MoveDown,
    Qt.Key.Key_Home: _Move.MoveHome,
    Qt.Key.Key_End: _Move.MoveEnd,
    Qt.Key.Key_PageUp: _Move.MovePageUp,
    Qt.Key.Key_PageDown: _Move.MovePageDown,
}


class ResultsView(QListView):
    """Arrows move, Enter opens, Space previews large, Esc (or ↑ from the top row) goes back
    to the search field; items drag out as files.

    ``sections``: the model has day headers (browsing); tiles then flow in rows that the
    headers break, and widen to fill the row. Without them every cell is the same size,
    which Qt lays out without asking each row (10,000 results paint at once)."""

    open_requested = Signal(object)  # Hit
    preview_requested = Signal(object)
    leave_requested = Signal()  # back to the search field

    def __init__(self, sections: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.sections = sections
        self.delegate = ResultDelegate(self)
        self.setItemDelegate(self.delegate)
        # Without uniform sizes Qt asks every row's decoration at start (1 s at 10k rows).
        self.setUniformItemSizes(not sections)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setMouseTracking(True)
        self.setAccessibleName(
            translate("Results", "Recent files")
            if sections
            else translate("Results", "Search results")
        )
        self.set_grid(True)
        self.doubleClicked.connect(lambda idx: self.open_requested.emit(idx.data(HitRole)))

    def replace_hits(self, hits: tuple[Hit, ...], keep: bool) -> None:
        """New rows. ``keep`` (the index changed under the same question): the chosen file
        stays chosen wherever its new rank puts it, the next file takes the place of one
        gone, and the scroll position stays; otherwise the first file is chosen, at the top."""
        model = self.model()
        assert isinstance(model, ResultsModel)
        current = self.currentIndex()
        chosen: Hit | None = current.data(HitRole) if current.isValid() else None
        scroll = self.verticalScrollBar().value()
        if hits != model.hits():
            model.set_hits(hits)
        if keep and chosen is not None:
            row = model.row_of(chosen.path)
            row = row if row >= 0 else model.hit_row_near(current.row())
        else:
            row = model.first_hit_row()
        if row >= 0 and row != self.currentIndex().row():
            self.setCurrentIndex(model.index(row))
        if keep:
            self.verticalScrollBar().setValue(scroll)
        else:
            self.scrollToTop()

    @property
    def grid(self) -> bool:
        return self.delegate.grid

    def set_grid(self, grid: bool) -> None:
        """One layout path for grid and list, browse and results: every property that
        differs is set each time (Qt keeps a flow set by hand across a later view-mode
        change, so a list's top-to-bottom flow would turn a grid into sideways columns)."""
        self.delegate.grid = grid
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight if grid else QListView.Flow.TopToBottom)
        self.setWrapping(grid)  # a grid wraps into rows in rank order; a list never does
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setGridSize(QSize())  # cells take the delegate's size (tiles fill the row)
        self.setSpacing(0)
        if grid:
            self._fit_tiles()
        self.doItemsLayout()

    def _fit_tiles(self) -> None:
        """Tiles as wide as fills the row exactly: no ragged gap at the right edge, and never
        a row wider than the view (no sideways scrolling)."""
        # Qt's layout wraps a little before the viewport's edge: keep that margin free
        width = max(GRID.width(), self.viewport().width() - 20)
        per_row = max(1, width // GRID.width())
        tile = QSize(width // per_row, GRID.height())
        if tile == self.delegate.tile:
            return
        self.delegate.tile = tile
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)  # the viewport has its new width only after this
        if self.grid:
            self._fit_tiles()
        if self.sections:
            self.scheduleDelayedItemsLayout()  # header rows follow the new width

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if self.grid:  # resized while hidden behind the browse view: fit the width it has now
            self._fit_tiles()
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        idx = self.currentIndex()
        if idx.isValid() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(idx.data(HitRole))
            return
        if idx.isValid() and event.key() == Qt.Key.Key_Space:
            self.preview_requested.emit(idx.data(HitRole))
            return
        if event.key() == Qt.Key.Key_Escape or (
            event.key() == Qt.Key.Key_Up and self._on_top_row(idx)
        ):
            self.leave_requested.emit()
            return
        super().keyPressEvent(event)

    def _on_top_row(self, idx: QModelIndex) -> bool:
        """No file above this one (in a grid, the first row; day headers do not count)."""
        if not idx.isValid():
            return True
        top = self.visualRect(idx).top()
        return not any(
            self.model().index(r, 0).data(HitRole) is not None
            and self.visualRect(self.model().index(r, 0)).top() < top
            for r in range(idx.row())
        )

    def step(self, key: Qt.Key) -> None:
        """Move the current file as that arrow key would (quick look steps with it)."""
        action = STEP_ACTIONS.get(key)
        if action is None:
            return
        idx = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if idx.isValid() and idx.data(HitRole) is not None:
            self.setCurrentIndex(idx)

    def enter(self) -> None:
        """Focus from the search field: the chosen file, else the first."""
        self.setFocus()
        if not self.currentIndex().isValid():
            model = self.model()
            first = next(
                (r for r in range(model.rowCount()) if model.index(r, 0).data(HitRole)), -1
            )
            if first >= 0:
                self.setCurrentIndex(model.index(first, 0))
