"""Text in pictures: OCR on rendered text, the index's OCR passages, the schema-1 migration."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.core.extract import ocr
from desktop_app.core.indexing.passes.ocr import write_reads
from desktop_app.core.store import schema
from desktop_app.core.store.api import OcrRead
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Chunk, FileRecord, Kind, Progress
from tests.fixtures import make_photo


def text_picture(path: Path, lines: list[str], size: tuple[int, int] = (1280, 720)) -> Path:
    """A screenshot-like picture: dark words on a light background, in a large TrueType font."""
    im = Image.new("RGB", size, (245, 245, 240))
    draw = ImageDraw.Draw(im)
    font = ImageFont.load_default(size=48)
    for i, line in enumerate(lines):
        draw.text((60, 80 + i * 90), line, fill=(20, 20, 20), font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path


def test_ocr_is_part_of_every_install() -> None:
    """rapidocr and its two models are dependencies, not options: a test must fail, never
    skip, when they are missing."""
    assert ocr.available()


def test_rendered_words_are_read(tmp_path: Path) -> None:
    pic = text_picture(tmp_path / "receipt.png", ["HARDWARE STORE RECEIPT", "TOTAL 42.50"])
    lines = ocr.read_text(pic)
    texts = [ln.text.upper() for ln in lines]
    assert any("RECEIPT" in t for t in texts), texts
    assert any("42.50" in t for t in texts), texts
    assert all(ln.score >= ocr.MIN_SCORE and len(ln.box) == 4 for ln in lines)
    assert lines[0].box[0][1] < lines[-1].box[0][1]  # top to bottom


def test_a_photo_without_text_gives_nothing(tmp_path: Path) -> None:
    assert ocr.read_text(make_photo(tmp_path / "p.jpg", seed=3, size=(1600, 1200))) == []


def test_scanned_pdf_page_is_read_and_text_pages_are_not(tmp_path: Path) -> None:
    pic = text_picture(tmp_path / "scan.png", ["QUARTERLY ZANZIBAR INVOICE"], (1240, 1754))
    Image.open(pic).save(tmp_path / "scan.pdf", "PDF", resolution=150)
    assert ocr.pages_without_text(str(tmp_path / "scan.pdf")) == [1]
    pages = ocr.read_pdf_pages(str(tmp_path / "scan.pdf"))
    assert [p for p, _ in pages] == [1]
    assert "ZANZIBAR" in " ".join(ln.text.upper() for ln in pages[0][1])
    chunks = ocr.ocr_chunks(pages)
    assert chunks and all(c.source == "ocr" and c.page == 1 for c in chunks)
    assert chunks[0].ordinal == ocr.OCR_ORDINAL_BASE


def _unit(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_ocr_passages_sit_beside_the_text_layer(tmp_path: Path) -> None:
    store = IndexStore(tmp_path / "index")
    store.open()
    try:
        doc = FileRecord("d", "/r/d.pdf", "/r", "d.pdf", Kind.DOCUMENT, "pdf", 1, 1.0, "h1")
        photo = FileRecord("p", "/r/p.png", "/r", "p.png", Kind.PHOTO, "png", 1, 1.0, "h2")
        txt = FileRecord("t", "/r/t.txt", "/r", "t.txt", Kind.DOCUMENT, "txt", 1, 1.0, "h3")
        store.files.upsert([doc, photo, txt], new=True)
        v = _unit(4)
        store.passages.replace([("d", [Chunk("page one words", 1, 0, 14, 0)], v[:1])], "p")
        assert sorted(f for f, _, _ in store.files.to_ocr()) == ["d", "p"]  # not the .txt
        assert store.files.ocr_counts() == (0, 2)
        scan = [Chunk("HARDWARE STORE\nRECEIPT", 2, 0, 20, ocr.OCR_ORDINAL_BASE, "ocr")]
        write_reads(store, [OcrRead("d", "h1", scan, v[1:2]), OcrRead("p", "h2")], "p")
        assert store.files.to_ocr() == [] and store.files.ocr_counts() == (2, 0)
        hits = {h.text: h for h in store.passages.nearest(v[1], 5, "p")}
        assert hits["HARDWARE STORE\nRECEIPT"].source == "ocr"
        assert hits["page one words"].source == ""  # the text layer stays
        store.maintain()
        fts = store.passages.search_words("receipt", 5)
        assert [(h.file_id, h.source, h.page) for h in fts] == [("d", "ocr", 2)]
        # read again: the older OCR passages are replaced, not added to
        write_reads(store, [OcrRead("d", "h1", [scan[0]], v[2:3])], "p")
        assert sum(1 for h in store.passages.nearest(v[2], 10, "p") if h.source == "ocr") == 1
        # the first pass rewrites a file row without undoing the OCR mark...
        store.files.upsert([doc])
        assert store.files.to_ocr() == []
        # ...but changed content is read again
        store.files.upsert([FileRecord(**{**doc.__dict__, "content_hash": "h9", "mtime": 2.0})])
        assert [f for f, _, _ in store.files.to_ocr()] == ["d"]
    finally:
        store.close()


def test_schema_1_chunks_gain_source(tmp_path: Path) -> None:
    """An index as schema 1 left it: chunks without `source`, files without the new columns."""
    import lancedb
    import pyarrow as pa

    index = tmp_path / "index"
    db = lancedb.connect(str(index))
    db.create_table(
        "meta", data=[{"key": "schema_version", "value": "1"}], schema=schema.meta_schema()
    )
    new_cols = ("place", "dhash", "ocr_hash", "card")  # schema 2 and 3
    files_v1 = pa.schema([f for f in schema.files_schema() if f.name not in new_cols])
    db.create_table("files", schema=files_v1)
    later = ("source", "lang", "terms")  # schema 2 and 4
    chunks_v1 = pa.schema([f for f in schema.chunks_schema(8) if f.name not in later])
    v = _unit(1)
    row = {
        "chunk_id": "d:0", "file_id": "d", "ordinal": 0, "page": 1, "start": 0, "end": 5,
        "text": "older passage", "pack_id": "p", "vector": v[0],
    }  # fmt: skip
    db.create_table("chunks_8", data=[row], schema=chunks_v1)
    db.create_table("problems", schema=schema.problems_schema())

    reader = IndexStore(index, read_only=True)  # a reader before the migration copes
    reader.open()
    try:
        assert [(h.text, h.source) for h in reader.passages.nearest(v[0], 3, "p")] == [
            ("older passage", "")
        ]
        assert reader.files.to_ocr() == [] and reader.files.ocr_counts() == (0, 0)
    finally:
        reader.close()

    store = IndexStore(index)
    store.open()
    try:
        assert store.meta.get("schema_version") == str(schema.SCHEMA_VERSION)
        hits = store.passages.nearest(v[0], 3, "p")
        assert [(h.text, h.source) for h in hits] == [("older passage", "")]
        # the columns the migration added answer: passages say where they came from, and
        # a photo is due for its text in pixels and its perceptual hash
        read = Chunk("SIGN", None, 0, 4, ocr.OCR_ORDINAL_BASE, "ocr")
        store.passages.replace_ocr([OcrRead("d", "h", [read], v)], "p")
        hits = store.passages.nearest(v[0], 3, "p")
        assert sorted((h.text, h.source) for h in hits) == [("SIGN", "ocr"), ("older passage", "")]
        photo = FileRecord("p", "/r/p.png", "/r", "p.png", Kind.PHOTO, "png", 1, 1.0, "h2")
        store.files.upsert([photo], new=True)
        assert [f for f, _, _ in store.files.to_ocr()] == ["p"]
        assert store.files.without_dhash() == [("p", "/r/p.png")]
    finally:
        store.close()


@pytest.mark.parametrize("how", ["models missing", "library fails to load"])
def test_unreadable_text_in_pictures_is_said_once_and_waits(
    how: str,
    tmp_path: Path,
    trove_home: Path,
    minilm_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without a working OCR install the first pass still indexes everything; the person is
    told once why the text in pictures is not read, and those files wait for a later run."""
    from desktop_app.core.engine import EngineConfig, TroveEngine
    from tests.conftest import install_pack

    install_pack(minilm_pack, trove_home)
    root = tmp_path / "lib"
    text_picture(root / "receipt.png", ["HARDWARE STORE RECEIPT"])
    (root / "notes.txt").write_text("garden tools to buy at the weekend\n")
    if how == "models missing":
        monkeypatch.setattr(ocr, "available", lambda: False)
        said = "the OCR models are missing from this install"
    else:
        monkeypatch.setattr(ocr, "available", lambda: True)

        def broken(path: str) -> list[ocr.OcrLine]:
            raise ocr.OcrUnavailableError("its runtime could not be loaded")

        monkeypatch.setattr(ocr, "read_text", broken)
        said = "its runtime could not be loaded"
    packs = (trove_home / "data" / "packs",)
    engine = TroveEngine(EngineConfig(trove_home / "data" / "index", packs, roots=(str(root),)))
    engine.open()
    try:
        engine.index()
        engine.index()
        status = engine.status()
        assert [n for n in status.notices if said in n] == [f"Text in pictures is not read: {said}"]
        assert (status.ocr_read, status.ocr_pending) == (0, 1)
        assert status.documents == 1 and status.photos == 1 and status.failed == 0
    finally:
        engine.close()


