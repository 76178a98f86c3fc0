"""Vectors for files stored without them: a new image pack re-embeds, a missing pack catches up."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from desktop_app.core.indexing.indexer import Encoders, Indexer
from desktop_app.core.indexing.passes.base import PassContext, SliceResult
from desktop_app.core.store.api import KnownFile
from desktop_app.core.types import Kind, Progress

log = logging.getLogger(__name__)

REEMBED_BATCH = 256  # files per slice: 16 pipeline batches, so decoding keeps overlapping


class PackVectors:
    """Photos indexed before an image pack was installed (or by another pack: a change of
    pack), documents stored without their passages (before words came first). While a change of image pack runs the
    older pack's vectors keep answering; once every photo has the new pack's, they go."""

    name = "pack vectors"
    notice = ""

    def __init__(
        self,
        indexer: Indexer,
        encoders: Callable[[], Encoders],
        on_pack_change_done: Callable[[], None],
    ) -> None:
        self._indexer = indexer
        self._encoders = encoders
        self._done_cb = on_pack_change_done
        self._todo: list[KnownFile] = []
        self._total = 0

    def plan(self, ctx: PassContext) -> int:
        self._todo = []
        enc = self._encoders()
        if enc.image is not None:
            have = ctx.store.images.file_ids(enc.image.pack_id)
            self._todo += ctx.store.files.needing_vectors(Kind.PHOTO, have)
        # documents stored before words came first (no passages at all, no pack then) are
        # read again for their words, with or without a document pack; those whose words
        # wait for vectors are the meaning pass's (passes/meaning.py)
        have = ctx.store.passages.with_words_waiting()
        if enc.text is not None:
            have |= ctx.store.passages.file_ids(enc.text.pack_id)
        self._todo += ctx.store.files.needing_vectors(Kind.DOCUMENT, have)
        self._total = len(self._todo)
        return self._total

    def pending(self) -> int:
        return len(self._todo)

    def run_slice(self, ctx: PassContext) -> SliceResult:
        part, self._todo = self._todo[:REEMBED_BATCH], self._todo[REEMBED_BATCH:]
        offset = self._total - len(self._todo) - len(part)

        def progress(p: Progress) -> None:  # the whole pass's count, not the slice's
            ctx.progress(dataclasses.replace(p, done=offset + p.done, total=self._total))

        wanted = [k for k in part if not ctx.forgotten(k.path)]
        counts = self._indexer.give_vectors(wanted, ctx.mark, progress, ctx.cancel)
        return SliceResult(done=len(part), embedded=counts.embedded, problems=counts.problems)

    def finish(self, ctx: PassContext) -> None:
        """Every photo has the active pack's vector: the older packs' vectors can go."""
        image = self._encoders().image
        if image is None or not ctx.store.images.count_other_packs(image.pack_id):
            return
        have = ctx.store.images.file_ids(image.pack_id)
        if ctx.store.files.needing_vectors(Kind.PHOTO, have):
            return  # some could not be read: the older vectors keep answering for them
        with ctx.writer.turn():
            n = ctx.store.images.drop_other_packs(keep=image.pack_id)
        log.info("image pack change complete: %d older vectors removed", n)
        self._done_cb()
