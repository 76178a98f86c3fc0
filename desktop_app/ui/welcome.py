"""First run: add folders, the promise that nothing leaves the computer, installed packs; the banner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.ui.i18n import translate


def suggested_folders() -> list[str]:
    from PySide6.QtCore import QStandardPaths

    out = []
    for loc in (
        QStandardPaths.StandardLocation.PicturesLocation,
        QStandardPaths.StandardLocation.DocumentsLocation,
    ):
        p = QStandardPaths.writableLocation(loc)
        if p and Path(p).is_dir() and Path(p) != Path.home():
            out.append(p)
    return out


class WelcomePanel(QFrame):
    folders_chosen = Signal(list)
    choose_other = Signal()

    def __init__(self, packs: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(translate("Welcome", "Welcome to Trove"))
        title.setObjectName("welcomeTitle")
        intro = QLabel(
            translate(
                "Welcome",
                "Trove finds your photos and documents by what they show and say. "
                "<b>Everything stays on this computer</b>: the index, the models and your files "
                "never leave it, and Trove works without a network.",
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        then = QLabel(
            translate(
                "Welcome",
                "It reads the folders you choose in the background and shows your newest files "
                "as it goes; you can search from the first minute.",
            )
        )
        then.setObjectName("hint")
        then.setWordWrap(True)
        # a card of reading width in the middle of the window, not a line across a wide one
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(720)
        outer = QVBoxLayout(self)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 4)
        middle.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(36, 30, 36, 30)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addWidget(then)
        lay.addSpacing(10)
        lay.addWidget(QLabel(translate("Welcome", "Which folders should Trove look in?")))
        self.boxes: list[QCheckBox] = []
        for f in suggested_folders():
            box = QCheckBox(f)
            box.setChecked(True)
            box.setAccessibleName(translate("Welcome", "Watch {folder}").format(folder=f))
            self.boxes.append(box)
            lay.addWidget(box)
        row = QHBoxLayout()
        self.add_btn = QPushButton(
            translate("Welcome", "Start with these folders")
            if self.boxes
            else translate("Welcome", "Choose a folder…")
        )
        self.add_btn.setDefault(True)
        self.add_btn.setAccessibleName(translate("Welcome", "Start indexing"))
        other = QPushButton(translate("Welcome", "Choose another folder…"))
        other.setAccessibleName(translate("Welcome", "Choose another folder"))
        self.add_btn.clicked.connect(self._start)
        other.clicked.connect(self.choose_other.emit)
        row.addWidget(self.add_btn)
        if self.boxes:
            row.addWidget(other)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(10)
        self.packs_info = QLabel()
        self.packs_info.setObjectName("hint")
        self.packs_info.setWordWrap(True)
        self.set_packs(packs)
        lay.addWidget(self.packs_info)

    def set_packs(self, packs: list[str]) -> None:
        self.packs_info.setText(
            translate("Welcome", "Model packs installed: {names}").format(
                names=", ".join(packs) if packs else translate("Welcome", "none yet")
            )
        )

    def _start(self) -> None:
        chosen = [b.text() for b in self.boxes if b.isChecked()]
        if chosen:
            self.folders_chosen.emit(chosen)
        else:
            self.choose_other.emit()


class PackBanner(QFrame):
    """Shown while no image pack is installed; dismissible."""

    import_requested = Signal()
    download_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        text = QLabel(
            translate(
                "Welcome",
                "No image model pack is installed: photos are found by name, date and text "
                "until you add one.",
            )
        )
        text.setWordWrap(True)
        imp = QPushButton(translate("Welcome", "Import model pack…"))
        imp.setAccessibleName(translate("Welcome", "Import model pack"))
        dl = QPushButton(translate("Welcome", "Get a model…"))
        dl.setAccessibleName(
            translate(
                "Welcome",
                "Download a model for finding photos by what they show, or documents by what "
                "they mean",
            )
        )
        close = QPushButton(translate("Welcome", "Dismiss"))
        close.setAccessibleName(translate("Welcome", "Dismiss this message"))
        imp.clicked.connect(self.import_requested.emit)
        dl.clicked.connect(self.download_requested.emit)
        close.clicked.connect(self._dismiss)
        lay = QHBoxLayout(self)
        lay.addWidget(text, 1)
        lay.addWidget(imp)
        lay.addWidget(dl)
        lay.addWidget(close)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class LanguageBanner(QFrame):
    """The offer of the multilingual document model, shown once (core.packs.suggest): what the
    library or the system is written in, what the model costs and changes; nothing is
    downloaded unless the person opens the dialog and clicks Download."""

    get_requested = Signal(str)  # the preset to show first in the download dialog
    dismissed = Signal(str)  # the kind of model offered ("documents", "photos")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.preset = ""
        self.kind = "documents"
        self.text = QLabel()
        self.text.setObjectName("languageHint")
        self.text.setWordWrap(True)
        self.get_btn = QPushButton(translate("Welcome", "Get the multilingual model…"))
        self.get_btn.setAccessibleName(
            translate("Welcome", "Choose and download the multilingual document model")
        )
        self.close_btn = QPushButton(translate("Welcome", "Not now"))
        self.close_btn.setAccessibleName(translate("Welcome", "Keep the current document model"))
        self.get_btn.clicked.connect(self._on_get_clicked)
        self.close_btn.clicked.connect(self._dismiss)
        lay = QHBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.get_btn)
        lay.addWidget(self.close_btn)

    def offer(self, hint: Any) -> None:
        """Say what the hint says (a core.packs.suggest.LanguageHint) and show the banner."""

        names = ", ".join(QLocale(code).nativeLanguageName() or code for code in hint.languages[:4])
        self.kind = str(getattr(hint, "kind", "documents"))
        if self.kind == "photos":
            said = (
                translate(
                    "Welcome",
                    "This computer is set to {languages}, which the photo model does not "
                    "understand: photos are found by their names, places and text, not by what "
                    "they show.",
                )
                if hint.from_locale
                else translate(
                    "Welcome",
                    "The photo model does not understand searches in {languages}: photos are "
                    "found by their names, places and text, not by what they show.",
                )
            )
            more = translate(
                "Welcome",
                "The multilingual photo model understands them ({mb:,} MB download). With it, "
                "photos are embedded again in the background and the current model answers "
                "meanwhile.",
            )
            self.get_btn.setAccessibleName(
                translate("Welcome", "Choose and download the multilingual photo model")
            )
            self.close_btn.setAccessibleName(translate("Welcome", "Keep the current photo model"))
        else:
            if hint.from_locale:
                said = translate(
                    "Welcome",
                    "This computer is set to {languages}, which the document model does not "
                    "understand: documents are found by their words, not by what they mean.",
                )
            else:
                said = translate(
                    "Welcome",
                    "Most of your documents are in languages the document model does not "
                    "understand ({languages}): they are found by their words, not by what they "
                    "mean.",
                )
            more = translate(
                "Welcome",
                "The multilingual model understands them ({mb:,} MB download). With it, passages "
                "are embedded again in the background and the current model answers meanwhile.",
            )
            self.get_btn.setAccessibleName(
                translate("Welcome", "Choose and download the multilingual document model")
            )
            self.close_btn.setAccessibleName(
                translate("Welcome", "Keep the current document model")
            )
        self.preset = str(hint.preset)
        self.text.setText(
            said.format(languages=names) + " " + more.format(mb=int(hint.download_mb))
        )
        self.show()

    def _on_get_clicked(self) -> None:
        self.hide()
        self.get_requested.emit(self.preset)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit(self.kind)
