"""Browsing without words: the newest files first, the query's filters applied, failed files left out."""

from __future__ import annotations

import calendar
from dataclasses import replace

from desktop_app.core.search.browse import recent
from desktop_app.core.search.query import parse_query
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import FileRecord, FileStatus, Kind


def _day(y: int, m: int, d: int) -> float:
    return float(calendar.timegm((y, m, d, 12, 0, 0)))


def _file(i: int, path: str, kind: Kind, mtime: float, **kw: object) -> FileRecord:
    ext = path.rsplit(".", 1)[-1]
    rec = FileRecord(f"id{i}", path, "/lib", path.rsplit("/", 1)[-1], kind, ext, 10, mtime, f"h{i}")
    return replace(rec, **kw)  # type: ignore[arg-type]


def _library(store: IndexStore) -> None:
    store.files.upsert(
        [
            _file(1, "/lib/Docs/taxes.pdf", Kind.DOCUMENT, _day(2024, 3, 2), text_preview="Tax"),
            _file(2, "/lib/Docs/notes.md", Kind.DOCUMENT, _day(2024, 3, 9)),
            # taken long before it was copied here: placed by the day it was taken
            _file(
                3,
                "/lib/Pictures/lisbon.jpg",
                Kind.PHOTO,
                _day(2024, 3, 10),
                taken_at=_day(2019, 6, 1),
                place="Lisbon, Lisbon, Portugal",
            ),
            _file(4, "/lib/Pictures/cat.png", Kind.PHOTO, _day(2024, 3, 5)),
            _file(
                5,
                "/lib/Pictures/broken.jpg",
                Kind.PHOTO,
                _day(2024, 3, 11),
                status=FileStatus.FAILED,
            ),
        ],
        new=True,
    )


def _paths(store: IndexStore, text: str, limit: int = 10) -> list[str]:
    return [h.path.rsplit("/", 1)[-1] for h in recent(store.files, parse_query(text), limit).hits]


def test_newest_first_by_date_taken_else_modified(store: IndexStore) -> None:
    _library(store)
    assert _paths(store, "") == ["notes.md", "cat.png", "taxes.pdf", "lisbon.jpg"]
    result = recent(store.files, parse_query(""), 2)
    assert [h.path.rsplit("/", 1)[-1] for h in result.hits] == ["notes.md", "cat.png"]
    assert result.total == 4  # the failed file is a problem, not a file to browse
    doc = next(h for h in recent(store.files, parse_query(""), 10).hits if h.path.endswith(".pdf"))
    assert doc.snippet == "Tax" and doc.strong and doc.mtime == _day(2024, 3, 2)
    assert not doc.matched and doc.why == ""  # nothing asked, nothing to explain


def test_filters_work_without_words(store: IndexStore) -> None:
    _library(store)
    assert _paths(store, "type:photo") == ["cat.png", "lisbon.jpg"]
    assert _paths(store, "type:pdf") == ["taxes.pdf"]
    assert _paths(store, "in:Docs") == ["notes.md", "taxes.pdf"]
    assert _paths(store, "place:lisbon") == ["lisbon.jpg"]
    assert _paths(store, "after:2024-03-05") == ["notes.md", "cat.png"]
    assert _paths(store, "before:2024-03-05") == ["taxes.pdf", "lisbon.jpg"]
    assert _paths(store, "type:document after:2024-03-05") == ["notes.md"]
    assert recent(store.files, parse_query("in:Nowhere"), 10).total == 0


def test_an_empty_index_browses_empty(store: IndexStore) -> None:
    result = recent(store.files, parse_query(""), 10)
    assert result.hits == () and result.total == 0
