"""The main window: composes the search bar, browse and results views, preview, status and
dialogs, and connects them to the controllers (desktop_app/ui/controllers), which hold the
policy and run every slow step off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
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
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.scan.kinds import IMAGE_EXTS, kind_for
from desktop_app.core.types import BrowseResult, Hit, Kind, Phase, Query, SearchResult
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.browse import BrowsePanel
from desktop_app.ui.controllers.folders import FoldersController
from desktop_app.ui.controllers.packs import PacksController
from desktop_app.ui.controllers.power import PowerController
from desktop_app.ui.controllers.search import BrowseState, SearchController
from desktop_app.ui.controllers.settings import SettingsController, SettingsWriter
from desktop_app.ui.controllers.status import StatusController
from desktop_app.ui.duplicates_view import DuplicatesPanel
from desktop_app.ui.folders import FoldersDialog
from desktop_app.ui.i18n import translate
from desktop_app.ui.opening import open_in_desktop
from desktop_app.ui.preview import PreviewPane
from desktop_app.ui.quick_look import QuickLook
from desktop_app.ui.results_model import HitRole, ResultsModel, layout_for
from desktop_app.ui.results_view import ResultsView
from desktop_app.ui.search_bar import ImageQueryChip, SearchBar
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.status import DetailsDialog, LibraryStatus, StatusWidget
from desktop_app.ui.thumbnails import ThumbnailLoader
from desktop_app.ui.welcome import LanguageBanner, PackBanner, WelcomePanel
from desktop_app.workers.engine_host import EngineHost


def is_image_file(path: str) -> bool:
    """Trove's own list of picture formats (core/scan/kinds.py): what it indexes, it takes."""
    return kind_for(path, sniff=False) == Kind.PHOTO


