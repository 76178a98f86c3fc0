"""Indexing status in the status bar, with a details dialog: progress, pause/resume, problems."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.types import Phase, Problem, Progress, Stage
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, plural, translate
from desktop_app.ui.opening import open_in_desktop
from desktop_app.workers.libraries import RETRY_MS, UNREACHABLE, LibraryState

# The core (no Qt) reports progress in English; its sentences without names or numbers are
# marked here and shown translated.
CORE_SENTENCES = (
    QT_TRANSLATE_NOOP("Status", "Watching for changes"),
    QT_TRANSLATE_NOOP("Status", "Up to date"),
    QT_TRANSLATE_NOOP("Status", "Read the text in pictures"),
)
PHASE_NAMES = {
    Phase.SCANNING: QT_TRANSLATE_NOOP("Status", "Scanning"),
    Phase.INDEXING: QT_TRANSLATE_NOOP("Status", "Indexing"),
    Phase.IDLE: QT_TRANSLATE_NOOP("Status", "Idle"),
    Phase.PAUSED: QT_TRANSLATE_NOOP("Status", "Paused"),
    Phase.ERROR: QT_TRANSLATE_NOOP("Status", "Error"),
}


def time_left(seconds: float) -> str:
    """Rounded up, never down: 1.7 minutes of work is "about 2 min", not "1 min"."""
    if seconds >= 60:
        return translate("Status", "about {n} min left").format(n=math.ceil(seconds / 60))
    return translate("Status", "about {n} s left").format(n=max(10, math.ceil(seconds / 10) * 10))


def describe(p: Progress) -> str:
    if p.phase == "indexing" and p.total and not p.message:
        eta = (
            translate("Status", ", {time_left} for this step").format(time_left=time_left(p.eta_s))
            if p.eta_s
            else ""
        )
        if p.stage == Stage.NEW_DOCUMENT_PACK:
            return translate(
                "Status",
                "New document model: {done:,} of {total:,} passages embedded again ({rate:.0f}/s"
                "{eta}); the previous model answers meanwhile",
            ).format(done=p.done, total=p.total, rate=p.rate, eta=eta)
        if p.stage == Stage.MEANING:
            return translate(
                "Status",
                "Adding meaning: {done:,} of {total:,} passages ({rate:.0f}/s{eta}); "
                "searchable by words meanwhile",
            ).format(done=p.done, total=p.total, rate=p.rate, eta=eta)
        return translate(
            "Status", "Reading files (words first): {done:,} of {total:,} ({rate:.1f} files/s{eta})"
        ).format(done=p.done, total=p.total, rate=p.rate, eta=eta)
    if p.message:  # the core's fixed sentences in the window's language, the rest as said
        return translate("Status", p.message) if p.message in CORE_SENTENCES else p.message
    return translate("Status", PHASE_NAMES[p.phase]) if p.phase in PHASE_NAMES else p.phase


class LibraryStatus(QPushButton):
    """The shared libraries that cannot be searched now, beside the indexing status (hidden
    while every library answers); a click opens Settings, where they are listed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setObjectName("libraryStatus")
        self.setAccessibleName(translate("Status", "Shared libraries that cannot be searched"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMaximumWidth(640)
        self.hide()

    def show_states(self, states: tuple[LibraryState, ...]) -> None:
        down = [st for st in states if st.status == UNREACHABLE]
        metrics = self.fontMetrics()

        def line(st: LibraryState, short: bool) -> str:
            # on the bar a long address gives way in its middle; the sentence stays whole
            uri = metrics.elidedText(st.uri, Qt.TextElideMode.ElideMiddle, 240) if short else st.uri
            return translate("Status", "Library {uri} unreachable: {reason}").format(
                uri=uri, reason=st.reason
            )

        if len(down) == 1:
            text = "⚠ " + line(down[0], short=True)
        else:
            text = plural(
                len(down),
                translate("Status", "⚠ {n} library unreachable"),
                translate("Status", "⚠ {n} libraries unreachable"),
            )
        self.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 600))
        self.setToolTip(
            "\n".join(line(st, short=False) for st in down)
            + "\n"
            + translate(
                "Status", "This computer's results are shown; it is tried again every {n} s."
            ).format(n=RETRY_MS // 1000)
        )
        self.setVisible(bool(down))


class StatusWidget(QWidget):
    """A compact line for the status bar; click Details for the popover."""

    pause_clicked = Signal()  # a person asked to pause or resume; set_paused shows the state
    details_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.label = QLabel(translate("Status", "Starting…"))
        self.label.setAccessibleName(translate("Status", "Indexing status"))
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.pause_btn = QPushButton(translate("Status", "Pause"))
        self.pause_btn.setAccessibleName(translate("Status", "Pause indexing"))
        # the button shows the one pause state (set_paused); a click only asks for a change
        self.pause_btn.clicked.connect(self.pause_clicked.emit)
        # Things a person should know that are not problems with one file (a model pack that
        # is inaccurate on this processor, a folder watched by polling): one click away.
        self.notes_btn = QPushButton()
        self.notes_btn.setFlat(True)
        self.notes_btn.setAccessibleName(
            translate("Status", "Notes about indexing and model packs")
        )
        self.notes_btn.clicked.connect(self.details_requested.emit)
        self.notes_btn.hide()
        self.details_btn = QPushButton(translate("Status", "Details"))
        self.details_btn.setAccessibleName(translate("Status", "Indexing details and problems"))
        self.details_btn.clicked.connect(self.details_requested.emit)
        for b in (self.notes_btn, self.pause_btn, self.details_btn):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.notes_btn)
        lay.addWidget(self.pause_btn)
        lay.addWidget(self.details_btn)
        self.last: Progress | None = None
        self.failed = 0

    def set_failed(self, failed: int) -> None:
        """Files listed under Problems: "Up to date" says so too."""
        self.failed = failed
        if self.last is not None:
            self.show_progress(self.last)

    def set_paused(self, paused: bool) -> None:
        self.pause_btn.setText(
            translate("Status", "Resume") if paused else translate("Status", "Pause")
        )
        self.pause_btn.setAccessibleName(
            translate("Status", "Resume indexing")
            if paused
            else translate("Status", "Pause indexing")
        )

    def set_notices(self, notices: tuple[str, ...]) -> None:
        self.notes_btn.setVisible(bool(notices))
        self.notes_btn.setText(
            plural(
                len(notices), translate("Status", "⚠ {n} note"), translate("Status", "⚠ {n} notes")
            )
        )
        self.notes_btn.setToolTip("\n\n".join(notices))

    def show_progress(self, p: Progress) -> None:
        self.last = p
        text = describe(p)
        if self.failed and p.phase == Phase.IDLE:
            n = self.failed
            one = translate("Status", " · {n:,} file could not be read (see Details)")
            many = translate("Status", " · {n:,} files could not be read (see Details)")
            text += plural(n, one, many)
        self.label.setText(text)
        if p.phase == "indexing" and p.total:
            self.bar.show()
            self.bar.setRange(0, p.total)
            self.bar.setValue(p.done)
        else:
            self.bar.hide()


