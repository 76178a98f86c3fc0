"""Thumbnails: every request answered once, photos and documents (a PDF's first page, the
opening text of others) made off the GUI thread and kept on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop_app.ui.thumbnails import THUMB_SIZE, ThumbnailLoader, document_thumbnail
from tests.fixtures import make_docx, make_pdf, make_photo


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


def _ink(img: QImage, top: float = 0.0, bottom: float = 1.0) -> int:
    """Pixels clearly darker than white in a horizontal band of the image."""
    n = 0
    for y in range(int(img.height() * top), int(img.height() * bottom), 2):
        for x in range(0, img.width(), 2):
            if QColor(img.pixel(x, y)).lightness() < 200:
                n += 1
    return n


def test_a_pdf_shows_its_first_page(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "guide.pdf", ["Spring planting guide. " * 20, "Second page"])
    img = document_thumbnail(str(pdf))
    assert not img.isNull() and img.height() == THUMB_SIZE and img.width() < img.height()
    assert _ink(img, 0.0, 0.3) > 20  # the first page's lines of text, at its top
    assert _ink(img, 0.5, 1.0) == 0  # ... and the empty rest of that page
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4 nothing else")
    assert document_thumbnail(str(damaged)).isNull()


def test_other_documents_show_their_opening_text(qtbot: QtBot, tmp_path: Path) -> None:
    md = tmp_path / "bread.md"
    md.write_text("# Sourdough\n\nMix the starter with flour and water.\n")
    code = tmp_path / "tool.py"
    code.write_text("def main() -> None:\n    print('hello')\n")
    docx = make_docx(tmp_path / "minutes.docx", ["Team meeting minutes", "Hire two engineers."])
    tiles = [document_thumbnail(str(p)) for p in (md, code, docx)]
    for tile in tiles:
        assert not tile.isNull() and tile.width() < tile.height()
        assert _ink(tile, 0.0, 0.25) > 10 and _ink(tile, 0.6, 1.0) == 0
    assert tiles[0] != tiles[1]  # different text, different tiles
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    other = tmp_path / "archive.xyz"
    other.write_text("not a kind Trove reads")
    assert all(document_thumbnail(str(p)).isNull() for p in (empty, binary, other))


def test_document_thumbnails_load_in_the_background_and_are_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    import threading

    import desktop_app.ui.thumbnails as thumbs

    pdf = str(make_pdf(tmp_path / "guide.pdf", ["Spring planting guide."]))
    threads: list[str] = []
    real = thumbs.render_pdf_page

    def render(*a: object, **kw: object) -> QImage:
        threads.append(threading.current_thread().name)
        return real(*a, **kw)  # type: ignore[arg-type]

    thumbs.render_pdf_page = render  # type: ignore[assignment]
    try:
        loader = ThumbnailLoader(tmp_path / "thumbs")
        with qtbot.waitSignal(loader.thumbnail_ready, timeout=10_000) as got:
            loader.request(pdf)
        assert got.args[0] == pdf and not got.args[1].isNull()
        assert threads and threading.main_thread().name not in threads
        assert list((tmp_path / "thumbs").rglob("*.png"))  # documents are kept as PNG
        fresh = ThumbnailLoader(tmp_path / "thumbs")  # the next start: read from disk
        with qtbot.waitSignal(fresh.thumbnail_ready, timeout=10_000):
            fresh.request(pdf)
        assert len(threads) == 1
    finally:
        thumbs.render_pdf_page = real  # type: ignore[assignment]
    loader.wait()


def test_a_file_that_cannot_be_shown_is_not_tried_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop_app.ui.thumbnails as thumbs

    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a picture")
    decodes: list[str] = []
    real = thumbs.read_scaled
    monkeypatch.setattr(thumbs, "read_scaled", lambda p, s: decodes.append(p) or real(p, s))
    loader = ThumbnailLoader(tmp_path / "thumbs")
    loader.request(str(broken))
    loader.wait()
    qtbot.wait(50)  # the (null) answer lands on the GUI thread
    for _ in range(3):  # repaints ask again: nothing is decoded again
        loader.request(str(broken))
        loader.wait()
    assert decodes == [str(broken)]
