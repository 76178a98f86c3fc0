"""`trove` end to end on generated fixture folders, with the real MiniLM pack and a tiny CLIP pack."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.cli import main
from tests.conftest import install_pack
from tests.fixtures import make_docx, make_pdf, make_photo


@pytest.fixture
def library(tmp_path: Path, trove_home: Path, minilm_pack: Path, tiny_clip_pack: Path) -> Path:
    install_pack(minilm_pack, trove_home)
    install_pack(tiny_clip_pack, trove_home)
    root = tmp_path / "library"
    make_pdf(
        root / "docs" / "garden.pdf",
        [
            "Spring planting guide. Roses need sun and well drained soil.",
            "Your annual income tax return must be filed with the revenue office before the end of April.",
        ],
    )
    make_docx(
        root / "docs" / "meeting.docx",
        ["Team meeting minutes", "We agreed to hire two engineers next quarter."],
    )
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "bread.md").write_text(
        "# Sourdough\n\nMix the starter with flour and water, let the dough rise overnight, then bake.\n"
    )
    (root / "notes" / "trip.txt").write_text(
        "Train timetable: departures to Lisbon leave every hour from platform four.\n"
    )
    (root / "notes" / "café menu ü.txt").write_text(
        "Espresso, cappuccino and pastries are served until noon.\n"
    )
    make_photo(
        root / "photos" / "beach.jpg",
        seed=1,
        orientation=6,
        gps=(38.7223, -9.1393),
        taken="2023:06:01 10:00:00",
    )
    make_photo(root / "photos" / "forest.png", seed=2)
    make_photo(root / "photos" / "city.jpg", seed=3, taken="2021:01:05 08:00:00")
    (root / "photos" / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    return root


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    capsys.readouterr()
    assert main(args + ["--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_index_and_search_documents(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = run_json(["index", str(library)], capsys)
    assert summary["added"] == 9 and summary["failed"] == 1
    hits = run_json(["search", "when is the deadline for my taxes"], capsys)
    top = hits[0]
    assert top["path"].endswith("garden.pdf") and top["kind"] == "document"
    assert top["page"] == 2 and "income tax return" in top["snippet"]
    assert "page 2" in top["why"]
    assert top["reason"] == {"origin": "text", "source": "meaning", "page": 2}
    hits = run_json(["search", "baking bread at home"], capsys)
    assert hits[0]["path"].endswith("bread.md")
    for h in hits:
        assert {"path", "kind", "score", "why"} <= h.keys()


def test_filters_and_excluded_words(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each filter is checked against the same query without it: it must take something away
    (a filter that did nothing, or a query that found nothing, fails)."""
    assert main(["index", str(library)]) == 0

    def names(query: str) -> set[str]:
        return {os.path.basename(h["path"]) for h in run_json(["search", query], capsys)}

    everything = {os.path.basename(h["path"]): h for h in run_json(["search", "beach tax"], capsys)}
    assert {"beach.jpg", "garden.pdf"} <= set(everything)
    photos = run_json(["search", "beach tax", "--type", "photo"], capsys)
    assert "beach.jpg" in {os.path.basename(h["path"]) for h in photos}
    assert [h for h in photos if h["kind"] != "photo"] == []

    assert {"garden.pdf", "bread.md"} <= names("tax bread")
    assert names("type:pdf tax bread") == {"garden.pdf"}

    assert {"trip.txt", "beach.jpg"} <= names("train to Lisbon")  # beach.jpg: taken in Lisbon
    assert names("in:notes train to Lisbon") == names("train to Lisbon") & {
        "trip.txt", "bread.md", "café menu ü.txt"
    }  # fmt: skip
    assert "trip.txt" in names("in:notes train to Lisbon")
    without = names("train to Lisbon -timetable")
    assert without and "trip.txt" not in without

    # words every photo has (their folder), then the date filters narrow them
    assert names("photos") >= {"beach.jpg", "forest.png", "city.jpg"}
    assert names("photos after:2023-01") >= {"beach.jpg", "forest.png"}
    assert "city.jpg" not in names("photos after:2023-01")  # taken in January 2021
    assert names("photos before:2022") == {"city.jpg"}


