"""The search lane: the newest request wins, stale results never reach the window."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.engine import EngineConfig
from desktop_app.core.search.query import parse_query
from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Query, SearchResult, Source
from desktop_app.workers.engine_host import EngineHost


class SlowEngine:
    """A stand-in engine: earlier generations take longer, so they would finish last."""

    def __init__(self) -> None:
        self.seen: list[int] = []
        self.threads: set[str] = set()

    def search(self, query: Query, generation: int = 0) -> SearchResult:
        self.seen.append(generation)
        self.threads.add(threading.current_thread().name)
        time.sleep(0.05 if query.text != "final" else 0.0)
        return SearchResult(
            query,
            (
                Hit(
                    f"/x/{query.text}.txt",
                    Kind.DOCUMENT,
                    1.0,
                    MatchReason(Origin.TEXT, Source.MEANING),
                ),
            ),
            generation=generation,
        )

    def close(self) -> None:
        pass


def test_newest_query_wins(qtbot: QtBot, tmp_path: Path) -> None:
    host = EngineHost(EngineConfig(tmp_path / "index", ()))
    engine = SlowEngine()
    host.engine = engine  # type: ignore[assignment]
    host.ready = True
    shown: list[SearchResult] = []
    host.results_ready.connect(shown.append)
    for text in ["f", "fi", "fin", "fina"]:
        host.request_search(parse_query(text))
        time.sleep(0.01)
    last = host.request_search(parse_query("final"))
    qtbot.waitUntil(lambda: any(r.generation == last for r in shown), timeout=5000)
    qtbot.wait(300)  # give stale results every chance to arrive
    assert [r.query.text for r in shown] == ["final"]
    assert len(engine.seen) < 5  # superseded requests were dropped before running
    assert engine.threads == {"trove-search"}
    host.shutdown()
