"""Copies of a photo found by perceptual hash alone: what "More like this" can still answer
when no image model is installed (resized, recompressed and lightly edited copies)."""

from __future__ import annotations

import numpy as np

from desktop_app.core.extract.dhash import dhash_file, hamming_many
from desktop_app.core.search.duplicates import MAX_BITS_HASH_ONLY, MIN_INFO_BITS
from desktop_app.core.search.query import file_filter
from desktop_app.core.store.api import Store
from desktop_app.core.types import Hit, MatchReason, Origin, Query, SearchResult, Source

NO_IMAGE_MODEL = (
    "No image model is installed, so only copies of this photo are found (the same picture "
    "resized, recompressed or lightly edited), not photos that merely look alike. To find "
    "those, get an image model in Settings (Ctrl+,)."
)


def copies_of(store: Store, query: Query, generation: int = 0) -> SearchResult:
    """Photos whose perceptual hash is within a few bits of the query image's, closest
    first, among the files the query's filters admit; its words are not used."""
    assert query.image_path is not None
    wanted = dhash_file(query.image_path)  # ImageDecodeError: the caller says it
    flt = file_filter(query)
    admitted = store.files.matching(flt) if flt else None
    records = [
        r
        for r in store.files.photos()
        if r.dhash is not None and (admitted is None or r.file_id in admitted)
    ]
    hits: list[Hit] = []
    if records and _informative(wanted):
        bits = hamming_many(
            np.array([r.dhash for r in records], dtype=np.int64),
            np.full(len(records), wanted, dtype=np.int64),
        )
        close = sorted((int(b), r.path, r) for b, r in zip(bits, records, strict=True))
        reason = MatchReason(Origin.IMAGE, Source.EXACT, like_image=True)
        for b, _path, r in close:
            if b > MAX_BITS_HASH_ONLY:
                break
            score = 1.0 - b / 64
            hits.append(Hit.of_file(r, score, reason, confidence=score, strong=True))
    return SearchResult(query, tuple(hits[: query.limit]), 0.0, generation, notes=(NO_IMAGE_MODEL,))


def _informative(value: int) -> bool:
    """A blank hash (a flat picture) matches too much to mean a copy."""
    ones = int(value & ((1 << 64) - 1)).bit_count()
    return min(ones, 64 - ones) >= MIN_INFO_BITS
