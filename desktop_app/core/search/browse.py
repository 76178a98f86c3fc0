"""Browsing without words: the newest files that pass a query's filters (type, folder, date,
place), as hits for the window's view before and between searches."""

from __future__ import annotations

import time

from desktop_app.core.search.query import file_filter
from desktop_app.core.store.api import FilesTable
from desktop_app.core.types import (
    BrowseResult,
    FileRecord,
    Hit,
    Kind,
    MatchReason,
    Origin,
    Query,
    Source,
)

NO_MATCH = MatchReason(Origin.NONE, Source.NONE)


def recent(files: FilesTable, query: Query, limit: int, generation: int = 0) -> BrowseResult:
    """The ``limit`` newest files the query's filters allow; its words play no part."""
    t0 = time.perf_counter()

    flt = file_filter(query)  # the same rule a search's filters follow

    def keep(path: str, place: str) -> bool:
        return (not query.folders or flt.in_folders(path)) and (
            not query.places or flt.at_place(place)
        )

    records, total = files.recent(
        limit,
        query.kinds,
        query.extensions,
        query.after,
        query.before,
        keep if query.folders or query.places else None,
    )
    return BrowseResult(
        query,
        tuple(_hit(r) for r in records),
        total,
        (time.perf_counter() - t0) * 1000,
        generation,
    )


def _hit(rec: FileRecord) -> Hit:
    """A file as a hit with no match to explain: every one shown as strong, none dimmed."""
    return Hit.of_file(
        rec,
        0.0,
        NO_MATCH,
        snippet=rec.text_preview if rec.kind == Kind.DOCUMENT else "",
        confidence=1.0,
        strong=True,
    )
