"""The one factory: builds the engine's parts from its configuration and wires them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.config import EngineConfig
from desktop_app.core.indexing.indexer import Indexer
from desktop_app.core.indexing.keeper import IndexKeeper, Passes
from desktop_app.core.indexing.passes.base import Scheduler
from desktop_app.core.indexing.passes.hashes import PerceptualHashes
from desktop_app.core.indexing.passes.meaning import PassageVectors
from desktop_app.core.indexing.passes.ocr import TextInPictures
from desktop_app.core.indexing.passes.places import Places
from desktop_app.core.indexing.passes.repack import PassagePacks
from desktop_app.core.indexing.passes.vectors import PackVectors
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.packs.active import ActivePacks
from desktop_app.core.packs.registry import PackManager
from desktop_app.core.search.engine import SearchEngine
from desktop_app.core.store.index_store import IndexStore


@dataclass(frozen=True)
class EngineParts:
    """What TroveEngine delegates to."""

    store: IndexStore
    packs: ActivePacks
    search: SearchEngine
    keeper: IndexKeeper


def assemble(
    config: Callable[[], EngineConfig],
    read_only: bool = False,
    packs_owner: PackManager | None = None,
) -> EngineParts:
    """Open the index (raises StoreError or OSError) and build everything around it.
    ``config`` is asked each time: the app changes folders and settings while it runs.
    ``packs_owner``: the engine's one PackManager (built here when not given)."""
    store = IndexStore(config().index_dir, read_only=read_only)
    store.open()
    search = SearchEngine(store, None, None)

    def on_packs(packs: ActivePacks) -> None:
        search.set_encoders(packs.text, packs.image)
        search.previous_image_encoder = packs.previous_image
        search.previous_text_encoder = packs.previous_text

    packs = ActivePacks(store, config, on_packs, packs_owner)
    packs.load()
    writer = Writer()
    indexer = Indexer(store, writer, packs.encoders)
    meaning = PassageVectors(lambda: packs.text)
    passes = Passes(
        catch_up=(
            PackVectors(indexer, packs.encoders, packs.pack_change_done),
            meaning,  # after PackVectors: the documents it reads again join the waiting words
            # after the waiting words: new documents answer by meaning before old ones move
            PassagePacks(lambda: packs.text, packs.document_change_done),
            PerceptualHashes(),
            Places(),
        ),
        last=TextInPictures(lambda: packs.text, lambda: config().ocr),
        after_change=(meaning,),
    )
    keeper = IndexKeeper(store, writer, indexer, Scheduler(store, writer), passes, config)
    return EngineParts(store, packs, search, keeper)
