"""Composed photo queries (weights, +/-, image + words) and honest relevance (strong/weak).

Vectors are built by hand in a small space so that the arithmetic and the ranking mechanics are
tested exactly; no semantic quality is claimed from them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from desktop_app.core.search.engine import NEUTRAL_PROMPT, SearchEngine
from desktop_app.core.search.query import parse_query
from desktop_app.core.search.relevance import confidence_of
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import FileRecord, Kind

DIM = 16
PACK = "fake-clip"


def unit(*pairs: tuple[int, float]) -> np.ndarray:
    v = np.zeros(DIM, dtype=np.float32)
    for axis, x in pairs:
        v[axis] += x
    return v / np.linalg.norm(v)


class FakeClip:
    """An image encoder whose text tower is a lookup table."""

    pack_id = PACK
    languages = ("en",)
    dim = DIM

    def __init__(self, texts: dict[str, np.ndarray]) -> None:
        self.texts = {NEUTRAL_PROMPT: unit((15, 1.0)), **texts}

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.texts[t] for t in texts])

    def load_pixels(self, path: str) -> np.ndarray:
        raise AssertionError("indexed photos are searched with their stored vector")

    def encode_pixels(self, batch: np.ndarray) -> np.ndarray:
        raise AssertionError("not reached")


def photo(i: int, name: str) -> FileRecord:
    path = f"/lib/{name}"
    return FileRecord(f"p{i}", path, "/lib", name, Kind.PHOTO, "jpg", 1, 1.0, f"h{i}")


def fill(store: IndexStore, named: dict[str, np.ndarray], distractors: int = 40) -> None:
    """Named photos plus distractors spread over axes 4..14 (a library to calibrate against)."""
    rng = np.random.default_rng(7)
    recs, vecs = [], []
    for i, (name, v) in enumerate(named.items()):
        recs.append(photo(i, name))
        vecs.append(v)
    for j in range(distractors):
        recs.append(photo(100 + j, f"img{j:03d}.jpg"))
        v = np.zeros(DIM, dtype=np.float32)
        v[4:15] = rng.standard_normal(11)
        vecs.append(v / np.linalg.norm(v))
    store.files.upsert(recs)
    store.images.write([r.file_id for r in recs], np.stack(vecs).astype(np.float32), PACK)


def names(result: object) -> list[str]:
    return [h.path.rsplit("/", 1)[-1] for h in result.hits]  # type: ignore[attr-defined]


def test_parse_weights_plus_and_minus() -> None:
    q = parse_query("2:sunset + dog -people")
    assert q.parts == ((2.0, "sunset"), (1.0, "dog"), (-1.0, "people"))
    assert q.text == "sunset dog" and q.excluded == ("people",)
    q = parse_query("beach - people crowd type:photo")
    assert q.parts == ((1.0, "beach"), (-1.0, "people crowd")) and q.kinds == (Kind.PHOTO,)
    assert parse_query("receipt from the hardware store").parts == ()  # plain words stay plain
    assert parse_query("x", strength=9).strength == 3.0


def test_image_plus_words_moves_the_image(store: IndexStore) -> None:
    fill(
        store,
        {
            "p-one.jpg": unit((0, 1.0)),
            "p-one-copy.jpg": unit((0, 1.0), (2, 0.3)),
            "p-two.jpg": unit((0, 1.0), (1, 1.0)),
            "p-three.jpg": unit((1, 1.0), (3, 1.0)),
        },
    )
    eng = SearchEngine(store, None, FakeClip({"at night": unit((1, 1.0))}))
    alone = eng.search(parse_query("", image_path="/lib/p-one.jpg"))
    assert names(alone)[:2] == ["p-one.jpg", "p-one-copy.jpg"]
    composed = eng.search(parse_query("at night", image_path="/lib/p-one.jpg"))
    assert names(composed)[0] == "p-two.jpg"
    assert composed.hits[0].why == "looks like your image, at night"
    assert composed.hits[0].strong
    # strength 0 keeps the image alone; the order follows the image again
    still = eng.search(parse_query("at night", image_path="/lib/p-one.jpg", strength=0))
    assert names(still)[:2] == ["p-one.jpg", "p-one-copy.jpg"]


def test_negative_and_weighted_parts(store: IndexStore) -> None:
    fill(
        store,
        {
            "x1.jpg": unit((0, 1.0), (3, 0.1)),  # a beach
            "y1.jpg": unit((0, 1.0), (1, 0.8)),  # a beach full of people
            "z1.jpg": unit((2, 1.0)),  # a dog
        },
    )
    clip = FakeClip(
        {"beach": unit((0, 1.0), (1, 0.5)), "people": unit((1, 1.0)), "dog": unit((2, 1.0))}
    )
    eng = SearchEngine(store, None, clip)
    assert names(eng.search(parse_query("beach")))[0] == "y1.jpg"
    assert names(eng.search(parse_query("beach -people")))[0] == "x1.jpg"
    assert names(eng.search(parse_query("beach - people")))[0] == "x1.jpg"
    assert names(eng.search(parse_query("3:dog + beach")))[0] == "z1.jpg"
    assert names(eng.search(parse_query("dog + 3:beach")))[0] != "z1.jpg"


def test_strong_matches_first_and_a_no_match_state(store: IndexStore) -> None:
    fill(store, {"dog.jpg": unit((2, 1.0)), "dog2.jpg": unit((2, 1.0), (5, 0.2))})
    clip = FakeClip({"a dog": unit((2, 1.0)), "qwxz": unit((0, 1.0), (4, 0.2))})
    eng = SearchEngine(store, None, clip)
    found = eng.search(parse_query("a dog"))
    assert found.confident and found.strong_count == 2
    assert set(names(found)[:2]) == {"dog.jpg", "dog2.jpg"}
    assert len(found.hits) == 2  # a confident answer is not padded with the weak rest
    assert [h.strong for h in found.hits] == sorted((h.strong for h in found.hits), reverse=True)
    # a direction stored photos barely lean towards: some are ranked, none is confident, and
    # the index is not padded with photos that score no better than an average one
    nothing = eng.search(parse_query("qwxz"))
    assert nothing.hits and not nothing.confident  # ranked, yet not one of them is strong
    assert not any(h.strong for h in nothing.hits)
    assert len(nothing.hits) < 42 - 10


def test_words_in_the_name_are_strong_evidence(store: IndexStore) -> None:
    fill(store, {"lisbon-tram.jpg": unit((3, 1.0))})
    store.maintain()  # builds the full-text index
    eng = SearchEngine(store, None, FakeClip({"tram": unit((0, 1.0)), "bus tram": unit((0, 1.0))}))
    hit = eng.search(parse_query("tram")).hits[0]
    assert hit.path.endswith("lisbon-tram.jpg") and hit.strong and hit.confidence >= 0.9
    partial = [h for h in eng.search(parse_query("bus tram")).hits if "tram" in h.path]
    assert partial and not partial[0].strong  # half the words: weaker


def test_confidence_scale() -> None:
    assert confidence_of(0.0, 0.0) == pytest.approx(0.5)  # on the line: just strong
    assert (
        confidence_of(None, 0.0) == 0.0 < confidence_of(-2.0, 0.0) < 0.5 < confidence_of(2.0, 0.0)
    )
    assert confidence_of(None, 1.0) >= 0.9 and confidence_of(None, 0.5) < 0.5
    assert confidence_of(None, 0.0, sure=True) >= 0.5


def test_the_line_rises_with_the_number_of_vectors_and_uses_the_packs_own_figures() -> None:
    from desktop_app.core.search.relevance import Calibration, extreme_line
    from desktop_app.core.store.api import Background

    assert extreme_line(1_000) < extreme_line(10_000) < extreme_line(100_000)
    q = unit((0, 1.0))
    near = np.stack([unit((0, 1.0), (1 + i % 14, 1.0)) for i in range(200)])  # all close to q
    # With the pack's figures for unrelated pairs the line does not depend on what the index
    # holds (a topical index is full of related passages) ...
    small = Calibration(Background(near, 1_000), q, (0.0, 0.1))
    large = Calibration(Background(near, 100_000), q, (0.0, 0.1))
    assert small.margin(0.45) is not None and small.margin(0.45) >= 0.0  # strong among 1,000
    assert large.margin(0.45) is not None and large.margin(0.45) < 0.0  # not among 100,000
    # ... without them, this query's scores over the sample stand in for them
    alone = Calibration(Background(near, 1_000), q, None)
    assert alone.mean == pytest.approx(float((near @ q).mean()), abs=1e-6)
    assert alone.margin(0.45) is not None and alone.margin(0.45) < 0.0
