"""Text out of documents, page by page: PDF, DOCX, ODT, HTML, plain text and source code."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop_app.core.extract import ExtractError
from desktop_app.core.scan.kinds import ext_of

MAX_UNZIPPED = 200 * 1024 * 1024  # a DOCX/ODT inflating past this is treated as a zip bomb
MAX_PDF_PAGES = 2000


@dataclass(frozen=True)
class DocumentText:
    pages: list[tuple[int | None, str]] = field(default_factory=list)
    title: str = ""

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.pages)


# Plain text beyond this is not read: a 500 MB log would otherwise become 600k passages.
MAX_TEXT_BYTES = 1_000_000


def extract_document(path: str, max_bytes: int = MAX_TEXT_BYTES) -> DocumentText:
    ext = ext_of(path)
    try:
        if ext == "pdf" or (not ext and _head(path).startswith(b"%PDF-")):
            return _pdf(path)
        if ext == "docx":
            return _docx(path)
        if ext == "odt":
            return _odt(path)
        raw = _read_capped(path, max_bytes)
        text = _decode(raw)
        if ext in ("html", "htm"):
            text = _html_text(text)
        return DocumentText([(None, text)])
    except ExtractError:
        raise
    except PermissionError as exc:
        raise ExtractError("permission denied") from exc
    except FileNotFoundError as exc:
        raise ExtractError("it disappeared while being read") from exc
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ExtractError(f"the document is damaged or unreadable ({type(exc).__name__})") from exc


def _head(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(8)


def _read_capped(path: str, max_bytes: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(max_bytes)  # huge logs: the first max_bytes are indexed


def _decode(raw: bytes) -> str:
    if not raw:
        return ""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    sample = raw[:65536]
    if b"\x00" in sample:
        raise ExtractError("binary data, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        raise ExtractError("binary data, not text")
    return raw.decode(best.encoding, errors="replace")


# PDFium marks a place where a word may break (a soft hyphen: "manip\ufffeulation" in
# Debian's libtasn1 manual, 31 times) with U+FFFE, U+0002 or U+00AD: shown as is, a box
# splits the word for search and highlighting alike.
_BREAK_MARKS = "\ufffe\u0002\u00ad"
_BROKEN_AT_LINE_END = re.compile(f"[{_BREAK_MARKS}][ \t]*\n[ \t]*")
_LIGATURES = re.compile("[\ufb00-\ufb06]")  # ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ: letters for search


def pdf_text(text: str) -> str:
    """A page's text as PDFium gives it, made plain: one kind of line end, words hyphenated at a
    line's end joined, break marks removed, typographic ligatures spelt out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BROKEN_AT_LINE_END.sub("", text)
    text = text.translate({ord(c): None for c in _BREAK_MARKS})
    return _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _pdf(path: str) -> DocumentText:
    import pypdfium2 as pdfium

    from desktop_app.core.extract.pdfium_lock import PDFIUM

    try:
        with PDFIUM:
            doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ExtractError("the PDF is encrypted with a password") from exc
        raise ExtractError(f"the PDF is damaged ({exc})") from exc
    try:
        pages: list[tuple[int | None, str]] = []
        with PDFIUM:
            n = min(len(doc), MAX_PDF_PAGES)
        for i in range(n):
            with PDFIUM:  # page by page: a long PDF never holds the lock for long
                page = doc[i]
                try:
                    tp = page.get_textpage()
                    text = tp.get_text_range()
                    tp.close()
                finally:
                    page.close()
            pages.append((i + 1, pdf_text(text)))
        return DocumentText(pages)
    finally:
        with PDFIUM:
            doc.close()


def _check_zip(path: str) -> None:
    with zipfile.ZipFile(path) as zf:
        total = sum(i.file_size for i in zf.infolist())
        if total > MAX_UNZIPPED:
            raise ExtractError(
                f"the document would unpack to {total >> 20} MB (a zip bomb?); skipped"
            )


def _docx(path: str) -> DocumentText:
    _check_zip(path)
    import docx

    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs if p.text.strip()]
    for table in d.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                parts.append(" | ".join(cells))
    title = d.core_properties.title or ""
    return DocumentText([(None, "\n".join(parts))], title)


def _odt(path: str) -> DocumentText:
    _check_zip(path)
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    doc = load(path)
    parts = [teletype.extractText(el) for el in doc.getElementsByType(H) + doc.getElementsByType(P)]
    return DocumentText([(None, "\n".join(p for p in parts if p.strip()))])


# Whole subtrees that hold no words of the page's own: code and styles, and the navigation that
# documentation sites repeat on every page (mdBook's sidebar lists every chapter of the Rust
# book on each of its pages; Sphinx and rustdoc have sidebars and breadcrumbs too). Indexed,
# it made every page match every chapter title.
_SKIP_TAGS = frozenset("script style noscript template nav aside button select svg".split())
_SKIP_ROLES = frozenset(("navigation", "search", "banner", "contentinfo"))
_BLOCK_END = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr pre dt dd title".split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip_tag = ""  # the tag whose subtree is being skipped
        self._skip_depth = 0  # open elements of that tag inside the skipped subtree

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_depth:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        role = next((v for k, v in attrs if k == "role"), None)
        hidden = any(k == "aria-hidden" and v == "true" for k, v in attrs)
        if tag in _SKIP_TAGS or role in _SKIP_ROLES or hidden:
            self._skip_tag, self._skip_depth = tag, 1

    def handle_endtag(self, tag: str) -> None:
        if self._skip_depth:
            if tag == self._skip_tag:
                self._skip_depth -= 1
            return
        if tag in _BLOCK_END:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def _html_text(html: str) -> str:
    p = _Text()
    p.feed(html)
    return "".join(p.parts)