class DetailsDialog(QDialog):
    """Done/total, rate, ETA, current file, pause, and the Problems list with open/reveal."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Status", "Indexing details"))
        self.resize(720, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.current = QLabel()
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [translate("Status", "File"), translate("Status", "Reason")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(translate("Status", "Problems"))
        self.table.cellDoubleClicked.connect(lambda r, _c: self._open(r, False))
        open_btn = QPushButton(translate("Status", "Open"))
        reveal_btn = QPushButton(translate("Status", "Show in folder"))
        open_btn.clicked.connect(lambda: self._open(self.table.currentRow(), False))
        reveal_btn.clicked.connect(lambda: self._open(self.table.currentRow(), True))
        close_btn = QPushButton(translate("Status", "Close"))
        close_btn.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(open_btn)
        row.addWidget(reveal_btn)
        row.addStretch(1)
        row.addWidget(close_btn)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(translate("Status", "Notes"))
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.current)
        lay.addWidget(self.notes)
        lay.addWidget(
            QLabel(translate("Status", "Problems — files Trove could not read, and why:"))
        )
        lay.addWidget(self.table, 1)
        lay.addLayout(row)

    def show_progress(self, p: Progress | None) -> None:
        if p is None:
            return
        self.summary.setText(
            describe(p)
            + plural(
                p.failed,
                translate("Status", " — {n} problem in this run"),
                translate("Status", " — {n} problems in this run"),
            )
            if p.failed
            else describe(p)
        )
        self.current.setText(
            translate("Status", "Current file: {path}").format(path=p.current) if p.current else ""
        )

    def set_notices(self, notices: tuple[str, ...]) -> None:
        self.notes.setVisible(bool(notices))
        self.notes.setText("\n\n".join(f"⚠ {n}" for n in notices))

    def set_problems(self, problems: list[Problem]) -> None:
        self.table.setRowCount(len(problems))
        for i, pr in enumerate(problems):
            self.table.setItem(i, 0, QTableWidgetItem(pr.path))
            self.table.setItem(i, 1, QTableWidgetItem(pr.reason))
        self.table.resizeColumnToContents(0)

    def _open(self, row: int, reveal: bool) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        path = item.text()
        open_in_desktop(self, path, reveal)
