"""A watchdog for the GUI thread: a 5 ms heartbeat on the GUI thread, and a sampler thread
that looks at the GUI thread whenever the heartbeat is late — where it is in the code and what
it waits on.

A late heartbeat is the GUI thread's own doing for the time it ran on a CPU or waited on a
disk or a sleep. The rest is not what this watchdog looks for: time spent runnable while the
OS ran another process (Linux's per-thread scheduler statistics; on a shared, loaded
two-core machine a thread can wait 100 ms for a CPU), time Python's garbage collector held the
interpreter (gc.callbacks), and waits for the interpreter lock itself (the thread sampled in
futex: another Python thread held the GIL and was descheduled). A wait in futex whose
innermost frame is on a blocking call (a ``with`` on a lock, ``acquire``, ``wait``, ``result``,
``join``) is the GUI thread's own: it waits for another thread's work. A stall counts when the GUI
thread's own share exceeds the limit while it was in Trove's code (desktop_app/, or the fake
engine standing in for it)."""

from __future__ import annotations

import gc
import linecache
import platform
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

REPO = Path(__file__).resolve().parents[2]
TROVE_CODE = (str(REPO / "desktop_app"), str(REPO / "tests" / "ui" / "fake_engine.py"))
BEAT_S = 0.005
# Linux system call numbers: a wait on a lock (futex) and the event loop's idle wait (poll).
SYSCALLS = {
    "x86_64": {"futex": {202}, "idle": {7, 23, 232, 270, 271, 281}},
    "aarch64": {"futex": {98}, "idle": {72, 73, 22}},
}.get(platform.machine())


@dataclass
class Stall:
    seconds: float  # between two heartbeats
    runnable: float = 0.0  # of which the thread waited for a CPU (the machine's share)
    ran: float = 0.0  # ... ran on one
    collecting: float = 0.0  # ... Python's garbage collector held the interpreter
    frames: list[str] = field(default_factory=list)  # innermost Trove frames seen
    waits: int = 0  # samples of the GUI thread waiting on a disk, a sleep
    lock_waits: int = 0  # ... waiting on a lock (the GIL, most often)
    in_trove_samples: int = 0  # samples with Trove's code on the GUI thread's stack
    samples: int = 0
    calls: dict[str, int] = field(default_factory=dict)  # samples per outermost Trove call

    @property
    def sleeping(self) -> float:
        return max(0.0, self.seconds - self.runnable - self.ran - self.collecting)

    @property
    def own(self) -> float:
        """CPU time, plus the share of the time off a CPU that samples saw in waits of its
        own; without samples (the sampler could not run: the GIL was held) none of it."""
        sampled = self.waits + self.lock_waits
        if SYSCALLS is None:  # cannot tell waits apart here: all of it counts
            return self.seconds - self.runnable - self.collecting
        return self.ran + (self.sleeping * self.waits / sampled if sampled else 0.0)

    @property
    def in_trove(self) -> bool:
        """Most samples found the GUI thread in one and the same call into Trove's code: it
        was held there. (A backlog of small slots run back to back on a starved CPU spreads
        its samples over many calls; one sample at the end of a stall spent in Qt's own code
        must not make it Trove's either.)"""
        return bool(self.calls) and max(self.calls.values()) * 2 > self.samples

    def __str__(self) -> str:
        where = " <- ".join(self.frames[:4]) if self.frames else "(not sampled)"
        return (
            f"{self.own * 1000:.0f} ms of the GUI thread's own ({self.ran * 1000:.0f} ms on a "
            f"CPU; of {self.samples} samples {self.in_trove_samples} in Trove's code, "
            f"{max(self.calls.values(), default=0)} in one call, "
            f"{self.waits} waiting on I/O, {self.lock_waits} on a lock; "
            f"{self.seconds * 1000:.0f} ms late) in {where}"
        )


def _schedstat(tid: int | None) -> tuple[float, float]:
    """Seconds this thread has run on a CPU, and waited runnable for one (Linux schedstat)."""
    try:
        with open(f"/proc/self/task/{tid}/schedstat", encoding="ascii") as fh:
            ran, waited = fh.read().split()[:2]
        return int(ran) / 1e9, int(waited) / 1e9
    except (OSError, ValueError):
        return 0.0, 0.0  # not Linux: every late heartbeat counts whole


