"""Moving and renaming files while Trove watches: the rows follow, nothing is read again."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engine import EngineConfig, TroveEngine
from desktop_app.core.extract import ocr
from desktop_app.core.indexing import pipeline
from desktop_app.core.types import Progress
from tests.conftest import install_pack
from tests.fixtures import make_pdf, make_photo

LISBON = (38.7223, -9.1393)


class Watching:
    """engine.watch on its own thread, as the window and `trove watch` run it."""

    def __init__(self, engine: TroveEngine) -> None:
        self.engine = engine
        self.cancel = CancelToken()
        self.ready = threading.Event()
        self.thread = threading.Thread(
            target=engine.watch,
            kwargs={"progress": self._progress, "cancel": self.cancel, "settle_s": 0.2},
            daemon=True,
        )

    def _progress(self, p: Progress) -> None:
        if p.message == "Watching for changes":
            self.ready.set()

    def wait_for(self, what: str, done: object, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if callable(done) and done():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def watched(
    tmp_path: Path,
    trove_home: Path,
    minilm_pack: Path,
    tiny_clip_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Path, Watching, list[str]]]:
    install_pack(minilm_pack, trove_home)
    install_pack(tiny_clip_pack, trove_home)
    root = tmp_path / "lib"
    make_photo(root / "photos" / "beach.jpg", seed=1, gps=LISBON, taken="2023:06:01 10:00:00")
    make_photo(root / "photos" / "sign.png", seed=2)
    (root / "notes").mkdir()
    (root / "notes" / "garden.txt").write_text("Roses need sun and well drained soil.\n")
    make_pdf(root / "docs" / "report.pdf", ["The quarterly report on harbour traffic."])
    (root / "trip").mkdir()
    (root / "trip" / "plan.txt").write_text("Train to Porto on Friday, back on Sunday.\n")
    other = tmp_path / "other"  # a second watched folder
    make_photo(other / "city.jpg", seed=3)
    make_photo(other / "harbour.jpg", seed=4)
    read: list[str] = []  # every file read (extracted) or whose pixels were read (OCR)

    def fake_ocr(path: str) -> list[ocr.OcrLine]:  # text in one picture only, quickly
        read.append(f"ocr {path}")
        return [ocr.OcrLine("OPEN ON SUNDAYS", 0.95)] if "sign" in str(path) else []

    real_extract = pipeline.Pipeline._extract

    def counted_extract(self: pipeline.Pipeline, work: pipeline.Work) -> object:
        read.append(f"read {work.file.path}")
        return real_extract(self, work)

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_text", fake_ocr)
    monkeypatch.setattr(ocr, "read_pdf_pages", lambda path, cancelled=None: [])
    monkeypatch.setattr(pipeline.Pipeline, "_extract", counted_extract)
    engine = TroveEngine(
        EngineConfig(
            trove_home / "data" / "index",
            (trove_home / "data" / "packs",),
            roots=(str(root), str(other)),
        )
    )
    engine.open()
    w = Watching(engine)
    w.thread.start()
    try:
        assert w.ready.wait(120), "the first reconcile did not finish"
        w.wait_for("the text in pictures", lambda: engine.status().ocr_pending == 0)
        yield root, w, read
    finally:
        w.cancel.cancel()
        w.thread.join(timeout=30)
        engine.close()


def test_moves_and_renames_while_watching_keep_ids_vectors_text_and_place(
    watched: tuple[Path, Watching, list[str]],
) -> None:
    root, w, read = watched
    engine = w.engine
    store = engine.store
    image_pack = engine.status().image_pack
    assert image_pack
    other = root.parent / "other"
    before = store.files.known()
    assert len(before) == 7 and len(read) >= 7  # each file was read once, at first
    beach_id = before[str(root / "photos" / "beach.jpg")].file_id
    vector = store.images.vector(beach_id, image_pack)
    assert vector is not None
    assert store.files.get([beach_id])[beach_id].place == "Lisbon, Portugal"
    read.clear()

    moves = {
        root / "photos" / "beach.jpg": root / "photos" / "lisbon-beach.jpg",  # a photo renamed
        root / "photos" / "sign.png": root / "shops" / "sign.png",  # to a new folder
        root / "notes" / "garden.txt": root / "notes" / "roses.txt",  # a document renamed
        root / "docs" / "report.pdf": root / "archive" / "report.pdf",  # moved
        root / "trip" / "plan.txt": root / "trip-2024" / "plan.txt",  # its folder renamed
        # to another watched folder: a deletion in one watch, a creation in the other
        other / "city.jpg": root / "photos" / "city.jpg",
        # across disks `mv` copies, then deletes: the deletion comes before the copy is stable
        other / "harbour.jpg": root / "photos" / "harbour.jpg",
    }
    (root / "shops").mkdir()
    (root / "archive").mkdir()
    for old, new in moves.items():
        if old.name == "harbour.jpg":
            shutil.copy2(old, new)
            old.unlink()
        elif old.parent.name != "trip":
            old.rename(new)
    (root / "trip").rename(root / "trip-2024")
    on_disk = {str(new) for new in moves.values()}
    w.wait_for("the moves", lambda: set(store.files.known()) == on_disk)
    time.sleep(1.0)  # any late batch (a second look at a file) would read it now

    assert read == []  # nothing read, embedded or OCR'd again
    after = store.files.known()
    for old, new in moves.items():
        assert after[str(new)].file_id == before[str(old)].file_id, new.name
    new_vector = store.images.vector(beach_id, image_pack)
    assert new_vector is not None and np.array_equal(new_vector, vector)
    moved = store.files.get([beach_id])[beach_id]
    assert moved.path == str(root / "photos" / "lisbon-beach.jpg")
    assert moved.place == "Lisbon, Portugal" and moved.name == "lisbon-beach.jpg"
    sign = engine.search("open on sundays").hits
    assert sign and sign[0].path == str(root / "shops" / "sign.png")
    assert sign[0].why.startswith("text in the picture")
    assert [h.path for h in engine.search("lisbon").hits][:1] == [moved.path]
    assert engine.search("porto friday").hits[0].path == str(root / "trip-2024" / "plan.txt")
    assert engine.status().ocr_pending == 0
    city = after[str(root / "photos" / "city.jpg")]
    assert city.root == str(root)  # it belongs to the folder it is in now


def test_a_file_moved_out_and_another_in_is_no_move(
    watched: tuple[Path, Watching, list[str]], tmp_path: Path
) -> None:
    """Only the same content is a move: a file of the same size with other words is read."""
    root, w, read = watched
    store = w.engine.store
    garden = root / "notes" / "garden.txt"
    old_id = store.files.known()[str(garden)].file_id
    text = garden.read_text()
    read.clear()
    garden.rename(tmp_path / "away.txt")  # out of the watched folder
    other = root / "notes" / "other.txt"
    other.write_text(text.replace("Roses", "Tulip"))  # same size, other content
    w.wait_for("the change", lambda: set(store.files.known()) >= {str(other)})
    w.wait_for("the deletion", lambda: str(garden) not in store.files.known())
    assert store.files.known()[str(other)].file_id != old_id
    assert f"read {other}" in read


def test_a_restart_with_the_same_folders_walks_nothing_and_misses_nothing(
    watched: tuple[Path, Watching, list[str]],
) -> None:
    """The window stops and starts the indexer for a pack change, a pause or OCR: the
    folders are not walked again, and what changed while it was stopped is applied."""
    root, w, read = watched
    engine = w.engine
    store = engine.store
    w.cancel.cancel()
    w.thread.join(timeout=30)
    assert not w.thread.is_alive()
    # changes while the indexer is stopped: the watcher that stays on keeps them
    (root / "notes" / "garden.txt").rename(root / "notes" / "roses.txt")
    (root / "trip" / "plan.txt").unlink()
    (root / "notes" / "bees.txt").write_text("Bees visit the lavender every morning.\n")
    time.sleep(1.0)
    read.clear()

    walked: list[str] = []

    def restart() -> Watching:
        again = Watching(engine)
        progress = again._progress

        def seen(p: Progress) -> None:
            if p.message.startswith("Looking for changes in"):
                walked.append(p.message)
            progress(p)

        again.thread = threading.Thread(
            target=engine.watch,
            kwargs={"progress": seen, "cancel": again.cancel, "settle_s": 0.2},
            daemon=True,
        )
        again.thread.start()
        assert again.ready.wait(60)
        return again

    again = restart()
    try:
        on_disk = {
            str(root / "photos" / "beach.jpg"),
            str(root / "photos" / "sign.png"),
            str(root / "notes" / "roses.txt"),
            str(root / "notes" / "bees.txt"),
            str(root / "docs" / "report.pdf"),
            str(root.parent / "other" / "city.jpg"),
            str(root.parent / "other" / "harbour.jpg"),
        }
        again.wait_for(
            "the changes made while stopped", lambda: set(store.files.known()) == on_disk
        )
        assert walked == []  # no folder walked again
        assert read == [f"read {root / 'notes' / 'bees.txt'}"]  # only the new file read
    finally:
        again.cancel.cancel()
        again.thread.join(timeout=30)

    # other folders: the watcher of the old ones says nothing of them, so all are walked
    engine.config = replace(engine.config, roots=(str(root),))
    again = restart()
    try:
        assert walked == [f"Looking for changes in {root}"]
    finally:
        again.cancel.cancel()
        again.thread.join(timeout=30)
    w.thread = again.thread  # the fixture's cleanup joins a finished thread