def test_image_query_returns_its_own_copy_first(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", str(library)]) == 0
    small = tmp_path / "query.jpg"
    Image.open(library / "photos" / "forest.png").convert("RGB").resize((320, 240)).save(
        small, quality=80
    )
    hits = run_json(["search", "--image", str(small)], capsys)
    assert hits[0]["path"].endswith("forest.png")
    assert hits[0]["why"] == "looks like your image"


def test_confidence_and_composed_queries(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(library)]) == 0
    hits = run_json(["search", "train timetable Lisbon"], capsys)
    assert hits[0]["path"].endswith("trip.txt") and hits[0]["strong"] is True
    assert 0.5 <= hits[0]["confidence"] <= 1.0
    strong = [h["strong"] for h in hits]
    assert strong == sorted(strong, reverse=True)  # strong first, then weaker
    # words no file holds: the meaning spaces still rank every file, none of them strong, and
    # the list says so
    hits = run_json(["search", "qwxzv zzkvq"], capsys)
    assert hits and not any(h["strong"] for h in hits)
    capsys.readouterr()
    assert main(["search", "qwxzv zzkvq"]) == 0
    out = capsys.readouterr().out
    assert "No confident match" in out
    photo = str(library / "photos" / "forest.png")
    hits = run_json(["search", "at night", "--image", photo, "--type", "photo"], capsys)
    assert hits and hits[0]["why"] == "looks like your image, at night"
    hits = run_json(["search", "at night", "--image", photo, "--strength", "0"], capsys)
    assert hits[0]["path"] == photo and hits[0]["why"] == "looks like your image"


def test_move_reembeds_nothing_edit_updates_delete_removes(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = run_json(["index", str(library)], capsys)
    assert first["embedded"] > 0
    shutil.move(str(library / "notes"), str(library / "moved-notes"))
    moved = run_json(["index", str(library)], capsys)
    assert moved["moved"] == 3 and moved["embedded"] == 0 and moved["added"] == 0
    hits = run_json(["search", "sourdough starter dough"], capsys)
    assert hits[0]["path"] == str(library / "moved-notes" / "bread.md")

    hits = run_json(["search", "departures platform four timetable"], capsys)
    assert "platform four" in hits[0]["snippet"]  # the old words, found while they are there
    (library / "moved-notes" / "trip.txt").write_text(
        "The ferry to the island of Madeira sails on Tuesdays.\n"
    )
    changed = run_json(["index", str(library)], capsys)
    assert changed["changed"] == 1
    hits = run_json(["search", "ferry to Madeira"], capsys)
    assert hits[0]["path"].endswith("trip.txt") and "Madeira" in hits[0]["snippet"]
    hits = run_json(["search", "departures platform four timetable"], capsys)
    assert hits and not any("platform four" in h["snippet"] for h in hits)

    hits = run_json(["search", "meeting minutes engineers"], capsys)
    assert hits[0]["path"].endswith("meeting.docx")  # found while it is there
    (library / "docs" / "meeting.docx").unlink()
    gone = run_json(["index", str(library)], capsys)
    assert gone["deleted"] == 1
    hits = run_json(["search", "meeting minutes engineers"], capsys)
    assert hits and not any(h["path"].endswith("meeting.docx") for h in hits)


def test_status_problems_forget(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(library)]) == 0
    st = run_json(["status"], capsys)
    assert st["photos"] == 3 and st["documents"] == 5 and st["failed"] == 1
    assert st["roots"][0]["path"] == str(library)
    assert any(k.startswith("minilm-l6@") for k in st["vectors_per_pack"])
    probs = run_json(["problems"], capsys)
    assert probs[0]["path"].endswith("corrupt.jpg") and probs[0]["reason"]
    capsys.readouterr()
    assert main(["forget", str(library)]) == 0
    st = run_json(["status"], capsys)
    assert st["photos"] == 0 and st["documents"] == 0 and st["roots"] == []


