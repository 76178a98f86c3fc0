"""The first five minutes, as a person spends them: add a folder, browse, search, arrow into
the results, look at one large, filter by a date range and back to Any, switch grid and list,
watch an open list follow files deleted and added, open Settings by its shortcut, and ask for
more like a photo without an image model. The real engine and a small real library: the
Debian documentation on this machine (a PDF specification, HTML manuals) and two real
photographs (shipped with scikit-learn, which the export tooling installs), one with a
resized copy."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.engine import EngineConfig
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.workers.engine_host import EngineHost
from tests.conftest import install_pack

DOCS = {
    "shared-mime-info-spec.pdf": "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
    "users-and-groups.html": "/usr/share/doc/base-passwd/users-and-groups.html",
    "bc.html": "/usr/share/doc/bc/bc.html",
}
INDEXED = 6  # three documents, three photos


def _library(lib: Path) -> Path:
    import sklearn

    photos = Path(sklearn.__file__).parent / "datasets" / "images"
    (lib / "docs").mkdir(parents=True)
    (lib / "photos").mkdir()
    for name, src in DOCS.items():
        shutil.copy(src, lib / "docs" / name)
    for name in ("china.jpg", "flower.jpg"):
        shutil.copy(photos / name, lib / "photos" / name)
    with Image.open(photos / "china.jpg") as im:  # a copy sent by phone: smaller, recompressed
        im.resize((im.width // 2, im.height // 2)).save(
            lib / "photos" / "china-small.jpg", quality=70
        )
    return lib


def _names(hits: tuple[object, ...]) -> list[str]:
    return [Path(h.path).name for h in hits]  # type: ignore[attr-defined]


def test_the_first_five_minutes(
    qtbot: QtBot,
    tmp_path: Path,
    trove_home: Path,
    minilm_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog

    from desktop_app.ui.date_filter import RangeDialog
    from desktop_app.ui.settings_dialog import SettingsDialog

    install_pack(minilm_pack, trove_home)
    lib = _library(tmp_path / "library")
    paths = Paths.from_env()
    paths.ensure()
    settings = Settings()
    host = EngineHost(EngineConfig(paths.index_dir, (paths.packs_dir,)))
    win = MainWindow(paths, settings, host)
    qtbot.addWidget(win)
    win.resize(1180, 760)
    win.show()
    host.start()
    try:
        # --- add a folder: the dialog opens in the home folder, not the working directory
        asked_in: list[str] = []

        def choose(_parent: object, _title: str, start: str = "", *_a: object) -> str:
            asked_in.append(start)
            return str(lib)

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose))
        qtbot.waitUntil(lambda: host.ready, timeout=30000)
        win.add_folder_dialog()
        assert asked_in == [str(Path.home())]
        assert win.stack.currentIndex() == 1

        # --- browse: every file appears, newest first, while and after it is read
        qtbot.waitUntil(lambda: len(win.browse.model.hits()) == INDEXED, timeout=120000)
        qtbot.waitUntil(
            lambda: (
                "Up to date" in win.status.label.text() or "Watching" in win.status.label.text()
            ),
            timeout=120000,
        )

        # --- search, then the keyboard: into the results, a large look, arrows, back
        _activate(qtbot, win)
        win.focus_search()
        with qtbot.waitSignal(win.results_shown, timeout=30000):
            qtbot.keyClicks(win.search.field, "MIME type of a file from its glob pattern")
        assert _names(win.model.hits())[0] == "shared-mime-info-spec.pdf"
        assert not win.view.grid  # documents read as a list
        qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
        assert win.view.hasFocus() and win.view.currentIndex().row() == 0
        qtbot.keyClick(win.view, Qt.Key.Key_Space)
        look = win.quick_look
        assert look.isVisible() and look.hit == win.model.hits()[0]
        qtbot.keyClick(look, Qt.Key.Key_Down)  # a list: ↓ is the next file
        assert look.hit == win.model.hits()[1] and win.preview.hit == win.model.hits()[1]
        qtbot.keyClick(look, Qt.Key.Key_Escape)
        assert not look.isVisible()
        qtbot.waitUntil(win.view.hasFocus, timeout=2000)
        qtbot.keyClick(win.view, Qt.Key.Key_Escape)
        assert win.search.field.hasFocus()

        # --- grid after the list: rank order along the rows, nothing sideways
        qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        first, second = (win.view.visualRect(win.model.index(r)) for r in (0, 1))
        assert second.y() == first.y() and second.x() > first.x()
        assert not win.view.horizontalScrollBar().isVisible()
        qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # automatic

        # --- an open list follows the folder: a file deleted leaves, a new one appears
        # (the list of the query before may be shown again first: the index is still
        # changing, and its refresh can answer while the new words wait for typing to pause)
        win.search.field.setText("arbitrary precision calculator language")
        qtbot.waitUntil(lambda: _names(win.model.hits())[:1] == ["bc.html"], timeout=30000)
        (lib / "docs" / "bc.html").unlink()
        qtbot.waitUntil(lambda: "bc.html" not in _names(win.model.hits()), timeout=30000)
        shutil.copy(DOCS["bc.html"], lib / "docs" / "calculator.html")
        qtbot.waitUntil(lambda: "calculator.html" in _names(win.model.hits()), timeout=60000)
        assert win.search.field.text() == "arbitrary precision calculator language"

        # --- a date range, then back to Any
        win.search.clear()
        qtbot.waitUntil(lambda: win.results_stack.currentWidget() is win.browse, timeout=5000)
        dates = win.search.dates
        long_ago = (date(2001, 1, 1), date(2001, 12, 31))
        monkeypatch.setattr(
            RangeDialog,
            "exec",
            lambda self: self.start.setDate(long_ago[0]) or self.end.setDate(long_ago[1]) or 1,
        )
        with qtbot.waitSignal(win.browse_shown, timeout=30000):
            at = dates.findData("custom")
            dates.setCurrentIndex(at)
            dates.activated.emit(at)
        assert win.browse.empty.title.text() == "Nothing matches these filters"
        with qtbot.waitSignal(win.browse_shown, timeout=30000):
            dates.setCurrentIndex(0)
            dates.activated.emit(0)
        assert dates.currentText() == "Any date" and len(win.browse.model.hits()) == INDEXED

        # --- Settings by its shortcut
        opened: list[object] = []
        monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
        _activate(qtbot, win)
        qtbot.keyClick(win, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        assert len(opened) == 1

        # --- more like this photo, without an image model: its copy, and it says why
        with qtbot.waitSignal(win.results_shown, timeout=30000):
            win.search.field.setText("calculator")  # words in the field as well
        with qtbot.waitSignal(win.results_shown, timeout=30000):
            win.search_image(str(lib / "photos" / "china.jpg"))
        assert set(_names(win.model.hits())) == {"china.jpg", "china-small.jpg"}
        assert "No image model is installed" in win.message.text()
        assert win.model.hits()[1].why == "a copy of your image"
    finally:
        host.shutdown()


def _activate(qtbot: QtBot, win: MainWindow) -> None:
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
