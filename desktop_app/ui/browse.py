"""The browse panel: the newest files by day before and between searches, or, when there are
none to show, what to do next."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.types import BrowseResult
from desktop_app.ui.controllers.search import BrowseState
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from desktop_app.ui.results_model import BrowseModel
from desktop_app.ui.results_view import ResultsView

# title, text, and which buttons: what a person sees instead of an empty white area
EMPTY_STATES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "no-folders": (
        QT_TRANSLATE_NOOP("Browse", "Add a folder to begin"),
        QT_TRANSLATE_NOOP(
            "Browse",
            "Trove shows your newest photos and documents here, and finds any of them by what "
            "they show and say. Nothing leaves this computer.",
        ),
        ("add",),
    ),
    "opening": (
        QT_TRANSLATE_NOOP("Browse", "Opening the index…"),
        QT_TRANSLATE_NOOP("Browse", "Your files appear here in a moment."),
        (),
    ),
    "indexing": (
        QT_TRANSLATE_NOOP("Browse", "Reading your files…"),
        QT_TRANSLATE_NOOP(
            "Browse",
            "They appear here, newest first, as Trove indexes them. You can search already.",
        ),
        ("details",),
    ),
    "nothing-found": (
        QT_TRANSLATE_NOOP("Browse", "No photos or documents found yet"),
        QT_TRANSLATE_NOOP(
            "Browse",
            "Trove found nothing it can read in the watched folders. Add another folder, or see "
            "what happened in the details.",
        ),
        ("add", "details"),
    ),
    "filtered-out": (
        QT_TRANSLATE_NOOP("Browse", "Nothing matches these filters"),
        QT_TRANSLATE_NOOP(
            "Browse",
            "No file has this type, folder, date or place. Clear the filters to see everything.",
        ),
        ("clear",),
    ),
}
BUTTONS = {
    "add": (
        QT_TRANSLATE_NOOP("Browse", "Add a folder…"),
        QT_TRANSLATE_NOOP("Browse", "Add a folder to watch"),
    ),
    "details": (
        QT_TRANSLATE_NOOP("Browse", "Indexing details"),
        QT_TRANSLATE_NOOP("Browse", "Show indexing details"),
    ),
    "clear": (
        QT_TRANSLATE_NOOP("Browse", "Clear filters"),
        QT_TRANSLATE_NOOP("Browse", "Clear the filters"),
    ),
}


def header_text(state: BrowseState) -> str:
    files = plural(
        state.total, translate("Browse", "{n:,} file"), translate("Browse", "{n:,} files")
    )
    if state.shown < state.total:
        text = translate(
            "Browse", "The newest {shown:,} of {files} — type to search, or narrow with filters"
        ).format(shown=state.shown, files=files)
    else:
        text = translate("Browse", "Newest first · {files}").format(files=files)
    if state.indexing:
        text += translate("Browse", " · still indexing: more appear as they are read")
    return text


class EmptyState(QFrame):
    add_folder = Signal()
    details = Signal()
    clear_filters = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel()
        self.title.setObjectName("emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setObjectName("hint")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(480)  # a wrapped label needs its width fixed to get its height
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        signals = {"add": self.add_folder, "details": self.details, "clear": self.clear_filters}
        for key, (label, name) in BUTTONS.items():
            b = QPushButton(translate("Browse", label))
            b.setAccessibleName(translate("Browse", name))
            b.clicked.connect(signals[key].emit)
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        lay.addWidget(self.title)
        lay.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(8)
        lay.addLayout(row)
        lay.addStretch(3)

    def show_state(self, kind: str) -> None:
        title, text, buttons = EMPTY_STATES[kind]
        self.title.setText(translate("Browse", title))
        self.text.setText(translate("Browse", text))
        # centred in its row, a wrapped label is given its one-line height: give it all of it
        self.text.setFixedHeight(self.text.heightForWidth(self.text.width()))
        for key, b in self.buttons.items():
            b.setVisible(key in buttons)


class BrowsePanel(QWidget):
    """Owns the browse model and view; the window shares its thumbnail loader with it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = BrowseModel(self)
        self.view = ResultsView(sections=True)
        self.view.setModel(self.model)
        self.header = QLabel()
        self.header.setObjectName("hint")
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        files = QWidget()
        files_lay = QVBoxLayout(files)
        files_lay.setContentsMargins(0, 0, 0, 0)
        files_lay.addWidget(self.header)
        files_lay.addWidget(self.view, 1)
        self.stack.addWidget(files)
        self.stack.addWidget(self.empty)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self.state: BrowseState | None = None

    def show_browse(self, result: BrowseResult, state: BrowseState) -> None:
        """New files keep the selection and the scroll position (the live-results rule of
        ResultsView.replace_hits, shared with the search results)."""
        self.state = state
        if state.kind != "files":
            self.model.set_hits(())
            self.empty.show_state(state.kind)
            self.stack.setCurrentWidget(self.empty)
            return
        self.header.setText(header_text(state))
        self.stack.setCurrentIndex(0)
        self.view.replace_hits(result.hits, keep=True)
