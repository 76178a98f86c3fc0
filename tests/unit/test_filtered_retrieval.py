"""Filters inside retrieval: each list picks its best among the files a filter admits, so a rare
`type:`, `in:`, date or place finds every one of its files however many others rank higher."""

from __future__ import annotations

import numpy as np
import pytest

from desktop_app.core.search.engine import CANDIDATES, SearchEngine
from desktop_app.core.search.query import file_filter, parse_query
from desktop_app.core.store import connection, firststage
from desktop_app.core.store import files as files_mod
from desktop_app.core.store import vectors as vectors_mod
from desktop_app.core.store.filters import FileFilter
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Chunk, FileRecord, Kind
from desktop_app.core.words import WordQuery
from tests.unit.test_search_relevance import DIM, PACK, FakeClip, unit

TAKEN_2019 = 1_560_000_000.0  # 2019-06-08
NEAR = CANDIDATES + 50  # photos closer to the query than any rare one: more than one cut


def _photos(store: IndexStore) -> set[str]:
    """NEAR photos close to "sunset", three rare ones (.png, in /lib/rare, taken in 2019, in
    Lisbon) a little less close, and unrelated photos that give the index its background."""
    rng = np.random.default_rng(5)
    recs, vecs = [], []
    for i in range(NEAR):
        name = f"img{i:04d}.jpg"
        recs.append(FileRecord(f"n{i}", f"/lib/all/{name}", "/lib", name, Kind.PHOTO, "jpg", 1,
                               1.0, f"n{i}"))  # fmt: skip
        vecs.append(unit((0, 1.0), (1 + i % 3, 0.2 + 0.001 * i)))
    for i in range(3):
        name = f"rare{i}.png"
        recs.append(FileRecord(f"r{i}", f"/lib/rare/{name}", "/lib", name, Kind.PHOTO, "png", 1,
                               1.0, f"r{i}", taken_at=TAKEN_2019, place="Lisbon, Portugal"))  # fmt: skip
        vecs.append(unit((0, 1.0), (4 + i, 0.8)))
    for i in range(700):
        name = f"other{i:04d}.jpg"
        recs.append(FileRecord(f"o{i}", f"/lib/all/{name}", "/lib", name, Kind.PHOTO, "jpg", 1,
                               1.0, f"o{i}"))  # fmt: skip
        v = np.zeros(DIM, dtype=np.float32)
        v[7:15] = rng.standard_normal(8)
        vecs.append(v / np.linalg.norm(v))
    store.files.upsert(recs)
    store.images.write([r.file_id for r in recs], np.stack(vecs).astype(np.float32), PACK)
    return {"r0", "r1", "r2"}


