"""The indexing pipeline: photo batches encoded as two halves side by side, vectors in order."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from desktop_app.core.indexing.pipeline import BATCH_FILES, SPLIT_AT, Pipeline, Work
from desktop_app.core.packs import PackManager
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Kind, ScannedFile
from tests.fixtures import make_photo


class Recording:
    """The real tiny CLIP encoder, noting which thread encoded how many photos."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[tuple[str, int]] = []
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def encode_pixels(self, batch: np.ndarray) -> np.ndarray:
        with self._lock:
            self.calls.append((threading.current_thread().name, len(batch)))
        return self.inner.encode_pixels(batch)


def test_batches_are_encoded_in_halves_and_every_vector_lands_on_its_photo(
    tiny_clip_pack: Path, store: IndexStore, tmp_path: Path
) -> None:
    inner = PackManager([tiny_clip_pack.parent], threads=2, image_threads=1).image_encoder()
    enc = Recording(inner)
    root = tmp_path / "photos"
    n = BATCH_FILES + SPLIT_AT // 2  # one full batch, then one too small to split
    photos = [make_photo(root / f"p{i:02d}.jpg", seed=i) for i in range(n)]
    work = [
        Work(ScannedFile(str(p), str(root), Kind.PHOTO, p.stat().st_size, os.path.getmtime(p)))
        for p in photos
    ]

    counts = Pipeline(store, enc).process(work)

    assert counts.processed == n and counts.failed == 0 and counts.embedded == n
    half = BATCH_FILES // 2
    full = sorted(enc.calls[:2])
    assert [size for _, size in full] == [half, half]
    assert {name for name, _ in full} == {"MainThread", "trove-encode_0"}  # side by side
    assert enc.calls[2:] == [("MainThread", n - BATCH_FILES)]
    # each photo's stored vector is its own: closest to that photo encoded on its own
    alone = np.concatenate([inner.encode_pixels(inner.load_pixels(str(p))[None]) for p in photos])
    stored = np.stack(
        [store.images.vector(store.files.id_for(str(p)), inner.pack_id) for p in photos]
    )
    sims = alone @ stored.T
    assert list(sims.argmax(axis=1)) == list(range(n))
    assert float(np.diag(sims).min()) > 0.99


def test_a_changed_photo_replaces_its_vector_and_a_new_one_adds_one(
    tiny_clip_pack: Path, store: IndexStore, tmp_path: Path
) -> None:
    enc = PackManager([tiny_clip_pack.parent], threads=2, image_threads=1).image_encoder()
    root = tmp_path / "photos"
    photos = [make_photo(root / f"p{i}.jpg", seed=i) for i in range(3)]

    def scanned(p: Path) -> ScannedFile:
        return ScannedFile(str(p), str(root), Kind.PHOTO, p.stat().st_size, os.path.getmtime(p))

    Pipeline(store, enc).process([Work(scanned(p)) for p in photos])
    fid = store.files.id_for(str(photos[0]))
    before = store.images.vector(fid, enc.pack_id)
    make_photo(photos[0], seed=99)  # edited in place
    extra = make_photo(root / "p3.jpg", seed=3)
    Pipeline(store, enc).process([Work(scanned(photos[0]), fid), Work(scanned(extra))])

    assert store.images.per_pack() == {enc.pack_id: 4}  # replaced, not doubled
    after = store.images.vector(fid, enc.pack_id)
    assert float(before @ after) < 0.999
    expected = enc.encode_pixels(enc.load_pixels(str(photos[0]))[None])[0]
    assert float(after @ expected) > 0.99
