"""The shape every background pass has, and the one scheduler that runs them."""

from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from desktop_app.core.cancel import CancelToken
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.store.api import Store
from desktop_app.core.types import Phase, Problem, Progress, Stage

log = logging.getLogger(__name__)

ProgressCallback = Callable[[Progress], None]


@dataclass
class PassContext:
    """What a pass works with during one run. Reading files happens outside the writer's
    turn; each slice writes what it found in one short turn. ``mark`` is the writer's mark
    when the run was planned: rows under a folder removed since are not written back."""

    store: Store
    writer: Writer
    progress: ProgressCallback
    cancel: CancelToken
    give_way: Callable[[], bool]
    mark: int = 0

    def halted(self) -> bool:
        """Quit or paused: stop reading now."""
        return self.cancel.cancelled or self.cancel.paused

    def stop_reading(self) -> bool:
        """Should the slice stop before its next file? (quit, pause, newer changes waiting)"""
        return self.halted() or self.give_way()

    def forgotten(self, path: str) -> bool:
        return self.writer.forgotten_since(path, self.mark)


class Pace:
    """A pass's count of items done and its recent rate, told as progress with the time left
    (the rate over the last few slices, so a pass that speeds up or slows down says so)."""

    def __init__(self, stage: Stage) -> None:
        self.stage = stage
        self.done = 0
        self._recent: collections.deque[tuple[float, int]] = collections.deque(maxlen=8)

    def start(self) -> None:
        self.done = 0
        self._recent.clear()
        self._recent.append((time.monotonic(), 0))

    def tell(self, ctx: PassContext, finished: int, left: int) -> None:
        """``finished`` more items are done and ``left`` remain: report it."""
        self.done += finished
        self._recent.append((time.monotonic(), self.done))
        (t0, n0), (t1, n1) = self._recent[0], self._recent[-1]
        rate = (n1 - n0) / (t1 - t0) if t1 > t0 else 0.0
        ctx.progress(
            Progress(
                Phase.INDEXING,
                self.done,
                self.done + left,
                rate=rate,
                eta_s=left / rate if rate > 0 else None,
                stage=self.stage,
            )
        )


@dataclass
class SliceResult:
    done: int = 0  # items finished (read, hashed, named, embedded)
    embedded: int = 0  # vectors computed
    problems: Sequence[Problem] = ()


class BackgroundPass(Protocol):
    """A pass over what the index says is missing, so a run that was stopped simply goes on
    next time. ``plan`` finds what is pending; ``run_slice`` does a bounded part of it;
    ``finish`` runs once nothing is left."""

    name: str
    notice: str  # why the pass cannot do its work ("" when it can), for the person

    def plan(self, ctx: PassContext) -> int: ...  # items pending
    def pending(self) -> int: ...
    def run_slice(self, ctx: PassContext) -> SliceResult: ...
    def finish(self, ctx: PassContext) -> None: ...


@dataclass
class Report:
    done: dict[str, int] = field(default_factory=dict)
    embedded: int = 0
    problems: list[Problem] = field(default_factory=list)


class GaveWay(Exception):
    """Newer changes wait: the run stops between slices and goes on after them."""


class Scheduler:
    """Runs passes slice by slice. Between slices: a pause blocks here (no turn held), a
    quit raises Cancelled, someone waiting for the writer (removing a folder) goes first,
    and newer changes (``give_way()``) end the run; ``unfinished`` then says which passes
    have work left, and the next run picks them up where the index says they stopped."""

    def __init__(self, store: Store, writer: Writer) -> None:
        self.store = store
        self.writer = writer
        self.unfinished: set[str] = set()
        self.notices: list[str] = []

    def run(
        self,
        passes: Sequence[BackgroundPass],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        give_way: Callable[[], bool] | None = None,
    ) -> Report:
        ctx = PassContext(
            self.store,
            self.writer,
            progress or (lambda _p: None),
            cancel or CancelToken(),
            give_way or (lambda: False),
        )
        report = Report()
        for p in passes:
            ctx.mark = self.writer.mark()
            self.unfinished.add(p.name)
            p.plan(ctx)
            done = 0
            while p.pending():
                try:
                    self._between_slices(ctx)
                except GaveWay:
                    report.done[p.name] = done
                    return report
                r = p.run_slice(ctx)
                done += r.done
                report.embedded += r.embedded
                report.problems.extend(r.problems)
            p.finish(ctx)
            self.unfinished.discard(p.name)
            report.done[p.name] = done
        return report

    def _between_slices(self, ctx: PassContext) -> None:
        ctx.cancel.checkpoint()  # blocks while paused: no turn is held here
        waited = time.monotonic()
        while self.writer.wanted() and time.monotonic() - waited < 5.0:
            time.sleep(0.01)  # let a queued write (removing a folder) take its turn first
        if ctx.give_way():
            raise GaveWay()

    def note(self, text: str) -> None:
        if text and text not in self.notices:
            self.notices.append(text)
