"""The preview pane: facts at once, pictures decoded off the GUI thread (the newest selection
wins), a PDF's matching page, and Copy image landing on the clipboard when decoded."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

import desktop_app.ui.preview as preview_mod
import desktop_app.ui.thumbnails as thumbnails_mod
from desktop_app.core.search.browse import NO_MATCH
from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Source
from desktop_app.ui.preview import PreviewPane
from tests.fixtures import make_pdf, make_photo


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(path, thread) of every picture the pane decoded."""
    seen: list[tuple[str, str]] = []
    real = preview_mod.read_scaled

    def read_scaled(path: str, size: object) -> QImage:
        seen.append((path, threading.current_thread().name))
        return real(path, size)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_mod, "read_scaled", read_scaled)
    monkeypatch.setattr(thumbnails_mod, "read_scaled", read_scaled)  # the clipboard's decode
    return seen


def test_pictures_are_decoded_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, decodes: list[tuple[str, str]]
) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    photos = [str(make_photo(tmp_path / f"p{i}.jpg", seed=i, size=(2400, 1600))) for i in range(4)]
    shown: list[str] = []
    pane.image_shown.connect(shown.append)
    with qtbot.waitSignal(pane.image_shown, timeout=10_000):
        for p in photos:  # a quick run of selections
            pane.show_hit(
                Hit(p, Kind.PHOTO, 1.0, MatchReason(Origin.IMAGE, Source.MEANING), width=2400)
            )
            assert pane.title.text() == Path(p).name  # the facts at once
    pane.wait()
    qtbot.wait(50)
    assert shown == [photos[-1]]  # only the last selection's picture lands
    assert decodes and all(t != threading.main_thread().name for _, t in decodes)
    assert not pane.image.pixmap().isNull()


def test_a_pdf_shows_its_matching_page(qtbot: QtBot, tmp_path: Path) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    pdf = str(make_pdf(tmp_path / "guide.pdf", ["First page", "Roses need full sun."]))
    hit = Hit(
        pdf,
        Kind.DOCUMENT,
        1.0,
        MatchReason(Origin.TEXT, Source.MEANING, page=2),
        snippet="Roses need full sun.",
        page=2,
    )
    with qtbot.waitSignal(pane.image_shown, timeout=10_000):
        pane.show_hit(hit, ("roses",))
    assert pane.image.isVisible() and not pane.image.pixmap().isNull()
    assert "Page 2" in pane.text.toHtml() and "fde68a" in pane.text.toHtml()
    pane.show_hit(
        Hit(
            str(tmp_path / "notes.txt"),
            Kind.DOCUMENT,
            1.0,
            MatchReason(Origin.TEXT, Source.MEANING),
            snippet="x",
        )
    )
    assert not pane.image.isVisible()  # plain text: the passage alone


def test_copy_image_lands_on_the_clipboard_when_decoded(
    qtbot: QtBot, tmp_path: Path, decodes: list[tuple[str, str]]
) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    photo = str(make_photo(tmp_path / "big.jpg", size=(3000, 2000)))
    pane.show_hit(Hit(photo, Kind.PHOTO, 1.0, MatchReason(Origin.IMAGE, Source.MEANING)))
    pane.wait()
    decodes.clear()
    with qtbot.waitSignal(pane.image_copied, timeout=20_000):
        pane.copy_image()
        assert pane.copy_img_btn.text() == "Copying…"
    assert [p for p, _ in decodes] == [photo]
    assert decodes[0][1] != threading.main_thread().name
    md = QGuiApplication.clipboard().mimeData()
    assert md is not None and md.hasImage() and md.data("image/png").size() > 1000


def test_a_picture_arriving_after_a_text_file_was_selected_is_dropped(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    photo = str(make_photo(tmp_path / "big.jpg", size=(3000, 2000)))
    shown: list[str] = []
    pane.image_shown.connect(shown.append)
    pane.show_hit(Hit(photo, Kind.PHOTO, 1.0, MatchReason(Origin.IMAGE, Source.MEANING)))
    text = Hit(
        str(tmp_path / "notes.txt"),
        Kind.DOCUMENT,
        1.0,
        MatchReason(Origin.TEXT, Source.MEANING),
        snippet="Notes",
    )
    pane.show_hit(text)  # before the photo is decoded
    pane.wait()
    qtbot.wait(100)
    assert shown == [] and pane.hit == text and not pane.image.isVisible()


def test_browsing_a_document_shows_its_opening_as_laid_out(qtbot: QtBot, tmp_path: Path) -> None:
    receipt = tmp_path / "receipt.txt"
    receipt.write_text("Hardware store\n\n2 x hammer   19.90\nTotal        42.50\n")
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    # a browse hit: no match to explain, the snippet is the index's whitespace-folded preview
    hit = Hit(str(receipt), Kind.DOCUMENT, 0.0, NO_MATCH, snippet="Hardware store 2 x hammer 19.90")
    pane.show_hit(hit)
    qtbot.waitUntil(lambda: "2 x hammer   19.90" in pane.text.toPlainText(), timeout=10_000)
    assert "Beginning" in pane.text.toPlainText()


def test_a_wide_picture_fits_the_pane_after_it_narrows(qtbot: QtBot, tmp_path: Path) -> None:
    """A screenshot decoded for a wide pane is not cut at the right once the pane narrows."""
    from PySide6.QtWidgets import QApplication

    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(700, 700)
    pane.show()
    wide = str(make_photo(tmp_path / "screenshot.png", seed=3, size=(2560, 1080)))
    with qtbot.waitSignal(pane.image_shown, timeout=10_000):
        pane.show_hit(
            Hit(wide, Kind.PHOTO, 1.0, MatchReason(Origin.IMAGE, Source.MEANING), width=2560)
        )
    assert pane.image.pixmap().width() <= pane.image.width()
    pane.resize(360, 700)
    QApplication.processEvents()
    assert 0 < pane.image.pixmap().width() <= pane.image.width()
