"""A change of document pack: passages re-embedded by the new pack, the old pack answering meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop_app.core.embed.api import TextEncoder
from desktop_app.core.indexing.passes.base import Pace, PassContext, SliceResult
from desktop_app.core.indexing.passes.meaning import SLICE_PASSAGES, encode_slice
from desktop_app.core.types import Stage

log = logging.getLogger(__name__)


class PassagePacks:
    """Passages whose vector an older document pack made get the active pack's, a slice at a
    time, earliest in their documents first. Each passage has one vector all along (the new
    one replaces the old in one write), so search asks each pack about the passages it holds;
    when none is left, ``on_done`` hears of it (the older pack stops answering)."""

    name = "new document pack"
    notice = ""

    def __init__(
        self, encoder: Callable[[], TextEncoder | None], on_done: Callable[[], None]
    ) -> None:
        self._encoder = encoder
        self._on_done = on_done
        self._pending = 0
        self._pace = Pace(Stage.NEW_DOCUMENT_PACK)

    def plan(self, ctx: PassContext) -> int:
        enc = self._encoder()
        self._pending = 0 if enc is None else ctx.store.passages.count_other_packs(enc.pack_id)
        self._pace.start()
        return self._pending

    def pending(self) -> int:
        return self._pending

    def run_slice(self, ctx: PassContext) -> SliceResult:
        enc = self._encoder()
        part = (
            ctx.store.passages.of_other_packs(enc.pack_id, SLICE_PASSAGES)
            if enc is not None
            else []
        )
        if enc is None or not part:
            self._pending = 0
            return SliceResult()
        encoded, vecs = encode_slice(enc, part, ctx)
        with ctx.writer.turn():
            moved = ctx.store.passages.move_to_pack(encoded, vecs, enc.pack_id)
            left = ctx.store.passages.count_other_packs(enc.pack_id)
            if ctx.store.needs_maintenance():
                ctx.store.maintain()
        # a slice that moved nothing (its files all read again meanwhile) ends the run
        self._pending = left if moved else 0
        self._pace.tell(ctx, len(encoded), left)
        return SliceResult(done=len(encoded), embedded=len(encoded))

    def finish(self, ctx: PassContext) -> None:
        enc = self._encoder()
        if enc is None or ctx.store.passages.count_other_packs(enc.pack_id):
            return  # the older pack keeps answering for what is left
        log.info("document pack change complete")
        self._on_done()
