"""Scanning rules, the walker, reconcile (moves), image facts, documents and chunking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.extract import ExtractError
from desktop_app.core.extract.chunking import chunk_pages
from desktop_app.core.extract.documents import extract_document
from desktop_app.core.extract.images import read_image_facts
from desktop_app.core.indexing.changes import from_scan
from desktop_app.core.scan.kinds import kind_for
from desktop_app.core.scan.rules import ScanRules
from desktop_app.core.scan.walker import RootMissingError, walk_root
from desktop_app.core.store.api import KnownFile
from desktop_app.core.types import FileStatus, Kind
from tests.fixtures import make_docx, make_odt, make_pdf, make_photo, make_raw


def _paths(root: Path, rules: ScanRules | None = None) -> set[str]:
    return {os.path.relpath(f.path, root) for f in walk_root(str(root), rules or ScanRules())}


def test_kinds_by_extension_and_content(tmp_path: Path) -> None:
    assert kind_for("a/B.JPG") == Kind.PHOTO
    assert kind_for("x.heic") == Kind.PHOTO
    assert kind_for("notes.md") == Kind.DOCUMENT
    assert kind_for("song.mp3") is None
    noext = tmp_path / "scan0001"
    make_photo(tmp_path / "p.png")
    noext.write_bytes((tmp_path / "p.png").read_bytes())
    assert kind_for(str(noext)) == Kind.PHOTO


def test_walk_excludes_defaults_and_patterns(tmp_path: Path) -> None:
    for rel in [
        "a.txt",
        ".hidden.txt",
        ".git/x.txt",
        "node_modules/y.md",
        "sub/z.md",
        "sub/__pycache__/c.py",
        "draft.tmp",
        "keep/secret.txt",
        "music.mp3",
    ]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("hello")
    assert _paths(tmp_path) == {"a.txt", "sub/z.md", "keep/secret.txt"}
    assert _paths(tmp_path, ScanRules(["secret*"])) == {"a.txt", "sub/z.md"}
    assert ".hidden.txt" in _paths(tmp_path, ScanRules(include_hidden=True))


def test_walk_survives_symlink_loops_and_reports_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "d" / "loop")
    errors: list[tuple[str, str]] = []
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "g.txt").write_text("y")
    # a folder this user may not read; chmod alone does not stop root (CI runs as root)
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = list(walk_root(str(tmp_path), ScanRules(), lambda p, r: errors.append((p, r))))
    assert sorted(os.path.basename(f.path) for f in files) == ["f.txt"]
    assert [(p, r) for p, r in errors] == [(str(locked), errors[0][1])]
    assert "permission denied" in errors[0][1]


def test_missing_root(tmp_path: Path) -> None:
    with pytest.raises(RootMissingError):
        list(walk_root(str(tmp_path / "gone"), ScanRules()))


def test_reconcile_added_changed_deleted_moved(tmp_path: Path) -> None:
    from desktop_app.core.scan.hashing import fast_hash

    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    a.write_text("alpha")
    b.write_text("bravo bravo")
    c.write_text("charlie content")
    st = {p: p.stat() for p in (a, b, c)}

    def k(fid: str, path: Path, size: int, mtime: float, h: str) -> KnownFile:
        return KnownFile(fid, str(path), str(tmp_path), size, mtime, h, FileStatus.OK)

    old, gone = tmp_path / "old.txt", tmp_path / "gone.txt"
    rows = [
        k("1", a, st[a].st_size, st[a].st_mtime, fast_hash(str(a), st[a].st_size)),
        k("2", b, 3, st[b].st_mtime, ""),
        k("3", old, st[c].st_size, 1.0, fast_hash(str(c), st[c].st_size)),
        k("4", gone, 99, 1.0, "h"),
    ]
    known = {r.path: r for r in rows}
    ch = from_scan(walk_root(str(tmp_path), ScanRules()), known)
    assert ch.unchanged == 1
    assert [k.file_id for k, _ in ch.changed] == ["2"]
    assert [(k.file_id, os.path.basename(f.path)) for k, f in ch.moved] == [("3", "c.txt")]
    assert [k.file_id for k in ch.deleted] == ["4"]
    assert ch.added == ()


def test_image_facts_exif(tmp_path: Path) -> None:
    p = make_photo(
        tmp_path / "p.jpg",
        orientation=6,
        gps=(38.7223, -9.1393),
        taken="2023:06:01 12:30:00",
        camera=("Canon", "Canon EOS 80D"),
    )
    f = read_image_facts(str(p))
    assert (f.width, f.height) == (480, 640)  # rotated by orientation 6
    assert f.camera == "Canon EOS 80D"
    assert f.gps_lat == pytest.approx(38.7223, abs=1e-3) and f.gps_lon == pytest.approx(
        -9.1393, abs=1e-3
    )
    assert f.taken_at == 1685622600.0


@pytest.mark.parametrize(
    "payload,reason",
    [
        (b"", "not a readable image"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "damaged|not a readable"),
    ],
)
def test_bad_images_give_reasons(tmp_path: Path, payload: bytes, reason: str) -> None:
    p = tmp_path / "bad.png"
    p.write_bytes(payload)
    with pytest.raises(ExtractError, match=reason):
        read_image_facts(str(p))


def test_decompression_bomb_refused(tmp_path: Path) -> None:
    p = tmp_path / "bomb.png"
    Image.new("1", (20000, 12000)).save(p)  # 240 MP, a few KB on disk
    with pytest.raises(ExtractError, match="too large"):
        read_image_facts(str(p))


def test_documents(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", ["Gardening and roses.", "The tax return is due in April."])
    assert extract_document(str(pdf)).pages == [
        (1, "Gardening and roses."),
        (2, "The tax return is due in April."),
    ]
    assert (
        "budget"
        in extract_document(str(make_docx(tmp_path / "b.docx", ["Notes", "The budget."]))).text
    )
    assert (
        "Lisbon" in extract_document(str(make_odt(tmp_path / "c.odt", ["Holidays in Lisbon"]))).text
    )
    html = tmp_path / "d.html"
    html.write_text("<html><script>var x=1</script><p>Visible words</p></html>")
    assert extract_document(str(html)).text.strip() == "Visible words"
    # documentation sites repeat their navigation on every page (mdBook, Sphinx, rustdoc):
    # it is not the page's own text
    book = tmp_path / "ch04.html"
    book.write_text(
        "<html><head><title>What is Ownership?</title></head><body>"
        '<nav id="sidebar" aria-label="Table of contents"><ol><li>1. Getting Started</li>'
        "<li>8.3. Hash Maps <nav>nested</nav> Hash Sets</li></ol></nav>"
        '<div class="sphinxsidebar" role="navigation"><div>Quick search</div></div>'
        '<div id="menu-bar"><button>Light</button><button>Ayu</button></div>'
        "<main><h1>What Is Ownership?</h1><p>Ownership is a set of rules.</p></main>"
        '<div class="related" role="navigation">next | previous</div></body></html>'
    )
    words = " ".join(extract_document(str(book)).text.split())
    assert words == "What is Ownership? What Is Ownership? Ownership is a set of rules."
    latin = tmp_path / "e.txt"
    latin.write_bytes("Café crème à la française, déjà vu".encode("cp1252"))
    assert "Café" in extract_document(str(latin)).text
    utf16 = tmp_path / "f.txt"
    utf16.write_text("wide text", encoding="utf-16")
    assert extract_document(str(utf16)).text == "wide text"


def test_bad_documents(tmp_path: Path) -> None:
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 100)
    with pytest.raises(ExtractError, match="binary"):
        extract_document(str(binary))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(ExtractError, match="PDF"):
        extract_document(str(broken))
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    with pytest.raises(ExtractError):
        extract_document(str(fake))


def test_docx_zip_bomb_refused(tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (250 * 1024 * 1024))
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(ExtractError, match="zip bomb"):
        extract_document(str(bomb))


def test_chunking_keeps_pages_offsets_and_overlap() -> None:
    text = " ".join(f"Sentence number {i} talks about topic {i % 7}." for i in range(200))
    chunks = chunk_pages([(3, text), (4, ""), (5, "short page")], max_chars=400, overlap=80)
    assert all(len(c.text) <= 400 for c in chunks)
    assert chunks[0].page == 3 and chunks[-1].page == 5 and chunks[-1].text == "short page"
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    first, second = chunks[0], chunks[1]
    assert second.start < first.end  # overlap
    assert text[first.start : first.end].strip().startswith(first.text[:20])


def test_camera_raw_through_its_embedded_preview(tmp_path: Path) -> None:
    """A NEF-shaped RAW: EXIF from IFD0, the picture from the JPEG preview in its SubIFD."""
    import numpy as np

    from desktop_app.core.embed.errors import ImageDecodeError
    from desktop_app.core.imaging import load_image

    raw = make_raw(
        tmp_path / "DSC_0001.NEF",
        seed=4,
        preview_size=(640, 480),
        orientation=6,
        gps=(38.7223, -9.1393),
        taken="2023:07:14 18:30:00",
    )
    assert kind_for(str(raw)) == Kind.PHOTO
    f = read_image_facts(str(raw))
    assert (f.width, f.height) == (480, 640)  # the preview's size, turned by orientation 6
    assert f.camera == "NIKON CORPORATION NIKON Z 6"
    assert f.taken_at == 1689359400.0
    assert f.gps_lat == pytest.approx(38.7223, abs=1e-3)
    assert f.gps_lon == pytest.approx(-9.1393, abs=1e-3)
    img = load_image(str(raw), 224)  # JPEG draft decoding: at least 224 px, not full size
    assert img.width < img.height  # turned upright like any photo with orientation 6
    # the pixels are the preview's: compare with the same picture saved as a JPEG
    ref = load_image(str(make_photo(tmp_path / "ref.jpg", seed=4)), 224).rotate(-90, expand=True)
    assert img.size == ref.size
    diff = np.abs(np.asarray(img, dtype=np.int16) - np.asarray(ref, dtype=np.int16)).mean()
    assert diff < 3.0

    (tmp_path / "broken.nef").write_bytes(b"II*\x00" + os.urandom(300))
    with pytest.raises(ExtractError, match=r"RAW|image"):
        read_image_facts(str(tmp_path / "broken.nef"))
    with pytest.raises(ImageDecodeError, match="RAW"):
        load_image(str(tmp_path / "broken.nef"), 224)
    tiff_only = tmp_path / "nopreview.dng"
    Image.new("L", (16, 16)).save(tiff_only, format="TIFF")  # TIFF without any JPEG inside
    with pytest.raises(ImageDecodeError, match="no embedded preview"):
        load_image(str(tiff_only), 224)


def test_inside_a_folder_means_after_a_separator() -> None:
    from desktop_app.core.fspath import folder_of, is_under

    assert is_under("/a/b", "/a/b") and is_under("/a/b/c.txt", "/a/b")
    assert is_under("/a/b/c.txt", "/a/b/") and is_under("/x/y", "/")
    assert not is_under("/a/bc/d.txt", "/a/b") and not is_under("/a", "/a/b")
    assert folder_of("/a/bc/d.txt", ["/a/b", "/a/bc"]) == "/a/bc"
    assert folder_of("/z/d.txt", ["/a/b"]) is None


def test_pdf_text_has_no_break_marks_and_spells_out_ligatures() -> None:
    """Debian's libtasn1 manual (libtasn1-doc) marks 31 possible word breaks with U+FFFE:
    "manip\ufffeulation" showed a box and was not found as "manipulation"."""
    from desktop_app.core.extract.documents import extract_document, pdf_text

    text = extract_document("/usr/share/doc/libtasn1-doc/libtasn1.pdf").text
    assert "manipulation" in text
    assert not any(c in text for c in "\ufffe\u0002\u00ad")
    assert pdf_text("con\u00ad\r\nventions for \ufb01les, o\u0002\n ff") == (
        "conventions for files, off"
    )