def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path / "missing")]) == 1
    assert main(["search", ""]) == 2
    assert main(["search", "x", "--image", str(tmp_path / "nope.jpg")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("trove: ") for line in err)


def test_photos_without_image_pack_get_vectors_later(
    tmp_path: Path,
    trove_home: Path,
    minilm_pack: Path,
    tiny_clip_pack: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    install_pack(minilm_pack, trove_home)
    root = tmp_path / "pics"
    make_photo(root / "sunset_beach.jpg", seed=5)
    summary = run_json(["index", str(root)], capsys)
    assert summary["added"] == 1 and summary["embedded"] == 0
    hits = run_json(["search", "sunset"], capsys)
    assert hits[0]["path"].endswith("sunset_beach.jpg") and hits[0]["why"].startswith(
        "name matches"
    )
    st = run_json(["status"], capsys)
    assert st["pending_vectors"] == 1
    install_pack(tiny_clip_pack, trove_home)
    again = run_json(["index", str(root)], capsys)
    assert again["embedded"] == 1
    st = run_json(["status"], capsys)
    assert st["pending_vectors"] == 0 and any(
        k.startswith("tiny-clip@") for k in st["vectors_per_pack"]
    )


def test_trove_own_folders_inside_a_watched_folder_are_never_indexed(
    library: Path, trove_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """TROVE_HOME inside the folder indexed: its packs' JSON, its settings and its log are
    not the person's files, and a log indexed would change with every run that reads it."""
    (trove_home / "config").mkdir(exist_ok=True)
    (trove_home / "config" / "settings.json").write_text("{}")
    first = run_json(["index", str(library.parent)], capsys)
    assert (first["added"], first["failed"]) == (9, 1)  # the library's, nothing of Trove's
    assert (trove_home / "logs" / "trove.log").stat().st_size > 0
    again = run_json(["index", str(library.parent)], capsys)
    assert (again["added"], again["changed"]) == (0, 0)


def test_a_folder_inside_a_watched_one_is_indexed_once(
    library: Path, trove_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = library / "notes"
    first = run_json(["index", str(library), str(notes)], capsys)
    assert (first["added"], first["failed"]) == (9, 1)  # each file once, not notes' twice
    again = run_json(["index", str(notes)], capsys)  # a part of a watched folder, alone
    assert (again["added"], again["changed"], again["deleted"]) == (0, 0, 0)
    hits = run_json(["search", "sourdough starter dough"], capsys)
    paths = [h["path"] for h in hits]
    assert paths[0].endswith("bread.md") and len(paths) == len(set(paths))
    settings = json.loads((trove_home / "config" / "settings.json").read_text())
    assert settings["roots"] == [str(library)]
    capsys.readouterr()
    assert main(["forget", str(notes)]) == 1  # it is part of the library: nothing removed
    assert f"watched as part of {library}" in capsys.readouterr().err
    assert run_json(["search", "sourdough starter dough"], capsys)[0]["path"] == paths[0]
    # a folder around the watched one takes it in: its files are not indexed again
    (library.parent / "todo.txt").write_text("Buy flour and yeast for the sourdough.\n")
    around = run_json(["index", str(library.parent)], capsys)
    assert (around["added"], around["changed"], around["deleted"]) == (1, 0, 0)
    settings = json.loads((trove_home / "config" / "settings.json").read_text())
    assert settings["roots"] == [str(library.parent)]
    counts = {r["path"]: r for r in run_json(["status"], capsys)["roots"]}[str(library.parent)]
    assert (counts["photos"], counts["documents"], counts["failed"]) == (3, 6, 1)
    assert main(["forget", str(library)]) == 1
    capsys.readouterr()
    assert main(["forget", str(library.parent)]) == 0
    assert run_json(["search", "sourdough starter dough"], capsys) == []


def test_watch_picks_up_new_files_and_stops_on_sigint(library: Path, trove_home: Path) -> None:
    assert main(["index", str(library)]) == 0
    env = dict(os.environ, TROVE_HOME=str(trove_home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "watch"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        # wait until the watcher is running (it prints once the first reconcile is done)
        assert proc.stderr is not None
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if "Watching for changes" in line or "Up to date" in line:
                break
        (library / "notes" / "violin.txt").write_text(
            "Practising the violin every evening before dinner.\n"
        )
        found = False
        while time.monotonic() < deadline and not found:
            time.sleep(0.5)
            out = subprocess.run(
                [sys.executable, "-m", "desktop_app", "search", "violin practice", "--json"],
                env=env,
                capture_output=True,
                text=True,
            )
            found = out.returncode == 0 and any(
                h["path"].endswith("violin.txt") for h in json.loads(out.stdout)
            )
        assert found, "a new file did not become searchable while `trove watch` ran"
    finally:
        proc.send_signal(signal.SIGINT)
        rc = proc.wait(timeout=30)
    assert rc == 0


def test_second_writer_gets_a_clear_message(library: Path, trove_home: Path) -> None:
    from desktop_app.core.store.lock import WriterLock

    lock = WriterLock(trove_home / "data" / "index" / ".writer.lock")
    (trove_home / "data" / "index").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TROVE_HOME=str(trove_home))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from pathlib import Path; from desktop_app.core.store.lock import WriterLock;"
            f"l=WriterLock(Path({str(lock.path)!r})); assert l.acquire(); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        out = subprocess.run(
            [sys.executable, "-m", "desktop_app", "index", str(library)],
            env=env,
            capture_output=True,
            text=True,
        )
        assert out.returncode == 1
        assert out.stderr.strip().startswith("trove: another Trove process is updating this index")
        search = subprocess.run(
            [sys.executable, "-m", "desktop_app", "search", "tax"],
            env=env,
            capture_output=True,
            text=True,
        )
        assert search.returncode == 0  # readers never wait for the writer
    finally:
        holder.kill()


def test_window_opens_offscreen_and_reports_start_up(tmp_path: Path, trove_home: Path) -> None:
    """`trove` with no arguments opens the window (the start-up benchmark's probe quits it)."""
    probe = tmp_path / "probe.json"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TROVE_HOME=str(trove_home),
        TROVE_STARTUP_PROBE=str(probe),
    )
    t0 = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "desktop_app"], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    shown = json.loads(probe.read_text())
    assert shown["accepts_input"] is True
    assert t0 < shown["shown_at"] < time.time()


def test_camera_raw_and_heic_are_indexed_found_and_shown(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    """RAW (its embedded preview) and HEIC: indexed, found by an image query, thumbnailed."""
    from PySide6.QtCore import QSize

    from desktop_app.ui.thumbnails import read_scaled
    from tests.fixtures import make_raw

    raw = make_raw(library / "photos" / "DSC_0042.NEF", seed=42, orientation=8)
    heic = library / "photos" / "phone.heic"
    make_photo(tmp_path / "phone.png", seed=43)
    import pillow_heif

    pillow_heif.register_heif_opener()
    Image.open(tmp_path / "phone.png").save(heic, format="HEIF")
    assert main(["index", str(library)]) == 0
    capsys.readouterr()
    for original in (raw, heic):
        query = tmp_path / f"query-{original.stem}.jpg"
        from desktop_app.core.extract.images import open_image

        open_image(str(original), 320).save(query, quality=85)  # a resized copy, as a JPEG
        hits = run_json(["search", "--image", str(query)], capsys)
        assert Path(hits[0]["path"]) == original, hits[:3]
        thumb = read_scaled(str(original), QSize(256, 256))  # Qt alone reads neither format
        assert not thumb.isNull() and max(thumb.width(), thumb.height()) <= 256
    assert raw_is_portrait(read_scaled(str(raw), QSize(256, 256)))


def raw_is_portrait(img: object) -> bool:
    return img.height() > img.width()  # type: ignore[attr-defined]
