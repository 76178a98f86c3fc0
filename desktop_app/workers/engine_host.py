"""EngineHost: runs the engine off the GUI thread; results come back as queued signals.

Lanes, each with one job: an opener/indexer thread (engine.open, then engine.watch), a search
lane (one thread, newest request wins), and a task lane for small reads (status, problems,
pack changes). Workers never touch widgets: they emit signals that Qt queues to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engine import EngineConfig, EngineError, TroveEngine
from desktop_app.core.types import Phase, Progress, Query

log = logging.getLogger(__name__)


class EngineHost(QObject):
    opened = Signal()
    open_failed = Signal(str)
    results_ready = Signal(object)  # SearchResult (only the newest generation)
    search_failed = Signal(int, str)
    progress_changed = Signal(object)  # Progress
    task_done = Signal(object, object)  # (callback, result) -> called on the GUI thread
    duplicates_ready = Signal(object)  # DuplicateReport, or a message (str) when it failed

    def __init__(self, config: EngineConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.engine: TroveEngine | None = None
        self.ready = False
        self._cancel = CancelToken()
        self._indexer: threading.Thread | None = None
        self._search_cv = threading.Condition()
        self._search_request: tuple[int, Query] | None = None
        self._latest_generation = 0
        self._closing = False
        self._search_thread = threading.Thread(
            target=self._search_loop, name="trove-search", daemon=True
        )
        self._tasks_cv = threading.Condition()
        self._tasks: list[tuple[Callable[[], Any], Callable[[Any], None] | None]] = []
        self._task_thread = threading.Thread(
            target=self._task_loop, name="trove-tasks", daemon=True
        )
        self.task_done.connect(self._on_task_done)
        # Near-duplicates lane: seconds of matrix work on a large library, so neither the
        # task lane (status, problems) nor the search lane waits behind it.
        self._dup_lock = threading.Lock()
        # "" idle, "waiting" (asked before the index opened), "running", "again" (asked again)
        self._dup_state = ""
        self._dup_cancel = CancelToken()

    # --- lifecycle ---------------------------------------------------------------------

    def start(self, watch: bool = True) -> None:
        """Open the engine in the background (lancedb's import alone takes ~2 s), then watch."""
        self.start_lanes()
        threading.Thread(target=self._open, args=(watch,), name="trove-open", daemon=True).start()

    def start_lanes(self) -> None:
        """Start the search and task lanes (``start`` does this; tests may attach an engine)."""
        self._search_thread.start()
        self._task_thread.start()

    def _open(self, watch: bool) -> None:
        try:
            engine = TroveEngine(self.config)
            engine.open()
        except EngineError as exc:
            self.open_failed.emit(str(exc))
            return
        except Exception as exc:  # anything else must still reach the window as a message
            log.exception("opening the engine failed")
            self.open_failed.emit(f"Trove could not open its index: {exc}")
            return
        engine.config = self.config  # folders added while the index was opening
        self.engine = engine
        self.ready = True
        self.opened.emit()
        with self._dup_lock:
            asked_early = self._dup_state == "waiting"
            self._dup_state = ""
        if asked_early:
            self.request_duplicates()
        with self._search_cv:
            self._search_cv.notify_all()
        if watch:
            self.start_indexing()

    def start_indexing(self) -> None:
        if self.engine is None or (self._indexer is not None and self._indexer.is_alive()):
            return
        self._cancel = CancelToken()
        self._indexer = threading.Thread(
            target=self._watch, args=(self._cancel,), name="trove-index", daemon=True
        )
        self._indexer.start()

    def _watch(self, cancel: CancelToken) -> None:
        assert self.engine is not None
        try:
            if not self.engine.config.roots:
                self.progress_changed.emit(Progress(Phase.IDLE, message="Add a folder to start"))
                return
            self.engine.watch(progress=self.progress_changed.emit, cancel=cancel)
        except EngineError as exc:
            self.progress_changed.emit(Progress(Phase.ERROR, message=str(exc)))
        except Exception as exc:
            log.exception("indexing stopped")
            self.progress_changed.emit(Progress(Phase.ERROR, message=f"Indexing stopped: {exc}"))

    def restart_indexing(self, roots: tuple[str, ...], excludes: tuple[str, ...]) -> None:
        """New roots or exclusions: stop the watcher, apply, reconcile again (off the GUI thread)."""

        self.config = replace(self.config, roots=roots, exclude_patterns=excludes)

        def work() -> None:
            self._cancel.cancel()
            if self._indexer is not None:
                self._indexer.join()
            if self.engine is not None:
                self.engine.config = replace(
                    self.engine.config, roots=roots, exclude_patterns=excludes
                )
                self.start_indexing()  # otherwise _open starts it with self.config

        self.run_task(work)

    def pause(self) -> None:
        self._cancel.pause()
        self.progress_changed.emit(Progress(Phase.PAUSED, message="Paused"))

    def resume(self) -> None:
        self._cancel.resume()
        self.progress_changed.emit(Progress(Phase.INDEXING, message="Resuming"))

    @property
    def paused(self) -> bool:
        return self._cancel.paused

    def shutdown(self) -> None:
        self._closing = True
        self._cancel.cancel()
        self._dup_cancel.cancel()
        with self._search_cv:
            self._search_cv.notify_all()
        with self._tasks_cv:
            self._tasks_cv.notify_all()
        if self._indexer is not None:
            self._indexer.join(timeout=10)
        if self.engine is not None:
            self.engine.close()

    # --- search lane -------------------------------------------------------------------

    def request_search(self, query: Query) -> int:
        """Queue a search; returns its generation. Older pending requests are dropped."""
        with self._search_cv:
            self._latest_generation += 1
            gen = self._latest_generation
            self._search_request = (gen, query)
            self._search_cv.notify_all()
        return gen

    def _search_loop(self) -> None:
        while True:
            with self._search_cv:
                while not self._closing and (self._search_request is None or not self.ready):
                    self._search_cv.wait()
                if self._closing:
                    return
                assert self._search_request is not None
                gen, query = self._search_request
                self._search_request = None
            try:
                assert self.engine is not None
                result = self.engine.search(query, generation=gen)
            except EngineError as exc:
                self.search_failed.emit(gen, str(exc))
                continue
            except Exception as exc:
                log.exception("search failed")
                self.search_failed.emit(gen, f"Search failed: {exc}")
                continue
            if gen == self._latest_generation:  # a newer request supersedes this one
                self.results_ready.emit(result)

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

    def run_task(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        """Run ``fn`` on the task lane; ``on_done(result)`` then runs on the GUI thread."""
        with self._tasks_cv:
            self._tasks.append((fn, on_done))
            self._tasks_cv.notify_all()

    def _task_loop(self) -> None:
        while True:
            with self._tasks_cv:
                while not self._closing and not self._tasks:
                    self._tasks_cv.wait()
                if self._closing:
                    return
                fn, on_done = self._tasks.pop(0)
            try:
                result = fn()
            except Exception as exc:
                log.exception("background task failed")
                result = exc
            if on_done is not None:
                self.task_done.emit(on_done, result)

    def _on_task_done(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)
