"""Background passes give way: removing a folder, pausing or quitting never waits for OCR."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engine import EngineConfig, TroveEngine
from desktop_app.core.extract import ocr
from tests.conftest import install_pack
from tests.fixtures import make_photo

WAIT_S = 60  # how long a step may take before the test calls it stuck (never reached)


class SlowOcr:
    """OCR that reads one picture each time the test says so: the pass is as long as the
    test wants, and nothing depends on how fast this machine is."""

    def __init__(self) -> None:
        self.gate = threading.Semaphore(0)
        self.started: queue.Queue[str] = queue.Queue()
        self.read: list[str] = []

    def __call__(self, path: str) -> list[ocr.OcrLine]:
        self.started.put(str(path))
        if not self.gate.acquire(timeout=WAIT_S):
            raise AssertionError("a picture was never let through")
        self.read.append(str(path))
        return [ocr.OcrLine(f"SIGN {Path(path).stem.upper()}", 0.95)]

    def next_started(self) -> str:
        return self.started.get(timeout=WAIT_S)


@pytest.fixture
def indexing(
    tmp_path: Path, trove_home: Path, minilm_pack: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TroveEngine, SlowOcr, Path, Path, CancelToken, dict[str, object]]]:
    install_pack(minilm_pack, trove_home)
    pictures, notes = tmp_path / "pictures", tmp_path / "notes"
    for i in range(6):
        make_photo(pictures / f"shot{i}.png", seed=i, size=(320, 240))
    notes.mkdir()
    (notes / "shed.txt").write_text("a note about the garden shed\n")
    slow = SlowOcr()
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_text", slow)
    engine = TroveEngine(
        EngineConfig(
            trove_home / "data" / "index",
            (trove_home / "data" / "packs",),
            roots=(str(pictures), str(notes)),
        )
    )
    engine.open()
    cancel = CancelToken()
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["summary"] = engine.index(cancel=cancel)
        except Cancelled:
            out["cancelled"] = True

    t = threading.Thread(target=run, daemon=True)
    t.start()
    out["thread"] = t
    try:
        yield engine, slow, pictures, notes, cancel, out
    finally:
        cancel.cancel()
        for _ in range(20):
            slow.gate.release()
        t.join(timeout=WAIT_S)
        engine.close()


def _until(test: object) -> None:
    deadline = time.monotonic() + WAIT_S
    while not (callable(test) and test()):
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.05)


def _in_thread(fn: object) -> threading.Event:
    done = threading.Event()

    def run() -> None:
        assert callable(fn)
        fn()
        done.set()

    threading.Thread(target=run, daemon=True).start()
    return done


def test_removing_a_folder_during_a_long_ocr_pass_does_not_wait_for_it(
    indexing: tuple[TroveEngine, SlowOcr, Path, Path, CancelToken, dict[str, object]],
) -> None:
    engine, slow, pictures, notes, cancel, out = indexing
    first = slow.next_started()  # the first pass is done; the text in pictures is being read
    assert engine.store.files.known(under=str(notes))
    # another folder removed while that picture is read: no picture is let through meanwhile
    assert _in_thread(lambda: engine.forget(str(notes))).wait(WAIT_S), "forget waited for OCR"
    assert engine.store.files.known(under=str(notes)) == {}
    assert slow.read == []

    # paused, the picture being read finishes: its slice ends and is written, and no other
    # picture is begun; the pictures' own folder is removed meanwhile
    cancel.pause()
    slow.gate.release()
    _until(lambda: engine.status().ocr_read == 1)
    assert slow.started.empty()
    assert _in_thread(lambda: engine.forget(str(pictures))).wait(WAIT_S), "forget waited"
    assert slow.read == [first]
    assert engine.store.files.known() == {}
    cancel.resume()
    thread = out["thread"]
    assert isinstance(thread, threading.Thread)
    thread.join(WAIT_S)
    assert not thread.is_alive() and "summary" in out
    # the rest of the pass read nothing of the removed folder, and wrote nothing back
    assert slow.read == [first] and slow.started.empty()
    assert engine.store.files.known() == {} and engine.store.passages.count() == 0
    assert engine.search("sign shot0").hits == ()


def test_quitting_during_a_long_ocr_pass_stops_after_the_picture_being_read(
    indexing: tuple[TroveEngine, SlowOcr, Path, Path, CancelToken, dict[str, object]],
) -> None:
    engine, slow, _pictures, _notes, cancel, out = indexing
    first = slow.next_started()
    cancel.cancel()
    slow.gate.release()
    thread = out["thread"]
    assert isinstance(thread, threading.Thread)
    thread.join(WAIT_S)
    assert not thread.is_alive() and out.get("cancelled")
    assert slow.read == [first] and slow.started.empty()
    # what was read before the quit is kept; the rest waits for the next run
    assert engine.status().ocr_read == 1 and engine.status().ocr_pending == 5
    assert [h.path for h in engine.search("sign").hits if "text in" in h.why] == [first]
