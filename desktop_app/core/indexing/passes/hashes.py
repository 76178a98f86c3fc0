"""Perceptual hashes for photos indexed before near-duplicates were looked for."""

from __future__ import annotations

import concurrent.futures as cf
import logging
from collections.abc import Iterator, Sequence

from desktop_app.core.cancel import CancelToken
from desktop_app.core.indexing.passes.base import PassContext, SliceResult
from desktop_app.core.types import Phase, Progress

log = logging.getLogger(__name__)

HASH_BATCH = 256  # photos hashed per write


class PerceptualHashes:
    """A cheap draft decode each, on two threads, a batch per write."""

    name = "perceptual hashes"
    notice = ""

    def __init__(self) -> None:
        self._todo: list[tuple[str, str]] = []
        self._total = 0

    def plan(self, ctx: PassContext) -> int:
        self._todo = ctx.store.files.without_dhash()
        self._total = len(self._todo)
        return self._total

    def pending(self) -> int:
        return len(self._todo)

    def run_slice(self, ctx: PassContext) -> SliceResult:
        part, self._todo = self._todo[:HASH_BATCH], self._todo[HASH_BATCH:]
        hashes = dict(hash_many([(f, p) for f, p in part if not ctx.forgotten(p)]))
        with ctx.writer.turn():
            ctx.store.files.set_dhashes(hashes)  # rows removed meanwhile stay removed
        done = self._total - len(self._todo)
        ctx.progress(
            Progress(
                Phase.INDEXING,
                done,
                self._total,
                current=part[-1][1],
                message=f"Checking {self._total} photos for near-duplicates",
            )
        )
        if not self._todo:
            log.info("perceptual hashes computed for %d photos", self._total)
        return SliceResult(done=len(part))

    def finish(self, ctx: PassContext) -> None:
        pass


def hash_many(todo: Sequence[tuple[str, str]]) -> list[tuple[str, int]]:
    """(file_id, hash) of these (file_id, path) photos, decoded on two threads (Pillow
    releases the GIL while decoding; two keep a laptop responsive). Unreadable files are
    left out: their extraction already recorded why."""
    if not todo:
        return []
    from desktop_app.core.extract.dhash import dhash_file
    from desktop_app.core.imaging import ImageDecodeError

    def one(path: str) -> int | None:
        try:
            return dhash_file(path)
        except (ImageDecodeError, OSError):
            return None

    with cf.ThreadPoolExecutor(2, thread_name_prefix="trove-dhash") as pool:
        found = pool.map(one, [p for _, p in todo])
        return [(fid, h) for (fid, _), h in zip(todo, found, strict=True) if h is not None]


def hash_batches(
    todo: Sequence[tuple[str, str]], cancel: CancelToken | None
) -> Iterator[dict[str, int]]:
    """The hashes of these photos a batch at a time, cancellable between batches."""
    for start in range(0, len(todo), HASH_BATCH):
        if cancel is not None:
            cancel.checkpoint()
        yield dict(hash_many(todo[start : start + HASH_BATCH]))
