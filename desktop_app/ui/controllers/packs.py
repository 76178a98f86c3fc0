"""Model packs: the installed list (read off the GUI thread), import, remove, the active image
pack, and getting one (``download``: the download dialog). The engine reloads its packs with
the indexer stopped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.controllers import SaveSettings
from desktop_app.ui.i18n import translate
from desktop_app.workers.engine_host import EngineHost


class PacksController(QObject):
    packs_changed = Signal(list)  # list[PackInfo], after every read of the packs folders
    message = Signal(str, int)  # a status-bar line and how long it stays (ms)
    problem = Signal(str, str)  # (title, sentence) for a dialog
    import_requested = Signal(object)  # the dialog asking to import a pack file (its parent)
    # the multilingual document model would understand the library (core.packs.suggest's
    # LanguageHint): the window says so once and offers it
    language_hint = Signal(object)

    def __init__(
        self,
        host: EngineHost,
        paths: Paths,
        settings: Settings,
        save: SaveSettings,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.host, self.paths, self.settings, self._save = host, paths, settings, save
        self.packs: list[Any] = []  # PackInfo; empty until the first read lands
        self.loaded = False
        self.dialog: Any = None  # the download dialog, while one is open
        # languages of queries the photo model could not read, this session (for its offer)
        self._query_languages: list[str] = []

    @property
    def has_image_pack(self) -> bool:
        return any("vision" in p.towers for p in self.packs)

    # --- the list ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read every pack's manifest on the task lane; ``packs_changed`` answers."""
        self.host.run_engine(lambda engine: engine.packs(), self._on_listed, self._on_list_failed)

    def _on_listed(self, packs: list[Any]) -> None:
        self.packs, self.loaded = packs, True
        self.packs_changed.emit(packs)

    def _on_list_failed(self, exc: Exception) -> None:
        self.message.emit(
            translate("Packs", "Cannot read the model packs: {reason}").format(reason=exc), 8000
        )

    # --- changes -----------------------------------------------------------------------

    def import_pack(self, src: Path) -> None:
        """Install a pack from a folder or a .zip (copied and checked off the GUI thread)."""
        self.host.run_engine(
            lambda engine: engine.install_pack(Path(src)),
            self._on_installed,
            lambda exc: self.problem.emit(translate("Packs", "Cannot import this pack"), str(exc)),
        )

    def remove(self, name: str) -> None:
        """Delete an installed pack's folder (off the GUI thread), then reload the packs."""
        self.host.run_engine(
            lambda engine: engine.remove_pack(name),
            lambda _r: self._on_removed(name),
            self._on_remove_failed,
        )

    def _on_removed(self, name: str) -> None:
        self.message.emit(translate("Packs", "Removed {name}").format(name=name), 5000)
        self.reload()

    def _on_remove_failed(self, exc: Exception) -> None:
        self.problem.emit(translate("Packs", "Cannot remove"), str(exc))
        self.refresh()

    def set_document_pack(self, name: str | None) -> None:
        """Choose the document pack that answers (None: the default one); passages are
        re-embedded in the background while the previous pack answers for them."""
        self.settings.document_pack = name
        self._save()
        self.reconfigure(document_pack=name)

    def set_active(self, name: str | None) -> None:
        """Choose the image pack that answers (None: the best installed), at once."""
        self.settings.active_image_pack = name
        self._save()
        self.reconfigure(active_image_pack=name)

    def reconfigure(self, **changes: Any) -> None:
        """Apply configuration changes in one restart of the indexer; the packs are reloaded
        when the choice of image pack or the encoders' thread count changed."""
        reload = bool({"active_image_pack", "document_pack", "threads"} & set(changes))
        chosen = bool({"active_image_pack", "document_pack"} & set(changes))
        self.host.reconfigure(
            (lambda engine: engine.reload_packs()) if reload else None,
            (lambda _r: self.refresh()) if chosen else None,
            **changes,
        )

    def reload(self) -> None:
        """Packs were installed or removed: the list is read again and the engine reloads
        (new vectors are computed when the indexer starts again)."""
        self.refresh()
        self.host.reconfigure(lambda engine: engine.reload_packs(), lambda _r: self.refresh())

    # --- getting an image model ----------------------------------------------------------

    def download(self, parent: Any = None, chosen: str | None = None) -> Any:
        """Get an image or document model: the download dialog (desktop_app/ui/download_dialog
        .py: ready-made graphs from the hub, no torch), not modal, so searching and indexing go
        on; ``chosen`` is the model it shows first. Nothing is fetched until its Download is
        clicked. Its new pack reaches the engine through ``reload`` (a document pack is chosen
        too); its "Import a pack file…" asks the window through ``import_requested``."""
        from desktop_app.ui.download_dialog import DownloadDialog

        samples = sorted((self.paths.resources / "sample").glob("*.jpg"))
        dlg = DownloadDialog(
            self.paths.packs_dir,
            samples,
            self.import_requested.emit,
            parent,
            install=self._install_downloaded,
            chosen=chosen,
        )
        dlg.installed.connect(self._on_installed)
        self.dialog = dlg
        dlg.show()
        return dlg

    def _install_downloaded(self, src: Path) -> Any:
        """A downloaded pack goes in through the engine's one registry (on the download's
        thread; the registry takes its own lock). Before the index is open, the engine that
        is opening it is waited for, never a second registry."""
        engine = self.host.opened_engine()
        if engine is None:
            raise RuntimeError(translate("Packs", "Trove's index could not be opened"))
        return engine.install_pack(src)

    def _on_installed(self, info: Any) -> None:
        if "vision" not in info.towers and getattr(info, "family", "") == "sentence":
            self.message.emit(
                translate(
                    "Packs",
                    "Installed {name}; documents get their new vectors in the background",
                ).format(name=info.name),
                8000,
            )
            self.set_document_pack(info.name)  # getting a document model is choosing it
            return
        self.message.emit(
            translate(
                "Packs", "Installed {name}; photos get their new vectors in the background"
            ).format(name=info.name),
            8000,
        )
        self.reload()

    # --- the multilingual document and photo models, each suggested once --------------------

    def _kinds_to_ask(self) -> tuple[str, ...]:
        done = {
            "documents": self.settings.language_hint_done,
            "photos": self.settings.photo_language_hint_done,
        }
        return tuple(kind for kind, answered in done.items() if not answered)

    def check_languages(self, query_language: str = "") -> None:
        """Ask the engine (off the GUI thread) whether the library's, the queries' or the
        system's languages call for a multilingual model; ``language_hint`` answers when they
        do. ``query_language``: that of a query the photo model could not read. Once the
        person has answered the offer of a model, never again for that model."""
        if query_language and query_language not in self._query_languages:
            self._query_languages.append(query_language)
        kinds = self._kinds_to_ask()
        if not kinds:
            return
        locale = QLocale.system().name().split("_")[0]
        queries = tuple(self._query_languages)
        self.host.run_engine(
            lambda engine: engine.language_hint(locale, queries, kinds),
            self._on_language_hint,
            lambda _exc: None,  # not open yet: asked again when it is
        )

    def _on_language_hint(self, hint: Any) -> None:
        if hint is not None and getattr(hint, "kind", "documents") in self._kinds_to_ask():
            self.language_hint.emit(hint)

    def language_hint_answered(self, kind: str = "documents") -> None:
        if kind == "photos":
            self.settings.photo_language_hint_done = True
        else:
            self.settings.language_hint_done = True
        self._save()