def test_watching_a_saved_file_does_not_wait_for_the_text_in_pictures(
    tmp_path: Path,
    trove_home: Path,
    minilm_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """While `trove watch` reads the text in a folder of new pictures, a file saved meanwhile is
    indexed before the rest of them, and the reading then goes on to the end."""
    import threading
    import time

    from desktop_app.core.cancel import CancelToken
    from desktop_app.core.engine import EngineConfig, TroveEngine
    from tests.conftest import install_pack

    install_pack(minilm_pack, trove_home)
    root = tmp_path / "lib"
    root.mkdir()
    read: list[str] = []

    def slow_read(path: str) -> list[ocr.OcrLine]:  # ~0.6 s a picture, like the real thing
        time.sleep(0.6)
        read.append(path)
        return [ocr.OcrLine(f"NOTICE {Path(path).stem}", 0.95)]

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_text", slow_read)
    packs = (trove_home / "data" / "packs",)
    index_dir = trove_home / "data" / "index"
    engine = TroveEngine(EngineConfig(index_dir, packs, roots=(str(root),)))
    engine.open()
    cancel = CancelToken()
    ready = threading.Event()

    def progress(p: Progress) -> None:
        if p.message == "Watching for changes":
            ready.set()

    watching = threading.Thread(
        target=engine.watch,
        kwargs={"progress": progress, "cancel": cancel, "settle_s": 0.2},
        daemon=True,
    )
    watching.start()
    reader = IndexStore(index_dir, read_only=True)
    reader.open()
    try:
        assert ready.wait(60)  # the first reconcile is done and the watcher runs
        pictures = 8
        for i in range(pictures):
            make_photo(root / f"shot{i}.png", seed=i, size=(320, 240))
        deadline = time.monotonic() + 60
        while not read and time.monotonic() < deadline:
            time.sleep(0.05)
        note = root / "note.txt"
        note.write_text("a saved note about the garden shed\n")
        while str(note) not in reader.files.known() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert str(note) in reader.files.known()
        assert len(read) < pictures  # indexed before the pictures were all read
        while len(read) < pictures and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        assert sorted(Path(p).name for p in read) == sorted(f"shot{i}.png" for i in range(pictures))
    finally:
        cancel.cancel()
        watching.join(30)
        reader.close()
        engine.close()
