"""JobPool: the one way the app runs work off the GUI thread and hears back on it.

A pool is named worker threads for one kind of work. ``submit(fn, on_done, on_error)`` runs
``fn`` on one of them; what it returned goes to ``on_done``, what it raised to ``on_error``,
both called on the thread the pool belongs to (the GUI thread), never on the worker: workers
return values and never touch widgets. In a pool where the newest request wins, each ``submit``
makes every earlier job unwanted: one still queued never runs, and the answer of one already
running is dropped. ``cancel()`` does the same for everything submitted so far; long work
stops early through its own CancelToken. ``synchronous=True`` runs each job inline, inside
``submit`` (tests).

The threads and their queue are the standard library's ThreadPoolExecutor; this adds the way
back to the GUI thread (a queued signal), newest-wins and the synchronous mode. Everything the
pool keeps is touched on its own thread only (submit, cancel, the answers): the GUI thread
never waits on a lock a worker holds. The workers are not daemons: a process that ends lets a
running job finish (after ``shutdown`` nothing queued starts).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for_futures
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.core.cancel import Cancelled

log = logging.getLogger(__name__)

T = TypeVar("T")
OnDone = Callable[[Any], None]
OnError = Callable[[Exception], None]


@dataclass(eq=False)
class _Job:
    on_done: OnDone | None
    on_error: OnError | None


def _call(fn: Callable[[], Any]) -> tuple[Any, Exception | None]:
    try:
        return fn(), None
    except Exception as exc:  # every failure is the job's answer, delivered like a result
        return None, exc


def _name_thread(name: str) -> None:
    threading.current_thread().name = name


class JobPool(QObject):
    """``threads`` workers named ``name``; outcomes come back on the thread that made the pool,
    which is also the only thread that may call it."""

    failed = Signal(object)  # what a job submitted without ``on_error`` raised (not Cancelled)
    _finished = Signal(object, object, object)  # (job, value, error), from a worker thread

    def __init__(
        self,
        name: str,
        threads: int = 1,
        *,
        newest_wins: bool = False,
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.newest_wins = newest_wins
        self.synchronous = synchronous
        # Threads start when the first job comes, and end with the pool or its shutdown.
        self._executor = ThreadPoolExecutor(
            threads, thread_name_prefix=name, initializer=_name_thread, initargs=(name,)
        )
        self._owner = threading.get_ident()
        # submitted, answer not yet given on this thread (its future, to cancel it if queued)
        self._waiting: dict[_Job, Future[None]] = {}
        self._futures: list[Future[None]] = []  # what runs or is queued, for wait()
        self._closed = False
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        """Run ``fn`` on a worker; ``on_done(result)`` or ``on_error(exception)`` follows on
        this thread. Without ``on_error`` a failure is logged and ``failed`` says it; a job
        that raises Cancelled (stopped by its token) answers nothing then."""
        if threading.get_ident() != self._owner:
            raise RuntimeError(f"{self.name}: jobs are submitted from the pool's own thread")
        if self._closed:
            return
        if self.newest_wins:
            self.cancel()
        job = _Job(on_done, on_error)
        if self.synchronous:
            self._answer(job, *_call(fn))
            return
        try:
            future = self._executor.submit(self._run, job, fn)
        except RuntimeError:  # the interpreter is shutting down: nothing runs any more
            return
        self._futures = [f for f in self._futures if not f.done()]
        self._futures.append(future)
        self._waiting[job] = future

    def cancel(self) -> None:
        """What was submitted so far is not wanted any more: jobs still queued never run, and
        the answers of running ones are dropped (they stop early only by their own token)."""
        for future in self._waiting.values():
            future.cancel()  # refused by a job already running
        self._waiting.clear()

    @property
    def busy(self) -> bool:
        """A job is queued or running, or its answer has not yet been given on this thread."""
        return bool(self._waiting) or any(not f.done() for f in self._futures)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every job submitted so far has run (answers follow on this thread's
        event loop); False on timeout. For tests, and for a last write as the app quits."""
        _done, pending = wait_for_futures(list(self._futures), timeout)
        return not pending

    def shutdown(self) -> None:
        """No more jobs, no more answers; queued jobs never run. A running job is not waited
        for."""
        self._closed = True
        self.cancel()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _run(self, job: _Job, fn: Callable[[], Any]) -> None:  # on a worker thread
        value, error = _call(fn)
        try:
            self._finished.emit(job, value, error)
        except RuntimeError:  # the pool went with its window: nobody is left to answer
            pass

    def _on_finished(self, job: _Job, value: Any, error: Exception | None) -> None:
        if self._waiting.pop(job, None) is None:
            return  # superseded or cancelled meanwhile
        self._answer(job, value, error)

    def _answer(self, job: _Job, value: Any, error: Exception | None) -> None:
        if error is None:
            if job.on_done is not None:
                job.on_done(value)
        elif job.on_error is not None:
            job.on_error(error)
        elif not isinstance(error, Cancelled):
            log.error("%s: a background job failed", self.name, exc_info=error)
            self.failed.emit(error)
