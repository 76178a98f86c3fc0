"""EngineHost: runs the engine off the GUI thread; results come back as queued signals.

Threads, each with one job: an opener, then the indexer (engine.open, then engine.watch); and
lanes, each a JobPool (workers/jobs.py): a search lane (newest request wins: searches and
browsing share it); a task lane for small reads (status, problems, pack lists); a control lane
for changes that need the indexer stopped (folders, packs, settings), applied one at a time:
stop the indexer, change, start it again; and a near-duplicates lane. Nothing else writes the
engine's configuration, so the indexer never sees it change under it. Workers never touch
widgets: answers come back on the GUI thread.

Tests: ``synchronous=True`` runs every lane inline on the calling thread (for fake engines
whose ``watch`` returns), and ``wait_idle()`` waits until every lane has answered.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engine import Engine, EngineConfig, EngineError, TroveEngine
from desktop_app.core.types import Phase, Progress, Query, SearchResult
from desktop_app.workers.jobs import JobPool
from desktop_app.workers.libraries import LibrarySearches

log = logging.getLogger(__name__)
# How long quitting waits for an index that is still opening (migrations can take longer;
# each step resumes where it stopped).
OPEN_WAIT_S = 30.0

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
EngineFactory = Callable[[EngineConfig], Engine]


def _close_library(engine: Engine, uri: str) -> None:
    engine.close_library(uri)


def describe_failure(exc: Exception) -> str:
    """One sentence for a person: an EngineError says it already; anything else is named."""
    return str(exc) if isinstance(exc, EngineError) else f"{type(exc).__name__}: {exc}"


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
    libraries_changed = Signal(object)  # tuple[LibraryState, ...]: each shared library's state

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
        # engine work asked before start(): the window asks for its packs as it is built, and
        # the host starts on the next turn of the event loop; submitted by start(), so it
        # waits for the index instead of finding none (dropped if the host never starts)
        self._before_start: list[tuple[Callable[[], Any], Done | None, Failed | None]] | None = []
        # One search thread: the encoders stay warm on it, and a request replaced while it
        # runs is not wanted, so a second thread would only compete for the same cores.
        self._search = JobPool("trove-search", newest_wins=True, synchronous=synchronous)
        self._latest_generation = 0
        self._held_request: tuple[int, str, Query, int] | None = None  # asked before opening
        # Reloading packs unloads the encoders a search may be using: one waits for the other.
        self._engine_gate = threading.Lock()
        # One thread each: small reads answer in the order asked; changes are applied one at
        # a time, each with the indexer stopped.
        self._tasks = JobPool("trove-tasks", synchronous=synchronous)
        self._control = JobPool("trove-control", synchronous=synchronous)
        # Near-duplicates: seconds of matrix work on a large library, on a thread of its own
        # so neither the task lane (status, problems) nor the search lane waits behind it;
        # one thread, as asked again the newest run answers (the index may have changed).
        self._duplicates = JobPool("trove-duplicates", newest_wins=True, synchronous=synchronous)
        self._duplicates_asked = False  # before the index opened: answered once it is open
        self._dup_cancel = CancelToken()
        self._lanes = (self._search, self._tasks, self._control, self._duplicates)
        # Shared libraries searched beside the index, each on a lane of its own
        # (workers/libraries.py): their answers follow the local result, never hold it up.
        self.libraries = LibrarySearches(lambda: self.opened_engine(), synchronous, self)
        self.libraries.changed.connect(self.libraries_changed.emit)
        self.libraries.merged.connect(self.results_ready.emit)
        self.opened.connect(self._on_opened)

    # --- lifecycle ---------------------------------------------------------------------

    def start(self, watch: bool = True) -> None:
        """Open the engine in the background (lancedb's import alone takes ~2 s), then watch."""
        self._opening = True  # first: work queued before the start waits for the index
        held, self._before_start = self._before_start or [], None
        for fn, on_done, on_error in held:
            self.run_task(fn, on_done, on_error)
        if self.synchronous:
            self._open(watch)
            return
        self._opener = threading.Thread(
            target=self._open, args=(watch,), name="trove-open", daemon=True
        )
        self._opener.start()

    def attach(self, engine: Engine) -> None:
        """Use an engine that is already open."""
        self.engine = engine
        self.ready = True
        self._open_done.set()
        held, self._before_start = self._before_start or [], None
        for fn, on_done, on_error in held:
            self.run_task(fn, on_done, on_error)

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
        self.libraries.shutdown()
        for lane in self._lanes:
            lane.shutdown()
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
        self._latest_generation += 1
        gen = self._latest_generation
        if self.ready:
            self._held_request = None
            self._run_search(gen, kind, query, limit)
        else:  # asked once the index is open
            self._held_request = (gen, kind, query, limit)
        return gen

    def _run_search(self, gen: int, kind: str, query: Query, limit: int) -> None:
        def work() -> Any:
            assert self.engine is not None
            with self._engine_gate:
                if kind == "browse":
                    return self.engine.recent(query, limit, generation=gen)
                return self.engine.search(query, generation=gen)

        if kind != "browse":
            self.libraries.ask(query)  # on their own lanes, beside the local search
        done = self.browse_ready.emit if kind == "browse" else self._on_local_result
        self._search.submit(work, done, lambda exc: self._on_search_failed(gen, exc))

    def _on_local_result(self, result: SearchResult) -> None:
        """Shown at once, with what the shared libraries answered to it so far."""
        self.results_ready.emit(self.libraries.with_answers(result))

    def _on_search_failed(self, gen: int, exc: Exception) -> None:
        if isinstance(exc, EngineError):
            self.search_failed.emit(gen, str(exc))
            return
        log.error("search failed", exc_info=exc)
        self.search_failed.emit(
            gen, QCoreApplication.translate("Host", "Search failed: {reason}").format(reason=exc)
        )

    def _on_opened(self) -> None:
        held, self._held_request = self._held_request, None
        if held is not None:
            self._run_search(*held)
        if self._duplicates_asked:
            self._duplicates_asked = False
            self.request_duplicates()

    # --- shared libraries ------------------------------------------------------------------

    def set_libraries(self, uris: list[str]) -> None:
        """Search these shared libraries beside the index from now on (each one's state
        follows in ``libraries_changed``); the engine closes the ones removed."""
        for uri in self.libraries.set_uris(uris):
            self.run_engine(partial(_close_library, uri=uri))

    # --- near-duplicates lane -------------------------------------------------------------

    def request_duplicates(self) -> None:
        """Find near-duplicate photos on their own thread; ``duplicates_ready`` answers. Asked
        again while a run is under way, that run stops and a new one answers (the index may
        have changed)."""
        if not self.ready:
            self._duplicates_asked = True
            return
        self._dup_cancel.cancel()
        cancel = self._dup_cancel = CancelToken()
        self._duplicates.submit(lambda: self._find_duplicates(cancel), self.duplicates_ready.emit)

    def _find_duplicates(self, cancel: CancelToken) -> object:
        """A DuplicateReport, or a message saying why there is none; Cancelled answers nothing."""
        assert self.engine is not None
        try:
            # hashes missing from an older index are filled by the indexer, not here
            return self.engine.duplicates(compute_missing=False, cancel=cancel)
        except Cancelled:
            raise
        except EngineError as exc:
            return str(exc)
        except Exception as exc:
            log.exception("finding near-duplicates failed")
            return f"Could not look for near-duplicates: {exc}"

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

        if self._before_start is not None and not self.synchronous:
            self._before_start.append((work, on_done, on_error))
            return
        self.run_task(work, on_done, on_error)

    def _submit(
        self, lane: JobPool, fn: Callable[[], Any], on_done: Done | None, on_error: Failed | None
    ) -> None:
        def failed(exc: Exception) -> None:
            log.error("background task failed", exc_info=exc)
            if on_error is not None:
                on_error(exc)
            else:
                self.task_failed.emit(describe_failure(exc))

        lane.submit(fn, on_done, failed)

    # --- tests -------------------------------------------------------------------------

    def idle(self) -> bool:
        """Nothing queued or running on any lane, no answer waiting for the GUI thread, and
        the engine opened (or failed to). The indexer is not a lane: it runs until stopped."""
        held = self.ready and (self._held_request is not None or self._duplicates_asked)
        lanes = any(lane.busy for lane in self._lanes) or self.libraries.busy
        return not (self._opening or held or lanes)

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
