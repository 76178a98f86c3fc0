"""Settings: model packs (list, import, remove, active image pack), CPU use, login start, theme,
shared libraries (add by address, list with their state, remove)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from desktop_app.core.embed.api import PackInfo
from desktop_app.settings import Settings
from desktop_app.ui.controllers.settings import Choices
from desktop_app.ui.i18n import LANGUAGES, system_language, translate
from desktop_app.workers.libraries import READY, UNREACHABLE, LibraryState

AUTOSTART = Path.home() / ".config" / "autostart" / "trove.desktop"


def autostart_supported() -> bool:
    return sys.platform.startswith("linux")


def set_autostart(enabled: bool, desktop_entry: Path) -> None:
    if enabled:
        AUTOSTART.parent.mkdir(parents=True, exist_ok=True)
        AUTOSTART.write_text(desktop_entry.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        AUTOSTART.unlink(missing_ok=True)


class SettingsDialog(QDialog):
    """Packs arrive through ``set_packs`` (read off the GUI thread; the dialog opens at once
    and fills in); getting, importing and removing one are asked for in signals."""

    import_requested = Signal()
    remove_requested = Signal(str)
    download_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        packs: list[PackInfo] | None = None,
        parent: Any = None,
        library_states: tuple[LibraryState, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Settings", "Settings"))
        self.resize(640, 640)
        self.settings = settings
        self.packs: list[PackInfo] = []
        self._chosen = False  # the person picked an image pack: a new list keeps the pick
        self.pack_list = QListWidget()
        self.pack_list.setAccessibleName(translate("Settings", "Installed model packs"))
        self.active = QComboBox()
        self.active.setAccessibleName(translate("Settings", "Active image pack"))
        self.active.activated.connect(lambda _i: setattr(self, "_chosen", True))
        # the document pack that answers: a change re-embeds passages in the background
        self.document = QComboBox()
        self.document.setAccessibleName(translate("Settings", "Document pack that answers"))
        self.document.activated.connect(lambda _i: setattr(self, "_chosen_document", True))
        self._chosen_document = False
        if packs is None:
            self.pack_list.addItem(translate("Settings", "Reading the model packs…"))
            self.active.addItem(translate("Settings", "Best installed"), None)
            self.document.addItem(
                settings.document_pack or translate("Settings", "Default"), settings.document_pack
            )
        else:
            self.set_packs(packs)
        imp = QPushButton(translate("Settings", "Import…"))
        rem = QPushButton(translate("Settings", "Remove"))
        get = QPushButton(translate("Settings", "Get a model…"))
        get.setAccessibleName(
            translate(
                "Settings",
                "Download a model for finding photos by what they show, or documents by what "
                "they mean",
            )
        )
        get.clicked.connect(self.download_requested.emit)
        imp.setAccessibleName(translate("Settings", "Import a model pack"))
        rem.setAccessibleName(translate("Settings", "Remove the selected model pack"))
        imp.clicked.connect(self.import_requested.emit)
        rem.clicked.connect(self._remove)
        self.threads = QSpinBox()
        self.threads.setRange(0, os.cpu_count() or 2)
        self.threads.setSpecialValueText(translate("Settings", "Automatic"))
        self.threads.setValue(settings.threads)
        self.threads.setAccessibleName(translate("Settings", "Threads for indexing"))
        self.battery = QCheckBox(translate("Settings", "Pause indexing while on battery"))
        self.battery.setChecked(settings.pause_on_battery)
        self.ocr = QCheckBox(
            translate("Settings", "Read the text in photos, screenshots and scanned pages")
        )
        self.ocr.setChecked(settings.ocr)
        self.ocr.setToolTip(
            translate(
                "Settings",
                "After new files are indexed, Trove reads the words in pictures so that they can "
                "be searched. It runs last, on one CPU thread.",
            )
        )
        self.login = QCheckBox(translate("Settings", "Start Trove when I log in"))
        self.login.setEnabled(autostart_supported())
        self.login.setChecked(AUTOSTART.exists())
        if not autostart_supported():
            self.login.setToolTip(translate("Settings", "Not supported on this system yet"))
        row = QHBoxLayout()
        row.addWidget(get)
        row.addWidget(imp)
        row.addWidget(rem)
        row.addStretch(1)
        form = QFormLayout()
        # the languages by their own names; "System" says which one the system gives
        self.language = QComboBox()
        self.language.setAccessibleName(translate("Settings", "Language of the window"))
        system = LANGUAGES[system_language()]
        self.language.addItem(
            translate("Settings", "System ({language})").format(language=system), ""
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        language_note = QLabel(translate("Settings", "A new language shows at the next start."))
        language_note.setObjectName("hint")
        form.addRow(translate("Settings", "Image pack:"), self.active)
        form.addRow(translate("Settings", "Document pack:"), self.document)
        form.addRow(translate("Settings", "CPU threads:"), self.threads)
        form.addRow("", self.battery)
        form.addRow("", self.ocr)
        form.addRow("", self.login)
        form.addRow(
            translate("Settings", "Theme:"),
            QLabel(translate("Settings", "Follows the system (light or dark)")),
        )
        form.addRow(translate("Settings", "Language:"), self.language)
        form.addRow("", language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(translate("Settings", "Model packs:")))
        lay.addWidget(self.pack_list, 1)
        lay.addLayout(row)
        lay.addLayout(form)
        self._build_libraries(lay, settings.libraries, library_states)
        lay.addWidget(buttons)

    # --- shared libraries --------------------------------------------------------------

    def _build_libraries(
        self, lay: QVBoxLayout, uris: list[str], states: tuple[LibraryState, ...]
    ) -> None:
        """The libraries' addresses only: their credentials are never asked for or kept."""
        self._states = {st.uri: st for st in states}
        lay.addWidget(QLabel(translate("Settings", "Shared libraries (searched with this index):")))
        self.library_list = QListWidget()
        self.library_list.setAccessibleName(translate("Settings", "Shared libraries"))
        self.library_list.setMaximumHeight(96)
        for uri in uris:
            self._add_library_row(uri)
        lay.addWidget(self.library_list)
        self.library_address = QLineEdit()
        self.library_address.setPlaceholderText(
            translate("Settings", "s3://bucket/library, or a shared folder")
        )
        self.library_address.setAccessibleName(translate("Settings", "Address of a library"))
        self.library_address.installEventFilter(self)  # Return adds, not OK
        add = QPushButton(translate("Settings", "Add library"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_library)
        folder = QPushButton(translate("Settings", "Folder…"))
        folder.setAutoDefault(False)
        folder.setAccessibleName(translate("Settings", "Choose a library's folder"))
        folder.clicked.connect(self._choose_library_folder)
        remove = QPushButton(translate("Settings", "Remove library"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_library)
        row = QHBoxLayout()
        row.addWidget(self.library_address, 1)
        row.addWidget(add)
        row.addWidget(folder)
        row.addWidget(remove)
        lay.addLayout(row)
        note = QLabel(
            translate(
                "Settings",
                "Libraries are read, never changed. Trove keeps only their addresses: for s3:// "
                "the credentials come from your system's usual places (the AWS_ACCESS_KEY_ID "
                "and AWS_SECRET_ACCESS_KEY variables, or ~/.aws/credentials and ~/.aws/config), "
                "and a store other than Amazon's from AWS_ENDPOINT_URL.",
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.library_address
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_library()
            return True
        return super().eventFilter(watched, event)

    def _add_library_row(self, uri: str) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, uri)
        self.library_list.addItem(item)
        self._show_library_state(item)

    def _show_library_state(self, item: QListWidgetItem) -> None:
        uri = str(item.data(Qt.ItemDataRole.UserRole))
        st = self._states.get(uri)
        if st is None:
            state = translate("Settings", "searched after OK")
        elif st.status == READY:
            state = translate("Settings", "ready")
        elif st.status == UNREACHABLE:
            state = translate("Settings", "unreachable: {reason}").format(reason=st.reason)
        else:
            state = translate("Settings", "waiting for its first answer…")
        item.setText(f"{uri} — {state}")
        item.setToolTip(item.text())

    def set_library_states(self, states: tuple[LibraryState, ...]) -> None:
        """Each library's state, as the window learns it (while the dialog is open too)."""
        self._states = {st.uri: st for st in states}
        for i in range(self.library_list.count()):
            item = self.library_list.item(i)
            if item is not None:
                self._show_library_state(item)

    def libraries(self) -> list[str]:
        items = (self.library_list.item(i) for i in range(self.library_list.count()))
        return [str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it is not None]

    def add_library(self, where: str = "") -> None:
        """Add the address typed (or ``where``); a folder becomes a file:// address."""
        from desktop_app.core.store.connection import library_uri

        where = (where or self.library_address.text()).strip()
        if not where:
            return
        uri = library_uri(where)
        if uri not in self.libraries():
            self._add_library_row(uri)
        self.library_address.clear()

    def _choose_library_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("Settings", "A shared library's folder")
        )
        if folder:
            self.add_library(folder)

    def remove_library(self) -> None:
        row = self.library_list.currentRow()
        if row >= 0:
            self.library_list.takeItem(row)

    def set_packs(self, packs: list[PackInfo]) -> None:
        chosen = self.active.currentData() if self._chosen else self.settings.active_image_pack
        self.packs = list(packs)
        self.pack_list.clear()
        for p in packs:
            where = (
                translate("Settings", "bundled")
                if p.bundled
                else translate("Settings", "installed")
            )
            self.pack_list.addItem(
                translate(
                    "Settings", "{name} — {family}, {dim}-d, {precision}, {where} · {licence}"
                ).format(
                    name=p.name,
                    family=p.family,
                    dim=p.dim,
                    precision=p.precision,
                    where=where,
                    licence=p.licence,
                )
            )
        if not packs:
            self.pack_list.addItem(translate("Settings", "No model packs installed yet"))
        self.active.clear()
        self.active.addItem(translate("Settings", "Best installed"), None)
        for p in packs:
            if "vision" in p.towers:
                self.active.addItem(p.name, p.name)
        idx = self.active.findData(chosen)
        self.active.setCurrentIndex(max(idx, 0))
        document = (
            self.document.currentData() if self._chosen_document else self.settings.document_pack
        )
        self.document.clear()
        self.document.addItem(translate("Settings", "Default"), None)
        for p in packs:
            if p.family == "sentence":
                self.document.addItem(p.name, p.name)
        self.document.setCurrentIndex(max(self.document.findData(document), 0))

    def _remove(self) -> None:
        row = self.pack_list.currentRow()
        if 0 <= row < len(self.packs):
            name = self.packs[row].name
            if (
                QMessageBox.question(
                    self,
                    translate("Settings", "Remove pack"),
                    translate("Settings", "Remove the model pack {name}?").format(name=name),
                )
                == QMessageBox.StandardButton.Yes
            ):
                self.remove_requested.emit(name)

    def choices(self) -> Choices:
        return Choices(
            active_image_pack=self.active.currentData(),
            threads=self.threads.value(),
            pause_on_battery=self.battery.isChecked(),
            ocr=self.ocr.isChecked(),
            language=self.language.currentData(),
            document_pack=self.document.currentData(),
            libraries=tuple(self.libraries()),
        )

    def apply_login(self, desktop_entry: Path) -> None:
        if autostart_supported() and self.login.isChecked() != AUTOSTART.exists():
            set_autostart(self.login.isChecked(), desktop_entry)
