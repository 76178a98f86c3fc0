"""The preview pane shows the words read from a picture when they are why it matched."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Source
from desktop_app.ui.preview import PreviewPane
from tests.fixtures import make_photo


def test_photo_hit_from_its_text_shows_the_line(qtbot: QtBot, tmp_path: Path) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    photo = str(make_photo(tmp_path / "shot.png"))
    hit = Hit(
        photo,
        Kind.PHOTO,
        0.5,
        MatchReason(Origin.OCR, Source.WORDS, quote="HARDWARE STORE RECEIPT"),
        snippet="HARDWARE STORE RECEIPT\nTOTAL 42.50",
    )
    with qtbot.waitSignal(pane.image_shown, timeout=10_000):
        pane.show_hit(hit, ("receipt",))
    assert pane.text.isVisible() and pane.image.isVisible()
    html = pane.text.toHtml()
    assert "Text in the picture" in html and "RECEIPT" in html and "fde68a" in html
    assert "text in the picture" in pane.facts.text()
    pane.show_hit(
        Hit(photo, Kind.PHOTO, 0.5, MatchReason(Origin.IMAGE, Source.MEANING)), ("receipt",)
    )
    assert not pane.text.isVisible()
