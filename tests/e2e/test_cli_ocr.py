"""`trove` reads the text in pictures and scanned pages after the first pass (OCR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.cli import main
from desktop_app.paths import Paths
from desktop_app.settings import load_settings, save_settings
from tests.conftest import install_pack
from tests.fixtures import make_photo
from tests.unit.test_ocr import text_picture


def _json(capsys: pytest.CaptureFixture[str], args: list[str]) -> object:
    capsys.readouterr()
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


def test_text_in_pictures_is_found_after_the_first_pass(
    tmp_path: Path, trove_home: Path, minilm_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_pack(minilm_pack, trove_home)
    root = tmp_path / "lib"
    receipt = text_picture(
        root / "screenshots" / "IMG_0412.png", ["HARDWARE STORE RECEIPT", "TOTAL 42.50"]
    )
    photo = make_photo(root / "photos" / "holiday.jpg", seed=4, size=(1600, 1200))
    page = text_picture(tmp_path / "page.png", ["QUARTERLY ZANZIBAR INVOICE"], (1240, 1754))
    scan = root / "scans" / "doc0001.pdf"
    scan.parent.mkdir(parents=True)
    Image.open(page).save(scan, "PDF", resolution=150)  # an image-only page: no text layer
    (root / "notes.txt").write_text("A list of garden tools to buy at the weekend.\n")

    # OCR switched off: the first pass alone, and the pictures wait
    paths = Paths.from_env()
    paths.ensure()
    settings = load_settings(paths.settings_file)
    settings.ocr = False
    save_settings(settings, paths.settings_file)
    assert main(["index", str(root)]) == 0
    hits = _json(capsys, ["search", "receipt", "--json"])
    assert not any("text in the picture" in h["why"] for h in hits)
    status = _json(capsys, ["status", "--json"])
    assert (status["ocr_read"], status["ocr_pending"]) == (0, 3)
    assert not status["ocr_enabled"]

    settings.ocr = True
    save_settings(settings, paths.settings_file)
    assert main(["index", str(root)]) == 0

    hits = _json(capsys, ["search", "receipt", "--json"])
    assert hits and hits[0]["path"] == str(receipt), hits
    assert hits[0]["why"].startswith("text in the picture: “")
    assert "RECEIPT" in hits[0]["why"].upper() and "RECEIPT" in hits[0]["snippet"].upper()
    assert all(h["path"] != str(photo) or "text in" not in h["why"] for h in hits)

    hits = _json(capsys, ["search", "zanzibar", "--json"])
    assert hits and hits[0]["path"] == str(scan), hits
    assert hits[0]["why"].startswith("text in the scan of page 1: “") and hits[0]["page"] == 1

    # found by meaning too (the document encoder): words that are not in the picture
    hits = _json(capsys, ["search", "shopping bill", "--json"])
    assert any(h["path"] == str(receipt) and "text in the picture" in h["why"] for h in hits)

    status = _json(capsys, ["status", "--json"])
    assert (status["ocr_read"], status["ocr_pending"]) == (3, 0)
    capsys.readouterr()
    assert main(["status"]) == 0
    assert "Text in pictures: read in 3 file(s), 0 waiting" in capsys.readouterr().out

    # a third run reads nothing again; a changed picture is read again
    text_picture(receipt, ["GARDEN CENTRE RECEIPT", "TOTAL 13.20"])
    assert main(["index", str(root)]) == 0
    hits = _json(capsys, ["search", "centre", "--json"])
    assert hits and hits[0]["path"] == str(receipt) and "CENTRE" in hits[0]["why"].upper()
    capsys.readouterr()
    assert main(["search", "hardware"]) == 0
    assert "IMG_0412" not in capsys.readouterr().out  # the old words went with the old picture
