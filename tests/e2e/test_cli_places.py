"""Places end to end: `trove index` names a photo's GPS position, `trove search` finds it by the
place's words and filters by place:, a moved photo keeps its place, the preview shows it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop_app.cli import main
from tests.conftest import install_pack
from tests.fixtures import make_pdf, make_photo

LISBON = (38.7223, -9.1393)
BOULDER = (40.0150, -105.2705)


def photo(path: Path, seed: int, **exif: object) -> Path:
    """A fixture photo (with its EXIF) whose picture is blocks of random tones: no two are
    near-duplicates, so search never folds one under another."""
    make_photo(path, seed=seed, **exif)  # type: ignore[arg-type]
    with Image.open(path) as im:
        raw_exif = im.info["exif"]
    blocks = np.random.default_rng(seed).integers(0, 256, (6, 8, 3), dtype=np.uint8)
    Image.fromarray(blocks).resize((640, 480), Image.Resampling.NEAREST).save(
        path, quality=90, exif=raw_exif
    )
    return path


@pytest.fixture
def trips(tmp_path: Path, trove_home: Path, minilm_pack: Path, tiny_clip_pack: Path) -> Path:
    install_pack(minilm_pack, trove_home)
    install_pack(tiny_clip_pack, trove_home)
    root = tmp_path / "trips"
    photo(root / "beach.jpg", 1, gps=LISBON, camera=("Canon", "Canon EOS R6"))
    photo(root / "beach_2.jpg", 2)  # no position
    photo(root / "mountains.jpg", 3, gps=BOULDER)
    photo(root / "street.jpg", 4, gps=(30.0, -40.0))  # at sea: no place
    make_pdf(root / "packing-list.pdf", ["Sunscreen, towels and a good book for the beach."])
    return root


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _names(hits: object) -> list[str]:
    assert not any("stack" in h for h in hits)  # type: ignore[attr-defined]
    return [Path(h["path"]).name for h in hits]  # type: ignore[attr-defined, index]


def test_photo_found_by_its_place(trips: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = run_json(["index", str(trips)], capsys)
    assert summary["added"] == 5 and summary["failed"] == 0

    hits = run_json(["search", "Lisbon"], capsys)
    assert _names(hits)[0] == "beach.jpg"
    top = hits[0]  # type: ignore[index]
    assert top["place"] == "Lisbon, Portugal" and top["why"] == "taken in Lisbon, Portugal"
    # a place in the words of a longer query, and the country
    assert _names(run_json(["search", "photos in Lisbon"], capsys))[0] == "beach.jpg"
    assert _names(run_json(["search", "Portugal"], capsys))[0] == "beach.jpg"
    assert _names(run_json(["search", "Colorado"], capsys))[0] == "mountains.jpg"

    # the filter keeps only the photo taken there, whatever else the words find
    assert _names(run_json(["search", "beach place:lisbon"], capsys)) == ["beach.jpg"]
    assert _names(run_json(["search", 'beach place:"lisbon, portugal"'], capsys)) == ["beach.jpg"]
    assert _names(run_json(["search", "beach place:colorado"], capsys)) == ["mountains.jpg"]
    assert run_json(["search", "beach place:tokyo"], capsys) == []

    # "place" only where there is one
    for h in run_json(["search", "beach", "--limit", "10"], capsys):  # type: ignore[attr-defined]
        assert ("place" in h) == (Path(h["path"]).name in ("beach.jpg", "mountains.jpg"))

    # the terminal shows the place under the photo
    capsys.readouterr()
    assert main(["search", "beach place:lisbon"]) == 0
    out = capsys.readouterr().out
    assert "beach.jpg" in out and "Lisbon, Portugal" in out


def test_moved_photo_keeps_its_place_and_new_photos_get_theirs(
    trips: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(trips)]) == 0
    dest = trips / "2023" / "img_0001.jpg"
    dest.parent.mkdir()
    shutil.move(str(trips / "beach.jpg"), str(dest))
    photo(trips / "harbour.jpg", 6, gps=(41.1579, -8.6291))  # Porto
    again = run_json(["index", str(trips)], capsys)
    assert again["moved"] == 1 and again["added"] == 1

    hits = run_json(["search", "Lisbon"], capsys)
    top = hits[0]  # type: ignore[index]
    assert top["path"] == str(dest) and top["place"] == "Lisbon, Portugal"
    assert top["why"] == "taken in Lisbon, Portugal" and "fts_name" in top["sources"]
    hits = run_json(["search", "canon place:lisbon"], capsys)
    assert [h["path"] for h in hits] == [str(dest)]  # type: ignore[attr-defined]
    assert "fts_name" in hits[0]["sources"]  # type: ignore[index]  # its camera's words too

    hits = run_json(["search", "Porto"], capsys)
    assert _names(hits)[0] == "harbour.jpg" and hits[0]["place"] == "Porto, Portugal"  # type: ignore[index]
    assert sorted(_names(run_json(["search", "place:portugal"], capsys))) == [
        "harbour.jpg",
        "img_0001.jpg",
    ]


def test_preview_shows_the_place(qtbot: object, tmp_path: Path) -> None:
    from desktop_app.core.types import Hit, Kind, MatchReason, Origin, Source
    from desktop_app.ui.preview import PreviewPane

    photo = make_photo(tmp_path / "beach.jpg", seed=1, gps=LISBON)
    pane = PreviewPane()
    qtbot.addWidget(pane)  # type: ignore[attr-defined]
    pane.resize(360, 520)
    hit = Hit(str(photo), Kind.PHOTO, 0.9, MatchReason(Origin.PLACE, Source.WORDS, place="Lisbon, Portugal"), width=640, height=480,
              place="Lisbon, Portugal")  # fmt: skip
    pane.show_hit(hit)
    assert "Place: Lisbon, Portugal" in pane.facts.text()
    pane.show_hit(Hit(str(photo), Kind.PHOTO, 0.9, MatchReason(Origin.IMAGE, Source.MEANING)))
    assert "Place:" not in pane.facts.text()
