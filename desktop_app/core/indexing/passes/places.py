"""Places: name the town nearest each photo's GPS position, offline."""

from __future__ import annotations

import logging

from desktop_app.core.indexing.passes.base import PassContext, SliceResult
from desktop_app.core.types import Phase, Progress

log = logging.getLogger(__name__)

PLACE_BATCH = 5000  # photos named per write (a lookup is microseconds)


class Places:
    """For photos stored without a place (an index from before places), or for all of them
    once when the gazetteer changes (a newer place list names them better)."""

    name = "places"
    notice = ""

    def __init__(self) -> None:
        self._todo: list[tuple[str, float, float, str | None]] = []
        self._every = False
        self._unavailable = False

    def plan(self, ctx: PassContext) -> int:
        from desktop_app.core.extract.places import GAZETTEER, available

        self._every = ctx.store.meta.get("places") != GAZETTEER
        self._todo = ctx.store.files.to_place(self._every)
        self._unavailable = bool(self._todo) and not available()
        if self._unavailable:
            self._todo = []  # a broken install: try again next run, store nothing
        elif self._todo:
            ctx.progress(
                Progress(Phase.INDEXING, message=f"Naming the places of {len(self._todo)} photos")
            )
        return len(self._todo)

    def pending(self) -> int:
        return len(self._todo)

    def run_slice(self, ctx: PassContext) -> SliceResult:
        from desktop_app.core.extract.places import places_for

        part, self._todo = self._todo[:PLACE_BATCH], self._todo[PLACE_BATCH:]
        found = places_for([(lat, lon) for _, lat, lon, _ in part])
        # "" is stored too: a photo far from any town is not looked up again
        changed = {fid: p for (fid, _, _, old), p in zip(part, found, strict=True) if p != old}
        with ctx.writer.turn():
            ctx.store.files.set_places(changed)
        log.info("named the places of %d photos (%d changed)", len(part), len(changed))
        return SliceResult(done=len(part))

    def finish(self, ctx: PassContext) -> None:
        from desktop_app.core.extract.places import GAZETTEER

        if self._every and not self._unavailable:
            with ctx.writer.turn():
                ctx.store.meta.set("places", GAZETTEER)
