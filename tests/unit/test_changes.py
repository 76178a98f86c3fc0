"""Change sets from watch events: the move rule, and reading only the rows a batch touches."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from desktop_app.core.indexing.changes import from_events
from desktop_app.core.scan.hashing import fast_hash
from desktop_app.core.scan.rules import ScanRules
from desktop_app.core.scan.watch import ChangeBatch, RootWatcher
from desktop_app.core.store.api import KnownFile
from desktop_app.core.types import FileStatus, Kind


class _Files:
    """The files table as finding changes sees it; any read of the whole table fails."""

    def __init__(self, rows: list[KnownFile]) -> None:
        self.rows = rows
        self.asked: list[str] = []

    def known(
        self,
        *,
        paths: Iterable[str] | None = None,
        root: str | None = None,
        under: str | None = None,
        sizes: Iterable[int] | None = None,
    ) -> dict[str, KnownFile]:
        if paths is not None:
            want = set(paths)
            self.asked.append(f"paths {len(want)}")
            return {k.path: k for k in self.rows if k.path in want}
        if under is not None:
            self.asked.append(f"under {under}")
            return {k.path: k for k in self.rows if k.path.startswith(under + os.sep)}
        if sizes is not None:
            sizes = set(sizes)
            self.asked.append(f"sizes {sorted(sizes)}")
            return {k.path: k for k in self.rows if k.size in sizes}
        raise AssertionError("a watch batch read the whole files table")


def _known(fid: str, path: Path, root: Path) -> KnownFile:
    st = path.stat()
    h = fast_hash(str(path), st.st_size)
    return KnownFile(fid, str(path), str(root), st.st_size, st.st_mtime, h, FileStatus.OK)


def _locate(root: Path):  # type: ignore[no-untyped-def]
    return lambda p: (str(root), Kind.DOCUMENT) if p.startswith(str(root) + os.sep) else None


def test_a_batch_reads_only_its_rows_and_pairs_moves(tmp_path: Path) -> None:
    root = tmp_path / "r"
    (root / "old").mkdir(parents=True)
    a, b, c = root / "a.txt", root / "old" / "b.txt", root / "c.txt"
    a.write_text("alpha alpha")
    b.write_text("bravo bravo bravo")
    c.write_text("charlie")
    rows = [_known("1", a, root), _known("2", b, root), _known("3", c, root)]
    rows += [KnownFile(f"x{i}", f"/elsewhere/{i}.txt", "/elsewhere", 1, 1.0, "h", FileStatus.OK)
             for i in range(1000)]  # fmt: skip
    files = _Files(rows)
    a.rename(root / "renamed.txt")  # a rename: a deletion and a creation
    (root / "old").rename(root / "new")  # a folder renamed: its rows, under the old name
    c.write_text("charlie changed")
    batch = ChangeBatch(
        changed=frozenset({str(root / "renamed.txt"), str(root / "new" / "b.txt"), str(c)}),
        deleted=frozenset({str(a)}),
        deleted_dirs=frozenset({str(root / "old")}),
    )
    ch = from_events(batch, files, _locate(root))
    assert sorted((k.file_id, os.path.basename(f.path)) for k, f in ch.moved) == [
        ("1", "renamed.txt"),
        ("2", "b.txt"),
    ]
    assert [k.file_id for k, _ in ch.changed] == ["3"]
    assert ch.added == () and ch.deleted == ()
    assert ch.gone_folders == (str(root / "old"),)
    # the rows at its paths, in the folder that went, and of the sizes a moved file may have
    assert files.asked == ["paths 4", f"under {root / 'old'}", "sizes [11, 17]"]


def test_a_creation_before_its_deletion_is_a_move_and_a_copy_is_not(tmp_path: Path) -> None:
    """watchdog may hand over the new path first: the file the index knows there of the same
    size and content is gone from its place, so it moved; a copy leaves the original."""
    root = tmp_path / "r"
    root.mkdir()
    a, b = root / "a.txt", root / "b.txt"
    a.write_text("the same words")
    b.write_text("other content!")  # the same size
    files = _Files([_known("1", a, root), _known("2", b, root)])
    size = a.stat().st_size
    shutil.copy2(b, root / "copy.txt")
    a.rename(root / "moved.txt")
    ch = from_events(
        ChangeBatch(changed=frozenset({str(root / "moved.txt"), str(root / "copy.txt")})),
        files,
        _locate(root),
    )
    assert [(k.file_id, os.path.basename(f.path)) for k, f in ch.moved] == [("1", "moved.txt")]
    assert [os.path.basename(f.path) for f in ch.added] == ["copy.txt"]
    assert ch.deleted == ()  # b is where it was; a's own deletion comes later, and finds nothing
    assert files.asked == ["paths 2", f"sizes [{size}]"]


def _watch(roots: list[Path]) -> tuple[RootWatcher, list[ChangeBatch]]:
    batches: list[ChangeBatch] = []
    lock = threading.Lock()

    def got(b: ChangeBatch) -> None:
        with lock:
            batches.append(b)

    w = RootWatcher([str(r) for r in roots], ScanRules(), got, settle_s=0.2)
    w.start()
    time.sleep(0.3)
    return w, batches


def _until(batches: list[ChangeBatch], test: object, timeout: float = 10) -> ChangeBatch:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for b in list(batches):
            if callable(test) and test(b):
                return b
        time.sleep(0.05)
    raise AssertionError(f"no such batch in {batches}")


def test_a_move_across_disks_arrives_in_one_batch(tmp_path: Path) -> None:
    """`mv` from another disk copies, then deletes: the deletion is ready a look before the
    copy is, and waits for it, so that the change set can see one file that moved."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "h.jpg").write_bytes(os.urandom(50_000))
    w, batches = _watch([a, b])
    try:
        shutil.copy2(a / "h.jpg", b / "h.jpg")
        (a / "h.jpg").unlink()
        both = _until(batches, lambda x: str(b / "h.jpg") in x.changed)
        assert str(a / "h.jpg") in both.deleted, batches
    finally:
        w.stop()


