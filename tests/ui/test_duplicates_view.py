"""The Duplicates view (offscreen): reached with Ctrl+D, filled from a worker thread, tiles
open on double-click, an empty state; and the +N stack badge's tooltip in results."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.engine import EngineConfig, TroveEngine
from desktop_app.core.types import (
    DuplicateFile,
    DuplicateGroup,
    DuplicateReport,
    Hit,
    Kind,
    MatchReason,
    Origin,
    Source,
)
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.duplicates_view import DuplicatesPanel
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.results_model import ResultsModel
from desktop_app.ui.results_view import tooltip_text
from desktop_app.workers.engine_host import EngineHost
from tests.conftest import install_pack
from tests.fixtures import make_photo

SHOTS = os.environ.get("TROVE_TEST_SHOTS")  # a folder: save what the view looks like


def _shot(widget: Any, name: str, tmp_path: Path) -> None:
    out = Path(SHOTS) if SHOTS else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(out / name))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, trove_home: Path, tiny_clip_pack: Path, monkeypatch):  # type: ignore[no-untyped-def]
    install_pack(tiny_clip_pack, trove_home)
    lib = tmp_path / "lib"
    original = make_photo(
        lib / "harbour.jpg", seed=21, size=(1600, 1200), taken="2023:08:02 19:12:00"
    )
    with Image.open(original) as im:
        im.resize((800, 600)).save(lib / "harbour-small.jpg", quality=85)
        im.save(lib / "harbour-whatsapp.jpg", quality=35)
    make_photo(lib / "market.jpg", seed=22)
    threads: list[str] = []
    real = TroveEngine.duplicates

    def recording(self: TroveEngine, *a: Any, **kw: Any) -> DuplicateReport:
        threads.append(threading.current_thread().name)
        return real(self, *a, **kw)

    monkeypatch.setattr(TroveEngine, "duplicates", recording)
    opened: list[str] = []
    monkeypatch.setattr(DuplicatesPanel, "_open", staticmethod(opened.append))
    paths = Paths.from_env()
    paths.ensure()
    host = EngineHost(EngineConfig(paths.index_dir, (paths.packs_dir,), roots=(str(lib),)))
    win = MainWindow(paths, Settings(roots=[str(lib)], welcome_done=True), host)
    qtbot.addWidget(win)
    win.show()
    host.start()
    qtbot.waitUntil(
        lambda: any(s in win.status.label.text() for s in ("Watching for changes", "Up to date")),
        timeout=60000,
    )
    yield win, lib, threads, opened
    host.shutdown()


def test_ctrl_d_lists_the_groups(qtbot: QtBot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win, lib, threads, opened = window
    panel = win.duplicates
    with qtbot.waitSignal(panel.report_shown, timeout=20000):
        qtbot.keyClick(win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert win.stack.currentWidget() is panel
    assert threads == ["trove-duplicates"]  # computed off the GUI thread
    assert panel.model.rowCount() == 1
    group = panel.model.group(0)
    assert group is not None
    assert [os.path.basename(f.path) for f in group.files] == [
        "harbour.jpg",
        "harbour-whatsapp.jpg",
        "harbour-small.jpg",
    ]
    assert "1 group among 4 photos" in panel.summary.text()
    qtbot.waitUntil(lambda: all(p in panel.model._thumbs for p in (f.path for f in group.files)))
    _shot(win, "duplicates.png", tmp_path)

    # double-click the second tile: that copy opens
    lst = panel.list
    rect = lst.visualRect(panel.model.index(0)).adjusted(4, 4, -4, -4)
    tile, _ = lst.delegate.tiles(rect, group)[1]
    qtbot.mouseDClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=tile.center())
    assert opened == [str(lib / "harbour-whatsapp.jpg")]

    qtbot.keyClick(lst, Qt.Key.Key_Escape)  # back to searching
    assert win.stack.currentWidget() is not panel and win.search.field.hasFocus()


def test_empty_and_failed_states(qtbot: QtBot, tmp_path: Path) -> None:
    panel = DuplicatesPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    panel.show_loading()
    assert "Looking for near-duplicate photos" in panel.message.text()
    with qtbot.waitSignal(panel.report_shown):
        panel.show_report(DuplicateReport((), photos=120, unhashed=30))
    assert panel.pages.currentWidget() is panel.message
    assert panel.message.text().startswith("No near-duplicates found among 120 photos.")
    assert "30 photos are still being checked" in panel.message.text()
    _shot(panel, "duplicates-empty.png", tmp_path)
    panel.show_report("the index is not open")
    assert panel.message.text() == "the index is not open" and panel.model.rowCount() == 0


def test_many_copies_end_in_a_more_tile(qtbot: QtBot, tmp_path: Path) -> None:
    files = tuple(
        DuplicateFile(f"/p/burst-{i:02d}.jpg", f"f{i}", 2_000_000 - i, 4000, 3000, 1.7e9)
        for i in range(12)
    )
    panel = DuplicatesPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 400)
    panel.show()
    panel.show_report(DuplicateReport((DuplicateGroup(files),), photos=12, by_vectors=True))
    lst = panel.list
    rect = lst.visualRect(panel.model.index(0))
    tiles = lst.delegate.tiles(rect, panel.model.group(0))  # type: ignore[arg-type]
    assert 1 < len(tiles) < 12 and tiles[-1][1] is None  # the rest: "+N more"
    assert "22.0 MB to free" in panel.model.data(panel.model.index(0))
    _shot(panel, "duplicates-burst.png", tmp_path)


def test_stacked_hit_tooltip_lists_the_copies(qtbot: QtBot) -> None:
    m = ResultsModel()
    m.set_hits(
        (
            Hit(
                "/p/a.jpg",
                Kind.PHOTO,
                0.9,
                MatchReason(Origin.IMAGE, Source.MEANING),
                stack=("/p/b.jpg", "/q/c.jpg"),
            ),
            Hit("/p/d.jpg", Kind.PHOTO, 0.8, MatchReason(Origin.IMAGE, Source.MEANING)),
        )
    )
    tip = tooltip_text(m.index(0))
    assert tip.startswith("/p/a.jpg") and "2 near-duplicates stacked here" in tip
    assert tip.endswith("  /p/b.jpg\n  /q/c.jpg")
    assert "stacked" not in tooltip_text(m.index(1))


def test_a_group_spans_its_earliest_to_its_latest_day(qapp: Any) -> None:
    from datetime import UTC, datetime

    from desktop_app.core.types import DuplicateFile, DuplicateGroup
    from desktop_app.ui.duplicates_view import group_dates

    def at(y: int, m: int, d: int) -> float:
        return datetime(y, m, d, 12, tzinfo=UTC).timestamp()

    files = (
        DuplicateFile("/p/a.jpg", "a", 1, taken_at=at(2026, 12, 6)),
        DuplicateFile("/p/b.jpg", "b", 1, taken_at=at(2024, 4, 13)),
        DuplicateFile("/p/c.jpg", "c", 1, taken_at=at(2024, 10, 1)),
    )
    # "06 Dec 2026" sorts before "13 Apr 2024" as text; the span runs by time
    assert group_dates(DuplicateGroup(files)) == "13 Apr 2024 – 06 Dec 2026"
    assert group_dates(DuplicateGroup(files[:1])) == "06 Dec 2026"
