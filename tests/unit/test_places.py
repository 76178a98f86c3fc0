"""Places: GPS position -> "City, Region, Country" offline, the place: filter, the 1->2 index
migration and the backfill of photos indexed before places existed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.core.extract import places
from desktop_app.core.extract.places import place_for, places_for
from desktop_app.core.search.query import parse_query, place_matches
from desktop_app.core.store import schema
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import FileRecord, Kind

ROOT = Path(__file__).resolve().parents[2]
LISBON = (38.7223, -9.1393)


def test_lisbon() -> None:
    p = place_for(*LISBON)
    assert p == "Lisbon, Portugal"


def test_us_point_has_its_state() -> None:
    assert place_for(40.0150, -105.2705) == "Boulder, Colorado, United States"
    assert place_for(40.7580, -73.9855) == "New York City, New York, United States"


def test_the_city_names_its_districts_but_not_its_neighbours() -> None:
    # the list holds districts ("Sete Rios", "Mitte"): the city they belong to names them
    assert place_for(38.7436, -9.1602) == "Lisbon, Portugal"
    assert place_for(52.5200, 13.4050) == "Berlin, Germany"
    assert place_for(48.8566, 2.3522) == "Paris, France"
    # towns with their own centre keep their name, and a city never reaches across a border
    assert place_for(48.8049, 2.1204) == "Versailles, France"
    assert place_for(38.6979, -9.4215) == "Cascais, Portugal"
    assert place_for(40.7178, -74.0431) == "Jersey City, New Jersey, United States"


def test_no_place_at_sea_or_without_a_fix() -> None:
    assert place_for(30.0, -40.0) == ""  # the middle of the North Atlantic
    assert place_for(-48.876, -123.393) == ""  # Point Nemo
    assert place_for(None, None) == "" and place_for(38.7, None) == ""
    assert place_for(0.0, 0.0) == ""  # what cameras write without a fix
    assert place_for(float("nan"), 1.0) == "" and place_for(91.0, 0.0) == ""


def test_offshore_is_not_named_after_the_coast() -> None:
    # 120 km west of Lisbon, at sea: the nearest towns all lie to the east
    assert place_for(38.7, -10.5) == ""


def test_far_from_towns_inland_gives_only_what_is_certain() -> None:
    # Yosemite Valley: over 50 km from any town of 15,000, with towns of the US all around
    # (in California and Nevada, so no state)
    assert place_for(37.8651, -119.5383) == "United States"


def test_batch_matches_single_lookups() -> None:
    pts = [LISBON, (None, None), (48.8566, 2.3522), (30.0, -40.0), (35.6762, 139.6503)]
    out = places_for(pts)
    assert out == [place_for(a, b) for a, b in pts]
    assert out[2].startswith("Paris") and out[2].endswith("France")
    assert out[4].endswith("Japan")


def test_bundle_carries_exactly_the_files_read() -> None:
    spec = (ROOT / "packaging" / "trove.spec").read_text()
    m = re.search(r"GEONAMES_FILES = \(([^)]*)\)", spec)
    assert m is not None
    assert tuple(re.findall(r'"([^"]+)"', m.group(1))) == places.DATA_FILES
    for name in places.DATA_FILES:
        assert (places.data_dir() / name).is_file()


def test_place_filter_parsing() -> None:
    assert parse_query("beach place:lisbon").places == ("lisbon",)
    q = parse_query('place:"New York" skyline')
    assert q.places == ("new york",) and q.text == "skyline"
    assert parse_query("place:São").places == ("sao",)
    assert parse_query("place:").places == ()
    # the place's words are full-text words (a place: query alone finds the photos taken
    # there), never words for the encoders
    q = parse_query("place:portugal")
    assert q.terms == ("portugal",) and q.text == ""
    assert parse_query('beach place:"new york"').terms == ("beach", "new", "york")
    assert place_matches("São Paulo, Brazil", ("sao paulo",))
    assert place_matches("Lisbon, Portugal", ("portugal", "spain"))
    assert not place_matches("Porto, Portugal", ("lisbon",))
    assert not place_matches("", ("lisbon",))


def _v1_index(index_dir: Path, rows: list[dict[str, object]]) -> None:
    """An index as schema 1 left it: no files.place, no files.dhash."""
    import lancedb
    import pyarrow as pa

    db = lancedb.connect(str(index_dir))
    db.create_table(
        "meta", data=[{"key": "schema_version", "value": "1"}], schema=schema.meta_schema()
    )
    later_columns = ("place", "dhash", "ocr_hash", "card")  # schema 2 and 3
    v1 = pa.schema([f for f in schema.files_schema() if f.name not in later_columns])
    db.create_table("files", data=rows, schema=v1)
    db.create_table("problems", schema=schema.problems_schema())


def _row(fid: str, path: str, gps: tuple[float, float] | None) -> dict[str, object]:
    return {
        "file_id": fid,
        "path": path,
        "root": "/pics",
        "name": path.rsplit("/", 1)[-1],
        "kind": "photo",
        "ext": "jpg",
        "size": 10,
        "mtime": 1.0,
        "content_hash": "h" + fid,
        "status": "ok",
        "problem": "",
        "taken_at": None,
        "camera": "Canon EOS R6",
        "gps_lat": gps[0] if gps else None,
        "gps_lon": gps[1] if gps else None,
        "width": 4,
        "height": 3,
        "text_preview": "",
        "indexed_at": 1.0,
        "search_text": path.rsplit("/", 1)[-1] + " Canon EOS R6",  # as schema 1 wrote it
    }


def test_migration_adds_the_columns_and_keeps_rows(tmp_path: Path) -> None:
    index = tmp_path / "index"
    _v1_index(index, [_row("a", "/pics/a.jpg", LISBON), _row("b", "/pics/b.jpg", None)])
    store = IndexStore(index)
    store.open()
    try:
        # the new columns answer: both photos want a perceptual hash, one a place
        assert sorted(fid for fid, _ in store.files.without_dhash()) == ["a", "b"]
        assert store.meta.get("schema_version") == str(schema.SCHEMA_VERSION)
        recs = store.files.get(["a", "b"])
        assert recs["a"].path == "/pics/a.jpg" and recs["a"].camera == "Canon EOS R6"
        assert recs["a"].gps_lat == pytest.approx(LISBON[0]) and recs["a"].place == ""
        assert recs["b"].gps_lat is None
        # never looked up: the backfill finds the photo with a position, and only it
        todo = store.files.to_place()
        assert [t[0] for t in todo] == ["a"] and todo[0][3] is None
    finally:
        store.close()


def test_engine_names_places_of_an_older_index(tmp_path: Path) -> None:
    from desktop_app.core.engine import EngineConfig, TroveEngine

    index = tmp_path / "index"
    _v1_index(index, [_row("a", "/pics/a.jpg", LISBON), _row("b", "/pics/b.jpg", None)])
    engine = TroveEngine(EngineConfig(index, (tmp_path / "no-packs",)))
    engine.open()
    try:
        engine.index([])  # nothing to scan: only the index's own catch-up work
        recs = engine.store.files.get(["a", "b"])
        assert recs["a"].place == "Lisbon, Portugal" and recs["b"].place == ""
        assert engine.store.files.to_place() == []
        hits = engine.search("Lisbon").hits
        assert [h.file_id for h in hits] == ["a"]
        assert hits[0].place == "Lisbon, Portugal" and hits[0].why == "taken in Lisbon, Portugal"
        assert {h.file_id for h in engine.search("canon").hits} == {"a", "b"}
        # the filter alone narrows the other words' hits
        assert [h.file_id for h in engine.search("canon place:portugal").hits] == ["a"]
    finally:
        engine.close()


def test_move_keeps_camera_and_place_words(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index")
    store.open()
    try:
        rec = FileRecord(
            "p1", "/pics/img_1.jpg", "/pics", "img_1.jpg", Kind.PHOTO, "jpg", 1, 1.0, "h",
            camera="Canon EOS R6", gps_lat=LISBON[0], gps_lon=LISBON[1],
            place="Lisbon, Portugal",
        )  # fmt: skip
        store.files.upsert([rec], new=True)
        store.files.move([("p1", "/pics/2023/img_1.jpg", "/pics", 2.0)])
        moved = store.files.get(["p1"])["p1"]
        assert moved.path == "/pics/2023/img_1.jpg" and moved.place == "Lisbon, Portugal"
        for word in ("Lisbon", "Canon", "2023", "img_1.jpg"):  # what full-text search sees
            assert [h.file_id for h in store.files.search_words(word, 5)] == ["p1"], word
    finally:
        store.close()
