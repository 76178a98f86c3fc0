"""The date filter: Any date, Today, This week, This month, This year, or a custom range
chosen in two calendars that open on recent dates; it always goes back to Any date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, cast

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate

ANY, TODAY, WEEK, MONTH, YEAR = "any", "today", "week", "month", "year"
PRESETS = (
    (ANY, QT_TRANSLATE_NOOP("DateFilter", "Any date")),
    (TODAY, QT_TRANSLATE_NOOP("DateFilter", "Today")),
    (WEEK, QT_TRANSLATE_NOOP("DateFilter", "This week")),
    (MONTH, QT_TRANSLATE_NOOP("DateFilter", "This month")),
    (YEAR, QT_TRANSLATE_NOOP("DateFilter", "This year")),
)
CUSTOM = "custom"  # "Custom range…": asks for the dates
RANGE = "range"  # the range chosen, shown as its dates
DEFAULT_SPAN_DAYS = 30  # a custom range first offered: the last month


def preset_start(kind: str, today: date, first_weekday: int = 1) -> date | None:
    """The first day a preset admits (``first_weekday``: 1 Monday … 7 Sunday)."""
    if kind == TODAY:
        return today
    if kind == WEEK:
        return today - timedelta(days=(today.isoweekday() - first_weekday) % 7)
    if kind == MONTH:
        return today.replace(day=1)
    if kind == YEAR:
        return today.replace(month=1, day=1)
    return None


def range_label(start: date, end: date) -> str:
    def day(d: date, year: bool = True) -> str:  # in the window's language ("2 Nov 2025")
        month = QLocale().monthName(d.month, QLocale.FormatType.ShortFormat)
        return f"{d.day} {month} {d.year}" if year else f"{d.day} {month}"

    if start == end:
        return day(start)
    return f"{day(start, start.year != end.year)} – {day(end)}"


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class RangeDialog(QDialog):
    """From and To, both days included; the calendars open on the dates shown."""

    def __init__(self, start: date, end: date, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("DateFilter", "Choose dates"))
        self.start = QDateEdit(_qdate(start))
        self.end = QDateEdit(_qdate(end))
        for edit, name in (
            (self.start, translate("DateFilter", "From date")),
            (self.end, translate("DateFilter", "To date")),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setMinimumDate(QDate(1900, 1, 1))
            edit.setMaximumDate(_qdate(today + timedelta(days=366)))
            edit.setAccessibleName(name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QFormLayout(self)
        lay.addRow(
            QLabel(
                translate(
                    "DateFilter", "Photos taken, or files modified, on these days (both included):"
                )
            )
        )
        lay.addRow(translate("DateFilter", "From"), self.start)
        lay.addRow(translate("DateFilter", "To"), self.end)
        lay.addRow(buttons)

    def chosen(self) -> tuple[date, date]:
        a, b = cast(date, self.start.date().toPython()), cast(date, self.end.date().toPython())
        return (a, b) if a <= b else (b, a)


class DateFilter(QComboBox):
    """``changed`` when the person picks a different span; ``tokens()`` is it as query syntax
    (after: the first day, before: the day after the last)."""

    changed = Signal()

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._range: tuple[date, date] | None = None
        self._chosen = 0  # the index to go back to when a custom range is cancelled
        for key, label in PRESETS:
            self.addItem(translate("DateFilter", label), key)
        self.addItem(translate("DateFilter", "Custom range…"), CUSTOM)
        self.setAccessibleName(translate("DateFilter", "Date filter"))
        # a chosen range shows whole ("2 Nov 2025 – 7 Nov 2026"), not cut at the right
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip(
            translate("DateFilter", "Only photos taken, or files modified, in this span")
        )
        self.activated.connect(self._on_activated)

    @property
    def span(self) -> tuple[date, date] | None:
        """The days admitted (first, last), None for any date."""
        key = self.currentData()
        if key == RANGE and self._range is not None:
            return self._range
        today = self._today()
        start = preset_start(str(key), today, QLocale().firstDayOfWeek().value)
        return (start, today) if start is not None else None

    def tokens(self) -> str:
        span = self.span
        if span is None:
            return ""
        after = f"after:{span[0].isoformat()}"
        if self.currentData() != RANGE:
            return after  # up to now, and whatever comes in later today
        return f"{after} before:{(span[1] + timedelta(days=1)).isoformat()}"

    def reset(self) -> None:
        """Back to Any date (no signal: the caller says what changed)."""
        self.setCurrentIndex(0)
        self._chosen = 0

    def _on_activated(self, index: int) -> None:
        if self.itemData(index) == CUSTOM:
            self._ask_range()
            return
        if index != self._chosen:
            self._chosen = index
            self.changed.emit()

    def _ask_range(self) -> None:
        today = self._today()
        start, end = self._range or (today - timedelta(days=DEFAULT_SPAN_DAYS), today)
        dlg = RangeDialog(start, end, today, self)
        if not dlg.exec():
            self.setCurrentIndex(self._chosen)  # cancelled: what was chosen before
            return
        self.set_range(*dlg.chosen())

    def set_range(self, start: date, end: date) -> None:
        """Only these days (both included), shown as their dates."""
        self._range = (start, end) if start <= end else (end, start)
        at = self.findData(RANGE)
        if at < 0:
            at = self.findData(CUSTOM)
            self.insertItem(at, "", RANGE)
        self.setItemText(at, range_label(*self._range))
        self.setCurrentIndex(at)
        self._chosen = at
        self.changed.emit()
