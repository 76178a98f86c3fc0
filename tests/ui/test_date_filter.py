"""The date filter: presets, a custom range whose calendars open on recent dates, and the
way back to Any date; in the window, the browse view follows it."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.ui.date_filter import DateFilter, RangeDialog, preset_start
from tests.ui.test_window import _names, _window

THURSDAY = date(2025, 6, 12)


def _pick(box: DateFilter, label: str) -> None:
    index = box.findText(label)
    assert index >= 0, label
    box.setCurrentIndex(index)
    box.activated.emit(index)


def _answer(monkeypatch: pytest.MonkeyPatch, answer: tuple[date, date] | None) -> list[date]:
    """The range dialog answers ``answer`` (None: cancelled); returns the dates it opened on."""
    shown: list[date] = []

    def exec_(self: RangeDialog) -> int:
        shown.extend([self.start.date().toPython(), self.end.date().toPython()])  # type: ignore[list-item]
        if answer is None:
            return 0
        self.start.setDate(answer[0])
        self.end.setDate(answer[1])
        return 1

    monkeypatch.setattr(RangeDialog, "exec", exec_)
    return shown


def test_presets_start_where_a_person_expects() -> None:
    assert preset_start("today", THURSDAY) == THURSDAY
    assert preset_start("week", THURSDAY) == date(2025, 6, 9)  # Monday
    assert preset_start("week", THURSDAY, first_weekday=7) == date(2025, 6, 8)  # Sunday
    assert preset_start("month", THURSDAY) == date(2025, 6, 1)
    assert preset_start("year", THURSDAY) == date(2025, 1, 1)
    assert preset_start("any", THURSDAY) is None


def test_a_custom_range_opens_on_recent_dates_and_goes_back_to_any(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = DateFilter(today=lambda: THURSDAY)
    qtbot.addWidget(box)
    changes: list[str] = []
    box.changed.connect(lambda: changes.append(box.tokens()))
    assert box.currentText() == "Any date" and box.tokens() == ""
    _pick(box, "This month")
    assert changes == ["after:2025-06-01"]
    shown = _answer(monkeypatch, (date(2025, 5, 1), date(2025, 5, 15)))
    _pick(box, "Custom range…")
    assert shown == [date(2025, 5, 13), THURSDAY]  # the last month, never September 1752
    assert box.currentText() == "1 May – 15 May 2025"
    assert changes[-1] == "after:2025-05-01 before:2025-05-16"  # both days included
    shown = _answer(monkeypatch, None)  # asked again, then cancelled: the range stays
    _pick(box, "Custom range…")
    assert shown == [date(2025, 5, 1), date(2025, 5, 15)]
    assert box.currentText() == "1 May – 15 May 2025" and len(changes) == 2
    _pick(box, "Any date")  # always back to Any
    assert box.tokens() == "" and changes[-1] == "" and box.currentText() == "Any date"
    _answer(monkeypatch, (date(2025, 6, 20), date(2025, 6, 2)))  # the wrong way round
    _pick(box, "Custom range…")
    assert box.tokens() == "after:2025-06-02 before:2025-06-21"


def test_the_browse_view_follows_the_date_filter_and_comes_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    win, _ = _window(qtbot, tmp_path)
    everything = _names(win.browse.model)
    assert len(everything) == 5
    today = date.today()
    _answer(
        monkeypatch,
        (date.fromordinal(today.toordinal() - 3), date.fromordinal(today.toordinal() - 1)),
    )
    _pick(win.search.dates, "Custom range…")  # a day, two and three days ago
    assert _names(win.browse.model) == ["taxes.pdf", "beach.jpg", "raw.dng"]
    _pick(win.search.dates, "Today")
    assert _names(win.browse.model) == ["notes.md", "cat.png"]
    _pick(win.search.dates, "Any date")
    assert _names(win.browse.model) == everything


def test_the_folder_filter_applies_as_it_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    win, engine = _window(qtbot, tmp_path)
    asked = len(engine.called("recent"))
    qtbot.keyClicks(win.search.folder, "Pictures")
    assert _names(win.browse.model) != ["cat.png", "beach.jpg", "raw.dng"]  # not per letter
    qtbot.waitUntil(lambda: _names(win.browse.model) == ["cat.png", "beach.jpg", "raw.dng"])
    assert len(engine.called("recent")) == asked + 1  # once, when typing rested
    qtbot.keyClick(win.search.folder, "\r")  # Enter after it asks nothing again
    assert len(engine.called("recent")) == asked + 1
