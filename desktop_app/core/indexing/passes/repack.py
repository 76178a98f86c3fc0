"""A change of document pack: passages re-embedded by the new pack, the old pack answering meanwhile."""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable

import numpy as np

from desktop_app.core.embed.api import TextEncoder
from desktop_app.core.indexing.passes.base import PassContext, SliceResult
from desktop_app.core.indexing.passes.meaning import SLICE_PASSAGES, encode_passages
from desktop_app.core.types import Phase, Progress, Stage

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
        self._done = 0
        self._recent: collections.deque[tuple[float, int]] = collections.deque(maxlen=8)

    def plan(self, ctx: PassContext) -> int:
        enc = self._encoder()
        self._pending = 0 if enc is None else ctx.store.passages.count_other_packs(enc.pack_id)
        self._done = 0
        self._recent.clear()
        self._recent.append((time.monotonic(), 0))
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
        vecs = encode_passages(enc, [p.chunk.text for p in part], stop=ctx.stop_reading)
        ready = np.asarray(~np.isnan(vecs).any(axis=1), dtype=bool)
        encoded = [p for p, ok in zip(part, ready.tolist(), strict=True) if ok]
        with ctx.writer.turn():
            moved = ctx.store.passages.move_to_pack(encoded, vecs[ready], enc.pack_id)
            left = ctx.store.passages.count_other_packs(enc.pack_id)
            if ctx.store.needs_maintenance():
                ctx.store.maintain()
        self._done += len(encoded)
        # a slice that moved nothing (its files all read again meanwhile) ends the run
        self._pending = left if moved else 0
        self._report(ctx, left)
        return SliceResult(done=len(encoded), embedded=len(encoded))

    def _report(self, ctx: PassContext, left: int) -> None:
        now = time.monotonic()
        self._recent.append((now, self._done))
        (t0, n0), (t1, n1) = self._recent[0], self._recent[-1]
        rate = (n1 - n0) / (t1 - t0) if t1 > t0 else 0.0
        ctx.progress(
            Progress(
                Phase.INDEXING,
                self._done,
                self._done + left,
                rate=rate,
                eta_s=left / rate if rate > 0 else None,
                stage=Stage.NEW_DOCUMENT_PACK,
            )
        )

    def finish(self, ctx: PassContext) -> None:
        enc = self._encoder()
        if enc is None or ctx.store.passages.count_other_packs(enc.pack_id):
            return  # the older pack keeps answering for what is left
        log.info("document pack change complete")
        self._on_done()
