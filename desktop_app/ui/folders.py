"""The Folders dialog: watched folders with counts and state; exclusion patterns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.engine import RootStatus
from desktop_app.core.fspath import folder_of, with_folder
from desktop_app.ui.i18n import translate


class FoldersDialog(QDialog):
    def __init__(
        self,
        roots: list[str],
        excludes: list[str],
        status: dict[str, RootStatus],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Folders", "Watched folders"))
        self.resize(640, 420)
        self.roots = list(roots)
        self.status = status
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Folders", "Watched folders"))
        self.note = QLabel()  # what adding a folder inside (or around) watched ones did
        self.note.setWordWrap(True)
        self._fill()
        add = QPushButton(translate("Folders", "Add folder…"))
        remove = QPushButton(translate("Folders", "Remove"))
        add.setAccessibleName(translate("Folders", "Add a watched folder"))
        remove.setAccessibleName(translate("Folders", "Stop watching the selected folder"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        self.excludes = QLineEdit(", ".join(excludes))
        self.excludes.setPlaceholderText(
            translate("Folders", "e.g. *.tmp, Screenshots, /home/me/Private")
        )
        self.excludes.setAccessibleName(translate("Folders", "Exclusion patterns"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(translate("Folders", "Trove watches these folders and keeps its index current:"))
        )
        lay.addWidget(self.list, 1)
        lay.addWidget(self.note)
        lay.addLayout(row)
        lay.addWidget(
            QLabel(translate("Folders", "Skip files and folders matching (comma separated):"))
        )
        lay.addWidget(self.excludes)
        lay.addWidget(
            QLabel(
                translate(
                    "Folders",
                    "Hidden files, .git, node_modules, caches and Trove's own folders are always "
                    "skipped.",
                )
            )
        )
        lay.addWidget(buttons)

    def _fill(self) -> None:
        self.list.clear()
        for r in self.roots:
            st = self.status.get(r)
            if st is None:
                self.list.addItem(translate("Folders", "{folder} — new").format(folder=r))
                continue
            state = {
                "ok": translate("Folders", "watched"),
                "missing": translate("Folders", "not available (unplugged?)"),
                "polling": translate("Folders", "checked every 30 s (watch limit reached)"),
            }.get(st.state, st.state)
            self.list.addItem(
                translate(
                    "Folders",
                    "{folder} — {photos} photos, {documents} documents, {problems} problems · "
                    "{state}",
                ).format(
                    folder=r,
                    photos=st.photos,
                    documents=st.documents,
                    problems=st.failed,
                    state=state,
                )
            )

    def _add(self) -> None:
        d = QFileDialog.getExistingDirectory(
            self, translate("Folders", "Add a folder to watch"), str(Path.home())
        )
        if d:
            self.add_folder(d)

    def add_folder(self, folder: str) -> None:
        """Watch ``folder`` too: a folder inside a watched one is watched already, and watched
        folders inside it become part of it (each file is indexed once)."""
        holder = folder_of(folder, self.roots)
        after = with_folder(self.roots, folder)
        absorbed = [r for r in self.roots if r not in after]
        if holder == folder:
            self.note.setText(
                translate("Folders", "{folder} is watched already.").format(folder=folder)
            )
        elif holder is not None:
            self.note.setText(
                translate("Folders", "{folder} is watched already, as part of {holder}.").format(
                    folder=folder, holder=holder
                )
            )
        elif absorbed:
            self.note.setText(
                translate("Folders", "{folder} now covers {folders}.").format(
                    folder=folder, folders=", ".join(absorbed)
                )
            )
        else:
            self.note.setText("")
        self.roots = after
        self._fill()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.roots):
            del self.roots[row]
            self._fill()

    def exclude_patterns(self) -> list[str]:
        return [p.strip() for p in self.excludes.text().split(",") if p.strip()]