def _syscall(tid: int | None) -> str:
    """'running', 'lock', 'idle' or 'wait' (a disk, a sleep): what the thread does now."""
    if SYSCALLS is None:
        return "wait"
    try:
        with open(f"/proc/self/task/{tid}/syscall", encoding="ascii") as fh:
            first = fh.read().split()[0]
    except (OSError, IndexError):
        return "wait"
    if first == "running" or first.startswith("-"):
        return "running"
    number = int(first)
    if number in SYSCALLS["futex"]:
        return "lock"
    return "idle" if number in SYSCALLS["idle"] else "wait"


BLOCKING = re.compile(r"^with\b.*(lock|gate|mutex)|\.(acquire|wait|result|join)\(", re.I)


def _on_blocking_call(frame: object) -> bool:
    """The innermost frame's line waits on another thread (a lock, an event, a future)."""
    code = frame.f_code  # type: ignore[attr-defined]
    line = linecache.getline(code.co_filename, frame.f_lineno).strip()  # type: ignore[attr-defined]
    return bool(BLOCKING.search(line))


def _where(frame: object) -> list[str]:
    """Trove's frames on the stack, innermost first; without any, the innermost two frames
    (for the report: the event loop, a test helper)."""
    trove, every = [], []
    f = frame
    while f is not None:
        code = f.f_code  # type: ignore[attr-defined]
        here = f"{Path(code.co_filename).name}:{code.co_name}:{f.f_lineno}"  # type: ignore[attr-defined]
        every.append(here)
        if code.co_filename.startswith(TROVE_CODE):
            trove.append(here)
        f = f.f_back  # type: ignore[attr-defined]
    return trove or ["(not Trove) " + " <- ".join(every[:2])]


class GuiWatchdog(QObject):
    """Use as a context manager around a scripted session; then read ``blocked()``."""

    def __init__(self, limit_s: float = 0.05) -> None:
        super().__init__()
        self.limit_s = limit_s
        self.stalls: list[Stall] = []
        self._beat = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(int(BEAT_S * 1000))
        self._timer.timeout.connect(self._on_beat)
        self._running = False
        self._main = threading.main_thread().ident
        self._tid = threading.main_thread().native_id
        self._sched = (0.0, 0.0)
        self._gc_total = self._gc_started = self._gc_seen = 0.0
        self._lock = threading.Lock()
        self._window = Stall(0.0)  # what the sampler saw since the last beat
        self._sampler = threading.Thread(target=self._sample, name="gui-watchdog", daemon=True)

    def __enter__(self) -> GuiWatchdog:
        self._running = True
        self._beat = time.perf_counter()
        self._sched = _schedstat(self._tid)
        gc.callbacks.append(self._on_gc)
        self._timer.start()
        self._sampler.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._running = False
        self._timer.stop()
        self._sampler.join()
        gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, _info: object) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gc_total += time.perf_counter() - self._gc_started

    def _on_beat(self) -> None:
        now = time.perf_counter()
        sched = _schedstat(self._tid)
        late = now - self._beat
        with self._lock:
            seen, self._window = self._window, Stall(0.0)
        if late > self.limit_s:
            seen.seconds = late
            seen.ran = sched[0] - self._sched[0]
            seen.runnable = sched[1] - self._sched[1]
            seen.collecting = self._gc_total - self._gc_seen
            self.stalls.append(seen)
        self._gc_seen = self._gc_total
        self._beat, self._sched = now, sched

    def _sample(self) -> None:
        while self._running:
            time.sleep(BEAT_S / 2)
            if time.perf_counter() - self._beat < self.limit_s / 2:
                continue  # the GUI thread is keeping up
            state = _syscall(self._tid)
            frame = sys._current_frames().get(self._main)
            frames = _where(frame) if frame is not None else []
            in_trove = bool(frames) and not frames[0].startswith("(not Trove)")
            if state == "lock" and in_trove and frame is not None and _on_blocking_call(frame):
                state = "wait"  # a lock Trove's code waits on, not the interpreter's
            with self._lock:
                w = self._window
                w.samples += 1
                w.in_trove_samples += in_trove
                if in_trove:  # the call from outside into Trove: the slot, the paint
                    call = frames[-1]
                    w.calls[call] = w.calls.get(call, 0) + 1
                if state == "wait":
                    w.waits += 1
                elif state == "lock":
                    w.lock_waits += 1
                if frames and (not w.frames or (in_trove and w.frames[0].startswith("(not"))):
                    w.frames = frames

    def blocked(self) -> list[Stall]:
        """Stalls in which the GUI thread, in Trove's code, was busy or waiting on a disk or
        a sleep for longer than the limit."""
        return [s for s in self.stalls if s.own > self.limit_s and s.in_trove]
