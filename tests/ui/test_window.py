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
