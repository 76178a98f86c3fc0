"""LibrarySearches without a window: an unreachable library is not asked by searches, is
checked again, and once it answers is searched for the question shown, its hits merged."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.core.search.libraries import LibraryAnswer
from desktop_app.core.search.query import parse_query
from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Query, SearchResult, Source
from desktop_app.workers.libraries import READY, UNREACHABLE, LibrarySearches

URI = "s3://team/archive"


def _hit(path: str, confidence: float) -> Hit:
    reason = MatchReason(Origin.TEXT, Source.WORDS)
    return Hit(path, Kind.DOCUMENT, confidence, reason, confidence=confidence, strong=True)


class Store:
    """A library that is down until ``up``; every request it is asked is recorded."""

    def __init__(self) -> None:
        self.up = False
        self.asked: list[str] = []

    def search_library(self, uri: str, query: Query, timeout: float | None = None) -> object:
        self.asked.append(f"search {query.text}")
        if not self.up:
            return LibraryAnswer(uri, None, "Connection refused (127.0.0.1:9)")
        return LibraryAnswer(uri, SearchResult(query, (_hit("s3://team/archive/gzip.txt", 0.9),)))

    def check_library(self, uri: str, timeout: float | None = None) -> str:
        self.asked.append("check")
        return "" if self.up else "Connection refused (127.0.0.1:9)"


def test_an_unreachable_library_is_retried_then_searched_for_the_question_shown(
    qtbot: QtBot,
) -> None:
    store = Store()
    libs = LibrarySearches(lambda: store, synchronous=True)  # type: ignore[arg-type,return-value]
    merged: list[SearchResult] = []
    libs.merged.connect(merged.append)
    libs.set_uris([URI])  # checked at once
    assert libs.states()[0].status == UNREACHABLE
    assert libs.states()[0].reason == "Connection refused (127.0.0.1:9)"

    query = parse_query("lempel ziv")
    libs.ask(query)  # not asked: known to be down
    local = SearchResult(query, (_hit("/home/me/cp.txt", 0.5),))
    assert libs.with_answers(local) is local
    assert store.asked == ["check"]

    libs.retry_unreachable()  # still down
    assert store.asked == ["check", "check"] and not merged

    store.up = True
    libs.retry_unreachable()  # back: searched for the question shown, its hit merged
    assert libs.states()[0].status == READY
    assert store.asked == ["check", "check", "check", "search lempel ziv"]
    hits = merged[-1].hits
    assert [(h.path, h.library) for h in hits] == [
        ("s3://team/archive/gzip.txt", URI),
        ("/home/me/cp.txt", ""),
    ]
    # the same question asked again (a refresh while indexing) reuses the answer
    libs.ask(query)
    assert libs.with_answers(local).hits == hits
    assert store.asked[-1] == "search lempel ziv" and len(store.asked) == 4
    libs.shutdown()
