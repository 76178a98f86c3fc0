"""ActivePacks: which model packs answer now, and the image pack a change of pack replaces."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Final

from desktop_app.core.config import EngineConfig
from desktop_app.core.embed.api import ImageEncoder, TextEncoder
from desktop_app.core.indexing.indexer import Encoders
from desktop_app.core.store.api import Store

if TYPE_CHECKING:
    from desktop_app.core.packs.registry import PackManager


class KeepChoice(Enum):
    KEEP = "keep"


# reload_packs(): keep the image pack chosen now (None is a choice: the best installed one)
KEEP_PACK: Final = KeepChoice.KEEP


class ActivePacks:
    """The document encoder, the image encoder and, while photos are re-embedded by a newly
    chosen image pack, the pack that made the older vectors (it answers for the photos the
    new one has not reached yet). ``on_change`` hears of every change (the search engine)."""

    def __init__(
        self,
        store: Store,
        config: Callable[[], EngineConfig],
        on_change: Callable[[ActivePacks], None] = lambda _a: None,
        manager: PackManager | None = None,
    ) -> None:
        """``manager``: the packs' one owner (the engine's); built from the configuration
        when not given."""
        self._store = store
        self._config = config
        self._on_change = on_change
        self.manager: PackManager = manager or new_pack_manager(config())
        self.text: TextEncoder | None = None
        self.image: ImageEncoder | None = None
        self.previous_image: ImageEncoder | None = None
        self.previous_text: TextEncoder | None = None  # the same for a change of document pack
        self.notices: list[str] = []

    def encoders(self) -> Encoders:
        return Encoders(self.text, self.image)

    def load(self) -> None:
        """Find the installed packs (again) and pick the ones the settings ask for."""
        from desktop_app.core.embed.errors import PackError

        cfg = self._config()
        self.manager.set_threads(cfg.threads)
        try:
            self.text = self.manager.document_encoder(cfg.document_pack)
        except PackError as exc:
            self._note(str(exc))
            self.text = None
        try:
            self.image = self.manager.image_encoder(cfg.active_image_pack)
        except PackError as exc:
            self._note(str(exc))
            self.image = None
        self.previous_image = self._previous()
        self.previous_text = self._previous_text()
        in_use = (self.text, self.image, self.previous_image, self.previous_text)
        self.manager.retain({enc.pack_id for enc in in_use if enc is not None})
        self._on_change(self)

    def _previous_text(self) -> TextEncoder | None:
        """After a change of document pack, the pack with the most older passage vectors
        answers for the passages the new one has not reached yet."""
        text, passages = self.text, self._store.passages
        if text is None or not passages.count_other_packs(text.pack_id):
            return None
        counts = passages.per_pack()
        for _n, pack_id in sorted(
            ((n, p) for p, n in counts.items() if p != text.pack_id), reverse=True
        ):
            previous = self.manager.document_encoder_for(pack_id)
            if previous is not None:
                return previous
        return None

    def document_change_done(self) -> None:
        """Every passage has the active document pack's vector: the older pack stops answering."""
        self.previous_text = None
        self._on_change(self)

    def _previous(self) -> ImageEncoder | None:
        """After a change of image pack, the pack with the most older vectors keeps answering."""
        image, images = self.image, self._store.images
        if image is None or not images.count_other_packs(image.pack_id):
            return None
        counts = images.per_pack()
        for _n, pack_id in sorted(
            ((n, p) for p, n in counts.items() if p != image.pack_id), reverse=True
        ):
            previous = self.manager.image_encoder_for(pack_id)
            if previous is not None:
                return previous
        return None

    def pack_change_done(self) -> None:
        """Every photo has the active pack's vector: the older pack no longer answers."""
        self.previous_image = None
        self._on_change(self)

    def all_notices(self) -> list[str]:
        return self.notices + self.manager.notices()

    def unload(self) -> None:
        self.manager.unload()

    def _note(self, text: str) -> None:
        if text not in self.notices:
            self.notices.append(text)


def new_pack_manager(config: EngineConfig) -> PackManager:
    from desktop_app.core.packs.registry import PackManager, default_threads, indexing_image_threads

    threads = config.threads or default_threads()
    return PackManager(
        config.pack_dirs,
        threads,
        indexing_image_threads(threads),
        fidelity_file=config.pack_checks_file,
    )
