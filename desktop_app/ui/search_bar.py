"""The search bar: search as you type (debounced), syntax hints, recent searches, filters;
and the chip shown while searching by an image."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QToolButton,
    QWhatsThis,
    QWidget,
)

from desktop_app.ui.date_filter import DateFilter
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate

DEBOUNCE_MS = 150
FILTER_DEBOUNCE_MS = 400  # a folder or place name: asked when typing rests, not per letter
SYNTAX_HELP = QT_TRANSLATE_NOOP(
    "SearchBar",
    "<b>Search tips</b><br>"
    "<code>beach at sunset</code> — describe what you look for<br>"
    '<code>"exact phrase"</code> — these words, in this order<br>'
    "<code>-word</code> — leave out results with this word<br>"
    "<code>--preserve-root</code>, <code>-rf</code> — a flag is looked for; "
    "<code>not:--force</code> leaves one out<br>"
    "<code>2:sunset + dog - people</code> — weigh, add and subtract ideas (photos)<br>"
    "<code>type:photo</code>, <code>type:document</code>, <code>type:pdf</code><br>"
    "<code>in:Holidays</code> — only in this folder · <code>place:Lisbon</code><br>"
    "<code>after:2023-05</code>, <code>before:2024</code> — by date taken or modified<br>"
    "Drop or paste an image to find look-alikes; type words with it to change it "
    "(<code>at night</code>, <code>in winter</code>).<br>"
    "Results that match well come first; weaker ones are dimmed.",
)


class SearchField(QLineEdit):
    """↓ goes into the results; Alt+↓ lists recent searches; Esc clears."""

    escape_pressed = Signal()
    down_pressed = Signal()  # into the results
    recent_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        if key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier:
            self.recent_requested.emit()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    """Emits ``search_changed(text)`` after typing pauses, or at once on Enter."""

    search_changed = Signal(str)
    filters_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.field = SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(
            translate(
                "SearchBar", "Search photos and documents — e.g. receipt from the hardware store"
            )
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(translate("SearchBar", "Search"))
        self.field.setToolTip(
            translate(
                "SearchBar",
                "Ctrl+K or Ctrl+F to come back here · ↓ to the results · Alt+↓ recent searches · "
                "Esc to clear",
            )
        )
        # Recent searches open on Alt+↓ only: a popup while typing would cover the line
        # above the results and take the ↓ that goes into them.
        self._recent = QStringListModel(self)
        self.completer = QCompleter(self._recent, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.field)
        self.completer.activated[str].connect(self._on_recent_chosen)  # type: ignore[index]

        self.kind = QComboBox(self)
        self.kind.addItems(
            [
                translate("SearchBar", "All"),
                translate("SearchBar", "Photos"),
                translate("SearchBar", "Documents"),
            ]
        )
        self.kind.setAccessibleName(translate("SearchBar", "Type filter"))
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(translate("SearchBar", "Folder"))
        self.folder.setMaximumWidth(140)
        self.folder.setAccessibleName(translate("SearchBar", "Folder filter"))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(translate("SearchBar", "Place"))
        self.place.setMaximumWidth(120)
        self.place.setAccessibleName(translate("SearchBar", "Place filter"))
        self.place.setToolTip(
            translate("SearchBar", "Only photos taken in this place (a town, region or country)")
        )
        self.dates = DateFilter(self)
        help_btn = QToolButton(self)
        help_btn.setText("?")
        help_btn.setAccessibleName(translate("SearchBar", "Search tips"))
        help_btn.setToolTip(translate("SearchBar", "Search tips"))
        help_btn.clicked.connect(
            lambda: QWhatsThis.showText(
                help_btn.mapToGlobal(help_btn.rect().bottomLeft()),
                translate("SearchBar", SYNTAX_HELP),
                help_btn,
            )
        )

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.field, 1)
        lay.addWidget(self.kind)
        lay.addWidget(self.folder)
        lay.addWidget(self.place)
        lay.addWidget(self.dates)
        lay.addWidget(help_btn)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self._emit_now)
        self.field.escape_pressed.connect(self._on_escape)
        self.field.recent_requested.connect(self.show_recent)
        # Folder and Place apply as they are typed, once typing rests, like Type and Date
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DEBOUNCE_MS)
        self._filter_timer.timeout.connect(self._emit_filters)
        self.kind.currentIndexChanged.connect(lambda _i: self._emit_filters())
        for edit in (self.folder, self.place):
            edit.textChanged.connect(lambda _t: self._filter_timer.start())
            edit.editingFinished.connect(self._emit_filters)
        self.dates.changed.connect(self._emit_filters)
        self._sent_filters = ""

    def _emit_filters(self) -> None:
        """Once per change: Enter after the pause (or leaving the field) asks nothing again."""
        self._filter_timer.stop()
        tokens = self.filter_tokens()
        if tokens != self._sent_filters:
            self._sent_filters = tokens
            self.filters_changed.emit()

    def _emit(self) -> None:
        self.search_changed.emit(self.field.text())

    def restart_timer(self) -> None:
        self._timer.start()

    def _emit_now(self) -> None:
        self._timer.stop()
        self._emit()

    def clear(self) -> None:
        self.field.clear()
        self._timer.stop()
        self._emit()

    def set_recent(self, items: list[str]) -> None:
        self._recent.setStringList(items)

    def show_recent(self) -> None:
        """The recent searches under the field, as wide as it; Esc or a click away closes."""
        if not self._recent.stringList():
            return
        self.completer.setCompletionPrefix("")
        self.completer.complete(self.field.rect())

    def _on_escape(self) -> None:
        # the popup hands its keys to the field first: Esc closes it before clearing anything
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()
        else:
            self.clear()

    def _on_recent_chosen(self, text: str) -> None:
        self.field.setText(text)
        self._emit_now()

    def filter_tokens(self) -> str:
        """The filter controls as query syntax, appended to what was typed."""
        parts = []
        if self.kind.currentIndex() == 1:
            parts.append("type:photo")
        elif self.kind.currentIndex() == 2:
            parts.append("type:document")
        folder = self.folder.text().strip()
        if folder:
            parts.append(f'in:"{folder}"' if " " in folder else f"in:{folder}")
        place = self.place.text().strip()
        if place:
            parts.append(f'place:"{place}"' if " " in place else f"place:{place}")
        dates = self.dates.tokens()
        if dates:
            parts.append(dates)
        return " ".join(parts)

    def clear_filters(self) -> None:
        for w in (self.kind, self.folder, self.place, self.dates):
            w.blockSignals(True)
        self.kind.setCurrentIndex(0)
        self.folder.clear()
        self.place.clear()
        self.dates.reset()
        for w in (self.kind, self.folder, self.place, self.dates):
            w.blockSignals(False)
        self._emit_filters()


class ImageQueryChip(QWidget):
    """ "Searching by image: beach.jpg" with the strength of the words and a way back."""

    cleared = Signal()
    strength_changed = Signal(float)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        clear = QPushButton(translate("SearchBar", "Clear image"))
        clear.setAccessibleName(translate("SearchBar", "Stop searching by image"))
        clear.clicked.connect(self.cleared.emit)
        # How far the typed words move the image (a composed query: "this photo, at night").
        self.strength = QSlider(Qt.Orientation.Horizontal)
        self.strength.setRange(0, 30)
        self.strength.setValue(10)
        self.strength.setMaximumWidth(160)
        self.strength.setAccessibleName(
            translate("SearchBar", "Strength of the words on the image")
        )
        self.strength.setToolTip(
            translate(
                "SearchBar",
                "How far the words you type move the image query: left keeps the image, right "
                "follows the words",
            )
        )
        self.strength_label = QLabel(
            translate("SearchBar", "Words: {value:.1f}×").format(value=1.0)
        )
        self.strength.valueChanged.connect(self._on_strength)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.strength_label)
        lay.addWidget(self.strength)
        lay.addWidget(clear)
        self.hide()

    def show_image(self, path: str | None) -> None:
        if path is None:
            self.hide()
            return
        self.label.setText(
            translate("SearchBar", "Searching by image: {name} — add words to refine").format(
                name=os.path.basename(path)
            )
        )
        self.show()

    def _on_strength(self, value: int) -> None:
        self.strength_label.setText(
            translate("SearchBar", "Words: {value:.1f}×").format(value=value / 10)
        )
        self.strength_changed.emit(value / 10)
