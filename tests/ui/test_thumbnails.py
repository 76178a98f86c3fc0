"""ThumbnailLoader: every request is answered, also for a thumbnail already in memory."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.ui.thumbnails import THUMB_SIZE, ThumbnailLoader
from tests.fixtures import make_photo


def test_every_request_is_answered_once(qtbot: QtBot, tmp_path: Path) -> None:
    photo = str(make_photo(tmp_path / "beach.jpg", seed=1, size=(1200, 800)))
    loader = ThumbnailLoader(tmp_path / "thumbs")
    got: list[tuple[str, int]] = []
    loader.thumbnail_ready.connect(lambda p, img: got.append((p, img.width())))
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000):
        loader.request(photo)
        loader.request(photo)  # asked again while loading: one answer
    assert got == [(photo, THUMB_SIZE)]
    assert list((tmp_path / "thumbs").rglob("*.jpg"))  # kept on disk for the next start
    # shown again in a later result list: the thumbnail is in memory, and still arrives,
    # after the call (a view asks while painting)
    with qtbot.waitSignal(loader.thumbnail_ready, timeout=2_000):
        loader.request(photo)
        assert len(got) == 1
    assert got == [(photo, THUMB_SIZE), (photo, THUMB_SIZE)]
    loader.wait()
