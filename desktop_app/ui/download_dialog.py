"""The "Get a model" dialog: pick an image or document model, download it with readable progress,
or go offline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.core.embed.api import PackProgress
from desktop_app.core.packs.get.hub import DEFAULT_PRESET, HUB_PRESETS, HubPreset
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.workers.pack_download import PackDownloader

STEP_NAMES = {
    "check": QT_TRANSLATE_NOOP("Download", "Checking"),
    "download": QT_TRANSLATE_NOOP("Download", "Downloading"),
    "convert": QT_TRANSLATE_NOOP("Download", "Converting to 8-bit"),
    "test": QT_TRANSLATE_NOOP("Download", "Testing"),
    "install": QT_TRANSLATE_NOOP("Download", "Installing"),
    "done": QT_TRANSLATE_NOOP("Download", "Done"),
}


def offline_help(preset: HubPreset) -> str:
    """What to bring from a computer with a network, named file by file."""
    where = []
    for r in preset.repos:
        files = ", ".join(f.path for f in r.files if not f.optional)
        folder = r.repo.split("/")[-1]
        at = (
            translate("Download", " at commit {commit}").format(commit=r.revision[:7])
            if r.revision
            else ""
        )
        where.append(
            translate("Download", "into a folder {folder}/: {files} from {url}{at}").format(
                folder=folder, files=files, url=f"huggingface.co/{r.repo}", at=at
            )
        )
    return translate(
        "Download",
        "Without a network you can still add an image model: import a pack (a model's folder "
        "from Trove's model folder on another computer, or a .zip of it), or download the "
        "files of {model} on a computer with a network — {where} — and choose the folder "
        "that holds them. Trove checks every file just the same.",
    ).format(model=preset.title, where="; ".join(where))


def kind_note(preset: HubPreset) -> str:
    """What installing ``preset`` changes, in a sentence or two."""
    if not preset.for_documents:
        return translate("Download", "Photos are found by what they show with this model.")
    return translate(
        "Download",
        "Documents are searched by meaning with this model once it is installed ({n} "
        "languages, about {mb:,} MB on disk). Their passages get its vectors in the background; "
        "until a passage has one, the model you use now answers for it.",
    ).format(n=len(preset.languages), mb=preset.pack_mb)


class DownloadDialog(QDialog):
    """Get an image pack without torch; ``installed`` carries the new pack's info."""

    installed = Signal(object)  # PackInfo

    def __init__(
        self,
        packs_dir: Path,
        samples: Sequence[Path],
        on_import_pack: Callable[[Any], None],
        parent: Any = None,
        downloader: PackDownloader | None = None,
        presets: Sequence[HubPreset] = (),
        install: Callable[[Path], Any] | None = None,
        chosen: str | None = None,
    ) -> None:
        """``chosen``: the preset shown first (the window's offer of the multilingual model)."""
        super().__init__(parent)
        self.setWindowTitle(translate("Download", "Get a model"))
        self.setAccessibleName(translate("Download", "Get a model"))
        self.resize(620, 360)
        self.on_import_pack = on_import_pack
        self.worker = downloader or PackDownloader(packs_dir, samples, parent=self, install=install)
        self.presets = list(presets) or [p for p in HUB_PRESETS.values() if p.pinned]

        intro = QLabel(
            translate(
                "Download",
                "Trove finds photos by what they show, and documents by what they mean, with "
                "models. A model is downloaded once from the model hub, checked against its "
                "published checksums, converted to 8 bits and tested on this computer. Nothing "
                "else is sent, and searching stays offline.",
            )
        )
        intro.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setAccessibleName(translate("Download", "Model to download"))
        for p in self.presets:
            self.choice.addItem(
                translate("Download", "{model} — {mb:,} MB download, {licence}").format(
                    model=p.title, mb=p.download_mb, licence=p.licence
                ),
                p.name,
            )
        default = self.choice.findData(chosen or DEFAULT_PRESET)
        self.choice.setCurrentIndex(max(default, 0))
        # what choosing this model changes (a document model replaces the one documents are
        # searched with; the old one answers until every passage has a new vector)
        self.kind_note = QLabel()
        self.kind_note.setObjectName("downloadKind")
        self.kind_note.setWordWrap(True)
        self.status = QLabel(translate("Download", "Checking the connection…"))
        self.status.setObjectName("downloadStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(translate("Download", "Download progress"))
        self.bar.setRange(0, 1000)
        self.bar.setValue(0)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.detail = QLabel("")
        self.detail.setObjectName("downloadDetail")
        self.detail.setWordWrap(True)

        self.offline_box = QFrame()
        self.offline_box.setObjectName("offlineBox")
        off = QVBoxLayout(self.offline_box)
        off.setContentsMargins(0, 0, 0, 0)
        self.offline_text = QLabel()
        self.offline_text.setWordWrap(True)
        self.offline_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        self.import_pack_btn = QPushButton(translate("Download", "Import a pack file…"))
        self.import_files_btn = QPushButton(translate("Download", "Import downloaded model files…"))
        self.import_files_btn.setAccessibleName(
            translate("Download", "Import model files downloaded on another computer")
        )
        row.addWidget(self.import_pack_btn)
        row.addWidget(self.import_files_btn)
        row.addStretch(1)
        off.addWidget(self.offline_text)
        off.addLayout(row)
        self.offline_box.hide()  # until the connection check says there is no network

        self.download_btn = QPushButton(translate("Download", "Download"))
        self.download_btn.setDefault(True)
        self.download_btn.setEnabled(False)
        self.cancel_btn = QPushButton(translate("Download", "Cancel"))
        self.cancel_btn.setEnabled(False)
        self.close_btn = QPushButton(translate("Download", "Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.download_btn)
        buttons.addWidget(self.cancel_btn)
        buttons.addWidget(self.close_btn)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.choice)
        lay.addWidget(self.kind_note)
        lay.addWidget(self.status)
        lay.addWidget(self.bar)
        lay.addWidget(self.detail)
        lay.addWidget(self.offline_box)
        lay.addStretch(1)
        lay.addLayout(buttons)

        self.download_btn.clicked.connect(self._on_download_clicked)
        self.cancel_btn.clicked.connect(self._on_cancel_clicked)
        self.close_btn.clicked.connect(self.close)
        self.import_pack_btn.clicked.connect(lambda: self.on_import_pack(self))
        self.import_files_btn.clicked.connect(self._on_import_files_clicked)
        self.choice.currentIndexChanged.connect(lambda _i: self._say_files())
        self._say_files()
        self._online = False  # the connection check has answered, and the hub is reachable
        w = self.worker
        w.reachable.connect(self._on_worker_reachable)
        w.offline.connect(self._on_worker_offline)
        w.progress_changed.connect(self._on_worker_progress)
        w.finished.connect(self._on_worker_finished)
        w.failed.connect(self._on_worker_failed)
        w.cancelled.connect(self._on_worker_cancelled)
        w.probe()

    @property
    def preset(self) -> HubPreset:
        name = self.choice.currentData()
        return next(p for p in self.presets if p.name == name)

    def _say_files(self) -> None:
        self.offline_text.setText(offline_help(self.preset))
        self.kind_note.setText(kind_note(self.preset))

    # --- buttons ------------------------------------------------------------------------

    def _on_download_clicked(self) -> None:
        self._busy(True)
        self.status.setText(
            translate("Download", "Getting {model}…").format(model=self.preset.name)
        )
        self.worker.download(self.preset)

    def _on_import_files_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self,
            translate("Download", "Folder with the files of {model}").format(
                model=self.preset.name
            ),
            str(Path.home()),
        )
        if folder:
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path) -> None:
        self._busy(True)
        self.status.setText(
            translate("Download", "Importing {model} from {folder}…").format(
                model=self.preset.name, folder=folder
            )
        )
        self.worker.import_files(folder, self.preset)

    def _on_cancel_clicked(self) -> None:
        self.cancel_btn.setEnabled(False)
        self.status.setText(translate("Download", "Stopping…"))
        self.worker.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker.busy:
            self.worker.cancel()  # what was downloaded stays, for the next try
        super().closeEvent(event)

    # --- worker -------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        self.download_btn.setEnabled(not busy and self._online)
        self.choice.setEnabled(not busy)
        self.cancel_btn.setEnabled(busy)
        self.import_files_btn.setEnabled(not busy)
        self.import_pack_btn.setEnabled(not busy)
        self.bar.setVisible(busy)
        if busy:
            self.detail.setText("")

    def _on_worker_reachable(self, host: str) -> None:
        if self.worker.busy:
            return
        self._online = True
        self.offline_box.hide()
        self.download_btn.setEnabled(True)
        self.status.setText(
            translate("Download", "Ready to download from {host}.").format(host=host)
        )

    def _on_worker_offline(self, why: str) -> None:
        self._online = False
        self._busy(False)
        self.download_btn.setEnabled(False)
        self.status.setText(translate("Download", "No network: {why}.").format(why=why))
        self.offline_box.show()

    def _on_worker_progress(self, p: PackProgress) -> None:
        step = translate("Download", STEP_NAMES[p.step]) if p.step in STEP_NAMES else p.step
        if p.step == "download" and p.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * p.done / p.total))
            self.detail.setText(p.line())
        else:
            self.bar.setRange(0, 0)  # a step without a byte count: busy
            self.detail.setText(p.message)
        self.status.setText(f"{step}…" if p.step != "done" else p.message)

    def _on_worker_finished(self, info: Any) -> None:
        self._busy(False)
        self.download_btn.setEnabled(False)
        if "vision" in info.towers:
            said = translate(
                "Download",
                "Installed {name}. Your photos are being embedded with it in the background; "
                "you can keep searching meanwhile.",
            )
        else:
            said = translate(
                "Download",
                "Installed {name}. Your documents' passages are being embedded with it in the "
                "background; the previous model answers for them meanwhile.",
            )
        self.status.setText(said.format(name=info.name))
        self.detail.setText(
            translate("Download", "{family}, {dim} dimensions, {licence} · {source}").format(
                family=info.family, dim=info.dim, licence=info.licence, source=info.source
            )
        )
        self.installed.emit(info)

    def _on_worker_failed(self, why: str) -> None:
        self._busy(False)
        self.detail.setText("")  # the step that was under way is over
        self.status.setText(translate("Download", "Not installed: {why}").format(why=why))

    def _on_worker_cancelled(self) -> None:
        self._busy(False)
        self.status.setText(
            translate(
                "Download",
                "Stopped. What was downloaded is kept: Download continues where it stopped, "
                "also after Trove was closed.",
            )
        )
