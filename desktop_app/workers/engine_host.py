"""EngineHost: runs the engine off the GUI thread; results come back as queued signals.

Lanes, each with one job: an opener, then the indexer (engine.open, then engine.watch); a
search lane (one thread, newest request wins: searches and browsing share it); a task lane for
small reads (status, problems, pack lists, thumbnails of nothing heavy); and a control lane for
changes that need the indexer stopped (folders, packs, settings), applied one at a time: stop
the indexer, change, start it again. Nothing else writes the engine's configuration, so the
indexer never sees it change under it. Workers never touch widgets: callbacks are queued to
the GUI thread.

Tests: ``synchronous=True`` runs every lane inline on the calling thread (for fake engines
whose ``watch`` returns), and ``wait_idle()`` waits until every lane has answered.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engine import Engine, EngineConfig, EngineError, TroveEngine
from desktop_app.core.types import Phase, Progress, Query

log = logging.getLogger(__name__)
# How long quitting waits for an index that is still opening (migrations can take longer;
# each step resumes where it stopped).
OPEN_WAIT_S = 30.0

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
Job = Callable[[], Any]
EngineFactory = Callable[[EngineConfig], Engine]


def describe_failure(exc: Exception) -> str:
    """One sentence for a person: an EngineError says it already; anything else is named."""
    return str(exc) if isinstance(exc, EngineError) else f"{type(exc).__name__}: {exc}"


class _Lane:
    """One worker thread running queued jobs in order; ``busy`` until its queue is drained."""

    def __init__(self, name: str, run: Callable[[Job, Done | None, Failed | None], None]) -> None:
        self.name = name
        self._run = run
        self._cv = threading.Condition()
        self._jobs: deque[tuple[Callable[[], Any], Done | None, Failed | None]] = deque()
        self._running = False
        self._closing = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)

    def start(self) -> None:
        if not self._thread.is_alive():
            self._thread.start()

    def submit(self, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None) -> None:
        with self._cv:
            self._jobs.append((fn, on_done, on_error))
            self._cv.notify_all()

    @property
    def busy(self) -> bool:
        with self._cv:
            return self._running or bool(self._jobs)

    def close(self) -> None:
        with self._cv:
            self._closing = True
            self._jobs.clear()
            self._cv.notify_all()

    def _loop(self) -> None:
        while True:
            with self._cv:
                while not self._closing and not self._jobs:
                    self._cv.wait()
                if self._closing:
                    return
                job = self._jobs.popleft()
                self._running = True
            try:
                self._run(*job)
            finally:
                with self._cv:
                    self._running = False


class EngineHost(QObject):
    opened = Signal()
    open_failed = Signal(str)
    results_ready = Signal(object)  # SearchResult (only the newest generation)
    browse_ready = Signal(object)  # BrowseResult (only the newest generation)
    search_failed = Signal(int, str)
    progress_changed = Signal(object)  # Progress
    paused_changed = Signal(bool)
    task_failed = Signal(str)  # a background job without its own failure callback failed
    duplicates_ready = Signal(object)  # DuplicateReport, or a message (str) when it failed
    _callback = Signal(object, object)  # (callback, value) -> called on the GUI thread

    def __init__(
        self,
        config: EngineConfig,
        parent: QObject | None = None,
        engine_factory: EngineFactory = TroveEngine,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self.config = config
        self.engine: Engine | None = None
        self.ready = False
        self.synchronous = synchronous
        self._factory = engine_factory
        self._cancel = CancelToken()
        self._paused = False  # survives the indexer's restarts (each has a new token)
        self._indexer: threading.Thread | None = None
        self._indexer_lock = threading.RLock()
        self._open_done = threading.Event()  # opened, or failed to
        self._opener: threading.Thread | None = None
        self._opening = False
        self._closing = False
        self._search_cv = threading.Condition()
        self._search_request: tuple[int, str, Query, int] | None = None
        self._searching = False
        self._latest_generation = 0
        self._search_thread = threading.Thread(
            target=self._search_loop, name="trove-search", daemon=True
        )
        # Reloading packs unloads the encoders a search may be using: one waits for the other.
        self._engine_gate = threading.Lock()
        self._tasks = _Lane("trove-tasks", self._run_job)
        self._control = _Lane("trove-control", self._run_job)
        self._pending_callbacks = 0
        self._callbacks_lock = threading.Lock()
        self._callback.connect(self._on_callback)
        # Near-duplicates lane: seconds of matrix work on a large library, so neither the
        # task lane (status, problems) nor the search lane waits behind it.
        self._dup_lock = threading.Lock()
        # "" idle, "waiting" (asked before the index opened), "running", "again" (asked again)
        self._dup_state = ""
        self._dup_cancel = CancelToken()

    # --- lifecycle ---------------------------------------------------------------------

    def start(self, watch: bool = True) -> None:
        """Open the engine in the background (lancedb's import alone takes ~2 s), then watch."""
        self._opening = True  # first: work queued before the start waits for the index
        self.start_lanes()
        if self.synchronous:
            self._open(watch)
            return
        self._opener = threading.Thread(
            target=self._open, args=(watch,), name="trove-open", daemon=True
        )
        self._opener.start()

    def start_lanes(self) -> None:
        """Start the search, task and control lanes (``start`` does this; tests may attach
        an engine)."""
        if self.synchronous:
            return
        if not self._search_thread.is_alive():
            self._search_thread.start()
        self._tasks.start()
        self._control.start()

    def attach(self, engine: Engine) -> None:
        """Use an engine that is already open (tests)."""
        self.engine = engine
        self.ready = True
        self._open_done.set()
        with self._search_cv:
            self._search_cv.notify_all()

    def opened_engine(self, timeout: float | None = None) -> Engine | None:
        """The engine once the index is open (waited for, off the GUI thread only); None
        when it failed to open."""
        self._open_done.wait(timeout)
        return self.engine

    def _open(self, watch: bool) -> None:
        try:
            engine = self._factory(self.config)
            engine.open()
        except EngineError as exc:
            self._open_failed(str(exc))
            return
        except Exception as exc:  # anything else must still reach the window as a message
            log.exception("opening the engine failed")
            self._open_failed(f"Trove could not open its index: {exc}")
            return
        engine.config = self.config  # folders added while the index was opening
        engine.prepare_search()  # vector search's first stages: built on their own thread
        self.attach(engine)
        self._opening = False
        self.opened.emit()
        with self._dup_lock:
            asked_early = self._dup_state == "waiting"
            self._dup_state = ""
        if asked_early:
            self.request_duplicates()
        if watch and not self._closing:
            self.start_indexing()

    def _open_failed(self, message: str) -> None:
        self._opening = False
        self._open_done.set()
        self.open_failed.emit(message)

    def start_indexing(self) -> None:
        with self._indexer_lock:  # the opener and the control lane may both ask
            if self.engine is None or (self._indexer is not None and self._indexer.is_alive()):
                return
            self._cancel = CancelToken()
            if self._paused:  # read after the new token is in place: a pause never slips by
                self._cancel.pause()
            if self.synchronous:
                self._watch(self._cancel)
                return
            self._indexer = threading.Thread(
                target=self._watch, args=(self._cancel,), name="trove-index", daemon=True
            )
            self._indexer.start()

    def _stop_indexing(self) -> None:
        with self._indexer_lock:
            self._cancel.cancel()
            if self._indexer is not None:
                self._indexer.join()
                self._indexer = None

    def _watch(self, cancel: CancelToken) -> None:
        assert self.engine is not None
        try:
            if not self.engine.config.roots:
                self.progress_changed.emit(
                    Progress(
                        Phase.IDLE,
                        message=QCoreApplication.translate("Host", "Add a folder to start"),
                    )
                )
                return
            self.engine.watch(progress=self.progress_changed.emit, cancel=cancel)
        except Cancelled:
            pass
        except EngineError as exc:
            self.progress_changed.emit(Progress(Phase.ERROR, message=str(exc)))
        except Exception as exc:
            log.exception("indexing stopped")
            self.progress_changed.emit(
                Progress(
                    Phase.ERROR,
                    message=QCoreApplication.translate("Host", "Indexing stopped: {reason}").format(
                        reason=exc
                    ),
                )
            )

    def reconfigure(
        self,
        step: Callable[[Engine], Any] | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        **changes: Any,
    ) -> None:
        """The one way to change what the indexer works with: on the control lane, stop the
        indexer, apply ``changes`` to the engine's configuration, run ``step(engine)`` (forget
        a folder, reload packs), then index again. ``on_done(step's result)`` follows on the
        GUI thread. Asked before the index is open, it waits for it."""
        if changes:
            self.config = replace(self.config, **changes)

        def work() -> Any:
            if self._opening:
                self._open_done.wait()
            engine = self.engine
            if engine is None:
                return None
            self._stop_indexing()
            try:
                with self._engine_gate:
                    if changes:
                        engine.config = replace(engine.config, **changes)
                    return step(engine) if step is not None else None
            finally:
                if not self._closing:
                    self.start_indexing()

        self._submit(self._control, work, on_done, on_error)

    def restart_indexing(self, roots: tuple[str, ...], excludes: tuple[str, ...]) -> None:
        """New roots or exclusions: stop the watcher, apply, reconcile again (off the GUI thread)."""
        self.reconfigure(roots=roots, exclude_patterns=excludes)

    def set_paused(self, paused: bool) -> None:
        """Pause or resume indexing; the state outlives the indexer's restarts."""
        if paused == self._paused:
            return
        self._paused = paused
        if paused:
            self._cancel.pause()
            self.progress_changed.emit(
                Progress(Phase.PAUSED, message=QCoreApplication.translate("Host", "Paused"))
            )
        else:
            self._cancel.resume()
            self.progress_changed.emit(
                Progress(Phase.INDEXING, message=QCoreApplication.translate("Host", "Resuming"))
            )
        self.paused_changed.emit(paused)

    def pause(self) -> None:
        self.set_paused(True)

    def resume(self) -> None:
        self.set_paused(False)

    @property
    def paused(self) -> bool:
        return self._paused

    def shutdown(self) -> None:
        self._closing = True
        # An index still opening is waited for (bounded): a process that ends while lancedb,
        # pyarrow or onnxruntime are starting their threads aborts ("terminate called
        # without an active exception", seen when the window was quit at once).
        if self._opener is not None:
            self._opener.join(timeout=OPEN_WAIT_S)
        self._cancel.cancel()
        self._dup_cancel.cancel()
        with self._search_cv:
            self._search_cv.notify_all()
        self._tasks.close()
        self._control.close()
        if self._indexer is not None:
            self._indexer.join(timeout=10)
        if self.engine is not None:
            self.engine.close()

    # --- search lane -------------------------------------------------------------------

    def request_search(self, query: Query) -> int:
        """Queue a search; returns its generation. Older pending requests are dropped."""
        return self._request("search", query, 0)

    def request_browse(self, query: Query, limit: int = 300) -> int:
        """Queue a browse (the newest files passing the query's filters) on the search lane:
        it competes with searches, and the newest request of either kind wins."""
        return self._request("browse", query, limit)

    def _request(self, kind: str, query: Query, limit: int) -> int:
        with self._search_cv:
            self._latest_generation += 1
            gen = self._latest_generation
            self._search_request = (gen, kind, query, limit)
            self._search_cv.notify_all()
        if self.synchronous and self.ready:
            self._search_once()
        return gen

    def _search_loop(self) -> None:
        while True:
            with self._search_cv:
                while not self._closing and (self._search_request is None or not self.ready):
                    self._search_cv.wait()
                if self._closing:
                    return
            self._search_once()

    def _search_once(self) -> None:
        with self._search_cv:
            if self._search_request is None:
                return
            gen, kind, query, limit = self._search_request
            self._search_request = None
            self._searching = True
        try:
            assert self.engine is not None
            with self._engine_gate:
                if kind == "browse":
                    result: Any = self.engine.recent(query, limit, generation=gen)
                else:
                    result = self.engine.search(query, generation=gen)
        except EngineError as exc:
            self.search_failed.emit(gen, str(exc))
            return
        except Exception as exc:
            log.exception("search failed")
            self.search_failed.emit(
                gen,
                QCoreApplication.translate("Host", "Search failed: {reason}").format(reason=exc),
            )
            return
        finally:
            with self._search_cv:
                self._searching = False
        if gen == self._latest_generation:  # a newer request supersedes this one
            (self.browse_ready if kind == "browse" else self.results_ready).emit(result)

    # --- near-duplicates lane -------------------------------------------------------------

    def request_duplicates(self) -> None:
        """Find near-duplicate photos on their own thread; ``duplicates_ready`` answers. Asked
        again while a run is under way, one more run follows it (the index may have changed)."""
        with self._dup_lock:
            if self.engine is None:
                self._dup_state = "waiting"  # answered once the index is open
                return
            if self._dup_state in ("running", "again"):
                self._dup_state = "again"
                return
            self._dup_state = "running"
        if self.synchronous:
            self._duplicates_loop()
            return
        threading.Thread(target=self._duplicates_loop, name="trove-duplicates", daemon=True).start()

    def _duplicates_loop(self) -> None:
        while True:
            result: Any
            try:
                assert self.engine is not None
                # hashes missing from an older index are filled by the indexer, not here
                result = self.engine.duplicates(compute_missing=False, cancel=self._dup_cancel)
            except Cancelled:
                return
            except EngineError as exc:
                result = str(exc)
            except Exception as exc:
                log.exception("finding near-duplicates failed")
                result = f"Could not look for near-duplicates: {exc}"
            with self._dup_lock:
                if self._dup_state == "again" and not self._closing:
                    self._dup_state = "running"
                    continue
                self._dup_state = ""
            if not self._closing:
                self.duplicates_ready.emit(result)
            return

    # --- task lane ---------------------------------------------------------------------

    def run_task(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Run ``fn`` on the task lane. On the GUI thread afterwards: ``on_done(result)`` when
        it returned, ``on_error(exception)`` when it raised (without ``on_error``, the failure
        is logged and ``task_failed`` says it in a sentence)."""
        self._submit(self._tasks, fn, on_done, on_error)

    def run_engine(
        self,
        fn: Callable[[Engine], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """``fn(engine)`` on the task lane, once the index is open (asked while it opens, it
        waits for it); an EngineError to ``on_error`` when it could not open."""

        def work() -> Any:
            if self._opening:
                self._open_done.wait()
            if self.engine is None:
                raise EngineError("the index is not open")
            return fn(self.engine)

        self.run_task(work, on_done, on_error)

    def _submit(
        self, lane: _Lane, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None
    ) -> None:
        if self.synchronous:
            self._run_job(fn, on_done, on_error)
        else:
            lane.submit(fn, on_done, on_error)

    def _run_job(
        self, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None
    ) -> None:
        try:
            result = fn()
        except Exception as exc:
            log.exception("background task failed")
            if on_error is not None:
                self._deliver(on_error, exc)
            else:
                self.task_failed.emit(describe_failure(exc))
            return
        if on_done is not None:
            self._deliver(on_done, result)

    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        if self.synchronous:
            callback(value)
            return
        with self._callbacks_lock:
            self._pending_callbacks += 1
        self._callback.emit(callback, value)

    def _on_callback(self, callback: Callable[[Any], None], value: Any) -> None:
        with self._callbacks_lock:
            self._pending_callbacks -= 1
        if not self._closing:
            callback(value)

    # --- tests -------------------------------------------------------------------------

    def idle(self) -> bool:
        """Nothing queued or running on any lane, no answer waiting for the GUI thread, and
        the engine opened (or failed to). The indexer is not a lane: it runs until stopped."""
        with self._search_cv:
            searching = self._searching or (self._search_request is not None and self.ready)
        with self._callbacks_lock:
            callbacks = self._pending_callbacks
        return not (
            self._opening or searching or self._tasks.busy or self._control.busy or callbacks
        )

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Run the GUI thread's events until every lane has answered; False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if self.idle():
                QCoreApplication.processEvents()  # signals emitted just before the last job ended
                if self.idle():
                    return True
            time.sleep(0.002)
        return False
