"""The results grid/list: a QListView with a delegate that paints thumbnail, name and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QIcon, QImage, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from desktop_app.core.types import Hit, Kind
from desktop_app.ui.results_model import DateRole, FolderRole, HitRole, ThumbRole, WhyRole

GRID = QSize(200, 236)
LIST_ROW = 72
WEAK_OPACITY = 0.55


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, doc_icon: QIcon, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = True
        self.doc_icon = doc_icon

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return GRID if self.grid else QSize(option.rect.width() or 600, LIST_ROW)

    def paint(
        self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        hit: Hit = index.data(HitRole)
        if hit is None:
            return
        p.save()
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
            thumb_rect = QRect(r.x() + 6, r.y() + 4, LIST_ROW - 16, LIST_ROW - 16)
            text_rect = QRect(
                thumb_rect.right() + 12, r.y() + 4, r.width() - LIST_ROW - 12, LIST_ROW - 12
            )
        img: QImage | None = index.data(ThumbRole)
        if img is not None and not img.isNull():
            scaled = img.scaled(
                thumb_rect.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = thumb_rect.x() + (thumb_rect.width() - scaled.width()) // 2
            y = thumb_rect.y() + (thumb_rect.height() - scaled.height()) // 2
            p.drawImage(x, y, scaled)
        else:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            p.drawRoundedRect(thumb_rect, 6, 6)
            icon_size = min(thumb_rect.width(), thumb_rect.height(), 64)
            icon_rect = QRect(0, 0, icon_size, icon_size)
            icon_rect.moveCenter(thumb_rect.center())
            if hit.kind == Kind.DOCUMENT:
                self.doc_icon.paint(p, icon_rect)
        if hit.stack:
            self._stack_badge(p, thumb_rect, len(hit.stack), option.font)
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
        p.drawText(
            QRect(text_rect.x(), text_rect.y(), text_rect.width(), line_h),
            Qt.AlignmentFlag.AlignLeft,
            name,
        )
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        p.setFont(small)
        fm = p.fontMetrics()
        p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
        meta = " · ".join(x for x in (index.data(FolderRole), index.data(DateRole)) if x)
        p.drawText(
            QRect(text_rect.x(), text_rect.y() + line_h, text_rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(meta, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        why = str(index.data(WhyRole) or "")
        p.setPen(pal.color(QPalette.ColorRole.Link))
        why_rect = QRect(
            text_rect.x(), text_rect.y() + line_h + fm.height(), text_rect.width(), fm.height() * 2
        )
        p.drawText(
            why_rect,
            int(Qt.TextFlag.TextWordWrap),
            fm.elidedText(why, Qt.TextElideMode.ElideRight, text_rect.width() * 2 - 20),
        )
        p.restore()

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
        badge = QRect(thumb.right() - w - 4, thumb.y() + 4, w, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 170))
        p.drawRoundedRect(badge, h / 2, h / 2)
        p.setPen(QColor("white"))
        p.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            QToolTip.showText(event.globalPos(), tooltip_text(index), view)
            return True
        return super().helpEvent(event, view, option, index)


def tooltip_text(index: QModelIndex | QPersistentModelIndex) -> str:
    """The hit's tooltip, listing the near-duplicates stacked under it."""
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    hit: Hit | None = index.data(HitRole)
    if hit is not None and hit.stack:
        n = len(hit.stack)
        tip += f"\n\n{n} near-duplicate{'s' if n > 1 else ''} stacked here:\n"
        tip += "\n".join(f"  {path}" for path in hit.stack)
    return tip


class ResultsView(QListView):
    """Arrows move, Enter opens, Space previews; items drag out as files."""

    open_requested = Signal(object)  # Hit
    preview_requested = Signal(object)

    def __init__(self, doc_icon: QIcon, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.delegate = ResultDelegate(doc_icon, self)
        self.setItemDelegate(self.delegate)
        # Without uniform sizes Qt asks every row's decoration at start (1 s at 10k rows).
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setMouseTracking(True)
        self.setAccessibleName("Search results")
        self.set_grid(True)
        self.doubleClicked.connect(lambda idx: self.open_requested.emit(idx.data(HitRole)))

    def set_grid(self, grid: bool) -> None:
        self.delegate.grid = grid
        if grid:
            self.setViewMode(QListView.ViewMode.IconMode)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setGridSize(GRID)
            self.setMovement(QListView.Movement.Static)
            self.setWrapping(True)
        else:
            self.setViewMode(QListView.ViewMode.ListMode)
            self.setGridSize(QSize())
            self.setWrapping(False)
        self.setSpacing(0)
        self.doItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        idx = self.currentIndex()
        if idx.isValid() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(idx.data(HitRole))
            return
        if idx.isValid() and event.key() == Qt.Key.Key_Space:
            self.preview_requested.emit(idx.data(HitRole))
            return
        super().keyPressEvent(event)
