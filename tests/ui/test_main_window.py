"""The window driven end to end on a fixture folder with the real engine and packs (offscreen);
the rest of the window is tested on a fake engine (test_window.py, test_controllers.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from desktop_app.core.engine import EngineConfig
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.workers.engine_host import EngineHost
from tests.conftest import install_pack
from tests.fixtures import make_pdf, make_photo
from tests.ui.windows import real_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, trove_home: Path, minilm_pack: Path, tiny_clip_pack: Path):  # type: ignore[no-untyped-def]
    install_pack(minilm_pack, trove_home)
    install_pack(tiny_clip_pack, trove_home)
    lib = tmp_path / "lib"
    make_pdf(
        lib / "taxes.pdf",
        ["Household budget overview.", "The income tax return is due before the end of April."],
    )
    (lib / "bread.md").write_text(
        "Sourdough: mix the starter with flour and water, let it rise overnight.\n"
    )
    make_photo(lib / "photos" / "lake.jpg", seed=4)
    make_photo(lib / "photos" / "dunes.png", seed=9)
    (lib / "photos" / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 broken")
    win, _settings, host = real_window(qtbot, (lib,))
    qtbot.waitUntil(
        lambda: (
            "Watching for changes" in win.status.label.text()
            or "Up to date" in win.status.label.text()
        ),
        timeout=60000,
    )
    yield win, lib
    host.shutdown()


def _search(qtbot: QtBot, win: MainWindow, text: str) -> None:
    with qtbot.waitSignal(win.results_shown, timeout=20000):
        win.search.field.setText(text)


def test_type_a_query_and_see_the_right_tile_first(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    win, lib = window
    threads: list[bool] = []
    # the window's slot emits results_shown: record the thread it ran on
    win.results_shown.connect(
        lambda _r: threads.append(threading.current_thread() is threading.main_thread())
    )
    _search(qtbot, win, "when must I file my taxes")
    hit = win.model.hit(0)
    assert hit is not None and hit.path == str(lib / "taxes.pdf") and hit.page == 2
    assert win.preview.title.text() == "taxes.pdf"  # the first result is previewed
    assert "tax" in win.preview.text.toHtml()
    assert threads and all(threads)  # results are handled on the GUI thread


def test_drop_an_image(qtbot: QtBot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win, lib = window
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(lib / "photos" / "dunes.png"))])
    ev = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        md,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(win.results_shown, timeout=20000):
        win.dropEvent(ev)
    assert win.image_chip.isVisible()
    assert win.model.hit(0).path == str(lib / "photos" / "dunes.png")  # type: ignore[union-attr]


def test_pause_resume_and_problems(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    win, _lib = window
    win.status.pause_btn.click()
    assert win.host.paused and win.status.pause_btn.text() == "Resume"
    win.status.pause_btn.click()
    assert not win.host.paused and win.status.pause_btn.text() == "Pause"
    win.show_details()
    qtbot.waitUntil(lambda: win.details.table.rowCount() == 1, timeout=10000)
    assert win.details.table.item(0, 0).text().endswith("broken.jpg")
    assert "damaged" in win.details.table.item(0, 1).text()


def test_new_file_appears_while_watching(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    win, lib = window
    (lib / "violin.txt").write_text("Practising the violin every evening.\n")

    for _ in range(30):  # search again once a second, as a person retyping would
        with qtbot.waitSignal(win.results_shown, timeout=20000):
            win.search.field.setText(
                "violin practice"
                if win.search.field.text() != "violin practice"
                else "violin practice "
            )
        if any(h.path.endswith("violin.txt") for h in win.model.hits()):
            break
        qtbot.wait(1000)
    assert any(h.path.endswith("violin.txt") for h in win.model.hits())


def test_before_typing_the_indexed_files_show(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    win, lib = window
    win.searching.run()
    qtbot.waitUntil(lambda: len(win.browse.model.hits()) == 4, timeout=20000)
    names = {h.path for h in win.browse.model.hits()}
    assert names == {
        str(lib / "taxes.pdf"),
        str(lib / "bread.md"),
        str(lib / "photos" / "lake.jpg"),
        str(lib / "photos" / "dunes.png"),
    }  # the damaged photo is a problem, not a file to browse
    with qtbot.waitSignal(win.browse_shown, timeout=20000):
        win.search.kind.setCurrentIndex(2)  # Documents, without a word typed
    assert {h.path for h in win.browse.model.hits()} == {
        str(lib / "taxes.pdf"),
        str(lib / "bread.md"),
    }
    assert not win.browse.view.grid  # documents read as a list


def test_a_pack_inaccurate_on_this_processor_is_said_in_the_window(
    qtbot: QtBot, tmp_path: Path, trove_home: Path, tiny_clip_pack: Path
) -> None:
    from tests.conftest import damaged_copy

    damaged_copy(tiny_clip_pack, trove_home / "data" / "packs" / "tiny-clip", keep_fp32=False)
    lib = tmp_path / "lib"
    make_photo(lib / "lake.jpg", seed=4)
    paths = Paths.from_env()
    paths.ensure()
    host = EngineHost(EngineConfig(paths.index_dir, (paths.packs_dir,), roots=(str(lib),)))
    win = MainWindow(paths, Settings(roots=[str(lib)], welcome_done=True), host)
    qtbot.addWidget(win)
    win.show()
    host.start()
    try:
        qtbot.waitUntil(lambda: win.status.notes_btn.isVisible(), timeout=60000)
        assert win.status.notes_btn.text() == "⚠ 1 note"
        assert "inaccurate on this processor" in win.status.notes_btn.toolTip()
        win.show_details()
        assert "tiny-clip" in win.details.notes.text() and win.details.notes.isVisible()
    finally:
        host.shutdown()
