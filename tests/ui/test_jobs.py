"""The background-job helper: jobs run on its named workers, answers (results and failures)
come back on the GUI thread, the newest request wins where asked, cancel stops queued jobs,
a synchronous mode runs inline, and the GUI thread never waits for a worker."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.cancel import Cancelled
from desktop_app.workers.jobs import JobPool
from tests.ui.gui_watchdog import GuiWatchdog

GUI = threading.main_thread().name


def _here() -> str:
    return threading.current_thread().name


def test_results_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    pool = JobPool("test-lane")
    ran: list[str] = []
    answers: list[tuple[int, str]] = []

    def job(n: int) -> int:
        ran.append(_here())
        return n * 10

    for n in range(3):
        pool.submit(lambda n=n: job(n), lambda value: answers.append((value, _here())))
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=5000)
    assert ran == ["test-lane"] * 3  # on the pool's own worker
    assert answers == [(0, GUI), (10, GUI), (20, GUI)]  # in order, on the GUI thread
    qtbot.waitUntil(lambda: not pool.busy, timeout=1000)
    pool.shutdown()


def test_a_failure_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    pool = JobPool("test-lane")
    errors: list[tuple[str, str]] = []
    unhandled: list[Exception] = []
    pool.failed.connect(unhandled.append)

    def boom() -> None:
        raise ValueError("the disk is full")

    def stopped() -> None:
        raise Cancelled()

    pool.submit(
        boom,
        lambda _v: errors.append(("done", _here())),
        lambda e: errors.append((str(e), _here())),
    )
    pool.submit(boom)  # without on_error: logged, and ``failed`` says it
    pool.submit(stopped)  # stopped by its token: nothing to say
    pool.submit(lambda: None, lambda _v: errors.append(("last", _here())))
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    assert errors == [("the disk is full", GUI), ("last", GUI)]
    assert [str(e) for e in unhandled] == ["the disk is full"]
    pool.shutdown()


def test_a_stale_answer_is_dropped_and_a_stale_job_never_runs(qtbot: QtBot) -> None:
    pool = JobPool("test-search", newest_wins=True)
    release = threading.Event()
    started: list[str] = []
    answers: list[str] = []

    def search(text: str) -> str:
        started.append(text)
        if text == "f":
            assert release.wait(5)
        return text

    pool.submit(lambda: search("f"), answers.append)
    qtbot.waitUntil(lambda: started == ["f"], timeout=5000)  # running when the others come
    for text in ("fi", "fin", "final"):
        pool.submit(lambda text=text: search(text), answers.append)
    release.set()
    qtbot.waitUntil(lambda: answers == ["final"], timeout=5000)
    assert pool.wait(5)
    qtbot.wait(100)  # every chance for a stale answer to land
    assert answers == ["final"]  # "f" ran, its answer dropped
    assert started == ["f", "final"]  # "fi" and "fin" were replaced before they ran
    pool.shutdown()


def test_a_stale_failure_is_dropped_too(qtbot: QtBot) -> None:
    pool = JobPool("test-search", newest_wins=True)
    release = threading.Event()
    said: list[str] = []

    def failing() -> None:
        assert release.wait(5)
        raise ValueError("stale")

    pool.submit(failing, on_error=lambda e: said.append(str(e)))
    pool.submit(lambda: "new", said.append, lambda e: said.append(str(e)))
    release.set()
    qtbot.waitUntil(lambda: said == ["new"], timeout=5000)
    qtbot.wait(100)
    assert said == ["new"]
    pool.shutdown()


def test_cancel_stops_a_queued_job(qtbot: QtBot) -> None:
    pool = JobPool("test-lane")
    release = threading.Event()
    ran: list[str] = []
    answers: list[str] = []

    def job(name: str) -> str:
        ran.append(name)
        if name == "running":
            assert release.wait(5)
        return name

    pool.submit(lambda: job("running"), answers.append)
    qtbot.waitUntil(lambda: ran == ["running"], timeout=5000)
    pool.submit(lambda: job("queued"), answers.append)
    assert pool.busy
    pool.cancel()
    release.set()
    assert pool.wait(5)
    qtbot.wait(100)
    assert ran == ["running"]  # the queued job never ran
    assert answers == []  # and the running one's answer was not wanted any more
    assert not pool.busy
    pool.submit(lambda: job("after"), answers.append)  # the pool goes on working
    qtbot.waitUntil(lambda: answers == ["after"], timeout=5000)
    pool.shutdown()


def test_busy_until_the_answer_is_given(qtbot: QtBot) -> None:
    pool = JobPool("test-lane")
    answers: list[int] = []
    pool.submit(lambda: 7, answers.append)
    assert pool.wait(5)  # the job has run ...
    assert pool.busy and answers == []  # ... its answer waits for the GUI thread's events
    qtbot.waitUntil(lambda: answers == [7], timeout=5000)
    assert not pool.busy
    pool.shutdown()


def test_after_shutdown_nothing_answers(qtbot: QtBot) -> None:
    pool = JobPool("test-lane")
    release = threading.Event()
    answers: list[str] = []
    pool.submit(lambda: release.wait(5) and "late", answers.append)
    pool.shutdown()
    pool.submit(lambda: "refused", answers.append)
    release.set()
    qtbot.wait(200)
    assert answers == []


def test_synchronous_mode_runs_inline(qtbot: QtBot) -> None:
    pool = JobPool("test-lane", newest_wins=True, synchronous=True)
    got: list[tuple[str, str]] = []
    pool.submit(lambda: _here(), lambda ran_on: got.append((ran_on, _here())))
    assert got == [(GUI, GUI)]  # before submit returned, on the calling thread
    pool.submit(lambda: 1 / 0, on_error=lambda e: got.append((type(e).__name__, _here())))
    assert got[-1] == ("ZeroDivisionError", GUI)
    assert not pool.busy and pool.wait(0)


def test_jobs_are_submitted_from_the_pools_own_thread(qtbot: QtBot) -> None:
    pool = JobPool("test-lane")
    refused: list[BaseException] = []

    def elsewhere() -> None:
        try:
            pool.submit(lambda: None)
        except RuntimeError as exc:
            refused.append(exc)

    t = threading.Thread(target=elsewhere)
    t.start()
    t.join()
    assert len(refused) == 1
    pool.shutdown()


@pytest.mark.parametrize("newest_wins", [True, False])
def test_the_gui_thread_never_waits_for_a_worker(qtbot: QtBot, newest_wins: bool) -> None:
    """Requests as fast as a person types, over jobs that each hold a worker for 0.3 s; cancels
    between them: the GUI thread submits and goes on, never waiting for a job."""
    pool = JobPool("test-lane", 2, newest_wins=newest_wins)
    answers: list[float] = []

    def slow() -> float:
        time.sleep(0.3)
        return time.perf_counter()

    with GuiWatchdog(limit_s=0.05) as dog:
        for n in range(40):
            pool.submit(slow, answers.append)
            if n % 10 == 9:
                pool.cancel()
            qtbot.wait(10)
        pool.submit(slow, answers.append)
        qtbot.waitUntil(lambda: not pool.busy, timeout=20_000)
    assert answers  # the session did what it says
    blocked = dog.blocked()
    assert not blocked, "the GUI thread waited: " + "; ".join(map(str, blocked))
    pool.shutdown()
