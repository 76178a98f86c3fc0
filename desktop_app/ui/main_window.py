"""The main window: composes the search bar, results, preview, status and dialogs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.search.query import parse_query
from desktop_app.core.types import Hit, Progress, SearchResult
from desktop_app.paths import Paths
from desktop_app.settings import Settings, SettingsError, save_settings
from desktop_app.ui.duplicates_view import DuplicatesPanel
from desktop_app.ui.folders import FoldersDialog
from desktop_app.ui.preview import PreviewPane
from desktop_app.ui.results_model import HitRole, ResultsModel
from desktop_app.ui.results_view import ResultsView
from desktop_app.ui.search_bar import SearchBar
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.status import DetailsDialog, StatusWidget
from desktop_app.ui.thumbnails import ThumbnailLoader
from desktop_app.ui.welcome import PackBanner, WelcomePanel
from desktop_app.workers.engine_host import EngineHost

IMAGE_SUFFIXES = {
    ".jpg",
    ".jpeg",
    ".png",
    ".webp",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".heic",
    ".heif",
    ".avif",
}


class MainWindow(QMainWindow):
    results_shown = Signal(object)  # SearchResult, after the grid was updated (tests wait on it)

    def __init__(self, paths: Paths, settings: Settings, host: EngineHost) -> None:
        super().__init__()
        self.paths, self.settings, self.host = paths, settings, host
        self.setWindowTitle("Trove")
        self.resize(1180, 760)
        self.setAcceptDrops(True)
        self.image_query: str | None = None
        self.last_result: SearchResult | None = None
        self._pending_text = ""
        icons = paths.resources / "icons"
        self.setWindowIcon(QIcon(str(icons / "trove.svg")))
        doc_icon = self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon)

        self.search = SearchBar()
        self.model = ResultsModel(self)
        self.view = ResultsView(doc_icon)
        self.view.setModel(self.model)
        self.preview = PreviewPane()
        self.thumbs = ThumbnailLoader(paths.thumbnails_dir, self)
        self.model.thumbnail_wanted = self.thumbs.request
        self.thumbs.thumbnail_ready.connect(self.model.set_thumbnail)
        self.banner = PackBanner()
        self.banner.hide()
        self.message = QLabel("Type to search your photos and documents.")
        self.message.setObjectName("hint")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_chip = QWidget()
        chip_lay = QHBoxLayout(self.image_chip)
        chip_lay.setContentsMargins(0, 0, 0, 0)
        self.image_label = QLabel()
        clear_img = QPushButton("Clear image")
        clear_img.setAccessibleName("Stop searching by image")
        clear_img.clicked.connect(self.clear_image_query)
        # How far the typed words move the image (a composed query: "this photo, at night").
        self.strength = QSlider(Qt.Orientation.Horizontal)
        self.strength.setRange(0, 30)
        self.strength.setValue(10)
        self.strength.setMaximumWidth(160)
        self.strength.setAccessibleName("Strength of the words on the image")
        self.strength.setToolTip(
            "How far the words you type move the image query: left keeps the image, right "
            "follows the words"
        )
        self.strength_label = QLabel("Words: 1.0×")
        self.strength.valueChanged.connect(self._on_strength)
        chip_lay.addWidget(self.image_label, 1)
        chip_lay.addWidget(self.strength_label)
        chip_lay.addWidget(self.strength)
        chip_lay.addWidget(clear_img)
        self.image_chip.hide()

        split = QSplitter()
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.message)
        left_lay.addWidget(self.view, 1)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([820, 340])
        search_page = QWidget()
        lay = QVBoxLayout(search_page)
        lay.addWidget(self.banner)
        lay.addWidget(self.search)
        lay.addWidget(self.image_chip)
        lay.addWidget(split, 1)

        self.welcome = WelcomePanel(self._pack_names())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(search_page)
        self.duplicates = DuplicatesPanel()
        self.duplicates.set_thumbnail_loader(self.thumbs)
        self.stack.addWidget(self.duplicates)
        self.stack.setCurrentIndex(0 if not settings.roots and not settings.welcome_done else 1)
        self.setCentralWidget(self.stack)

        self.status = StatusWidget()
        self.statusBar().addPermanentWidget(self.status, 1)
        self.details = DetailsDialog(self)
        self._build_menus()
        self._wire()
        self.search.set_recent(settings.recent_searches)
        self.view.set_grid(settings.view_mode != "list")
        self._battery_timer = QTimer(self)
        self._battery_timer.setInterval(60_000)
        self._battery_timer.timeout.connect(self._check_battery)
        self._battery_timer.start()
        self._paused_for_battery = False
        self._update_banner()

    # --- construction --------------------------------------------------------------

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu("&File")
        self._action(m, "Add folder…", self.add_folder_dialog, "Ctrl+O")
        self._action(m, "Watched folders…", self.open_folders, "Ctrl+Shift+O")
        self._action(m, "Import model pack…", self.import_pack_dialog)
        self._action(m, "Settings…", self.open_settings, QKeySequence.StandardKey.Preferences)
        m.addSeparator()
        self._action(m, "Quit", self.close, QKeySequence.StandardKey.Quit)
        v = self.menuBar().addMenu("&View")
        self.grid_action = self._action(v, "Grid", lambda: self.set_view_mode("grid"), "Ctrl+1")
        self.list_action = self._action(v, "List", lambda: self.set_view_mode("list"), "Ctrl+2")
        self._action(v, "Indexing details and problems", self.show_details, "Ctrl+I")
        self._action(v, "Duplicates", self.show_duplicates, "Ctrl+D")
        s = self.menuBar().addMenu("&Search")
        self._action(s, "Paste image as query", self.paste_image, QKeySequence.StandardKey.Paste)
        self._action(s, "Search with an image file…", self.pick_image)
        self._action(s, "More like this", self.more_like_selected, "Ctrl+M")
        for seq in ("Ctrl+K", "Ctrl+F"):
            QShortcut(QKeySequence(seq), self, activated=self.focus_search)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def _wire(self) -> None:
        self.search.search_changed.connect(self._on_search_changed)
        self.search.filters_changed.connect(
            lambda: self._on_search_changed(self.search.field.text())
        )
        self.host.results_ready.connect(self._on_host_results)
        self.host.search_failed.connect(self._on_host_search_failed)
        self.host.progress_changed.connect(self._on_host_progress)
        self.host.opened.connect(self._on_host_opened)
        self.host.open_failed.connect(self._on_host_open_failed)
        self.view.selectionModel().currentChanged.connect(self._on_view_current)
        self.view.open_requested.connect(self._open_hit)
        self.view.preview_requested.connect(lambda h: self.preview.show_hit(h, self._terms()))
        self.preview.more_like_this.connect(self.search_image)
        self.status.pause_toggled.connect(self._on_status_pause)
        self.status.details_requested.connect(self.show_details)
        self.welcome.folders_chosen.connect(self.add_folders)
        self.welcome.choose_other.connect(self.add_folder_dialog)
        self.banner.import_requested.connect(self.import_pack_dialog)
        self.banner.download_requested.connect(self.download_pack)
        self.banner.dismissed.connect(self._on_banner_dismissed)
        self.host.duplicates_ready.connect(self.duplicates.show_report)
        self.duplicates.back_requested.connect(self.focus_search)
        self.duplicates.refresh_requested.connect(self.show_duplicates)

    # --- searching -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.stack.setCurrentIndex(1)
        self.search.field.setFocus()
        self.search.field.selectAll()

    def _terms(self) -> tuple[str, ...]:
        return parse_query(self.search.field.text()).terms

    def _on_search_changed(self, text: str) -> None:
        full = f"{text} {self.search.filter_tokens()}".strip()
        if not text.strip() and not self.image_query:
            self.model.set_hits(())
            self.preview.show_hit(None)
            self.message.setText("Type to search your photos and documents.")
            self.message.show()
            return
        self._pending_text = text
        if not self.host.ready:
            self.message.setText("Opening the index…")
            self.message.show()
        self.host.request_search(
            parse_query(
                full,
                image_path=self.image_query,
                limit=200,
                strength=self.strength.value() / 10,
            )
        )

    def _on_strength(self, value: int) -> None:
        self.strength_label.setText(f"Words: {value / 10:.1f}×")
        if self.image_query and self.search.field.text().strip():
            self.search.restart_timer()  # debounced like typing

    def _on_host_results(self, result: SearchResult) -> None:
        self.last_result = result
        self.model.set_hits(result.hits)
        if result.hits:
            strong = result.strong_count
            weak = len(result.hits) - strong
            if not result.confident:
                self.message.setText(
                    "No confident match — these are only the closest files (dimmed)."
                )
                self.message.show()
            elif weak:
                self.message.setText(
                    f"{strong} strong {'match' if strong == 1 else 'matches'} first; "
                    f"{weak} weaker (dimmed) after them."
                )
                self.message.show()
            else:
                self.message.hide()
            self.view.setCurrentIndex(self.model.index(0))
            self._remember(result.query.raw)
        else:
            note = " ".join(result.notes[:1])
            self.message.setText(f"No matches. {note}".strip())
            self.message.show()
        self.statusBar().showMessage(
            f"{len(result.hits)} results in {result.elapsed_ms:.0f} ms", 4000
        )
        self.results_shown.emit(result)

    def _on_host_search_failed(self, _gen: int, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def _remember(self, raw: str) -> None:
        text = self._pending_text.strip()
        if len(text) < 3:
            return
        rec = [r for r in self.settings.recent_searches if r != text]
        self.settings.recent_searches = [text, *rec][:20]
        self.search.set_recent(self.settings.recent_searches)

    def _on_view_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        hit: Hit | None = current.data(HitRole) if current.isValid() else None
        self.preview.show_hit(hit, self._terms())

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(hit.path))

    def show_duplicates(self) -> None:
        """The Duplicates view; its groups are found on a worker thread."""
        self.stack.setCurrentWidget(self.duplicates)
        self.duplicates.show_loading()
        self.host.request_duplicates()

    # --- image queries -----------------------------------------------------------------

    def search_image(self, path: str) -> None:
        self.image_query = path
        self.image_label.setText(
            f"Searching by image: {os.path.basename(path)} — add words to refine"
        )
        self.image_chip.show()
        self.stack.setCurrentIndex(1)
        self._on_search_changed(self.search.field.text())

    def clear_image_query(self) -> None:
        self.image_query = None
        self.image_chip.hide()
        self._on_search_changed(self.search.field.text())

    def pick_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Search with an image",
            "",
            "Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff *.heic)",
        )
        if path:
            self.search_image(path)

    def paste_image(self) -> None:
        cb = QGuiApplication.clipboard()
        md = cb.mimeData()
        if md is not None and md.hasUrls():
            for url in md.urls():
                if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES:
                    self.search_image(url.toLocalFile())
                    return
        img = cb.image()
        if not img.isNull():
            self.paths.cache.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(suffix=".png", prefix="pasted-", dir=self.paths.cache)
            os.close(fd)
            img.save(tmp, "PNG")
            self.search_image(tmp)
            return
        self.search.field.paste()

    def more_like_selected(self) -> None:
        hit = self.view.currentIndex().data(HitRole)
        if hit is not None:
            self.search_image(hit.path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        md = event.mimeData()
        if md.hasUrls() and any(
            Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES for u in md.urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for u in event.mimeData().urls():
            if Path(u.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES:
                self.search_image(u.toLocalFile())
                event.acceptProposedAction()
                return

    # --- folders, packs, settings --------------------------------------------------------

    def add_folder_dialog(self) -> None:
        d = QFileDialog.getExistingDirectory(self, "Add a folder to watch")
        if d:
            self.add_folders([d])

    def add_folders(self, folders: list[str]) -> None:
        changed = False
        for f in folders:
            changed |= self.settings.add_root(os.path.abspath(f))
        self.settings.welcome_done = True
        self.stack.setCurrentIndex(1)
        self._save()
        if changed:
            self.host.restart_indexing(
                tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
            )
        self.focus_search()

    def open_folders(self) -> None:
        def show(status: Any) -> None:
            by_root = {r.path: r for r in status.roots} if not isinstance(status, Exception) else {}
            dlg = FoldersDialog(self.settings.roots, self.settings.exclude_patterns, by_root, self)
            if dlg.exec():
                self.settings.roots = dlg.roots
                self.settings.exclude_patterns = dlg.exclude_patterns()
                self._save()
                removed = [r for r in by_root if r not in dlg.roots]
                if removed and self.host.engine is not None:
                    engine = self.host.engine
                    self.host.run_task(lambda: [engine.forget(r) for r in removed])
                self.host.restart_indexing(
                    tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
                )

        if self.host.engine is None:
            show(RuntimeError("not open"))
        else:
            engine = self.host.engine
            self.host.run_task(engine.status, show)

    def import_pack_dialog(self, parent: Any = None) -> None:
        path, _ = QFileDialog.getOpenFileName(
            parent or self, "Import a model pack", "", "Model packs (*.zip manifest.json)"
        )
        if not path:
            return
        src = Path(path).parent if Path(path).name == "manifest.json" else Path(path)
        self.import_pack(src, parent)

    def import_pack(self, src: Path, dialog: Any = None) -> None:
        from desktop_app.core.embed import PackError, PackManager

        def work() -> Any:
            try:
                info = PackManager([self.paths.packs_dir]).import_pack(src, self.paths.packs_dir)
            except PackError as exc:
                return exc
            if self.host.engine is not None:
                self.host.engine.reload_packs()
            return info

        def done(result: Any) -> None:
            if isinstance(result, Exception):
                QMessageBox.warning(self, "Cannot import this pack", str(result))
                return
            self.statusBar().showMessage(
                f"Installed {result.name}; new photos vectors are computed in the background", 8000
            )
            self._update_banner()
            if dialog is not None and hasattr(dialog, "set_packs"):
                dialog.set_packs(self._packs())
            self.host.restart_indexing(
                tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
            )

        self.host.run_task(work, done)

    def download_pack(self, parent: Any = None) -> None:
        """Get an image model from the hub, no torch needed (desktop_app/ui/download_dialog.py)."""
        from desktop_app.ui.download_dialog import DownloadDialog

        samples = sorted((self.paths.resources / "sample").glob("*.jpg"))
        dlg = DownloadDialog(self.paths.packs_dir, samples, self.import_pack_dialog, parent or self)
        dlg.installed.connect(lambda _info: self._on_pack_installed(parent))
        self._download_dialog = dlg  # not modal: searching and indexing go on meanwhile
        dlg.show()

    def _on_pack_installed(self, dialog: Any = None) -> None:
        def done(_result: Any) -> None:
            self._update_banner()
            if dialog is not None and hasattr(dialog, "set_packs"):
                dialog.set_packs(self._packs())
            self.host.restart_indexing(
                tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
            )

        if self.host.engine is not None:
            self.host.run_task(self.host.engine.reload_packs, done)
        else:
            done(None)

    def _packs(self) -> list[Any]:
        from desktop_app.core.embed import PackManager

        return PackManager((self.paths.packs_dir, self.paths.bundled_packs)).list_packs()

    def _pack_names(self) -> list[str]:
        return [p.name for p in self._packs()]

    def _update_banner(self) -> None:
        has_image = any("vision" in p.towers for p in self._packs())
        self.banner.setVisible(not has_image and not self.settings.banner_dismissed)

    def _on_banner_dismissed(self) -> None:
        self.settings.banner_dismissed = True
        self._save()

    def open_settings(self) -> None:
        def remove(dialog: Any, name: str) -> None:
            from desktop_app.core.embed import PackError, PackManager

            try:
                PackManager([self.paths.packs_dir]).remove(name)
            except PackError as exc:
                QMessageBox.warning(self, "Cannot remove", str(exc))
            dialog.set_packs(self._packs())
            if self.host.engine is not None:
                self.host.run_task(self.host.engine.reload_packs, lambda _r: self._update_banner())

        dlg = SettingsDialog(
            self.settings, self._packs(), self.import_pack_dialog, remove, self, self.download_pack
        )
        before = self.settings.active_image_pack
        ocr_before = self.settings.ocr
        if dlg.exec():
            dlg.apply(self.paths.resources / "trove.desktop")
            self._save()
            if self.settings.ocr != ocr_before:
                self._apply_ocr_setting()
            if self.settings.active_image_pack != before and self.host.engine is not None:
                engine = self.host.engine
                active = self.settings.active_image_pack
                self.host.run_task(lambda: engine.reload_packs(active or None))
                self.host.restart_indexing(
                    tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
                )

    def _apply_ocr_setting(self) -> None:
        """Reading text in pictures switched on or off: the running indexer follows at once."""
        from dataclasses import replace

        self.host.config = replace(self.host.config, ocr=self.settings.ocr)
        if self.host.engine is not None:
            self.host.engine.config = replace(self.host.engine.config, ocr=self.settings.ocr)
            self.host.restart_indexing(
                tuple(self.settings.roots), tuple(self.settings.exclude_patterns)
            )

    def set_view_mode(self, mode: str) -> None:
        self.settings.view_mode = mode
        self.view.set_grid(mode == "grid")
        self._save()

    def _save(self) -> None:
        try:
            save_settings(self.settings, self.paths.settings_file)
        except SettingsError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    # --- indexing status ---------------------------------------------------------------

    def _on_host_opened(self) -> None:
        if self.search.field.text().strip() or self.image_query:
            self._on_search_changed(self.search.field.text())
        else:
            self.message.setText("Type to search your photos and documents.")

    def _on_host_open_failed(self, message: str) -> None:
        self.status.label.setText(message)
        QMessageBox.critical(self, "Trove cannot open its index", message)

    def _on_host_progress(self, p: Progress) -> None:
        self.status.show_progress(p)
        if p.phase == "idle":
            self._refresh_notices()
        if self.details.isVisible():
            self.details.show_progress(p)
            if p.phase in ("idle", "paused"):
                self._refresh_problems()

    def _refresh_notices(self) -> None:
        engine = self.host.engine
        if engine is None:
            return

        def done(notices: Any) -> None:
            if isinstance(notices, tuple):
                self.status.set_notices(notices)
                self.details.set_notices(notices)

        self.host.run_task(lambda: engine.status().notices, done)

    def _on_status_pause(self, paused: bool) -> None:
        if paused:
            self.host.pause()
        else:
            self.host.resume()

    def show_details(self) -> None:
        self.details.show_progress(self.status.last)
        self._refresh_problems()
        self.details.show()
        self.details.raise_()

    def _refresh_problems(self) -> None:
        if self.host.engine is not None:
            self.host.run_task(
                self.host.engine.problems,
                lambda probs: self.details.set_problems(probs if isinstance(probs, list) else []),
            )

    def _check_battery(self) -> None:
        if not self.settings.pause_on_battery:
            return
        try:
            import psutil

            batt = psutil.sensors_battery()
        except (ImportError, RuntimeError, OSError):
            return
        if batt is None:
            return
        on_battery = not batt.power_plugged
        if on_battery and not self.host.paused:
            self._paused_for_battery = True
            self.status.pause_btn.setChecked(True)
        elif not on_battery and self._paused_for_battery:
            self._paused_for_battery = False
            self.status.pause_btn.setChecked(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save()
        super().closeEvent(event)
