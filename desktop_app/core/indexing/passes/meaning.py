"""The second stage of reading documents: passages stored with their words get their vectors."""

from __future__ import annotations

import concurrent.futures as cf
import threading
from collections.abc import Callable, Sequence

import numpy as np

from desktop_app.core.embed.api import TextEncoder, Vectors
from desktop_app.core.indexing.passes.base import Pace, PassContext, SliceResult
from desktop_app.core.store.api import WaitingPassage
from desktop_app.core.types import Stage

# Passages per slice: one short write each (~9 s of encoding on 2 cores). Reading them back
# from the index, not from the files, keeps memory bounded whatever the documents' size.
SLICE_PASSAGES = 256
# Passages per encoder call. One: nothing is padded, and activations stay those of one
# passage. On 640 real passages (man pages cut by the chunker), 2 AVX2 cores, two lanes,
# interleaved runs: 1 -> ~48 passages/s and +9 MB over the loaded encoder; 4 -> ~42, +62 MB;
# 8 -> ~35, +158 MB; 16 -> ~30, +300-350 MB (onnxruntime's arena keeps each lane's peak).
ENCODE_BATCH = 1
# Batches encoded side by side, each on a one-thread onnxruntime session of its own (the
# document encoder keeps one per lane: packs/registry.py): splitting each call over two threads
# hands work across at every operator and left the cores waiting (2 x 1 thread: ~20 % more
# passages/s), and two lanes on one shared session ran ~9 % slower than on two.
LANES = 2
NO_PACK = (
    "Documents are searchable by their words; a document pack (trove models build "
    "minilm-l6) adds search by meaning"
)


def encode_passages(
    encoder: TextEncoder,
    texts: Sequence[str],
    batch: int = ENCODE_BATCH,
    stop: Callable[[], bool] = lambda: False,
    lanes: int = LANES,
) -> Vectors:
    """Vectors of ``texts`` in their order, encoded in batches of similar length (a batch is
    padded to its longest passage: sorted, little padding is left; of one, none), ``lanes``
    batches side by side. Stops early when ``stop()`` says so: the rows encoded so far come back, the rest
    are NaN."""
    out = np.full((len(texts), encoder.dim), np.nan, dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    batches = [order[s : s + batch] for s in range(0, len(order), batch)]
    taken = iter(range(len(batches)))
    lock = threading.Lock()

    def lane() -> None:
        while True:
            with lock:  # batches are handed out in order; the first always runs
                k = next(taken, None)
                if k is None or (k and stop()):
                    return
            idx = batches[k]
            out[idx] = encoder.encode_texts([texts[i] for i in idx])

    if lanes <= 1 or len(batches) <= 1:
        lane()
        return out
    with cf.ThreadPoolExecutor(lanes, thread_name_prefix="trove-passages") as pool:
        for f in [pool.submit(lane) for _ in range(lanes)]:
            f.result()
    return out


def encode_slice(
    encoder: TextEncoder, part: Sequence[WaitingPassage], ctx: PassContext
) -> tuple[list[WaitingPassage], Vectors]:
    """The passages of ``part`` encoded before the slice had to stop, and their vectors."""
    vecs = encode_passages(encoder, [p.chunk.text for p in part], stop=ctx.stop_reading)
    ready = np.asarray(~np.isnan(vecs).any(axis=1), dtype=bool)
    return [p for p, ok in zip(part, ready.tolist(), strict=True) if ok], vecs[ready]


class PassageVectors:
    """Every document's first passages get vectors first, then their second ones, and so on:
    a large folder answers by meaning at the beginning of each document long before its last
    vector, and by words all along. Without a document pack the words keep answering alone."""

    name = "passage vectors"

    def __init__(self, encoder: Callable[[], TextEncoder | None]) -> None:
        self._encoder = encoder
        self._pending = 0
        self.notice = ""
        self._pace = Pace(Stage.MEANING)

    def plan(self, ctx: PassContext) -> int:
        waiting = ctx.store.passages.count_waiting()
        enc = self._encoder()
        self.notice = NO_PACK if enc is None and waiting else ""
        self._pending = waiting if enc is not None else 0
        self._pace.start()
        return self._pending

    def pending(self) -> int:
        return self._pending

    def run_slice(self, ctx: PassContext) -> SliceResult:
        enc = self._encoder()
        part = ctx.store.passages.waiting(SLICE_PASSAGES) if enc is not None else []
        if enc is None or not part:
            self._pending = 0
            return SliceResult()
        encoded, vecs = encode_slice(enc, part, ctx)
        with ctx.writer.turn():
            ctx.store.passages.give_vectors(encoded, vecs, enc.pack_id)
            files = sorted({p.file_id for p in encoded})
            left = ctx.store.passages.with_words_waiting(files)
            ctx.store.files.mark_vectors_done([f for f in files if f not in left])
            waiting = ctx.store.passages.count_waiting()
            if ctx.store.needs_maintenance():  # a long run's many small commits slow search
                ctx.store.maintain()
        # a slice that moved nothing (its passages all replaced meanwhile) ends the pass
        # rather than looping; the next run plans again
        self._pending = waiting if encoded else 0
        self._pace.tell(ctx, len(encoded), waiting)
        return SliceResult(done=len(encoded), embedded=len(encoded))

    def finish(self, ctx: PassContext) -> None:
        return None
