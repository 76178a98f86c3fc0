"""LibrarySearches: the shared libraries the window searches beside its local index.

The simplest shape that never holds up the local results, nor the window:

- The local result is shown as soon as the search lane has it; nothing here delays it.
- Each library has a lane of its own (a JobPool of one thread, newest wins): a slow or
  offline library holds up only its own answers, and a query typed meanwhile replaces the
  one still waiting for it.
- When a library answers the question shown, that result is shown again with the library's
  hits in the same ranking (core.search.libraries.merge); the window takes it as a live
  update of the same question, so the chosen file stays.
- The answers are kept for the question asked: the refreshes while indexing runs (the same
  question asked again) reuse them instead of asking every library again.
- A library that fails, or does not answer in time (ANSWER_S, up to 20 s: an unreachable
  store's first answer may take that long), is marked unreachable with the reason and is not
  asked by the next searches; it is checked again every RETRY_MS in the background, and once
  it answers it is searched for the question shown.
- A library added is checked at once, so its state shows before the first search.

The engine owns the libraries themselves (opened on first use, closed when removed or when
it closes); this keeps their states and lanes on the GUI thread's side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.core.engine import Engine, EngineError
from desktop_app.core.types import Query, SearchResult
from desktop_app.workers.jobs import JobPool

if TYPE_CHECKING:
    from desktop_app.core.search.libraries import LibraryAnswer

RETRY_MS = 30_000  # an unreachable library is checked again this often

WAITING, READY, UNREACHABLE = "waiting", "ready", "unreachable"


@dataclass(frozen=True)
class LibraryState:
    """What the window says of one library: ``status`` is "waiting" (added, not answered
    yet), "ready" or "unreachable" (``reason`` says why)."""

    uri: str
    status: str = WAITING
    reason: str = ""


class LibrarySearches(QObject):
    """Called on the GUI thread only; ``engine()`` is called on the libraries' lanes and
    waits for the index to open (None: it failed to)."""

    changed = Signal(object)  # tuple[LibraryState, ...], in the order the libraries were added
    merged = Signal(object)  # SearchResult: the question shown, with a library's hits added

    def __init__(
        self,
        engine: Callable[[], Engine | None],
        synchronous: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._synchronous = synchronous
        self._states: dict[str, LibraryState] = {}
        self._lanes: dict[str, JobPool] = {}
        self._asked: Query | None = None  # the newest question searched
        self._answers: dict[str, LibraryAnswer] = {}  # the libraries' answers to it
        self._pending: dict[str, Query | None] = {}  # asked, not answered (None: a check)
        self._local: SearchResult | None = None  # the local index's newest answer
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.retry_unreachable)
        self._closed = False

    # --- the list --------------------------------------------------------------------

    def states(self) -> tuple[LibraryState, ...]:
        return tuple(self._states.values())

    def set_uris(self, uris: Sequence[str]) -> list[str]:
        """Search these libraries from now on; returns the ones removed (the engine closes
        them). A library added is checked at once."""
        removed = [u for u in self._states if u not in uris]
        for uri in removed:
            self._states.pop(uri)
            self._answers.pop(uri, None)
            self._pending.pop(uri, None)
            self._lanes.pop(uri).shutdown()
        added = [u for u in uris if u not in self._states]
        for uri in added:
            self._states[uri] = LibraryState(uri)
            self._lanes[uri] = JobPool(
                "trove-library", newest_wins=True, synchronous=self._synchronous, parent=self
            )
            self._submit(uri, None)
        if removed or added:
            self.changed.emit(self.states())
            if removed and self._local is not None:  # their hits leave the results
                self.merged.emit(self.with_answers(self._local))
        return removed

    # --- searching -------------------------------------------------------------------

    def ask(self, query: Query) -> None:
        """A search of ``query`` was requested: ask each reachable library that has not
        answered it yet (the same question again, a refresh, reuses the answers)."""
        if query != self._asked:
            self._asked, self._answers = query, {}
        for uri, state in self._states.items():
            if state.status == UNREACHABLE or uri in self._answers:
                continue
            if uri in self._pending and self._pending[uri] == query:
                continue
            self._submit(uri, query)

    def with_answers(self, local: SearchResult) -> SearchResult:
        """The local result with the hits of the libraries that answered its question."""
        from desktop_app.core.search.libraries import merge

        self._local = local
        answers = list(self._answers.values()) if local.query == self._asked else []
        return merge(local, answers, local.query.limit) if answers else local

    # --- the lanes -------------------------------------------------------------------

    def _submit(self, uri: str, query: Query | None) -> None:
        """Search ``uri`` for ``query``, or (None) check that it answers."""
        self._pending[uri] = query

        def work() -> LibraryAnswer | str:
            engine = self._engine()
            if engine is None:
                raise EngineError("the index is not open")
            if query is None:
                return engine.check_library(uri)
            return engine.search_library(uri, query)

        self._lanes[uri].submit(
            work,
            lambda answer: self._on_answer(uri, query, answer),
            lambda exc: self._on_answer(uri, query, str(exc) or type(exc).__name__),
        )

    def _on_answer(self, uri: str, query: Query | None, answer: LibraryAnswer | str) -> None:
        if self._closed or uri not in self._states:
            return  # removed meanwhile
        if self._pending.get(uri, ()) == query:
            del self._pending[uri]
        if isinstance(answer, str):  # a check's answer ("": it answers), or a failure
            error = answer
        else:
            error = answer.error if answer.result is None else ""
        if error:
            self._set_state(uri, UNREACHABLE, error)
            if not self._retry.isActive() and not self._synchronous:
                self._retry.start()
            return
        was = self._states[uri].status
        self._set_state(uri, READY)
        if query is None:
            if was != READY and self._asked is not None:  # back, or new: search it now
                self.ask(self._asked)
            return
        if query != self._asked or isinstance(answer, str):
            return
        self._answers[uri] = answer
        if self._local is not None and self._local.query == query:
            self.merged.emit(self.with_answers(self._local))

    def _set_state(self, uri: str, status: str, reason: str = "") -> None:
        state = LibraryState(uri, status, reason)
        if self._states.get(uri) != state:
            self._states[uri] = state
            self.changed.emit(self.states())

    def retry_unreachable(self) -> None:
        """Check again each library marked unreachable (every RETRY_MS, on a timer)."""
        unreachable = [u for u, s in self._states.items() if s.status == UNREACHABLE]
        if not unreachable:
            self._retry.stop()
        for uri in unreachable:
            if uri not in self._pending:
                self._submit(uri, None)

    # --- the host's --------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return any(lane.busy for lane in self._lanes.values())

    def shutdown(self) -> None:
        self._closed = True
        self._retry.stop()
        for lane in self._lanes.values():
            lane.shutdown()
