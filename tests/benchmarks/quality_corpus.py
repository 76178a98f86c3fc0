"""The search-quality corpus: real documents and pictures a Debian machine gets from its packages.

Nothing here is written for the test. The labelled core is manual pages rendered by man-db,
chapters of the Rust book (rust-doc), Python's HOWTOs and tutorial (python3.11-doc), five PDF
manuals from /usr/share/doc, and pictures of real PDF pages rendered by pdftoppm
(poppler-utils), named the way screenshots are named, so only the text in them can find them.
Distractors are more real text from other packages (every other manual page, Python's library
reference, the Rust standard library's documentation), cut by Trove's own chunker.

    apt-get install man-db rust-doc python3.11-doc poppler-utils bzip2-doc fontconfig \
        libtasn1-doc shared-mime-info nettle-dev
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

DEBIAN_PACKAGES = (
    "man-db",
    "rust-doc",
    "python3.11-doc",
    "poppler-utils",
    "bzip2-doc",
    "fontconfig",
    "libtasn1-doc",
    "shared-mime-info",
    "nettle-dev",
)
MAN_CORE = (
    "ls",
    "cp",
    "mv",
    "chmod",
    "chown",
    "date",
    "dd",
    "df",
    "du",
    "ln",
    "kill",
    "tail",
    "sort",
    "xargs",
    "sed",
    "scp",
    "gzip",
    "grep",
    "diff",
    "ip",
    "tar",
    "ssh",
    "git",
)
RUST_BOOK = "/usr/share/doc/rust-doc/html/book"
RUST_CORE = (
    "ch01-01-installation",
    "ch01-03-hello-cargo",
    "ch03-01-variables-and-mutability",
    "ch03-02-data-types",
    "ch04-01-what-is-ownership",
    "ch04-02-references-and-borrowing",
    "ch04-03-slices",
    "ch05-01-defining-structs",
    "ch06-02-match",
    "ch07-02-defining-modules-to-control-scope-and-privacy",
    "ch08-01-vectors",
    "ch08-02-strings",
    "ch08-03-hash-maps",
    "ch15-01-box",
    "ch16-01-threads",
    "ch16-02-message-passing",
)
PYTHON_DOC = "/usr/share/doc/python3.11/html"
PYTHON_CORE = (
    "howto/argparse",
    "howto/sorting",
    "howto/unicode",
    "howto/sockets",
    "tutorial/errors",
    "tutorial/venv",
    "tutorial/inputoutput",
)
PDFS = {
    "fontconfig-user.pdf": "/usr/share/doc/fontconfig/fontconfig-user.pdf.gz",
    "shared-mime-info-spec.pdf": "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
}
# Manuals whose pages appear only as pictures (not in the corpus as PDFs)
PICTURED = {
    "bzip2-manual.pdf": "/usr/share/doc/bzip2/manual.pdf.gz",
    "libtasn1.pdf": "/usr/share/doc/libtasn1-doc/libtasn1.pdf",
    "nettle.pdf": "/usr/share/doc/nettle-dev/nettle.pdf.gz",
}
# (manual, page) rendered as a picture, and the screenshot-like name it is saved under
SCREENSHOTS = (
    ("bzip2-manual.pdf", 4, "Screenshot 2026-03-02 at 09.14.05.png"),
    ("bzip2-manual.pdf", 7, "Screenshot 2026-03-02 at 09.15.40.png"),
    ("bzip2-manual.pdf", 8, "Screenshot 2026-03-02 at 09.16.12.png"),
    ("libtasn1.pdf", 1, "Screenshot 2026-05-20 at 11.40.51.png"),
    ("libtasn1.pdf", 5, "Screenshot 2026-05-20 at 11.41.30.png"),
    ("libtasn1.pdf", 20, "Screenshot 2026-05-20 at 11.42.09.png"),
    ("nettle.pdf", 1, "Screenshot 2026-07-15 at 08.05.17.png"),
    ("nettle.pdf", 9, "Screenshot 2026-07-15 at 08.06.02.png"),
    ("nettle.pdf", 12, "Screenshot 2026-07-15 at 08.07.44.png"),
    ("nettle.pdf", 30, "Screenshot 2026-07-15 at 08.09.31.png"),
)


def check_sources() -> list[str]:
    """What is missing on this machine, as install hints (empty when everything is there)."""
    missing = []
    if shutil.which("man") is None:
        missing.append("man-db")
    if shutil.which("pdftoppm") is None:
        missing.append("poppler-utils")
    for p in (RUST_BOOK, PYTHON_DOC, *PDFS.values(), *PICTURED.values()):
        if not Path(p).exists():
            missing.append(p)
    return missing


def render_man(name: str) -> str:
    env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
    out = subprocess.run(["man", "-P", "cat", name], env=env, capture_output=True, text=True)
    return re.sub(r".\x08", "", out.stdout) if out.returncode == 0 else ""


def build_core(dest: Path) -> Path:
    """Write the labelled corpus into ``dest`` (man/, rust-book/, python/, pdf/, screenshots/)."""
    missing = check_sources()
    if missing:
        raise RuntimeError(
            "the quality corpus needs: "
            + ", ".join(missing)
            + "\n  apt-get install "
            + " ".join(DEBIAN_PACKAGES)
        )
    (dest / "man").mkdir(parents=True, exist_ok=True)
    for name in MAN_CORE:
        text = render_man(name)
        if not text:
            raise RuntimeError(f"man {name} cannot be rendered")
        (dest / "man" / f"{name}.txt").write_text(text, encoding="utf-8")
    (dest / "rust-book").mkdir(exist_ok=True)
    for ch in RUST_CORE:
        shutil.copy(f"{RUST_BOOK}/{ch}.html", dest / "rust-book" / f"{ch}.html")
    (dest / "python").mkdir(exist_ok=True)
    for page in PYTHON_CORE:
        kind, name = page.split("/")
        shutil.copy(f"{PYTHON_DOC}/{page}.html", dest / "python" / f"{kind}-{name}.html")
    (dest / "pdf").mkdir(exist_ok=True)
    for name, src in PDFS.items():
        (dest / "pdf" / name).write_bytes(_read(src))
    shots = dest / "screenshots"
    shots.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for pdf, page, name in SCREENSHOTS:
            src = Path(tmp) / pdf
            if not src.exists():
                src.write_bytes(_read(PICTURED[pdf]))
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "110",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(src),
                    str(Path(tmp) / "page"),
                ],
                check=True,
            )
            shutil.move(str(Path(tmp) / "page.png"), shots / name)
    return dest


def _read(src: str) -> bytes:
    data = Path(src).read_bytes()
    return gzip.decompress(data) if src.endswith(".gz") else data


def _man_pages() -> Iterator[tuple[str, str]]:
    from concurrent.futures import ThreadPoolExecutor

    core = set(MAN_CORE)
    names: list[str] = []
    seen: set[str] = set()
    for section in ("1", "8", "5", "7"):
        folder = Path(f"/usr/share/man/man{section}")
        if not folder.is_dir():
            continue
        for f in sorted(folder.iterdir()):
            name = f.name.split(".")[0]
            # Google's cloud SDK (not from Debian's archive) adds ~16,000 near-identical pages
            if name.startswith(("gcloud", "bq_", "gsutil")):
                continue
            if name not in core and name not in seen:
                seen.add(name)
                names.append(f"{name}.{section}")
    with ThreadPoolExecutor(4) as pool:  # man-db renders one page per process
        for start in range(0, len(names), 16):  # a few at a time: the caller may stop early
            batch = names[start : start + 16]
            for name, text in zip(batch, pool.map(render_man, batch), strict=True):
                if len(text) > 1500:
                    yield f"man/{name}", text


def _html_pages(root: Path) -> Iterator[tuple[str, str]]:
    from desktop_app.core.extract import ExtractError
    from desktop_app.core.extract.documents import extract_document

    for f in sorted(root.rglob("*.html")):
        try:
            text = extract_document(str(f)).text
        except ExtractError:  # a page the extractor refuses is simply not a distractor
            continue
        if len(text) > 1500:
            yield str(f.relative_to(root.parent.parent)), text


def distractor_documents() -> Iterator[tuple[str, str, int]]:
    """(name, text, passages) of real documents outside the core, in a fixed order that mixes
    the sources in fixed shares of passages: manual pages 30 %, Python's library and language
    reference 25 %, the Rust standard library's pages 45 %."""
    from desktop_app.core.extract.chunking import chunk_pages

    sources = [
        (0.30, _man_pages()),
        (0.25, _html_pages(Path(PYTHON_DOC) / "library")),
        (0.45, _html_pages(Path("/usr/share/doc/rust-doc/html/std"))),
    ]
    made = [0] * len(sources)
    live = list(range(len(sources)))
    while live:
        i = min(live, key=lambda j: made[j] / sources[j][0])
        item = next(sources[i][1], None)
        if item is None:
            live.remove(i)
            continue
        name, text = item
        n = len(chunk_pages([(None, text)]))
        made[i] += n
        yield name, text, n


def write_distractors(dest: Path, sizes: tuple[int, ...]) -> dict[int, Path]:
    """Distractor documents as text files, in nested layers: layer i holds the documents that
    bring the distractors' passages (cut by Trove's chunker) up to ``sizes[i]``. Returns the
    folder of each layer; an index of size s holds every layer up to s."""
    folders = {s: dest / f"upto-{s}" for s in sizes}
    done = dest / "COMPLETE"
    if done.exists():
        return folders
    shutil.rmtree(dest, ignore_errors=True)
    targets = iter(sorted(sizes))
    target = next(targets)
    total = 0
    for name, text, n in distractor_documents():
        while total + n > target:
            nxt = next(targets, None)
            if nxt is None:
                done.write_text("ok")
                return folders
            target = nxt
        folder = folders[target]
        folder.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^\w.-]+", "-", name).strip("-")
        (folder / f"{safe}.txt").write_text(text, encoding="utf-8")
        total += n
    done.write_text("ok")
    return folders
