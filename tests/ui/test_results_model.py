"""ResultsModel without widgets: rows, roles, one-cell thumbnail updates, drag data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Source
from desktop_app.ui.results_model import (
    DateRole,
    FolderRole,
    HitRole,
    ResultsModel,
    ThumbRole,
    WhyRole,
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
    assert m.data(i1, ThumbRole) is None and asked == [
        "/p/Holidays/beach.jpg"
    ]  # documents: no thumbnail
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
