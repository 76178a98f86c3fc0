"""A change of image pack: the older vectors answer until every photo has a new one."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import install_pack
from tests.fixtures import make_photo, open_engine


def test_old_pack_answers_until_photos_are_re_embedded(
    tmp_path: Path, trove_home: Path, tiny_clip_source: Path, tiny_clip_pack: Path
) -> None:
    from models.export import build_pack

    pack_b = build_pack("tiny-clip-b", tiny_clip_source, tmp_path / "packs-b").pack_dir
    install_pack(tiny_clip_pack, trove_home)
    install_pack(pack_b, trove_home)
    root = tmp_path / "photos"
    photos = [make_photo(root / f"photo{i}.jpg", seed=i) for i in range(6)]

    first = open_engine(trove_home, root, active_image_pack="tiny-clip")
    try:
        first.index()
        pack_a = first.search("", image=str(photos[0])).hits
        assert pack_a and Path(pack_a[0].path) == photos[0]
        old_id = first.active_packs.image.pack_id
    finally:
        first.close()

    second = open_engine(
        trove_home, root, active_image_pack="tiny-clip-b"
    )  # chosen in Settings; not re-embedded yet
    try:
        new_id = second.active_packs.image.pack_id
        assert second.store.images.per_pack() == {old_id: 6}
        hits = second.search("", image=str(photos[3])).hits  # answered by the older vectors
        assert hits and Path(hits[0].path) == photos[3]
        assert second.search("a photo", limit=10).hits  # a text query reaches the photos too

        second.index()  # the background re-embedding, then the older vectors go
        assert second.store.images.per_pack() == {new_id: 6}
        hits = second.search("", image=str(photos[3])).hits
        assert hits and Path(hits[0].path) == photos[3]
    finally:
        second.close()


def test_best_installed_is_taken_at_once(
    tmp_path: Path, trove_home: Path, tiny_clip_source: Path, tiny_clip_pack: Path
) -> None:
    """Settings → Image pack → "Best installed" after a named pack: no restart needed."""
    from models.export import build_pack

    other = build_pack("tiny-clip-b", tiny_clip_source, tmp_path / "packs-b").pack_dir
    install_pack(tiny_clip_pack, trove_home)
    install_pack(other, trove_home)
    engine = open_engine(trove_home, tmp_path / "photos", active_image_pack="tiny-clip-b")
    try:
        assert engine.status().image_pack.startswith("tiny-clip-b@")  # type: ignore[union-attr]
        engine.reload_packs()  # a pack installed or removed: the choice stays
        assert engine.config.active_image_pack == "tiny-clip-b"
        engine.reload_packs(None)  # "Best installed"
        assert engine.config.active_image_pack is None
        # both packs are CLIP: the first in name order is the best installed
        assert engine.status().image_pack.startswith("tiny-clip@")  # type: ignore[union-attr]
    finally:
        engine.close()
