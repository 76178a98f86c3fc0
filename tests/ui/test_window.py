"""The window on a fake engine (synchronous host): browse before typing, empty states, filters
without words, the layout, drops and pastes of every format Trove indexes, accessibility."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from desktop_app.core.scan.kinds import IMAGE_EXTS
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.results_model import HeaderRole, HitRole
from tests.ui.fake_engine import FakeEngine, fake_host, sample_files


def _window(
    qtbot: QtBot, tmp_path: Path, roots: bool = True, files: bool = True, **settings_kw: object
) -> tuple[MainWindow, FakeEngine]:
    lib = str(tmp_path / "lib")
    paths = Paths.from_env()
    paths.ensure()
    host, made = fake_host(
        tmp_path, roots=(lib,) if roots else (), files=sample_files(lib) if files else []
    )
    settings = Settings(roots=[lib] if roots else [], welcome_done=roots, **settings_kw)  # type: ignore[arg-type]
    win = MainWindow(paths, settings, host)
    qtbot.addWidget(win)
    win.show()
    host.start()
    return win, made[0]


def _activate(qtbot: QtBot, win: MainWindow) -> None:
    """Shortcuts reach the active window only."""
    win.activateWindow()
    win.browse.view.setFocus()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)


def _names(model: object) -> list[str]:
    return [h.path.rsplit("/", 1)[-1] for h in model.hits()]  # type: ignore[attr-defined]


def test_before_typing_the_newest_files_show_by_day(qtbot: QtBot, tmp_path: Path) -> None:
    win, engine = _window(qtbot, tmp_path)
    assert win.results_stack.currentWidget() is win.browse
    assert _names(win.browse.model) == ["notes.md", "cat.png", "taxes.pdf", "beach.jpg", "raw.dng"]
    headers = [
        win.browse.model.data(win.browse.model.index(i), HeaderRole)
        for i in range(win.browse.model.rowCount())
    ]
    assert headers[0] == ("Today", 2)
    assert "Newest first · 5 files" in win.browse.header.text()
    win.search.field.setText("taxes")
    win.search._emit_now()  # type: ignore[attr-defined]
    assert win.results_stack.currentWidget() is win.view and _names(win.model) == ["taxes.pdf"]
    assert win.preview.hit is not None and win.preview.hit.path.endswith("taxes.pdf")
    win.search.clear()
    assert win.results_stack.currentWidget() is win.browse  # between searches: browse again
    assert engine.called("recent") and set(engine.called("recent")) == {"MainThread"}
    # the preview follows the browse view again, not the search's last hit
    current = win.browse.view.currentIndex().data(HitRole)
    assert current is not None and win.preview.hit == current
    assert current.path.endswith("notes.md") and win.preview.terms == ()


def test_filters_work_on_the_browse_view_without_words(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    win.search.kind.setCurrentIndex(1)  # Photos
    assert _names(win.browse.model) == ["cat.png", "beach.jpg", "raw.dng"]
    win.search.place.setText("Lisbon")
    win.search.place.editingFinished.emit()
    assert _names(win.browse.model) == ["beach.jpg"]
    win.search.folder.setText("Nowhere")
    win.search.folder.editingFinished.emit()
    assert win.browse.stack.currentWidget() is win.browse.empty
    assert win.browse.empty.title.text() == "Nothing matches these filters"
    win.browse.empty.buttons["clear"].click()
    assert len(win.browse.model.hits()) == 5 and win.search.filter_tokens() == ""


def test_empty_states_say_what_to_do_next(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path, roots=False)
    win.focus_search()
    assert win.browse.empty.title.text() == "Add a folder to begin"
    assert win.browse.empty.buttons["add"].isVisible()
    text = win.browse.empty.text  # its sentence shown whole, not cut to one line
    assert text.height() >= text.heightForWidth(text.width()) > text.fontMetrics().height() * 1.5
    win2, _ = _window(qtbot, tmp_path / "two", files=False)
    assert win2.browse.empty.title.text() == "No photos or documents found yet"
    assert win2.browse.empty.buttons["details"].isVisible()


def test_documents_read_as_a_list_photos_as_a_grid(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    win.search.kind.setCurrentIndex(2)  # Documents
    assert not win.browse.view.grid
    win.search.kind.setCurrentIndex(1)  # Photos
    assert win.browse.view.grid
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # List, by hand
    assert not win.browse.view.grid and win.settings.view_mode == "list"
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.browse.view.grid and win.settings.view_mode == "grid"
    win.search.kind.setCurrentIndex(2)  # the person's choice holds
    assert win.browse.view.grid
    qtbot.keyClick(win, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert not win.browse.view.grid and win.settings.view_mode == "auto"


@pytest.mark.parametrize("ext", sorted(IMAGE_EXTS))
def test_every_picture_format_trove_indexes_can_be_dropped(
    qtbot: QtBot, tmp_path: Path, ext: str
) -> None:
    win, _ = _window(qtbot, tmp_path)
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(tmp_path / f"photo.{ext}"))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        md,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dragEnterEvent(enter)
    assert enter.isAccepted(), f".{ext} refused"
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        md,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(drop)
    assert win.searching.image == str(tmp_path / f"photo.{ext}") and win.image_chip.isVisible()


def test_a_document_drop_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        md,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    win.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_notes_and_problems_come_from_the_engine(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.types import Problem

    win, engine = _window(qtbot, tmp_path)
    engine.notices = ("the pack tiny-clip is inaccurate on this processor",)
    engine.problem_list = [Problem(str(tmp_path / "lib" / "broken.jpg"), "damaged")]
    from desktop_app.core.types import Phase, Progress

    win.host.progress_changed.emit(Progress(Phase.IDLE, message="Up to date"))
    assert win.status.notes_btn.isVisible() and win.status.notes_btn.text() == "⚠ 1 note"
    # "Up to date" does not hide the file listed under Problems
    assert win.status.label.text() == "Up to date · 1 file could not be read (see Details)"
    win.show_details()
    assert win.details.table.rowCount() == 1 and "tiny-clip" in win.details.notes.text()
    assert set(engine.called("problems")) == {"MainThread"}  # synchronous host: inline


def test_shortcuts_and_accessibility(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    win.search.field.setText("abc")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Escape)
    assert win.search.field.text() == ""
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert win.search.field.hasFocus()
    # a second query: Ctrl+K in the field selects the first, and typing replaces it
    qtbot.keyClicks(win.search.field, "change owner")
    qtbot.keyClick(win.search.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(win.search.field, "login shell")
    assert win.search.field.text() == "login shell"
    win.search.field.clear()
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    internal = (QComboBox, QLineEdit, QAbstractSpinBox)  # sub-controls Qt names itself
    checked = 0
    for w in (
        win.findChildren(QAbstractButton)
        + win.findChildren(QLineEdit)
        + win.findChildren(QComboBox)
    ):
        if w.isVisible() and not isinstance(w.parent(), internal):
            assert w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()), w
            checked += 1
    assert checked > 8


def test_ctrl_comma_opens_settings_and_the_menu_shows_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.ui.settings_dialog import SettingsDialog

    opened: list[SettingsDialog] = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: opened.append(self) or 0)
    win, _ = _window(qtbot, tmp_path)
    assert win.settings_action.shortcut().toString() == "Ctrl+,"  # the menu shows it
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 1
    win.search.field.setFocus()  # from the search field too
    qtbot.keyClick(win.search.field, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert len(opened) == 2


def _search(win: MainWindow, text: str) -> None:
    win.search.field.setText(text)
    win.search._emit_now()  # type: ignore[attr-defined]


def test_the_keyboard_goes_into_the_results_and_quick_look_steps_through_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    win, _ = _window(qtbot, tmp_path)
    win.search.set_recent(["beach at sunset", "taxes"])  # a popup must not take the ↓
    _activate(qtbot, win)
    win.focus_search()
    _search(win, "a")  # taxes.pdf, beach.jpg, cat.png, raw.dng: photos, a grid
    hits = win.model.hits()
    assert len(hits) == 4 and win.view.grid
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    assert win.view.hasFocus() and not win.search.completer.popup().isVisible()
    assert win.view.currentIndex().row() == 0
    qtbot.keyClick(win.view, Qt.Key.Key_Right)
    assert win.view.currentIndex().row() == 1 and win.preview.hit == hits[1]
    qtbot.keyClick(win.view, Qt.Key.Key_Space)  # a large preview of this file
    look = win.quick_look
    assert look.isVisible() and look.hit == hits[1]
    assert look.width() > win.preview.width() * 2
    qtbot.keyClick(look, Qt.Key.Key_Right)  # arrows step through the results behind it
    assert look.hit == hits[2] and win.view.currentIndex().row() == 2
    assert win.preview.hit == hits[2]
    qtbot.keyClick(look, Qt.Key.Key_Left)
    assert look.hit == hits[1]
    qtbot.keyClick(look, Qt.Key.Key_Escape)  # back to the results
    assert not look.isVisible()
    qtbot.waitUntil(win.view.hasFocus, timeout=2000)
    qtbot.keyClick(win.view, Qt.Key.Key_Escape)  # and back to the field
    assert win.search.field.hasFocus()
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(win.view, Qt.Key.Key_Up)  # ↑ from the top row goes back too
    assert win.search.field.hasFocus()


def test_recent_searches_open_on_alt_down_and_close_on_esc(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    win.search.set_recent(["beach at sunset", "taxes"])
    _activate(qtbot, win)
    win.focus_search()
    qtbot.keyClicks(win.search.field, "ta")  # typing opens no popup over the results
    assert not win.search.completer.popup().isVisible()
    win.search.field.clear()
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = win.search.completer.popup()
    assert popup.isVisible() and popup.model().rowCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible() and win.search.field.text() == ""


def test_the_keyboard_goes_into_the_browse_view_too(qtbot: QtBot, tmp_path: Path) -> None:
    win, _ = _window(qtbot, tmp_path)
    _activate(qtbot, win)
    win.focus_search()
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    assert win.browse.view.hasFocus()
    assert win.browse.view.currentIndex().data(HitRole) == win.browse.model.hits()[0]
    qtbot.keyClick(win.browse.view, Qt.Key.Key_Space)
    assert win.quick_look.isVisible() and win.quick_look.hit == win.browse.model.hits()[0]
    qtbot.keyClick(win.quick_look, Qt.Key.Key_Right)
    assert win.quick_look.hit == win.browse.model.hits()[1]
    qtbot.keyClick(win.quick_look, Qt.Key.Key_Space)
    assert not win.quick_look.isVisible()


@pytest.mark.parametrize("exists", [True, False])
def test_a_file_that_cannot_be_opened_is_said_in_words(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exists: bool
) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text: said.append((title, text)))
    )
    win, _ = _window(qtbot, tmp_path)
    _search(win, "taxes")
    hit = win.model.hits()[0]
    if exists:
        Path(hit.path).parent.mkdir(parents=True)
        Path(hit.path).write_bytes(b"%PDF-1.4")
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Return)
    assert len(said) == 1 and "taxes.pdf" in said[0][1]
    if exists:
        assert "no program is set to open .pdf files" in said[0][1]
        assert str(Path(hit.path).parent) in said[0][1]
    else:
        assert "moved or deleted" in said[0][1]
    win.preview.reveal_btn.click()
    assert len(said) == 2 and said[1][0] == "Cannot show the folder"


def test_an_open_result_list_follows_the_index_without_jumping(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Files deleted leave, new matching files appear, the order follows the index; the
    chosen file stays chosen (the browse view's rule, shared)."""
    import time

    from desktop_app.core.types import Kind, Phase, Progress
    from tests.ui.fake_engine import record

    win, engine = _window(qtbot, tmp_path)
    lib = str(tmp_path / "lib")
    _search(win, "a")
    assert _names(win.model) == ["taxes.pdf", "beach.jpg", "cat.png", "raw.dng"]
    win.view.setCurrentIndex(win.model.index(2))  # cat.png
    searches = len(engine.called("search"))

    def index_changed() -> None:  # what the indexer reports after each batch it writes
        win.host.progress_changed.emit(Progress(Phase.IDLE, message="Up to date"))

    engine.files = [f for f in engine.files if not f.name.startswith("taxes")]
    engine.files.insert(0, record(f"{lib}/Pictures/panda.png", Kind.PHOTO, time.time(), root=lib))
    index_changed()
    qtbot.waitUntil(lambda: "taxes.pdf" not in _names(win.model), timeout=5000)
    assert _names(win.model) == ["panda.png", "beach.jpg", "cat.png", "raw.dng"]
    assert win.view.currentIndex().data(HitRole).path.endswith("cat.png")  # no jump
    assert win.preview.hit is not None and win.preview.hit.path.endswith("cat.png")
    assert len(engine.called("search")) == searches + 1
    assert win.settings.recent_searches.count("a") <= 1
    engine.files.reverse()  # re-ranked: the chosen file moves with its new rank
    index_changed()
    qtbot.waitUntil(lambda: _names(win.model)[0] == "raw.dng", timeout=5000)
    assert win.view.currentIndex().data(HitRole).path.endswith("cat.png")
    engine.files = [f for f in engine.files if f.name != "cat.png"]  # the chosen file goes
    index_changed()
    qtbot.waitUntil(lambda: "cat.png" not in _names(win.model), timeout=5000)
    current = win.view.currentIndex().data(HitRole)
    assert current is not None and win.preview.hit == current  # the next file, previewed
    win.search.clear()  # browsing follows the same rule: a deletion alone is seen too
    assert "beach.jpg" in _names(win.browse.model)
    engine.files = [f for f in engine.files if f.name != "beach.jpg"]
    index_changed()
    qtbot.waitUntil(lambda: "beach.jpg" not in _names(win.browse.model), timeout=5000)


def test_time_left_is_rounded_up_and_says_for_what() -> None:
    from desktop_app.core.types import Phase, Progress
    from desktop_app.ui.status import describe, time_left

    assert time_left(102) == "about 2 min left"  # 1.7 min of work: not "1 min"
    assert time_left(60) == "about 1 min left"
    assert time_left(41) == "about 50 s left" and time_left(3) == "about 10 s left"
    line = describe(Progress(Phase.INDEXING, 120, 324, rate=2.0, eta_s=102))
    assert line == (
        "Reading files (words first): 120 of 324 (2.0 files/s, about 2 min left for this step)"
    )
