"""IndexStore: schema version, stale rows, prefix deletes, exact and ANN search, maintenance."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import desktop_app.core.store.vectors as vectors_mod
from desktop_app.core.store.api import StoreError
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Chunk, FileRecord, Kind


def _rec(i: int, path: str) -> FileRecord:
    return FileRecord(
        f"id{i}", path, "/r", path.rsplit("/", 1)[-1], Kind.DOCUMENT, "txt", 1, 1.0, f"h{i}"
    )


def _vecs(n: int, dim: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 50), dim))
    v = centres[rng.integers(0, len(centres), n)] + 0.3 * rng.standard_normal((n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_chunks_replace_stale_rows(store: IndexStore) -> None:
    store.upsert_files([_rec(1, "/r/a.txt")])
    v = _vecs(3, 8)
    store.replace_chunks(
        [("id1", [Chunk("one", 1, 0, 3, 0), Chunk("two", 2, 0, 3, 1)], v[:2])], "p"
    )
    store.replace_chunks([("id1", [Chunk("three", None, 0, 5, 0)], v[2:])], "p")
    hits = store.search_chunks(v[2], 5, "p")
    assert [(h.text, h.page) for h in hits] == [("three", None)]


def test_delete_under_keeps_similar_prefix(store: IndexStore) -> None:
    store.upsert_files([_rec(1, "/r/a/x.txt"), _rec(2, "/r/ab/y.txt"), _rec(3, "/r/a/sub/z.txt")])
    assert store.delete_under("/r/a") == 2
    assert set(store.known_files()) == {"/r/ab/y.txt"}


def test_newer_index_is_refused_and_untouched(tmp_path: Path) -> None:
    s = IndexStore(tmp_path / "index")
    s.open()
    s._table("meta").update(where="key = 'schema_version'", values={"value": "99"})
    s.close()
    before = sorted(p.name for p in (tmp_path / "index").rglob("*"))
    with pytest.raises(StoreError, match="newer Trove"):
        IndexStore(tmp_path / "index").open()
    assert sorted(p.name for p in (tmp_path / "index").rglob("*")) == before


def test_brief_rows_leave_out_only_what_a_result_never_shows(store: IndexStore) -> None:
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
    store.upsert_files([rec])
    full = store.get_files(["id1"])["id1"]
    brief = store.get_files(["id1"], brief=True)["id1"]
    assert full == rec
    assert brief == replace(
        rec, root="", content_hash="", gps_lat=None, gps_lon=None, indexed_at=0.0
    )


def test_exact_search_matches_brute_force(store: IndexStore) -> None:
    v = _vecs(500, 32)
    store.write_image_vectors([f"f{i}" for i in range(500)], v, "p")
    store.write_image_vectors(["other"], v[:1], "q")  # another pack's vector never answers
    for qi in (3, 77, 400):
        got = [h.file_id for h in store.search_images(v[qi], 10, "p")]
        want = [f"f{i}" for i in np.argsort(-(v @ v[qi]))[:10]]
        assert got == want


def _photo_rows(store: IndexStore, ids: list[str]) -> None:
    store.upsert_files(
        [FileRecord(i, f"/r/{i}.jpg", "/r", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, i) for i in ids]
    )


def test_ann_beyond_the_exact_limit_keeps_recall(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vectors_mod, "EXACT_LIMIT", 1000)
    v = _vecs(4000, 32, seed=3)
    _photo_rows(store, [f"f{i}" for i in range(4000)])
    store.write_image_vectors([f"f{i}" for i in range(4000)], v, "p")
    store.maintain()
    assert store._vectors.has_index(store._table("images_32"))
    recall = []
    for qi in range(0, 4000, 400):
        got = {h.file_id for h in store.search_images(v[qi], 10, "p")}
        want = {f"f{i}" for i in np.argsort(-(v @ v[qi]))[:10]}
        recall.append(len(got & want) / 10)
    assert np.mean(recall) >= 0.95
    # the index was trained once: a later writer (another process) does not retrain it
    assert store._meta("ann_trained_rows:images_32") == "4000"
    # a second pack's vectors arrive (a change of image pack): each pack sees only its own
    w = v[:200] + 0.02 * np.random.default_rng(4).standard_normal((200, 32)).astype(np.float32)
    w /= np.linalg.norm(w, axis=1, keepdims=True)  # near pack p's own vectors for f0..f199
    store.write_image_vectors([f"f{i}" for i in range(200)], w, "q")
    for qi in (0, 100):
        assert {h.file_id for h in store.search_images(v[qi], 10, "p")} & {f"f{qi}"}
        hits = store.search_images(w[qi], 10, "q")
        assert hits[0].file_id == f"f{qi}" and len(hits) == 10
        assert all(int(h.file_id[1:]) < 200 for h in hits)  # none of pack p's other rows


def test_many_small_commits_then_maintain(store: IndexStore) -> None:
    v = _vecs(200, 16)
    for i in range(200):
        store.upsert_files([_rec(i, f"/r/f{i}.txt")])
        store.write_image_vectors([f"id{i}"], v[i : i + 1], "p")
    before = [h.file_id for h in store.search_images(v[5], 5, "p")]
    fragments_before = store._table("images_16").stats()["fragment_stats"]["num_fragments"]
    store.maintain()
    assert [h.file_id for h in store.search_images(v[5], 5, "p")] == before
    assert (
        store._table("images_16").stats()["fragment_stats"]["num_fragments"] < fragments_before / 10
    )
    assert len(store.known_files()) == 200


def test_orphan_vectors_are_dropped(store: IndexStore) -> None:
    v = _vecs(3, 8)
    _photo_rows(store, ["a", "b"])
    store.write_image_vectors(["a", "b", "ghost"], v, "p")  # 'ghost' lost its file row in a crash
    store.maintain()
    assert {h.file_id for h in store.search_images(v[0], 5, "p")} == {"a", "b"}


def test_reader_sees_writer_commits(store: IndexStore, tmp_path: Path) -> None:
    reader = IndexStore(tmp_path / "index", read_only=True)
    reader.open()
    assert reader.known_files() == {}
    store.upsert_files([_rec(1, "/r/new.txt")])
    assert set(reader.known_files()) == {"/r/new.txt"}
    with pytest.raises(StoreError):
        reader.upsert_files([_rec(2, "/r/x.txt")])


def test_full_text_finds_names_and_passages(store: IndexStore) -> None:
    store.upsert_files([_rec(1, "/r/holiday_receipt.txt"), _rec(2, "/r/notes.txt")])
    store.replace_chunks(
        [("id2", [Chunk("the plumber fixed the boiler", None, 0, 28, 0)], _vecs(1, 8))], "p"
    )
    names = {(h.file_id, h.field) for h in store.search_text("receipt", 10)}
    assert ("id1", "name") in names
    texts = [h for h in store.search_text("boiler", 10) if h.field == "text"]
    assert texts and texts[0].file_id == "id2" and "plumber" in texts[0].text
    assert json.dumps(store.counts())  # counts are plain ints
