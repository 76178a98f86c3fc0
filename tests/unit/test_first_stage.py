"""The first stage of vector search (store.firststage): sign bits in memory choose candidates,
a float16 copy re-scores them; filters and deletions act inside the scan; it follows the table
as files change and never keeps a query waiting for its build."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_app.core.store import firststage
from desktop_app.core.store.firststage import FirstStage, StageBuilder
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Chunk, FileRecord, Kind

N, DIM = 3000, 64


def _vecs(n: int, seed: int) -> np.ndarray:
    """Clustered unit vectors (uniform random ones make every index look broken)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 100), DIM))
    v = centres[rng.integers(0, len(centres), n)] + 0.4 * rng.standard_normal((n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _queries(v: np.ndarray, count: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    q = v[rng.integers(0, len(v), count)] + 0.1 * rng.standard_normal((count, DIM))
    return (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture
def small_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    """A first stage from 1,000 rows on (20,000 in the app)."""
    monkeypatch.setattr(firststage, "MIN_ROWS", 1000)


def _photos(store: IndexStore, v: np.ndarray, pack: str = "p", first: int = 0) -> list[str]:
    ids = [f"f{i}" for i in range(first, first + len(v))]
    store.files.upsert(
        [FileRecord(i, f"/r/{i}.jpg", "/r", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, i) for i in ids]
    )
    store.images.write(ids, v, pack)
    return ids


def _stage(store: IndexStore, table: str = f"images_{DIM}") -> FirstStage:
    stage = store._conn.vectors._stages.get(table)
    assert stage is not None and stage.version is not None
    return stage


def _top(v: np.ndarray, q: np.ndarray, k: int, rows: np.ndarray | None = None) -> list[str]:
    rows = np.arange(len(v)) if rows is None else rows
    return [f"f{rows[i]}" for i in np.argsort(-(v[rows] @ q), kind="stable")[:k]]


def test_the_first_stage_finds_the_float32_top_k(store: IndexStore, small_stage: None) -> None:
    v = _vecs(N, 3)
    _photos(store, v)
    store.warm(60)
    stage = _stage(store)
    assert stage.rows() == N
    rows, held = store._conn.vectors.memory()[f"images_{DIM}"]
    assert rows == N and 0 < held < v.nbytes / 4  # bits and keys, not the vectors
    assert store.search_memory() == held  # what the status reports
    recall = []
    for q in _queries(v, 30):
        hits = store.images.nearest(q, 10, "p")
        want = _top(v, q, 10)
        recall.append(len({h.file_id for h in hits} & set(want)) / 10)
        for h in hits:  # float16 re-scoring: the float32 cosine, nearly
            assert abs(h.score - float(v[int(h.file_id[1:])] @ q)) < 2e-3
    assert np.mean(recall) >= 0.98


def test_filters_and_packs_act_inside_the_scan(
    store: IndexStore, small_stage: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(firststage, "CANDIDATES", 60)  # fewer than a filter admits: a scan
    monkeypatch.setattr(firststage, "PER_HIT", 4)
    v = _vecs(N, 5)
    ids = _photos(store, v)
    other = _vecs(500, 6)
    store.images.write(ids[:500], other, "q")  # another pack's vectors in the same table
    store.warm(60)
    rng = np.random.default_rng(2)
    # a third of the files (scanned with a bitmap), one in 40 (their bits gathered and scanned
    # alone), a dozen (all scored)
    for share in (3, 40, 250):
        among = frozenset(ids[::share])
        rows = np.arange(0, N, share)
        recall = []
        for q in _queries(v, 10, seed=int(rng.integers(1000))):
            got = [h.file_id for h in store.images.nearest(q, 10, "p", among)]
            assert set(got) <= among and len(got) == min(10, len(rows))
            recall.append(len(set(got) & set(_top(v, q, 10, rows))) / 10)
        assert np.mean(recall) >= (1.0 if share == 250 else 0.95), share
    # pack q answers with its own vectors only, pack p never with q's
    hits = store.images.nearest(other[7], 5, "q")
    assert hits[0].file_id == "f7" and abs(hits[0].score - 1.0) < 2e-3
    assert all(int(h.file_id[1:]) < 500 for h in hits)
    assert all(h.score < 0.999 for h in store.images.nearest(other[7], 5, "p"))
    assert store.images.nearest(v[0], 10, "p", frozenset({"gone"})) == []


def test_the_first_stage_follows_the_table_as_files_change(
    store: IndexStore, small_stage: None
) -> None:
    v = _vecs(N, 7)
    ids = _photos(store, v)
    store.warm(60)
    spill = _stage(store)._snap.spill  # type: ignore[union-attr]
    gone = ids[100:110]
    store.images.delete(gone)
    fresh = _vecs(5, 8)
    _photos(store, fresh, first=N)
    moved = np.roll(v[200], 1)  # f200 read again: a new vector replaces its old one
    moved /= np.linalg.norm(moved)
    store.images.write(["f200"], moved[None], "p")
    store.images.nearest(v[0], 1, "p")  # a query meets the new version: a catch-up starts
    store.warm(60)
    stage = _stage(store)
    assert stage._snap is not None and stage._snap.spill is spill  # appended, not rebuilt
    assert stage.rows() == N - 10 + 5
    for i in range(100, 110):
        assert f"f{i}" not in {h.file_id for h in store.images.nearest(v[i], 10, "p")}
    for i in range(5):
        top = store.images.nearest(fresh[i], 1, "p")[0]
        assert top.file_id == f"f{N + i}" and abs(top.score - 1.0) < 2e-3
    assert store.images.nearest(moved, 1, "p")[0].file_id == "f200"
    assert all(h.score < 0.999 for h in store.images.nearest(v[200], 3, "p"))
    # compaction gives every row a new row id: built again, same answers
    before = [[h.file_id for h in store.images.nearest(q, 10, "p")] for q in _queries(v, 5)]
    store.maintain()
    store.images.nearest(v[0], 1, "p")
    store.warm(60)
    assert _stage(store)._snap.spill is not spill  # type: ignore[union-attr]
    after = [[h.file_id for h in store.images.nearest(q, 10, "p")] for q in _queries(v, 5)]
    assert after == before


def test_a_query_never_waits_for_the_build(
    store: IndexStore, small_stage: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    v = _vecs(N, 9)
    _photos(store, v)
    release = threading.Event()
    real = FirstStage.refresh

    def slow(self: FirstStage, t: Any) -> None:
        release.wait(30)
        real(self, t)

    monkeypatch.setattr(FirstStage, "refresh", slow)
    start = time.monotonic()
    store.prepare_search()  # the window's engine asks for the build after opening
    assert store._conn.vectors._stages[f"images_{DIM}"].version is None
    hits = store.images.nearest(v[42], 5, "p")  # LanceDB's own search answers meanwhile
    assert time.monotonic() - start < 10 and hits[0].file_id == "f42"
    assert store._conn.vectors._stages[f"images_{DIM}"].version is None
    release.set()
    store.warm(60)
    assert _stage(store).rows() == N
    assert store.images.nearest(v[42], 5, "p")[0].file_id == "f42"


def test_passages_come_back_with_their_ordinals_and_text(
    store: IndexStore, small_stage: None
) -> None:
    v = _vecs(N, 11)
    files = N // 3  # three passages a document
    store.files.upsert(
        [FileRecord(f"d{i}", f"/d/{i}.txt", "/d", f"{i}.txt", Kind.DOCUMENT, "txt", 1, 1.0,
                    f"d{i}") for i in range(files)]
    )  # fmt: skip
    items = []
    for i in range(files):
        chunks = [Chunk(f"doc {i} part {o}", None, 0, 10, o) for o in range(3)]
        items.append((f"d{i}", chunks, v[3 * i : 3 * i + 3]))
    store.passages.replace(items, "t")
    store.warm(60)
    assert _stage(store, f"chunks_{DIM}").rows() == N
    for row in (4, 1000, 2999):
        hit = store.passages.nearest(v[row], 1, "t")[0]
        assert (hit.file_id, hit.chunk_ordinal, hit.text) == (
            f"d{row // 3}",
            row % 3,
            f"doc {row // 3} part {row % 3}",
        )
    among = frozenset({"d5", "d700"})  # a filter admits every passage of its files
    got = {(h.file_id, h.chunk_ordinal) for h in store.passages.nearest(v[0], 10, "t", among)}
    assert got == {(f, o) for f in among for o in range(3)}


class _SlowStage:
    """A stage whose refresh takes 50 ms and records when each began and ended."""

    name = "t"

    def __init__(self) -> None:
        self.version: int | None = None
        self.runs: list[tuple[float, float]] = []

    def refresh(self, t: object) -> None:
        start = time.monotonic()
        time.sleep(0.05)
        self.version = (self.version or 0) + 1
        self.runs.append((start, time.monotonic()))

    def rows(self) -> int:
        return 0

    def bytes_in_memory(self) -> int:
        return 0


def _mapped_kb(spill: Any) -> int:
    """How much of the spill file's mapping the process holds (its Rss in /proc/self/smaps)."""
    import os

    inode = os.fstat(spill._file.fileno()).st_ino
    ours, total = False, 0
    for line in open("/proc/self/smaps").read().splitlines():
        head = line.split()
        if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):  # a mapping's line
            ours = head[4] == str(inode)
        elif ours and head[0] == "Rss:":
            total += int(head[1])
    return total


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/smaps")
def test_the_float16_copy_is_read_by_row_across_appends_and_its_pages_are_let_go() -> None:
    spill = firststage._Spill(DIM, None)
    first, more = _vecs(5000, 1), _vecs(3000, 2)
    spill.append(first)
    rows = np.array([0, 7, 4999])
    np.testing.assert_array_equal(spill.read(rows), first[rows].astype(np.float16))
    spill.append(more)  # past the mapping the first read made
    rows = np.array([3, 5000, 7999])
    want = np.concatenate([first, more])[rows].astype(np.float16)
    np.testing.assert_array_equal(spill.read(rows), want)
    assert spill.read(np.arange(8000)).shape == (8000, DIM)
    # every page was read, none stays in the process (the system's file cache keeps them)
    assert _mapped_kb(spill) == 0


def test_catch_ups_pause_in_proportion_to_their_cost_a_first_build_never() -> None:
    builder = StageBuilder()
    stage = _SlowStage()
    try:
        for _ in range(3):  # the build, then two catch-ups asked for as soon as each is due
            builder.request(stage, None)  # type: ignore[arg-type]
            assert builder.wait(5)
    finally:
        builder.close()
    (_, built), (caught, caught_end), (again, _) = stage.runs
    assert caught - built < 0.03  # after the first build: at once
    pause = again - caught_end  # after a catch-up: CATCH_UP_PAUSE times what it took
    assert pause >= 0.9 * firststage.CATCH_UP_PAUSE * (caught_end - caught)


def test_the_self_check_needs_the_scan_and_its_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    assert firststage.self_check()
    # codes that say nothing: the scan runs, but its candidates miss the float32 top 10
    monkeypatch.setattr(firststage, "_bits", lambda v: np.zeros((len(v), 8), dtype=np.uint8))
    assert not firststage.self_check()


def test_the_self_check_says_when_faiss_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise ImportError("faiss")

    monkeypatch.setattr(firststage, "_faiss", missing)
    assert not firststage.self_check()


@pytest.mark.parametrize("indexed", [True, False])
def test_a_shared_librarys_indexed_table_answers_by_its_index_and_is_not_read_whole(
    tmp_path: Path, small_stage: None, indexed: bool
) -> None:
    """A library of many millions of photos on object storage: where `trove cluster index`
    built its vector index, that index answers, and no first stage reads the whole table to
    this computer; a library without one gets a first stage like a local index."""
    uri = f"file://{tmp_path / 'library'}"
    writer = IndexStore(uri)
    writer.open()
    v = _vecs(N, 5)
    _photos(writer, v)
    if indexed:
        writer._conn.table(f"images_{DIM}").create_index(
            metric="cosine", vector_column_name="vector", num_partitions=4, index_type="IVF_FLAT"
        )
    writer.close()
    library = IndexStore(uri, read_only=True)
    library.open()
    try:
        library.prepare_search()
        assert library.images.nearest(v[42], 5, "p")[0].file_id == "f42"
        if indexed:
            assert library._conn.vectors._stages == {}
        else:
            library.warm(60)
            assert _stage(library).rows() == N
            assert library.images.nearest(v[42], 5, "p")[0].file_id == "f42"
    finally:
        library.close()
