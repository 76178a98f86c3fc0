"""The engine host: separate success and failure callbacks, a synchronous mode, wait_idle,
and configuration changes that the indexer never sees mid-run."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engine import EngineError
from desktop_app.core.search.query import parse_query
from desktop_app.core.types import DuplicateReport, Query
from tests.ui.fake_engine import fake_host, sample_files


def test_success_and_failure_reach_their_own_callbacks(qtbot: QtBot, tmp_path: Path) -> None:
    host, _ = fake_host(tmp_path, synchronous=False)
    host.start()
    done: list[object] = []
    failed: list[Exception] = []
    said: list[str] = []
    host.task_failed.connect(said.append)
    threads: list[bool] = []

    def ok(value: object) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        done.append(value)

    def boom() -> int:
        raise EngineError("the disk is full")

    host.run_task(lambda: 41 + 1, ok, failed.append)
    host.run_task(boom, done.append, failed.append)
    host.run_task(boom)  # no failure callback: said in a sentence
    assert host.wait_idle(5)
    assert done == [42] and threads == [True]
    assert len(failed) == 1 and str(failed[0]) == "the disk is full"
    assert said == ["the disk is full"]
    host.shutdown()


def test_wait_idle_waits_for_work_and_its_callback(qtbot: QtBot, tmp_path: Path) -> None:
    host, _ = fake_host(tmp_path, synchronous=False)
    host.start()
    landed: list[int] = []
    host.run_task(lambda: time.sleep(0.2) or 7, landed.append)
    assert not host.idle()
    assert host.wait_idle(5)
    assert landed == [7]  # the callback ran before wait_idle returned
    host.shutdown()


def test_synchronous_mode_runs_inline(qtbot: QtBot, tmp_path: Path) -> None:
    host, made = fake_host(tmp_path, roots=(str(tmp_path),))
    got: list[object] = []
    host.start()  # opened, indexed (the fake's watch returns) before start() returns
    assert host.ready and made[0].called("watch") == ["MainThread"]
    host.run_task(lambda: "now", got.append)
    assert got == ["now"]
    browsed: list[object] = []
    host.browse_ready.connect(browsed.append)
    made[0].files = sample_files(str(tmp_path))
    host.request_browse(Query())
    assert len(browsed) == 1 and made[0].called("recent") == ["MainThread"]


def test_the_indexer_never_sees_a_setting_change_mid_run(qtbot: QtBot, tmp_path: Path) -> None:
    host, made = fake_host(tmp_path, roots=(str(tmp_path),), synchronous=False, keep_watching=True)
    host.start()
    qtbot.waitUntil(lambda: bool(made) and made[0].indexing.is_set(), timeout=5000)
    engine = made[0]
    engine.files = sample_files(str(tmp_path))
    removed = str(tmp_path / "Pictures")
    host.reconfigure(ocr=False)
    host.reconfigure(
        lambda e: e.forget(removed),
        roots=(str(tmp_path / "Documents"),),
        exclude_patterns=("*.tmp",),
    )
    assert host.wait_idle(10)
    # indexing again, and reading its configuration a few times over
    qtbot.waitUntil(lambda: engine.indexing.is_set() and len(engine.runs[-1]) > 3, timeout=5000)
    for run in engine.runs:
        assert len({(c.ocr, c.roots) for c in run}) == 1, "the configuration changed mid-run"
    assert len(engine.runs) == 3  # stopped and started again for each change
    assert engine.runs[0][0].ocr and not engine.runs[1][0].ocr
    assert engine.runs[2][0].roots == (str(tmp_path / "Documents"),)
    assert engine.called("forget") == ["trove-control"]
    assert engine.forgot_while_indexing == [False]  # the folder left with the indexer stopped
    assert host.config.ocr is False and host.config.exclude_patterns == ("*.tmp",)
    host.shutdown()


def test_a_pause_outlives_the_indexers_restart(qtbot: QtBot, tmp_path: Path) -> None:
    host, made = fake_host(tmp_path, roots=(str(tmp_path),))
    changes: list[bool] = []
    host.paused_changed.connect(changes.append)
    host.start()
    host.set_paused(True)
    host.set_paused(True)  # no change, no signal
    host.restart_indexing((str(tmp_path),), ())
    assert made[0].paused_at_start == [False, True]
    assert host.paused and changes == [True]
    host.set_paused(False)
    host.restart_indexing((str(tmp_path),), ())
    assert made[0].paused_at_start[-1] is False and changes == [True, False]


def test_changes_asked_while_the_index_opens_wait_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    host, made = fake_host(tmp_path, synchronous=False, delay=0.3)  # a slow open
    host.start()
    host.reconfigure(lambda e: e.forget(str(tmp_path / "x")), roots=(str(tmp_path),))
    assert host.wait_idle(10)
    assert made[0].called("forget") == ["trove-control"]
    assert made[0].config.roots == (str(tmp_path),)
    host.shutdown()


def test_quitting_while_the_index_opens_waits_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    """Quit at once (the window closed as it appeared): the opening is waited for, the index
    is closed, and no indexer starts after the quit. Ending the process mid-open aborted it."""
    host, made = fake_host(tmp_path, roots=(str(tmp_path),), synchronous=False, delay=0.5)
    host.start()
    qtbot.waitUntil(lambda: bool(made) and bool(made[0].called("open")), timeout=5000)
    host.shutdown()
    assert made[0].called("close") == ["MainThread"]
    assert made[0].called("watch") == []


def test_asked_before_the_index_is_open_answered_once_it_is(qtbot: QtBot, tmp_path: Path) -> None:
    host, made = fake_host(tmp_path, synchronous=False, delay=0.2)  # a slow open
    results: list[object] = []
    reports: list[object] = []
    host.results_ready.connect(results.append)
    host.duplicates_ready.connect(reports.append)
    host.request_search(parse_query("taxes"))  # before the start
    host.start(watch=False)
    host.request_duplicates()  # while it opens
    last = host.request_search(parse_query("beach"))
    assert host.wait_idle(10)
    assert [r.generation for r in results] == [last]  # type: ignore[attr-defined]
    assert made[0].called("search") == ["trove-search"]  # the newest only
    assert len(reports) == 1 and made[0].called("duplicates") == ["trove-duplicates"]
    host.shutdown()


def test_work_asked_before_the_start_waits_for_the_index(qtbot: QtBot, tmp_path: Path) -> None:
    """The window asks for its packs as it is built; the host starts on the next turn of the
    event loop. That work waits for the index instead of failing ("the index is not open":
    the welcome page said no packs were installed, and the banners never came)."""
    host, made = fake_host(tmp_path, synchronous=False)
    got: list[object] = []
    failed: list[Exception] = []
    host.run_engine(lambda engine: engine.packs(), got.append, failed.append)
    time.sleep(0.3)  # the task lane has taken the work by now
    host.start(watch=False)
    qtbot.waitUntil(lambda: bool(got or failed), timeout=10_000)
    assert failed == [] and got == [made[0].packs()]
    host.shutdown()

    # a host that is never started drops such work when it shuts down
    never, _ = fake_host(tmp_path / "never", synchronous=False)
    never.run_engine(lambda engine: engine.packs(), got.append, failed.append)
    never.shutdown()
    qtbot.wait(300)
    assert len(got) == 1 and failed == []


def test_duplicates_asked_again_stop_the_run_under_way(qtbot: QtBot, tmp_path: Path) -> None:
    host, made = fake_host(tmp_path, synchronous=False)
    host.start(watch=False)
    assert host.wait_idle(10)
    running = threading.Event()
    stopped: list[bool] = []
    runs = iter([True, False])

    def duplicates(cancel: CancelToken, **_kw: object) -> DuplicateReport:
        if next(runs):  # the first run: long, until stopped
            running.set()
            stopped.append(cancel.wait(5))
            cancel.checkpoint()
        return DuplicateReport((), photos=7)

    made[0].duplicates = duplicates  # type: ignore[method-assign]
    reports: list[object] = []
    host.duplicates_ready.connect(reports.append)
    host.request_duplicates()
    assert running.wait(5)
    host.request_duplicates()  # the index changed: the run under way is not wanted
    assert host.wait_idle(10)
    assert stopped == [True]  # stopped at once, not left to finish
    assert reports == [DuplicateReport((), photos=7)]  # one answer, from the newest run
    host.shutdown()
