"""Near-duplicates: the perceptual hash, grouping by vectors + hashes, the hash-only fallback,
folding copies in search results, and the store's part (hashes and vectors in and out)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import desktop_app.core.search.duplicates as dup
from desktop_app.core.extract.dhash import dhash, dhash_file, hamming, to_signed
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import FileRecord, Hit, Kind, MatchReason, Origin, Source
from tests.fixtures import make_photo

# --- the perceptual hash ------------------------------------------------------------------


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("dhash")
    original = make_photo(d / "original.jpg", seed=11, size=(1600, 1200), quality=92)
    with Image.open(original) as im:
        im.resize((640, 480), Image.Resampling.LANCZOS).save(d / "small.jpg", quality=85)
        im.save(d / "recompressed.jpg", quality=30)
        im.save(d / "lossless.png")
    out = {
        "original": original,
        "small": d / "small.jpg",
        "recompressed": d / "recompressed.jpg",
        "png": d / "lossless.png",
    }
    for seed in (12, 13, 14):
        out[f"other{seed}"] = make_photo(d / f"other{seed}.jpg", seed=seed, size=(1600, 1200))
    return out


def test_copies_are_within_the_threshold(photos: dict[str, Path]) -> None:
    h = {k: dhash_file(str(p)) for k, p in photos.items()}
    for copy in ("small", "recompressed", "png"):
        assert hamming(h["original"], h[copy]) <= dup.MAX_BITS_HASH_ONLY, copy


def test_different_photos_are_not(photos: dict[str, Path]) -> None:
    h = {k: dhash_file(str(p)) for k, p in photos.items()}
    for other in ("other12", "other13", "other14"):
        assert hamming(h["original"], h[other]) > dup.MAX_BITS, other
    assert hamming(h["other12"], h["other13"]) > dup.MAX_BITS


def test_hash_does_not_depend_on_the_decode_size(photos: dict[str, Path]) -> None:
    from desktop_app.core.imaging import load_image

    p = str(photos["original"])
    # the pipeline hashes the decode made for the image model (draft at >= 224 px)
    assert hamming(dhash(load_image(p, 224)), dhash(load_image(p, 64))) <= 2


def test_hash_is_a_signed_64_bit_value() -> None:
    grad = Image.fromarray(np.tile(np.arange(0, 252, 28, dtype=np.uint8), (8, 1)))
    h = dhash(grad)  # every cell brighter than its left neighbour: all 64 bits set
    assert h == -1 == to_signed((1 << 64) - 1)
    assert dhash(grad.transpose(Image.Transpose.FLIP_LEFT_RIGHT)) == 0
    assert -(1 << 63) <= h < (1 << 63)


# --- grouping -------------------------------------------------------------------------------


def _rec(i: int, h: int | None, w: int = 100, hh: int = 100, size: int = 1000) -> FileRecord:
    return FileRecord(
        f"id{i}",
        f"/p/{i:05d}.jpg",
        "/p",
        f"{i:05d}.jpg",
        Kind.PHOTO,
        "jpg",
        size,
        1_600_000_000.0 + i,
        f"c{i}",
        width=w,
        height=hh,
        dhash=h,
    )


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def _flip(h: int, bits: int, start: int = 0) -> int:
    u = h & ((1 << 64) - 1)
    for b in range(start, start + bits):
        u ^= 1 << (b % 64)
    return to_signed(u)


def _library(n: int, dim: int = 32, seed: int = 0) -> tuple[list[FileRecord], np.ndarray]:
    rng = np.random.default_rng(seed)
    vecs = _unit(rng.standard_normal((n, dim)))
    hashes = [int(x) for x in rng.integers(-(1 << 63), (1 << 63) - 1, n, dtype=np.int64)]
    return [_rec(i, hashes[i]) for i in range(n)], vecs


def _plant(
    recs: list[FileRecord], vecs: np.ndarray, i: int, j: int, noise: float, bits: int, **kw: int
) -> None:
    """Make j a copy of i: its vector ``noise`` away, its hash ``bits`` bits away."""
    rng = np.random.default_rng(i * 1000 + j)
    vecs[j] = _unit(vecs[i] + noise * rng.standard_normal(vecs.shape[1]))
    recs[j] = _rec(j, _flip(recs[i].dhash or 0, bits, start=j % 50), **kw)


def _paths(report: dup.DuplicateReport) -> list[set[str]]:
    return sorted(({f.file_id for f in g.files} for g in report.groups), key=sorted)


def test_groups_need_close_vectors_and_close_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dup, "BLOCK", 64)  # several blocks, and pairs across them
    recs, vecs = _library(300)
    _plant(recs, vecs, 3, 200, 0.02, 2)  # a resized copy, in another block
    _plant(recs, vecs, 3, 201, 0.05, 8)  # an edit of it
    _plant(recs, vecs, 10, 11, 0.02, 0)  # an exact copy, same block
    _plant(recs, vecs, 20, 21, 0.02, 20)  # same look, different picture: hashes disagree
    _plant(recs, vecs, 30, 31, 2.0, 0)  # same hash by chance, nothing alike
    ids = [r.file_id for r in recs]
    report = dup.find_duplicates(recs, (ids, vecs))
    assert _paths(report) == [{"id10", "id11"}, {"id200", "id201", "id3"}]
    assert report.by_vectors and report.photos == 300 and report.unhashed == 0


def test_blocks_find_what_one_matrix_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    recs, vecs = _library(500, dim=4, seed=3)  # low dimension: many close pairs
    hashes = np.asarray([r.dhash for r in recs], dtype=np.int64)
    hashes[:] = hashes[0]  # hashes all agree: the vectors decide
    sims = vecs @ vecs.T
    want = {(i, j) for i, j in zip(*np.nonzero(np.triu(sims, 1) >= 0.92), strict=True)}
    monkeypatch.setattr(dup, "BLOCK", 37)
    a, b = dup.vector_pairs(vecs, hashes)
    assert len(want) > 50 and set(zip(a.tolist(), b.tolist(), strict=True)) == want


def test_best_copy_first_and_groups_by_space_to_free() -> None:
    recs, vecs = _library(40)
    _plant(recs, vecs, 1, 2, 0.01, 1, w=4000, hh=3000, size=5_000_000)  # the original
    recs[1] = _rec(1, recs[1].dhash, w=1000, hh=750, size=400_000)  # its small copy
    _plant(recs, vecs, 1, 3, 0.01, 1, w=4000, hh=3000, size=2_000_000)  # recompressed
    _plant(recs, vecs, 5, 6, 0.01, 1, size=9_000_000)
    recs[5] = _rec(5, recs[5].dhash, size=8_000_000)
    report = dup.find_duplicates(recs, ([r.file_id for r in recs], vecs))
    first, second = report.groups
    assert [f.file_id for f in first.files] == ["id6", "id5"]  # 9 MB to free comes first
    assert [f.file_id for f in second.files] == ["id2", "id3", "id1"]
    assert second.reclaimable == 2_400_000 and second.total_size == 7_400_000


def test_without_vectors_the_hash_alone_decides() -> None:
    recs, _ = _library(2000, seed=5)
    recs[7] = _rec(7, _flip(recs[6].dhash or 0, 3))  # near-exact: grouped
    recs[9] = _rec(9, _flip(recs[8].dhash or 0, 6))  # 6 bits: too far without vectors
    recs[11] = _rec(11, recs[10].dhash)
    recs[12] = _rec(12, _flip(recs[10].dhash or 0, 4, start=30))
    recs[20], recs[21] = _rec(20, 0), _rec(21, 0)  # blank hashes (flat pictures) say nothing
    recs[23], recs[24] = _rec(23, -1), _rec(24, _flip(-1, 2))  # nor do smooth gradients
    recs[22] = _rec(22, None)  # not hashed yet: left out, counted
    report = dup.find_duplicates(recs, None)
    assert _paths(report) == [{"id10", "id11", "id12"}, {"id6", "id7"}]
    assert not report.by_vectors and report.unhashed == 1 and report.photos == 1999


def test_photos_without_a_vector_fall_back_to_the_hash() -> None:
    recs, vecs = _library(100)
    recs[51] = _rec(51, _flip(recs[50].dhash or 0, 2))  # 51 has no vector yet
    recs[53] = _rec(53, _flip(recs[52].dhash or 0, 8))  # 8 bits: needs vectors to agree
    ids = [r.file_id for r in recs if r.file_id not in ("id51", "id53")]
    keep = [i for i, r in enumerate(recs) if r.file_id in ids]
    report = dup.find_duplicates(recs, (ids, vecs[keep]))
    assert _paths(report) == [{"id50", "id51"}]


def test_hash_buckets_are_not_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: the hashes compared are a sliver of all pairs, and every near
    copy is still found."""
    recs, _ = _library(50_000, seed=9)
    hashes = np.asarray([r.dhash for r in recs], dtype=np.int64)
    planted = {(100 + 7 * i, 40_000 + 3 * i) for i in range(20)}  # 20 near copies, <= 4 bits
    for k, (i, j) in enumerate(sorted(planted)):
        hashes[j] = _flip(int(hashes[i]), k % 5, start=k % 60)
    compared = [0]
    real = dup.hamming_many

    def counting(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        compared[0] += len(x)
        return real(x, y)

    monkeypatch.setattr(dup, "hamming_many", counting)
    a, b = dup.hash_pairs(hashes)
    assert {(int(x), int(y)) for x, y in zip(a, b, strict=True)} == planted
    all_pairs = len(hashes) * (len(hashes) - 1) // 2  # 1.25 billion
    assert compared[0] < all_pairs / 100, compared[0]  # measured: 1 in 600


# --- folding copies in search results ----------------------------------------------------------


class _Files:
    def __init__(self, hashes: dict[str, int]) -> None:
        self.hashes = hashes

    def dhashes(self, ids: list[str]) -> dict[str, int]:
        return {i: self.hashes[i] for i in ids if i in self.hashes}


class _Images:
    def __init__(self, vectors: dict[str, np.ndarray]) -> None:
        self._vectors = vectors

    def vectors(self, ids: list[str], pack_id: str) -> dict[str, np.ndarray]:
        assert pack_id == "pack"
        return {i: self._vectors[i] for i in ids if i in self._vectors}


class _Store:
    """The two reads folding copies makes: hashes from files, vectors from images."""

    def __init__(self, hashes: dict[str, int], vectors: dict[str, np.ndarray]) -> None:
        self.files, self.images = _Files(hashes), _Images(vectors)


class _Encoder:
    pack_id = "pack"


def test_fold_keeps_the_best_ranked_copy() -> None:
    rng = np.random.default_rng(1)
    v = _unit(rng.standard_normal((5, 16)))
    v[3] = _unit(v[0] + 0.01 * rng.standard_normal(16))
    v[4] = _unit(v[0] + 0.01 * rng.standard_normal(16))
    h = {f"f{i}": to_signed(int(x)) for i, x in enumerate(rng.integers(1, 1 << 62, 5))}
    h["f3"], h["f4"] = _flip(h["f0"], 1), _flip(h["f0"], 9)
    store = _Store(h, {f"f{i}": v[i] for i in range(5)})
    hits = [
        Hit(
            f"/p/{i}.jpg",
            Kind.PHOTO,
            1 - i / 10,
            MatchReason(Origin.IMAGE, Source.MEANING),
            file_id=f"f{i}",
        )
        for i in (3, 1, 0, 2, 4)
    ] + [
        Hit("/d/x.pdf", Kind.DOCUMENT, 0.1, MatchReason(Origin.TEXT, Source.MEANING), file_id="d1")
    ]
    out = dup.fold_duplicates(hits, store, _Encoder())
    assert [h.file_id for h in out] == ["f3", "f1", "f2", "d1"]
    assert out[0].stack == ("/p/0.jpg", "/p/4.jpg") and out[1].stack == ()
    # without an image pack only near-exact hashes fold
    out = dup.fold_duplicates(hits, store, None)
    assert [h.file_id for h in out] == ["f3", "f1", "f2", "f4", "d1"]
    assert out[0].stack == ("/p/0.jpg",)


# --- the store ---------------------------------------------------------------------------------


def test_store_keeps_hashes_and_gives_vectors(tmp_path: Path) -> None:
    s = IndexStore(tmp_path / "index")
    s.open()
    try:
        recs, vecs = _library(6, dim=8)
        recs[5] = _rec(5, None)  # an older row, never hashed
        recs[4] = _rec(4, to_signed((1 << 64) - 5))  # a hash with the top bit set
        s.files.upsert(recs, new=True)
        s.images.write([r.file_id for r in recs[:4]], vecs[:4], "pack")
        assert s.files.without_dhash() == [("id5", "/p/00005.jpg")]
        s.files.set_dhashes({"id5": 12345})
        assert s.files.without_dhash() == []
        got = s.files.dhashes(["id4", "id5", "id0"])
        assert got == {"id4": -5, "id5": 12345, "id0": recs[0].dhash}
        assert {r.file_id: r.dhash for r in s.files.photos()}["id5"] == 12345
        for resident in (False, True):
            if resident:
                s.images.nearest(vecs[0], 2, "pack")  # search loads the resident matrix
            got_v = s.images.vectors(["id2", "id5"], "pack")
            assert list(got_v) == ["id2"] and np.allclose(got_v["id2"], vecs[2])
        ids, m = s.images.matrix("pack")
        assert ids == ["id0", "id1", "id2", "id3"] and np.allclose(m, vecs[:4])
        ids, m = s.images.matrix("other")
        assert ids == [] and m.size == 0
    finally:
        s.close()


def test_copies_of_a_photo_by_hash_alone(tmp_path: Path) -> None:
    """More like this without an image model: copies within 4 bits, closest first, inside
    the filters; a photo with nothing near gives none, and the result says why."""
    from desktop_app.core.search.copies import NO_IMAGE_MODEL, copies_of
    from desktop_app.core.search.query import parse_query

    photo = _noise(tmp_path / "query.png", seed=7)
    h = dhash_file(str(photo))
    flip = lambda value, bits: to_signed((value ^ ((1 << bits) - 1)) & ((1 << 64) - 1))  # noqa: E731
    recs = [
        _rec(0, h),
        _rec(1, flip(h, 3)),
        _rec(2, flip(h, 5)),
        _rec(3, None),
        _rec(4, flip(h, 1)),
    ]
    recs[4] = FileRecord(**{**recs[4].__dict__, "mtime": 1_000.0})  # long ago, for after:
    s = IndexStore(tmp_path / "index")
    s.open()
    try:
        s.files.upsert(recs, new=True)
        found = copies_of(s, parse_query("", image_path=str(photo), limit=10))
        assert [x.file_id for x in found.hits] == ["id0", "id4", "id1"]  # 0, 1, 3 bits
        assert found.hits[0].why == "a copy of your image" and found.notes == (NO_IMAGE_MODEL,)
        recent = copies_of(s, parse_query("after:2001", image_path=str(photo), limit=10))
        assert [x.file_id for x in recent.hits] == ["id0", "id1"]
        other = _noise(tmp_path / "other.png", seed=99)
        assert hamming(dhash_file(str(other)), h) > 4
        assert copies_of(s, parse_query("", image_path=str(other))).hits == ()
    finally:
        s.close()


def _noise(path: Path, seed: int) -> Path:
    """A picture with detail everywhere (a smooth fixture photo has a blank hash)."""
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 255, (96, 128, 3), dtype=np.uint8)).save(path)
    return path
