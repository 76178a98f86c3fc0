"""IndexStore: schema version, stale rows, prefix deletes, exact and ANN search, maintenance."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import desktop_app.core.store.files as files_mod
import desktop_app.core.store.firststage as firststage
import desktop_app.core.store.vectors as vectors_mod
from desktop_app.core.store.api import FileCounts, StoreError
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.store.schema import SCHEMA_VERSION
from desktop_app.core.types import Chunk, FileRecord, Kind, Problem


def _rec(i: int, path: str) -> FileRecord:
    return FileRecord(
        f"id{i}", path, "/r", path.rsplit("/", 1)[-1], Kind.DOCUMENT, "txt", 1, 1.0, f"h{i}"
    )


def _lance(store: IndexStore, table: str) -> Any:
    """A table of the index as LanceDB holds it (for what only the disk shows: fragments)."""
    import lancedb

    return lancedb.connect(str(store.index_dir)).open_table(table)


def _vecs(n: int, dim: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 50), dim))
    v = centres[rng.integers(0, len(centres), n)] + 0.3 * rng.standard_normal((n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_chunks_replace_stale_rows(store: IndexStore) -> None:
    store.files.upsert([_rec(1, "/r/a.txt")])
    v = _vecs(3, 8)
    store.passages.replace(
        [("id1", [Chunk("one", 1, 0, 3, 0), Chunk("two", 2, 0, 3, 1)], v[:2])], "p"
    )
    store.passages.replace([("id1", [Chunk("three", None, 0, 5, 0)], v[2:])], "p")
    hits = store.passages.nearest(v[2], 5, "p")
    assert [(h.text, h.page) for h in hits] == [("three", None)]


def test_inside_a_folder_keeps_similar_prefix(store: IndexStore) -> None:
    store.files.upsert([_rec(1, "/r/a/x.txt"), _rec(2, "/r/ab/y.txt"), _rec(3, "/r/a/sub/z.txt")])
    store.problems.record([Problem("/r/a/bad.txt", "x"), Problem("/r/ab/bad.txt", "y")])
    for folder in ("/r/a", "/r/a/"):
        assert set(store.files.known(under=folder)) == {"/r/a/x.txt", "/r/a/sub/z.txt"}
    assert set(store.files.known(paths=["/r/ab/y.txt", "/r/gone.txt"])) == {"/r/ab/y.txt"}
    assert (
        set(store.files.known(root="/r")) == set(store.files.known())
        and len(store.files.known()) == 3
    )
    store.remove_files([k.file_id for k in store.files.known(under="/r/a").values()])
    store.problems.clear_under("/r/a")
    assert set(store.files.known()) == {"/r/ab/y.txt"}
    assert [p.path for p in store.problems.all()] == ["/r/ab/bad.txt"]


def test_newer_index_is_refused_and_untouched(tmp_path: Path) -> None:
    s = IndexStore(tmp_path / "index")
    s.open()
    s.meta.set("schema_version", "99")
    s.close()
    before = sorted(p.name for p in (tmp_path / "index").rglob("*"))
    with pytest.raises(StoreError, match="newer Trove"):
        IndexStore(tmp_path / "index").open()
    assert sorted(p.name for p in (tmp_path / "index").rglob("*")) == before


def _cut_short(index: Path, table: str, folder_left: bool) -> None:
    """``table`` as a process killed while creating it leaves it: its data written and no
    version committed (LanceDB lists such a folder among the tables but cannot open it), or
    not begun at all."""
    if folder_left:
        shutil.rmtree(index / f"{table}.lance" / "_versions")
    else:
        shutil.rmtree(index / f"{table}.lance")


@pytest.mark.parametrize("folder_left", [True, False])
@pytest.mark.parametrize("table", ["meta", "files", "problems"])
def test_an_index_whose_first_opening_was_killed_opens_and_indexes(
    tmp_path: Path, table: str, folder_left: bool
) -> None:
    index = tmp_path / "index"
    s = IndexStore(index)
    s.open()
    s.close()
    _cut_short(index, table, folder_left)
    reader = IndexStore(index, read_only=True)
    reader.open()  # a search meanwhile answers empty
    assert reader.files.known() == {} and reader.problems.all() == []
    reader.close()
    s = IndexStore(index)
    s.open()
    try:
        assert s.meta.get("schema_version") == str(SCHEMA_VERSION)
        s.files.upsert([_rec(1, "/r/a.txt"), _rec(2, "/r/b.txt")])
        s.problems.record([Problem("/r/a.txt", "unreadable"), Problem("/r/b.txt", "locked")])
        s.problems.clear(["/r/a.txt"])  # what an indexing run does when a file reads again
        assert set(s.files.known()) == {"/r/a.txt", "/r/b.txt"}
        assert [p.path for p in s.problems.all()] == ["/r/b.txt"]
    finally:
        s.close()


@pytest.mark.parametrize("table", ["chunks_8", "words"])
def test_a_passages_table_whose_creation_was_killed_is_made_again(
    tmp_path: Path, table: str
) -> None:
    index = tmp_path / "index"
    s = IndexStore(index)
    s.open()
    s.files.upsert([_rec(1, "/r/a.txt"), _rec(2, "/r/b.txt")])
    s.passages.replace([("id1", [Chunk("violin concert", None, 0, 14, 0)], _vecs(1, 8))], "p")
    s.passages.replace_words([("id2", [Chunk("violin concert", None, 0, 14, 0)])])
    s.close()
    _cut_short(index, table, folder_left=True)
    s = IndexStore(index)
    s.open()
    try:
        s.maintain()  # before the table is made again
        v = _vecs(2, 8, seed=1)
        s.passages.replace([("id1", [Chunk("cello recital", None, 0, 13, 0)], v[:1])], "p")
        s.passages.replace_words([("id2", [Chunk("cello recital", None, 0, 13, 0)])])
        assert [h.text for h in s.passages.nearest(v[0], 5, "p")] == ["cello recital"]
        assert [w.chunk.text for w in s.passages.waiting(5)] == ["cello recital"]
    finally:
        s.close()


@pytest.mark.parametrize("resident", [True, False])
def test_brief_rows_leave_out_only_what_a_result_never_shows(
    store: IndexStore, resident: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not resident:  # as past RESIDENT_ROWS files: each row's card, taken by its row id
        monkeypatch.setattr(files_mod, "RESIDENT_ROWS", 0)
    rec = replace(
        _rec(1, "/r/a.txt"),
        camera="Canon R6",
        place="Lisbon, Portugal",
        dhash=-5,
        gps_lat=38.7,
        gps_lon=-9.1,
        text_preview="hello",
        problem="",
    )
    store.files.upsert([rec])
    full = store.files.get(["id1"])["id1"]
    brief = store.files.get(["id1"], brief=True)["id1"]
    assert full == rec
    assert brief == replace(
        rec, root="", content_hash="", gps_lat=None, gps_lon=None, indexed_at=0.0
    )
    store.files.move([("id1", "/r/b/ä.txt", "/r", 3.0)])  # the card follows every change
    store.files.set_places({"id1": "Porto, Portugal"})
    moved = replace(brief, path="/r/b/ä.txt", name="ä.txt", mtime=3.0, place="Porto, Portugal")
    assert store.files.get(["id1"], brief=True)["id1"] == moved
    # a card not written yet (an index being migrated): the columns answer
    _lance(store, "files").update(where="file_id = 'id1'", values={"card": None})
    assert store.files.get(["id1"], brief=True)["id1"] == moved


def test_an_index_from_before_cards_gets_them(tmp_path: Path) -> None:
    import lancedb

    store = IndexStore(tmp_path / "index")
    store.open()
    recs = [replace(_rec(i, f"/r/f{i}.txt"), camera="Canon R6", dhash=i) for i in range(3)]
    store.files.upsert(recs)
    brief = store.files.get(["id0", "id1", "id2"], brief=True)
    store.close()
    db = lancedb.connect(str(tmp_path / "index"))  # as a version 2 index left it
    db.open_table("files").drop_columns(["card"])
    db.open_table("meta").update(where="key = 'schema_version'", values={"value": "2"})
    store = IndexStore(tmp_path / "index")
    store.open()
    try:
        assert store.meta.get("schema_version") == str(SCHEMA_VERSION)
        cards = _lance(store, "files").search().select(["card"]).to_list()
        assert len(cards) == 3 and all(r["card"] for r in cards)
        files_mod.RESIDENT_ROWS, kept = 0, files_mod.RESIDENT_ROWS  # read by card
        try:
            assert store.files.get(["id0", "id1", "id2"], brief=True) == brief
        finally:
            files_mod.RESIDENT_ROWS = kept
    finally:
        store.close()


def test_exact_search_matches_brute_force(store: IndexStore) -> None:
    v = _vecs(500, 32)
    store.images.write([f"f{i}" for i in range(500)], v, "p")
    store.images.write(["other"], v[:1], "q")  # another pack's vector never answers
    for qi in (3, 77, 400):
        got = [h.file_id for h in store.images.nearest(v[qi], 10, "p")]
        want = [f"f{i}" for i in np.argsort(-(v @ v[qi]))[:10]]
        assert got == want


def test_which_candidates_a_new_pack_has_reached(store: IndexStore) -> None:
    """During a change of image pack a query asks this of its candidates only."""
    v = _vecs(300, 32)
    ids = [f"f{i}" for i in range(300)]
    _photo_rows(store, ids)
    store.images.write(ids, v, "old")
    store.images.write(ids[:120], v[:120], "new")
    asked = ids[100:140] + ["missing"]
    assert store.images.with_vector(asked, "new") == set(ids[100:120])
    assert store.images.with_vector(asked, "old") == set(ids[100:140])
    assert store.images.with_vector([], "new") == set()


def _photo_rows(store: IndexStore, ids: list[str]) -> None:
    store.files.upsert(
        [FileRecord(i, f"/r/{i}.jpg", "/r", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, i) for i in ids]
    )


def test_ann_beyond_the_exact_limit_keeps_recall(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vectors_mod, "EXACT_LIMIT", 1000)
    monkeypatch.setattr(firststage, "MIN_ROWS", 1000)  # LanceDB's index answers while the
    monkeypatch.setattr(firststage.FirstStage, "refresh", lambda self, t: None)  # stage builds
    v = _vecs(4000, 32, seed=3)
    _photo_rows(store, [f"f{i}" for i in range(4000)])
    store.images.write([f"f{i}" for i in range(4000)], v, "p")
    store.maintain()
    assert any("vector" in ix.columns for ix in _lance(store, "images_32").list_indices())
    recall = []
    for qi in range(0, 4000, 400):
        got = {h.file_id for h in store.images.nearest(v[qi], 10, "p")}
        want = {f"f{i}" for i in np.argsort(-(v @ v[qi]))[:10]}
        recall.append(len(got & want) / 10)
    assert np.mean(recall) >= 0.95
    # the index was trained once: a later writer (another process) does not retrain it
    assert store.meta.get("ann_trained_rows:images_32") == "4000"
    # a second pack's vectors arrive (a change of image pack): each pack sees only its own
    w = v[:200] + 0.02 * np.random.default_rng(4).standard_normal((200, 32)).astype(np.float32)
    w /= np.linalg.norm(w, axis=1, keepdims=True)  # near pack p's own vectors for f0..f199
    store.images.write([f"f{i}" for i in range(200)], w, "q")
    for qi in (0, 100):
        assert {h.file_id for h in store.images.nearest(v[qi], 10, "p")} & {f"f{qi}"}
        hits = store.images.nearest(w[qi], 10, "q")
        assert hits[0].file_id == f"f{qi}" and len(hits) == 10
        assert all(int(h.file_id[1:]) < 200 for h in hits)  # none of pack p's other rows


def test_many_small_commits_then_maintain(store: IndexStore) -> None:
    v = _vecs(200, 16)
    for i in range(200):
        store.files.upsert([_rec(i, f"/r/f{i}.txt")])
        store.images.write([f"id{i}"], v[i : i + 1], "p")
    before = [h.file_id for h in store.images.nearest(v[5], 5, "p")]
    fragments_before = _lance(store, "images_16").stats()["fragment_stats"]["num_fragments"]
    store.maintain()
    assert [h.file_id for h in store.images.nearest(v[5], 5, "p")] == before
    assert (
        _lance(store, "images_16").stats()["fragment_stats"]["num_fragments"]
        < fragments_before / 10
    )
    assert len(store.files.known()) == 200


def test_orphan_vectors_are_dropped(store: IndexStore) -> None:
    v = _vecs(3, 8)
    _photo_rows(store, ["a", "b"])
    store.images.write(["a", "b", "ghost"], v, "p")  # 'ghost' lost its file row in a crash
    store.maintain()
    assert {h.file_id for h in store.images.nearest(v[0], 5, "p")} == {"a", "b"}


def test_reader_sees_writer_commits(store: IndexStore, tmp_path: Path) -> None:
    reader = IndexStore(tmp_path / "index", read_only=True)
    reader.open()
    assert reader.files.known() == {}
    store.files.upsert([_rec(1, "/r/new.txt")])
    assert set(reader.files.known()) == {"/r/new.txt"}
    with pytest.raises(StoreError):
        reader.files.upsert([_rec(2, "/r/x.txt")])


def test_full_text_finds_names_and_passages(store: IndexStore) -> None:
    store.files.upsert([_rec(1, "/r/holiday_receipt.txt"), _rec(2, "/r/notes.txt")])
    store.passages.replace(
        [("id2", [Chunk("the plumber fixed the boiler", None, 0, 28, 0)], _vecs(1, 8))], "p"
    )
    assert [(h.file_id, h.field) for h in store.files.search_words("receipt", 10)] == [
        ("id1", "name")
    ]
    assert store.passages.search_words("receipt", 10) == []
    texts = store.passages.search_words("boiler", 10)
    assert [(h.file_id, h.field) for h in texts] == [("id2", "text")] and "plumber" in texts[0].text
    assert store.files.counts() == FileCounts(photos=0, documents=2, pending=0)
    assert store.passages.count() == 1 and store.images.count() == 0


def test_words_are_found_after_a_kill_during_maintenance(tmp_path: Path) -> None:
    from desktop_app.core.store.connection import drop_fts

    s = IndexStore(tmp_path / "index")
    s.open()
    s.files.upsert([_rec(1, "/r/holiday_receipt.txt"), _rec(2, "/r/notes.txt")])
    s.passages.replace(
        [("id2", [Chunk("the plumber fixed the boiler", None, 0, 28, 0)], _vecs(1, 8))], "p"
    )
    s.maintain()
    for table in ("files", "chunks_8"):  # maintenance drops them first, then compacts
        drop_fts(_lance(s, table))
    s.close()
    s = IndexStore(tmp_path / "index")
    s.open()
    try:
        assert [h.file_id for h in s.files.search_words("receipt", 10)] == ["id1"]
        assert [h.file_id for h in s.passages.search_words("boiler", 10)] == ["id2"]
    finally:
        s.close()


def test_a_path_indexed_twice_by_earlier_trove_keeps_its_newest_row(tmp_path: Path) -> None:
    """Earlier Trove indexed a watched folder inside another twice; maintenance keeps one."""
    s = IndexStore(tmp_path / "index")
    s.open()
    try:
        twice = "/r/a/x.txt"
        older = replace(_rec(1, twice), root="/r", indexed_at=1.0)
        newer = replace(_rec(2, twice), root="/r/a", indexed_at=2.0)
        s.files.upsert([older, newer, replace(_rec(3, "/r/y.txt"), indexed_at=1.0)])
        v = _vecs(3, 8)
        s.passages.replace(
            [
                ("id1", [Chunk("the older copy", None, 0, 14, 0)], v[:1]),
                ("id2", [Chunk("the newer copy", None, 0, 14, 0)], v[1:2]),
                ("id3", [Chunk("another file", None, 0, 12, 0)], v[2:]),
            ],
            "p",
        )
        _lance(s, "meta").delete("key = 'paths_unique'")  # as an index of earlier Trove
        s.maintain()
        assert {p: k.file_id for p, k in s.files.known().items()} == {
            twice: "id2",
            "/r/y.txt": "id3",
        }
        assert sorted(h.text for h in s.passages.nearest(v[0], 5, "p")) == [
            "another file",
            "the newer copy",
        ]
        assert s.meta.get("paths_unique") == "1"
    finally:
        s.close()


def test_a_folder_moved_is_a_few_writes_and_keeps_what_was_learnt(store: IndexStore) -> None:
    n = 1200  # more than two batches
    store.files.upsert([replace(_rec(i, f"/r/old/f{i}.txt"), place="Lisbon") for i in range(n)])
    store.files.mark_ocr_read([(f"id{i}", f"o{i}") for i in range(n)])
    before = _lance(store, "files").version
    store.files.move(
        [(f"id{i}", f"/r/new/g{i}.txt", "/r", 5.0) for i in range(n)]
        + [
            ("gone", "/r/new/gone.txt", "/r", 5.0)  # deleted meanwhile: stays deleted
        ]
    )
    assert _lance(store, "files").version - before <= 3  # one write per 500 files, not per file
    rows = store.files.get([f"id{i}" for i in range(n)] + ["gone"])
    assert len(rows) == n
    assert {(r.path, r.name, r.mtime, r.place) for r in rows.values()} >= {
        ("/r/new/g7.txt", "g7.txt", 5.0, "Lisbon")
    }
    assert not any("/old/" in r.path for r in rows.values())
    kept = _lance(store, "files").search().select(["file_id", "ocr_hash"]).limit(n).to_list()
    assert {r["file_id"]: r["ocr_hash"] for r in kept}["id7"] == "o7"
    hits = store.files.search_words("g7", 10)
    assert [h.file_id for h in hits][:1] == ["id7"]  # the new name is what search sees
    assert store.files.search_words("Lisbon", 5)  # and the place words stayed


def test_a_table_another_writer_made_meanwhile_is_opened_not_refused(tmp_path: Path) -> None:
    """Two writers of one shared library (two cluster jobs at once) can both find a vector
    table missing and make it: the second opens the first's instead of failing the job."""
    from desktop_app.core.store.connection import IMAGES, PASSAGES, Connection

    first, second = Connection(tmp_path / "lib", False), Connection(tmp_path / "lib", False)
    for c in (first, second):
        c.connect()
    for space in (PASSAGES, IMAGES):
        assert second.vector_table(space, 8, create=False) is None  # its names are cached
        assert first.vector_table(space, 8, create=True) is not None
        assert second.vector_table(space, 8, create=True) is not None
    assert sorted(first.db.table_names()) == ["chunks_8", "images_8"]