def preferences_shortcut() -> QKeySequence:
    """The platform's key for Settings (Cmd+, on macOS), or Ctrl+, where it has none (Qt's
    Preferences key is empty on Linux and Windows)."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return keys[0] if keys else QKeySequence("Ctrl+,")


def image_filter() -> str:
    patterns = " ".join(f"*.{e}" for e in sorted(IMAGE_EXTS))
    return translate("MainWindow", "Images ({patterns})").format(patterns=patterns)


class MainWindow(QMainWindow):
    results_shown = Signal(object)  # SearchResult, after the view was updated (tests wait on it)
    browse_shown = Signal(object)  # BrowseResult, likewise for the browse view

    def __init__(self, paths: Paths, settings: Settings, host: EngineHost) -> None:
        super().__init__()
        self.paths, self.settings, self.host = paths, settings, host
        self.settings_file = SettingsWriter(settings, paths.settings_file, self)
        self.setWindowTitle("Trove")  # the name: not translated
        self.resize(1180, 760)
        self.setAcceptDrops(True)
        self.setWindowIcon(QIcon(str(paths.resources / "icons" / "trove.svg")))

        self.folders = FoldersController(host, settings, self._save, self)
        self.packs = PacksController(host, paths, settings, self._save, self)
        self.power = PowerController(host, settings, parent=self)
        self.searching = SearchController(host, settings, self)
        self.indexing = StatusController(host, self)
        self.preferences = SettingsController(
            host, settings, self._save, self.packs, self.power, self
        )

        self._shown_query: Query | None = None  # the question the results view answers
        self.thumbs = ThumbnailLoader(paths.thumbnails_dir, self)
        self.search = SearchBar()
        self.image_chip = ImageQueryChip()
        self.model = ResultsModel(self)
        self.view = ResultsView()
        self.view.setModel(self.model)
        self.browse = BrowsePanel()
        for m in (self.model, self.browse.model):
            m.thumbnail_wanted = self.thumbs.request
            self.thumbs.thumbnail_ready.connect(m.set_thumbnail)
        self.preview = PreviewPane(self.thumbs)
        self.quick_look = QuickLook(self.thumbs, self)
        self.banner = PackBanner()
        self.banner.hide()
        self.language_banner = LanguageBanner()
        self.language_banner.hide()
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.results_stack = QStackedWidget()
        self.results_stack.addWidget(self.browse)
        self.results_stack.addWidget(self.view)

        split = QSplitter()
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.message)
        left_lay.addWidget(self.results_stack, 1)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([820, 340])
        search_page = QWidget()
        lay = QVBoxLayout(search_page)
        lay.addWidget(self.banner)
        lay.addWidget(self.language_banner)
        lay.addWidget(self.search)
        lay.addWidget(self.image_chip)
        lay.addWidget(split, 1)

        self.welcome = WelcomePanel([])
        self.duplicates = DuplicatesPanel()
        self.duplicates.set_thumbnail_loader(self.thumbs)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(search_page)
        self.stack.addWidget(self.duplicates)
        self.stack.setCurrentIndex(0 if not settings.roots and not settings.welcome_done else 1)
        self.setCentralWidget(self.stack)

        self.status = StatusWidget()
        self.library_status = LibraryStatus()
        self.statusBar().addPermanentWidget(self.library_status)
        self.statusBar().addPermanentWidget(self.status, 1)
        self.details = DetailsDialog(self)
        self._build_menus()
        self._wire()
        self.search.set_recent(settings.recent_searches)
        self._check_layout_action()
        self.packs.refresh()  # the list, the banner and the welcome page fill in when read
        self.searching.run()  # before the first query: the newest files, or what to do first

    # --- construction --------------------------------------------------------------

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self._action(m, translate("MainWindow", "Add folder…"), self.add_folder_dialog, "Ctrl+O")
        self._action(
            m, translate("MainWindow", "Watched folders…"), self.open_folders, "Ctrl+Shift+O"
        )
        self._action(m, translate("MainWindow", "Import model pack…"), self.import_pack_dialog)
        self.settings_action = self._action(
            m, translate("MainWindow", "Settings…"), self.open_settings, preferences_shortcut()
        )
        m.addSeparator()
        self._action(m, translate("MainWindow", "Quit"), self.close, QKeySequence.StandardKey.Quit)
        v = self.menuBar().addMenu(translate("MainWindow", "&View"))
        group = QActionGroup(self)
        self.layout_actions = {}
        for mode, text, key in (
            ("auto", translate("MainWindow", "Automatic layout"), "Ctrl+0"),
            ("grid", translate("MainWindow", "Grid"), "Ctrl+1"),
            ("list", translate("MainWindow", "List"), "Ctrl+2"),
        ):
            a = self._action(v, text, lambda _c=False, m=mode: self.set_view_mode(m), key)
            a.setCheckable(True)
            group.addAction(a)
            self.layout_actions[mode] = a
        v.addSeparator()
        self._action(
            v, translate("MainWindow", "Indexing details and problems"), self.show_details, "Ctrl+I"
        )
        self._action(v, translate("MainWindow", "Duplicates"), self.show_duplicates, "Ctrl+D")
        s = self.menuBar().addMenu(translate("MainWindow", "&Search"))
        self._action(
            s,
            translate("MainWindow", "Paste image as query"),
            self.paste_image,
            QKeySequence.StandardKey.Paste,
        )
        self._action(s, translate("MainWindow", "Search with an image file…"), self.pick_image)
        self._action(
            s, translate("MainWindow", "More like this"), self.more_like_selected, "Ctrl+M"
        )
        for seq in ("Ctrl+K", "Ctrl+F"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.focus_search)

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        menu.addAction(a)
        self.addAction(a)  # the shortcut works wherever the focus is in the window
        return a

    def _wire(self) -> None:
        s = self.searching
        self.search.search_changed.connect(s.set_text)
        self.search.filters_changed.connect(lambda: s.set_filters(self.search.filter_tokens()))
        self.image_chip.cleared.connect(s.clear_image)
        self.image_chip.strength_changed.connect(s.set_strength)
        s.image_changed.connect(self.image_chip.show_image)
        s.results.connect(self._on_results)
        s.browsed.connect(self._on_browsed)
        s.message_changed.connect(self._show_message)
        s.recent_changed.connect(self.search.set_recent)
        s.status_message.connect(self.statusBar().showMessage)
        for view in (self.view, self.browse.view):
            view.selectionModel().currentChanged.connect(self._on_view_current)
            view.open_requested.connect(self._open_hit)
            view.preview_requested.connect(lambda h: self.quick_look.show_hit(h, s.terms))
            view.leave_requested.connect(self.focus_search)
        self.search.field.down_pressed.connect(lambda: self.current_view.enter())
        self.quick_look.step_requested.connect(lambda key: self.current_view.step(key))
        self.quick_look.open_requested.connect(self._open_hit)
        self.quick_look.finished.connect(lambda _r: self.current_view.setFocus())
        for pane in (self.preview, self.quick_look.pane):
            pane.more_like_this.connect(self.search_image)
        self.browse.empty.add_folder.connect(self.add_folder_dialog)
        self.browse.empty.details.connect(self.show_details)
        self.browse.empty.clear_filters.connect(self.search.clear_filters)

        self.status.pause_clicked.connect(self.power.toggle)
        self.power.paused_changed.connect(self.status.set_paused)
        self.status.details_requested.connect(self.show_details)
        self.indexing.progress_changed.connect(self._on_progress)
        self.indexing.notices_changed.connect(self.status.set_notices)
        self.indexing.failed_changed.connect(self.status.set_failed)
        self.indexing.notices_changed.connect(self.details.set_notices)
        self.indexing.problems_changed.connect(self.details.set_problems)
        self.details.finished.connect(lambda _r: setattr(self.indexing, "watch_problems", False))
        self.host.open_failed.connect(self._on_open_failed)
        self.host.task_failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.settings_file.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))

        self.welcome.folders_chosen.connect(self.add_folders)
        self.welcome.choose_other.connect(self.add_folder_dialog)
        self.packs.packs_changed.connect(self._on_packs)
        self.packs.message.connect(self.statusBar().showMessage)
        self.packs.problem.connect(lambda title, text: QMessageBox.warning(self, title, text))
        self.packs.import_requested.connect(self.import_pack_dialog)
        self.banner.import_requested.connect(self.import_pack_dialog)
        self.banner.download_requested.connect(self.download_pack)
        self.banner.dismissed.connect(self._on_banner_dismissed)
        self.packs.language_hint.connect(self.language_banner.offer)
        self.language_banner.get_requested.connect(self._on_language_offer_taken)
        self.language_banner.dismissed.connect(self.packs.language_hint_answered)
        self.indexing.progress_changed.connect(self._on_progress_for_languages)

        self.host.libraries_changed.connect(self.library_status.show_states)
        self.library_status.clicked.connect(self.open_settings)
        self.host.duplicates_ready.connect(self.duplicates.show_report)
        self.duplicates.back_requested.connect(self.focus_search)
        self.duplicates.refresh_requested.connect(self.show_duplicates)

    # --- searching and browsing ---------------------------------------------------------

    @property
    def last_result(self) -> SearchResult | None:
        return self.searching.last_result

    @property
    def current_view(self) -> ResultsView:
        """The results or the browse view, whichever is shown."""
        return self.browse.view if self.results_stack.currentWidget() is self.browse else self.view

    def focus_search(self) -> None:
        self.stack.setCurrentIndex(1)
        self.search.field.setFocus()
        self.search.field.selectAll()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_results(self, result: SearchResult) -> None:
        # the same question answered again: the index changed under an open list (files
        # added, deleted, re-ranked); the chosen file and the layout stay
        live = self._shown_query == result.query and self.results_stack.currentWidget() is self.view
        self._shown_query = result.query
        if not live:
            self._fit_layout(self.view, result.hits)
        self.view.replace_hits(result.hits, keep=live)
        self.results_stack.setCurrentWidget(self.view)
        if not result.hits:
            self.preview.show_hit(None)
        if result.unread_by_photos and not self.language_banner.isVisible():
            # a search the photo model could not read: the multilingual one may be offered
            self.packs.check_languages(result.unread_by_photos)
        self.results_shown.emit(result)

    def _on_browsed(self, result: BrowseResult, state: BrowseState) -> None:
        self._shown_query = None
        self._fit_layout(self.browse.view, result.hits)
        self.browse.show_browse(result, state)
        self.results_stack.setCurrentWidget(self.browse)
        current = self.browse.view.currentIndex()
        if current.isValid():  # back from a search: the preview follows the browse view again
            self._on_view_current(current, current)
        else:
            self.preview.show_hit(None)
        self.browse_shown.emit(result)

    def _on_view_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        hit: Hit | None = current.data(HitRole) if current.isValid() else None
        if hit is not None and hit != self.preview.hit:  # a refresh re-selecting it: no reload
            self.preview.show_hit(hit, self.searching.terms)
        if self.quick_look.isVisible() and hit != self.quick_look.hit:
            self.quick_look.show_hit(hit, self.searching.terms)

    def _open_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            open_in_desktop(self, hit.path, library=hit.library)

    def set_view_mode(self, mode: str) -> None:
        """'auto', 'grid' or 'list' (Ctrl+0 / Ctrl+1 / Ctrl+2)."""
        self.settings.view_mode = mode
        self._check_layout_action()
        self._fit_layout(self.view, self.model.hits())
        self._fit_layout(self.browse.view, self.browse.model.hits())
        self._save()

    def _check_layout_action(self) -> None:
        action = self.layout_actions.get(self.settings.view_mode, self.layout_actions["auto"])
        action.setChecked(True)

    def _fit_layout(self, view: ResultsView, hits: tuple[Hit, ...]) -> None:
        mode = self.settings.view_mode
        grid = layout_for(hits) == "grid" if mode not in ("grid", "list") else mode == "grid"
        if grid != view.grid:
            view.set_grid(grid)

    def show_duplicates(self) -> None:
        """The Duplicates view; its groups are found on a worker thread."""
        self.stack.setCurrentWidget(self.duplicates)
        self.duplicates.show_loading()
        self.host.request_duplicates()

    # --- image queries -----------------------------------------------------------------

    def search_image(self, path: str) -> None:
        self.stack.setCurrentIndex(1)
        self.searching.set_image(path)

    def clear_image_query(self) -> None:
        self.searching.clear_image()

    def pick_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Search with an image"), str(Path.home()), image_filter()
        )
        if path:
            self.search_image(path)

    def paste_image(self) -> None:
        cb = QGuiApplication.clipboard()
        md = cb.mimeData()
        if md is not None and md.hasUrls():
            for url in md.urls():
                if url.isLocalFile() and is_image_file(url.toLocalFile()):
                    self.search_image(url.toLocalFile())
                    return
        img = cb.image()
        if not img.isNull():  # saved to a file on a worker thread, then searched by
            self.stack.setCurrentIndex(1)
            self.searching.search_pasted(img, self.paths.cache)
            return
        self.search.field.paste()

    def more_like_selected(self) -> None:
        hit = self.current_view.currentIndex().data(HitRole)
        if hit is not None:
            self.search_image(hit.path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        md = event.mimeData()
        if md.hasUrls() and any(is_image_file(u.toLocalFile()) for u in md.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for u in event.mimeData().urls():
            if is_image_file(u.toLocalFile()):
                self.search_image(u.toLocalFile())
                event.acceptProposedAction()
                return

    # --- folders, packs, settings --------------------------------------------------------

    def add_folder_dialog(self) -> None:
        d = QFileDialog.getExistingDirectory(
            self, translate("MainWindow", "Add a folder to watch"), str(Path.home())
        )
        if d:
            self.add_folders([d])

    def add_folders(self, folders: list[str]) -> None:
        self.folders.add(folders)
        self.searching.run()  # the browse view now waits for the new folders' files
        self.focus_search()

    def open_folders(self) -> None:
        def show(by_root: dict[str, Any]) -> None:
            dlg = FoldersDialog(self.settings.roots, self.settings.exclude_patterns, by_root, self)
            if dlg.exec():
                self.folders.apply(dlg.roots, dlg.exclude_patterns())
                self.searching.run()

        self.folders.status(show)

    def import_pack_dialog(self, parent: Any = None) -> None:
        path, _ = QFileDialog.getOpenFileName(
            parent or self,
            translate("MainWindow", "Import a model pack"),
            str(Path.home()),
            translate("MainWindow", "Model packs ({patterns})").format(
                patterns="*.zip manifest.json"
            ),
        )
        if path:
            self.import_pack(
                Path(path).parent if Path(path).name == "manifest.json" else Path(path)
            )

    def import_pack(self, src: Path) -> None:
        self.packs.import_pack(src)

    def download_pack(self, parent: Any = None, chosen: str | None = None) -> None:
        """Get a model (the packs controller's one entry point for it)."""
        self._download_dialog = self.packs.download(parent or self, chosen)

    def _on_packs(self, packs: list[Any]) -> None:
        self.welcome.set_packs([p.name for p in packs])
        self.banner.setVisible(not self.packs.has_image_pack and not self.settings.banner_dismissed)
        if not self.language_banner.isVisible():
            self.packs.check_languages()

    def _on_progress_for_languages(self, p: Any) -> None:
        # the library's languages are known once indexing rests (the record grows meanwhile)
        if p.phase == Phase.IDLE and not self.language_banner.isVisible():
            self.packs.check_languages()

    def _on_language_offer_taken(self, preset: str) -> None:
        self.packs.language_hint_answered(self.language_banner.kind)
        self.download_pack(chosen=preset)

    def _on_banner_dismissed(self) -> None:
        self.settings.banner_dismissed = True
        self._save()

    def open_settings(self) -> None:
        dlg = SettingsDialog(
            self.settings,
            self.packs.packs if self.packs.loaded else None,
            self,
            self.host.libraries.states(),
        )
        self.packs.packs_changed.connect(dlg.set_packs)
        self.host.libraries_changed.connect(dlg.set_library_states)
        dlg.import_requested.connect(lambda: self.import_pack_dialog(dlg))
        dlg.remove_requested.connect(self.packs.remove)
        dlg.download_requested.connect(lambda: self.download_pack(dlg))
        self.packs.refresh()  # the dialog fills in (again) when the manifests are read
        accepted = dlg.exec()
        self.packs.packs_changed.disconnect(dlg.set_packs)
        self.host.libraries_changed.disconnect(dlg.set_library_states)
        if accepted:
            dlg.apply_login(self.paths.resources / "trove.desktop")
            self.preferences.apply(dlg.choices())

    def _save(self) -> None:
        self.settings_file.save()  # written on a thread of its own; a failure is said below

    # --- indexing status ---------------------------------------------------------------

    def _on_open_failed(self, message: str) -> None:
        self.status.label.setText(message)
        QMessageBox.critical(self, translate("MainWindow", "Trove cannot open its index"), message)

    def _on_progress(self, p: Any) -> None:
        self.status.show_progress(p)
        if self.details.isVisible():
            self.details.show_progress(p)

    def show_details(self) -> None:
        self.details.show_progress(self.indexing.last)
        self.indexing.watch_problems = True
        self.indexing.refresh_problems()
        self.indexing.refresh_notices()
        self.details.show()
        self.details.raise_()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save()
        self.settings_file.flush()  # quitting: the last change must reach the disk
        super().closeEvent(event)