@pytest.mark.parametrize(
    "query",
    ["sunset type:png", "sunset in:rare", "sunset after:2019-01-01 before:2020",
     "sunset place:lisbon", "sunset in:/lib/rare type:photo"],
)  # fmt: skip
@pytest.mark.parametrize("first_stage", [False, True])
def test_a_rare_filter_finds_every_photo_it_admits(
    store: IndexStore, query: str, first_stage: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if first_stage:  # the in-memory first stage answers (past 20,000 rows in the app)
        monkeypatch.setattr(firststage, "MIN_ROWS", 100)
    rare = _photos(store)
    store.warm(60)
    assert bool(store._conn.vectors.memory()) and first_stage == bool(store._conn.vectors._stages)
    eng = SearchEngine(store, None, FakeClip({"sunset": unit((0, 1.0))}))
    # the rare photos rank below a whole cut of others: chosen after the cut, none would be left
    assert not rare & {h.file_id for h in store.images.nearest(unit((0, 1.0)), CANDIDATES, PACK)}
    got = eng.search(parse_query(query))
    assert sorted(h.file_id for h in got.hits) == sorted(rare)


def test_vector_search_among_files_is_the_exact_top_of_them(store: IndexStore) -> None:
    _photos(store)
    among = frozenset({"r2", "r0", "o5", "n7", "gone"})  # "gone" has no vector
    q = unit((0, 1.0), (5, 0.5))
    hits = store.images.nearest(q, 3, PACK, among)
    assert [h.file_id for h in hits] == _brute(store, q, among)[:3]
    assert len(hits) == 3
    assert store.images.nearest(q, 3, PACK, frozenset()) == []


def _brute(store: IndexStore, q: np.ndarray, among: frozenset[str]) -> list[str]:
    vecs = store.images.vectors(sorted(among), PACK)
    return sorted(vecs, key=lambda f: -float(vecs[f] @ q))


def test_ann_search_among_files(store: IndexStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vectors_mod, "EXACT_LIMIT", 1000)
    monkeypatch.setattr(firststage, "MIN_ROWS", 1000)  # LanceDB's index answers while the
    monkeypatch.setattr(firststage.FirstStage, "refresh", lambda self, t: None)  # stage builds
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((20, 32)).astype(np.float32)
    v = centres[rng.integers(0, 20, 4000)] + 0.3 * rng.standard_normal((4000, 32)).astype(
        np.float32
    )
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    ids = [f"f{i}" for i in range(4000)]
    store.files.upsert(
        [FileRecord(i, f"/r/{i}.jpg", "/r", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, i) for i in ids]
    )
    store.images.write(ids, v, "p")
    store.maintain()
    for share, limit in ((400, None), (3, None), (3, 50)):  # few ids: a prefilter; many: a cut
        if limit is not None:
            monkeypatch.setattr(vectors_mod, "ANN_PREFILTER_IDS", limit)
        among = frozenset(ids[::share])
        rows = np.arange(0, 4000, share)
        got = [h.file_id for h in store.images.nearest(v[1], 5, "p", among)]
        want = [f"f{rows[i]}" for i in np.argsort(-(v[rows] @ v[1]))[:5]]
        assert set(got) <= among and len(got) == 5
        assert len(set(got) & set(want)) >= 4, (share, limit)


def _documents(store: IndexStore) -> set[str]:
    """600 documents that all say "invoice" (the three PDFs among them least of all) and 150
    notes."""
    recs, items = [], []
    for i in range(600):
        ext = "pdf" if i % 200 == 7 else "txt"
        name = f"doc{i:04d}.{ext}"
        recs.append(FileRecord(f"d{i}", f"/docs/{name}", "/docs", name, Kind.DOCUMENT, ext, 1,
                               1.0, f"d{i}"))  # fmt: skip
        filler = " ".join(["about the office move and other news"] * (8 if ext == "pdf" else 1))
        text = f"invoice {i} for the customer, {filler}"
        items.append((f"d{i}", [Chunk(text, None, 0, len(text))], np.ones((1, 8), np.float32)))
    store.files.upsert(recs)
    store.passages.replace(items, "doc-pack")
    return {r.file_id for r in recs if r.ext == "pdf"}


@pytest.mark.parametrize("prefilter_ids", [connection.FTS_PREFILTER_IDS, 1])
def test_full_text_among_a_filters_files(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch, prefilter_ids: int
) -> None:
    """Few files: a prefilter on their ids; many (here: more than one): larger cuts."""
    monkeypatch.setattr(connection, "FTS_PREFILTER_IDS", prefilter_ids)
    pdfs = _documents(store)
    # the PDFs' passages are the longest: BM25 ranks them below the cut
    cut = {h.file_id for h in store.passages.search_words("invoice", CANDIDATES)}
    assert not pdfs & cut
    eng = SearchEngine(store, None, None)
    got = eng.search(parse_query("invoice type:pdf"))
    assert sorted(h.file_id for h in got.hits) == sorted(pdfs)
    # a common filter: the limit fills with its files
    got = eng.search(parse_query("invoice type:txt", limit=30))
    assert len(got.hits) == 30 and all(h.path.endswith(".txt") for h in got.hits)


def test_matching_reads_the_files_a_filter_admits(store: IndexStore) -> None:
    rare = _photos(store)
    assert store.files.matching(FileFilter(extensions=("png",))) == rare
    assert store.files.matching(FileFilter(folders=("RARE",))) == rare
    assert store.files.matching(FileFilter(folders=("/lib/rare/",))) == rare
    assert store.files.matching(FileFilter(folders=("/lib/ra",))) == frozenset()  # not a folder
    assert store.files.matching(FileFilter(places=("lisbon",))) == rare
    assert store.files.matching(file_filter(parse_query("x after:2019 before:2020"))) == rare
    assert len(store.files.matching(FileFilter(kinds=("photo",)))) == NEAR + 703
    assert store.files.matching(FileFilter(kinds=("document",))) == frozenset()
    # the answer follows the table: a file added later is admitted too
    store.files.upsert([FileRecord("r9", "/lib/rare/x.png", "/lib", "x.png", Kind.PHOTO, "png",
                                   1, 1.0, "r9")])  # fmt: skip
    assert store.files.matching(FileFilter(extensions=("png",))) == rare | {"r9"}


@pytest.mark.parametrize("resident_rows", [files_mod.RESIDENT_ROWS, 0])
def test_rows_by_id_from_memory_or_by_row_id_are_the_rows(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch, resident_rows: int
) -> None:
    """Up to RESIDENT_ROWS files a result's rows come from memory, past it by row id: both
    give what a filtered read gives, and follow the table when it changes."""
    _photos(store)
    monkeypatch.setattr(files_mod, "RESIDENT_ROWS", resident_rows)
    want = ["r1", "n3", "o699", "missing", "r1-but-longer-than-any-id", "n249"]
    got = store.files.get(want, brief=True)
    assert sorted(got) == ["n249", "n3", "o699", "r1"]
    assert got["r1"].path == "/lib/rare/rare1.png" and got["r1"].place == "Lisbon, Portugal"
    assert got["r1"].taken_at == TAKEN_2019 and got["n3"].ext == "jpg"
    store.files.move([("r1", "/lib/rare/moved.png", "/lib", 2.0)])
    assert store.files.get(["r1"], brief=True)["r1"].path == "/lib/rare/moved.png"
    store.files.delete(["n3"])
    assert sorted(store.files.get(want, brief=True)) == ["n249", "o699", "r1"]


def test_a_filters_words_are_found_through_the_files_indexes(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a large index the columns a filter reads have scalar indexes (its full-text search
    among the filter's files no longer scans them), and a loose condition on them still gives
    exactly the filter's files: a photo taken before the range but modified in it is not one."""
    from desktop_app.core.store import index_store

    monkeypatch.setattr(index_store, "SCALAR_INDEX_MIN", 10)
    monkeypatch.setattr(connection, "FTS_PREFILTER_IDS", 0)  # the filter's condition, not ids
    recs = [
        FileRecord(f"a{i}", f"/lib/all/trip{i}.jpg", "/lib", f"trip{i}.jpg", Kind.PHOTO, "jpg",
                   1, 1.0, f"a{i}")
        for i in range(40)
    ]  # fmt: skip
    recs += [
        FileRecord("in", "/lib/x/trip-in.png", "/lib", "trip-in.png", Kind.PHOTO, "png", 1,
                   TAKEN_2019, "in", place="Lisbon, Portugal"),  # taken unknown: modified 2019
        FileRecord("early", "/lib/x/trip-early.png", "/lib", "trip-early.png", Kind.PHOTO, "png",
                   1, TAKEN_2019, "early", taken_at=1_500_000_000.0, place=""),  # taken 2017
    ]  # fmt: skip
    store.files.upsert(recs)
    store.maintain()
    t = store.files._t()
    indexed = {c for ix in t.list_indices() for c in (ix.columns or [])}
    assert {"kind", "ext", "taken_at", "mtime", "place"} <= indexed
    for query, want in (
        ("trip after:2019-01-01 before:2020", {"in"}),
        ("trip type:png", {"in", "early"}),
        ("trip place:lisbon", {"in"}),
    ):
        flt = file_filter(parse_query(query))
        among = store.files.matching(flt)
        assert among == want
        assert {h.file_id for h in store.files.search_words("trip", 10, among, flt)} == want


@pytest.mark.parametrize("limit", [5, 40, 400])
def test_words_and_their_phrase_searched_apart_rank_as_searched_together(
    store: IndexStore, limit: int
) -> None:
    """Full text searches a query's words and its phrase one at a time and sums their scores
    (together, LanceDB scores every row holding a word): the rows and scores are those of the
    query searched whole, whether the lists were cut at the limit or not."""
    rng = np.random.default_rng(3)
    vocab = ["red", "bicycle", "blue", "car", "lake", "old", "street"]
    recs = []
    for i in range(300):
        name = " ".join(rng.choice(vocab, size=int(rng.integers(1, 6)))) + f" {i}.jpg"
        recs.append(FileRecord(f"w{i}", f"/lib/{name}", "/lib", name, Kind.PHOTO, "jpg", 1,
                               1.0, f"w{i}"))  # fmt: skip
    store.files.upsert(recs)
    store.maintain()
    t = store.files._t()
    for text in ("red bicycle", "old red car", "lake"):
        words = WordQuery.of_text(text)
        cols = ["file_id", "_score"]
        apart = connection._best_rows(t, words, "search_text", limit, cols, None)
        whole = (
            t.search(connection._fts_query(words, "search_text"), query_type="fts")
            .select(cols).limit(limit).to_arrow().to_pylist()
        )  # fmt: skip
        assert apart and [r["_score"] for r in apart] == pytest.approx(
            [r["_score"] for r in whole], rel=1e-5
        )
        kth = whole[-1]["_score"]  # ties at the limit may be cut either way
        assert {r["file_id"] for r in apart if r["_score"] > kth * (1 + 1e-5)} == {
            r["file_id"] for r in whole if r["_score"] > kth * (1 + 1e-5)
        }
