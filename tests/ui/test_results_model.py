"""ResultsModel without widgets: rows, roles, one-cell thumbnail updates, drag data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop_app.core.search.browse import NO_MATCH
from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Source
from desktop_app.ui.results_model import (
    BrowseModel,
    DateRole,
    FolderRole,
    HeaderRole,
    HitRole,
    ResultsModel,
    ThumbRole,
    WhyRole,
    layout_for,
)


def _hits() -> tuple[Hit, ...]:
    return (
        Hit(
            "/p/Holidays/beach.jpg",
            Kind.PHOTO,
            0.9,
            MatchReason(Origin.IMAGE, Source.MEANING),
            mtime=1_700_000_000.0,
        ),
        Hit(
            "/d/Taxes/return.pdf",
            Kind.DOCUMENT,
            0.7,
            MatchReason(Origin.TEXT, Source.MEANING, page=2),
            snippet="Your income tax return is due in April.",
            page=2,
            taken_at=None,
            mtime=1_600_000_000.0,
        ),
    )


def test_rows_and_roles(qtbot: QtBot) -> None:
    m = ResultsModel()
    asked: list[str] = []
    m.thumbnail_wanted = asked.append
    m.set_hits(_hits())
    assert m.rowCount() == 2
    i0, i1 = m.index(0), m.index(1)
    assert m.data(i0, Qt.ItemDataRole.DisplayRole) == "beach.jpg"
    assert m.data(i0, FolderRole) == "Holidays"
    assert m.data(i1, WhyRole).startswith("passage on page 2: “Your income tax")
    assert m.data(i1, DateRole) == "13 Sep 2020"
    assert m.data(i0, HitRole).score == 0.9
    assert m.data(i0, ThumbRole) is None and asked == ["/p/Holidays/beach.jpg"]  # lazily requested
    # a PDF has a thumbnail too (its first page); asked for the same way
    assert m.data(i1, ThumbRole) is None and asked == [
        "/p/Holidays/beach.jpg",
        "/d/Taxes/return.pdf",
    ]
    assert "beach.jpg, photo" in m.data(i0, Qt.ItemDataRole.AccessibleTextRole)


def test_thumbnail_updates_one_cell(qtbot: QtBot) -> None:
    m = ResultsModel()
    m.set_hits(_hits())
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    with qtbot.waitSignal(m.dataChanged) as blocker:
        m.set_thumbnail("/p/Holidays/beach.jpg", img)
    top, bottom, roles = blocker.args
    assert top.row() == bottom.row() == 0 and roles == [ThumbRole]
    assert m.data(m.index(0), ThumbRole) is img
    m.set_thumbnail("/not/in/results.jpg", img)  # ignored, no crash


def test_reset_and_drag_mime(qtbot: QtBot) -> None:
    m = ResultsModel()
    m.set_hits(_hits())
    md = m.mimeData([m.index(0), m.index(1)])
    assert [u.toLocalFile() for u in md.urls()] == ["/p/Holidays/beach.jpg", "/d/Taxes/return.pdf"]
    with qtbot.waitSignal(m.modelReset):
        m.set_hits(())
    assert m.rowCount() == 0 and m.hit(0) is None


def test_a_document_found_by_its_name_does_not_quote_its_opening_as_the_match(
    qtbot: QtBot,
) -> None:
    m = ResultsModel()
    by_name = Hit(
        "/d/receipt.txt",
        Kind.DOCUMENT,
        0.5,
        MatchReason(Origin.NAME, Source.WORDS, terms=("receipt",)),
        snippet="Hardware store",
    )
    m.set_hits((by_name,))
    assert m.data(m.index(0), WhyRole) == "name matches: receipt · “Hardware store”"


def test_a_file_with_nothing_to_draw_asks_for_no_thumbnail(qtbot: QtBot) -> None:
    m = ResultsModel()
    asked: list[str] = []
    m.thumbnail_wanted = asked.append
    m.set_hits((Hit("/d/archive.xyz", Kind.DOCUMENT, 0.5, MatchReason(Origin.NAME, Source.WORDS)),))
    assert m.data(m.index(0), ThumbRole) is None and asked == []


def test_browse_rows_are_grouped_by_day(qtbot: QtBot) -> None:
    import calendar
    import datetime as dt

    def noon(y: int, mo: int, d: int) -> float:
        return float(calendar.timegm((y, mo, d, 12, 0, 0)))

    today = dt.date(2024, 3, 10)
    m = BrowseModel(today=lambda: today)
    hits = (
        Hit("/a/new.md", Kind.DOCUMENT, 0, NO_MATCH, mtime=noon(2024, 3, 10)),
        Hit("/a/also.jpg", Kind.PHOTO, 0, NO_MATCH, taken_at=noon(2024, 3, 10)),
        Hit("/a/old.pdf", Kind.DOCUMENT, 0, NO_MATCH, mtime=noon(2024, 3, 9)),
        Hit("/a/older.png", Kind.PHOTO, 0, NO_MATCH, taken_at=noon(2019, 6, 1)),
    )
    m.set_hits(hits)
    rows = [
        m.data(m.index(i), HeaderRole) or m.data(m.index(i), Qt.ItemDataRole.DisplayRole)
        for i in range(m.rowCount())
    ]
    assert rows == [
        ("Today", 2),
        "new.md",
        "also.jpg",
        ("Yesterday", 1),
        "old.pdf",
        ("1 June 2019", 1),
        "older.png",
    ]
    assert m.hit(0) is None and m.hit(1) == hits[0] and m.first_hit_row() == 1
    assert m.flags(m.index(0)) == Qt.ItemFlag.NoItemFlags  # a header is not a file
    assert m.flags(m.index(1)) & Qt.ItemFlag.ItemIsSelectable
    assert m.data(m.index(0), HitRole) is None
    assert m.data(m.index(0), Qt.ItemDataRole.AccessibleTextRole) == "Today, 2 files"
    assert m.hits() == hits


def test_layout_follows_what_is_shown() -> None:
    photo = Hit("/a/p.jpg", Kind.PHOTO, 1, NO_MATCH)
    doc = Hit("/a/d.pdf", Kind.DOCUMENT, 1, NO_MATCH)
    assert layout_for((photo, photo, doc)) == "grid"
    assert layout_for((photo, doc, doc)) == "list"
    assert layout_for(()) == "grid"
