"""The results and browse views: tiles fill each row, never wider than the view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Source
from desktop_app.ui.results_model import BrowseModel, ResultsModel
from desktop_app.ui.results_view import GRID, ResultsView


@pytest.mark.parametrize("sections", [False, True])
def test_tiles_fill_the_row_at_every_width(qtbot: QtBot, sections: bool) -> None:
    model = BrowseModel() if sections else ResultsModel()
    hits = tuple(
        Hit(
            f"/p/{i}.jpg",
            Kind.PHOTO,
            1.0,
            MatchReason(Origin.IMAGE, Source.MEANING),
            strong=True,
            mtime=1e9,
        )
        for i in range(12)
    )
    model.set_hits(hits)
    view = ResultsView(sections=sections)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    for width in (900, 760, 640, 1100, 500):
        view.resize(width, 700)
        for _ in range(3):
            QApplication.processEvents()
        rows = [view.visualRect(model.index(r)) for r in range(model.rowCount()) if model.hit(r)]
        columns = len({r.x() for r in rows})
        assert not view.horizontalScrollBar().isVisible(), width
        assert max(r.right() for r in rows) < view.viewport().width(), width
        assert columns == max(1, (view.viewport().width() - 20) // GRID.width()), width


def test_a_view_resized_while_hidden_fits_when_shown(qtbot: QtBot) -> None:
    """The results view sits in a stack behind the browse view: the window's splitter may
    resize it while it is hidden (the preview pane widened for an image query)."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    model = ResultsModel()
    model.set_hits(
        tuple(
            Hit(
                f"/p/{i}.jpg",
                Kind.PHOTO,
                1.0,
                MatchReason(Origin.IMAGE, Source.MEANING),
                strong=True,
            )
            for i in range(9)
        )
    )
    view = ResultsView()
    view.setModel(model)
    stack = QStackedWidget()
    other = QWidget()
    stack.addWidget(other)
    stack.addWidget(view)
    qtbot.addWidget(stack)
    stack.resize(1100, 700)
    stack.show()
    stack.setCurrentWidget(view)
    QApplication.processEvents()
    stack.setCurrentWidget(other)
    stack.resize(700, 700)  # narrower while the view is hidden
    QApplication.processEvents()
    stack.setCurrentWidget(view)
    for _ in range(3):
        QApplication.processEvents()
    rows = [view.visualRect(model.index(r)) for r in range(model.rowCount())]
    assert not view.horizontalScrollBar().isVisible()
    assert max(r.right() for r in rows) < view.viewport().width()


def _photos(n: int) -> tuple[Hit, ...]:
    return tuple(
        Hit(f"/p/{i}.jpg", Kind.PHOTO, 1.0, MatchReason(Origin.IMAGE, Source.MEANING), strong=True)
        for i in range(n)
    )


def test_a_grid_after_a_list_flows_in_rank_order_without_sideways_scrolling(
    qtbot: QtBot,
) -> None:
    """Ctrl+1 after a document query's list: rank order runs along the rows, as in a grid
    shown first (the list's top-to-bottom flow must not survive the switch)."""
    model = ResultsModel()
    model.set_hits(_photos(14))
    view = ResultsView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    for grid in (False, True, False, True):
        view.set_grid(grid)
        for _ in range(3):
            QApplication.processEvents()
        rects = [view.visualRect(model.index(r)) for r in range(model.rowCount())]
        assert not view.horizontalScrollBar().isVisible(), grid
        assert max(r.right() for r in rects) < view.viewport().width(), grid
        if grid:  # hit 2 right of hit 1 on the same row; the next row starts at the left
            per_row = max(1, (view.viewport().width() - 20) // GRID.width())
            assert per_row > 2
            assert [r.y() for r in rects[:per_row]] == [rects[0].y()] * per_row
            assert rects[1].x() > rects[0].x()
            assert rects[per_row].x() == rects[0].x() and rects[per_row].y() > rects[0].y()
        else:
            assert len({r.x() for r in rects}) == 1
            assert [r.y() for r in rects] == sorted({r.y() for r in rects})