def test_deletions_wait_for_a_storm_only_so_long(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    (root / "gone.txt").write_text("x")
    busy = root / "busy.log"
    w, batches = _watch([root])
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            with busy.open("a") as fh:
                fh.write("line\n")
            time.sleep(0.05)

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    try:
        time.sleep(0.3)
        (root / "gone.txt").unlink()
        # delivered while the log is still being written: held a while, never for ever
        _until(batches, lambda x: str(root / "gone.txt") in x.deleted, timeout=20)
        assert writer.is_alive()
    finally:
        stop.set()
        writer.join()
        w.stop()


def test_events_the_system_dropped_make_the_root_walked_again(tmp_path: Path) -> None:
    """In a storm of changes the kernel's event queue overflows and watchdog says events
    were lost: the watched folder is walked again, else moved and deleted files would
    stay in the index under their old paths."""
    from watchdog.events import EventsLostEvent

    root = tmp_path / "storm"
    root.mkdir()
    w, batches = _watch([root])
    try:
        emitter = next(iter(w._observer.emitters))  # what watchdog's inotify reader queues on
        emitter.queue_event(EventsLostEvent(str(root), is_directory=True))
        batch = _until(batches, lambda b: b.rescan_roots)
        assert batch.rescan_roots == frozenset({str(root)})
    finally:
        w.stop()


def test_after_a_storm_of_events_the_root_is_walked_once_more(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A safety net under the event path: once a storm under a root has settled, the root
    is walked once (a few events are not a storm)."""
    from desktop_app.core.scan import watch

    monkeypatch.setattr(watch, "STORM_EVENTS", 20)
    root = tmp_path / "busy"
    root.mkdir()
    w, batches = _watch([root])
    try:
        (root / "one.txt").write_text("a few events")
        _until(batches, lambda b: str(root / "one.txt") in b.changed)
        time.sleep(0.5)
        assert not any(b.rescan_roots for b in batches)
        for i in range(30):
            (root / f"f{i}.txt").write_text(f"file {i}")
        batch = _until(batches, lambda b: b.rescan_roots)
        assert batch.rescan_roots == frozenset({str(root)})
    finally:
        w.stop()
