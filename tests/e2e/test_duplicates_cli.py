"""`trove duplicates` and stacked search results, end to end on generated photos."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.cli import main
from tests.conftest import install_pack
from tests.fixtures import make_photo


def _copies(root: Path) -> dict[str, Path]:
    """A photo, a resized copy, a recompressed copy, and two different photos."""
    original = make_photo(
        root / "2023" / "harbour.jpg", seed=21, size=(1600, 1200), taken="2023:08:02 19:12:00"
    )
    with Image.open(original) as im:
        exif = im.info.get("exif", b"")
        small = root / "shared" / "harbour-small.jpg"
        small.parent.mkdir(parents=True)
        im.resize((800, 600), Image.Resampling.LANCZOS).save(small, quality=85, exif=exif)
        squeezed = root / "phone" / "IMG_0042.jpg"
        squeezed.parent.mkdir(parents=True)
        im.save(squeezed, quality=35, exif=exif)
    return {
        "original": original,
        "small": small,
        "squeezed": squeezed,
        "other": make_photo(root / "2023" / "market.jpg", seed=22, size=(1600, 1200)),
        "png": make_photo(root / "2022" / "garden.png", seed=23),
    }


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    capsys.readouterr()
    assert main(args + ["--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _groups(report: object) -> list[list[str]]:
    assert isinstance(report, dict)
    return [[f["path"] for f in g["files"]] for g in report["groups"]]


def test_copies_are_grouped_and_stacked(
    tmp_path: Path, trove_home: Path, tiny_clip_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_pack(tiny_clip_pack, trove_home)
    lib = tmp_path / "lib"
    p = _copies(lib)
    summary = _json(["index", str(lib)], capsys)
    assert isinstance(summary, dict) and summary["added"] == 5 and summary["failed"] == 0

    report = _json(["duplicates"], capsys)
    assert isinstance(report, dict) and report["by_vectors"] and report["photos"] == 5
    # one group: the original first (most pixels, then the larger file), its copies after
    assert _groups(report) == [[str(p["original"]), str(p["squeezed"]), str(p["small"])]]
    files = report["groups"][0]["files"]
    assert [(f["width"], f["height"]) for f in files] == [(1600, 1200), (1600, 1200), (800, 600)]
    assert files[0]["date"] == "2023-08-02"
    sizes = [p["squeezed"].stat().st_size, p["small"].stat().st_size]
    assert report["groups"][0]["reclaimable"] == sum(sizes) == report["reclaimable"]

    # in results the copies fold under the best-ranked one
    hits = _json(["search", "--image", str(p["small"]), "--type", "photo"], capsys)
    assert isinstance(hits, list)
    stacked = [h for h in hits if h.get("stack")]
    assert len(stacked) == 1
    top = stacked[0]
    assert {top["path"], *top["stack"]} == {str(p[k]) for k in ("original", "small", "squeezed")}
    shown = [h["path"] for h in hits]
    assert len(shown) == len(set(shown)) and not set(shown) & set(top["stack"])
    assert str(p["other"]) not in top["stack"] and str(p["png"]) not in top["stack"]

    capsys.readouterr()
    assert main(["duplicates"]) == 0
    out = capsys.readouterr().out
    assert "3 copies" in out and "keep" in out and str(p["original"]) in out


def test_without_an_image_pack_the_hash_decides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib"
    p = _copies(lib)
    _json(["index", str(lib)], capsys)
    report = _json(["duplicates"], capsys)
    assert isinstance(report, dict) and not report["by_vectors"]
    assert _groups(report) == [[str(p["original"]), str(p["squeezed"]), str(p["small"])]]


def test_photos_indexed_without_a_hash(
    tmp_path: Path, trove_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An index from before near-duplicates: `trove duplicates` hashes on the spot, the next
    index run stores the hashes."""
    from desktop_app.core.store.index_store import IndexStore
    from desktop_app.paths import Paths

    lib = tmp_path / "lib"
    p = _copies(lib)
    _json(["index", str(lib)], capsys)
    store = IndexStore(Paths.from_env().index_dir)
    store.open()
    store.files.upsert([replace(r, dhash=None) for r in store.files.photos()])
    assert len(store.files.without_dhash()) == 5
    store.close()

    report = _json(["duplicates"], capsys)
    assert _groups(report) == [[str(p["original"]), str(p["squeezed"]), str(p["small"])]]

    _json(["index", str(lib)], capsys)
    store = IndexStore(Paths.from_env().index_dir, read_only=True)
    store.open()
    try:
        assert store.files.without_dhash() == []
    finally:
        store.close()
    capsys.readouterr()
    assert main(["duplicates"]) == 0
    assert "3 copies" in capsys.readouterr().out


def test_no_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib"
    make_photo(lib / "a.jpg", seed=31)
    make_photo(lib / "b.jpg", seed=32)
    _json(["index", str(lib)], capsys)
    assert _groups(_json(["duplicates"], capsys)) == []
    capsys.readouterr()
    assert main(["duplicates"]) == 0
    assert "No near-duplicates among 2 photos" in capsys.readouterr().out
