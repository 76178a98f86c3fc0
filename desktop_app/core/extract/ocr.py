"""Text in pictures (OCR): RapidOCR's PP-OCR models, shipped in its wheel, on onnxruntime."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.extract import ExtractError
from desktop_app.core.extract.pdfium_lock import PDFIUM
from desktop_app.core.imaging import ImageDecodeError
from desktop_app.core.types import PassageSource

log = logging.getLogger(__name__)

# Pictures are read at most this large (long side): text a person can read on a phone screen
# stays >= ~10 px, and the detector's cost grows with the area.
MAX_SIDE = 1600
# The detector sees the picture at most this large (long side): 18 px text on a 1920 px
# screenshot is still found, at ~40% of the cost of 1600.
DETECT_SIDE = 1280
# The pre-filter: the detector alone on a small copy. Most photos have no text and stop here
# (~15% of a full read); text too small to show at this size is rarely worth finding.
PREFILTER_SIDE = 640
# The detector also outlines round shapes and edges in photos; lines of text are elongated.
MIN_LINE_ASPECT = 1.8
MIN_SCORE = 0.8  # recognition confidence below this is mostly noise (foliage, textures)
MIN_CHARS = 2  # letters or digits a line needs to be kept
# Scanned pages: rendered so that the long side is about this many pixels (~150 dpi on A4)
PAGE_SIDE = 1700
MAX_PAGES = 30  # pages without a text layer read per document

_DET = "PP-OCRv6_det_small.onnx"
_REC = "PP-OCRv6_rec_small.onnx"


@dataclass(frozen=True)
class OcrLine:
    """One line of text found in a picture, with where it is (pixel corners) and how sure."""

    text: str
    score: float
    box: tuple[tuple[float, float], ...] = ()


class OcrUnavailableError(Exception):
    """The OCR library or its models are missing from this install."""


class _Reader:
    """One RapidOCR instance, loaded on first use; calls are serialised (one thread, one
    intra-op thread each: OCR is background work and must leave the cores to the rest)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._engine: Any = None

    def engine(self) -> Any:
        if self._engine is None:
            self._engine = _load_engine()
        return self._engine

    def read(self, image: Any, prefilter: bool) -> list[OcrLine]:
        import numpy as np

        with self._lock:
            eng = self.engine()
            if prefilter and not _has_text_regions(eng, image):
                return []
            out = eng(image)
        txts = getattr(out, "txts", None)
        if not txts:
            return []
        boxes = out.boxes if out.boxes is not None else [None] * len(txts)
        lines: list[OcrLine] = []
        for txt, score, box in zip(txts, out.scores, boxes, strict=False):
            text = " ".join(str(txt).split())
            if float(score) < MIN_SCORE or sum(ch.isalnum() for ch in text) < MIN_CHARS:
                continue
            corners = (
                tuple((float(x), float(y)) for x, y in np.asarray(box).reshape(-1, 2))
                if box is not None
                else ()
            )
            lines.append(OcrLine(text, round(float(score), 4), corners))
        return lines


_READER = _Reader()


def models_dir() -> Path:
    """The folder of the models shipped inside the rapidocr wheel (bundled by the installer)."""
    import importlib.util

    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise OcrUnavailableError("the OCR library (rapidocr) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def available() -> bool:
    """Are the OCR library and its two models present? (Nothing is loaded.)"""
    try:
        root = models_dir()
    except OcrUnavailableError:
        return False
    return (root / _DET).is_file() and (root / _REC).is_file()


def _load_engine() -> Any:
    """RapidOCR pointed at its bundled model files: with a model_path it never downloads,
    and only the onnxruntime engine is ever imported."""
    root = models_dir()
    det, rec = root / _DET, root / _REC
    if not (det.is_file() and rec.is_file()):
        raise OcrUnavailableError(f"the OCR models are missing from {root}")
    try:
        from rapidocr import RapidOCR
        from rapidocr.utils.typings import EngineType
    except ImportError as exc:
        raise OcrUnavailableError(f"the OCR library cannot be loaded ({exc})") from exc
    # its own console handler would print into `trove` output: log through ours instead
    rl = logging.getLogger("RapidOCR")
    rl.handlers.clear()
    rl.propagate = True
    params = {
        "Global.log_level": "error",
        "Global.model_root_dir": str(root),
        "Global.use_cls": False,  # upside-down text is rare; its model would cost a third more
        "Global.max_side_len": MAX_SIDE,
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        "Det.engine_type": EngineType.ONNXRUNTIME,
        "Det.model_path": str(det),
        "Det.limit_type": "max",
        "Det.limit_side_len": DETECT_SIDE,
        "Rec.engine_type": EngineType.ONNXRUNTIME,
        "Rec.model_path": str(rec),
        "Cls.engine_type": EngineType.ONNXRUNTIME,
    }
    eng = RapidOCR(params=params)
    rl.setLevel(logging.ERROR)
    return eng


def _has_text_regions(eng: Any, image: Any) -> bool:
    """The detector alone on a small copy of the picture: does anything look like text?"""
    import numpy as np

    small = image.copy()
    small.thumbnail((PREFILTER_SIDE, PREFILTER_SIDE))
    det = eng._load_det_model()
    side, kind = det.limit_side_len, det.limit_type
    det.limit_side_len, det.limit_type = PREFILTER_SIDE, "max"
    try:
        found = det(np.ascontiguousarray(np.asarray(small)[:, :, ::-1]))  # RGB -> BGR
    finally:
        det.limit_side_len, det.limit_type = side, kind
    for box in found.boxes if found.boxes is not None else ():
        pts = np.asarray(box, dtype=np.float32).reshape(-1, 2)
        w = float(np.linalg.norm(pts[1] - pts[0]))  # the box may be rotated: measure its sides
        h = float(np.linalg.norm(pts[3] - pts[0]))
        if min(w, h) >= 4 and max(w, h) >= MIN_LINE_ASPECT * min(w, h):
            return True
    return False


def read_text(image: Any, prefilter: bool = True) -> list[OcrLine]:
    """Confident lines of text in a picture (a PIL image or a path), top to bottom.

    With ``prefilter`` a cheap detector pass on a small copy skips pictures without text.
    Raises ``OcrUnavailableError`` when OCR is not installed and ``ExtractError`` when the
    picture cannot be decoded.
    """
    from PIL import Image

    if isinstance(image, str | Path):
        from desktop_app.core.imaging import load_image

        try:
            image = load_image(str(image), MAX_SIDE)
        except ImageDecodeError as exc:
            raise ExtractError(str(exc)) from exc
    if not isinstance(image, Image.Image):
        raise TypeError("read_text takes a PIL image or a path")
    if image.mode != "RGB":
        image = image.convert("RGB")
    if max(image.size) > MAX_SIDE:
        image = image.copy()
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    if min(image.size) < 16:
        return []
    return _READER.read(image, prefilter)


def _open_pdf(path: str) -> Any:
    import pypdfium2 as pdfium

    try:
        with PDFIUM:
            return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise ExtractError(f"the PDF cannot be opened ({exc})") from exc


def _close(doc: Any) -> None:
    with PDFIUM:
        doc.close()


def _page_count(doc: Any) -> int:
    with PDFIUM:
        return len(doc)


def _page_text(doc: Any, index: int) -> str:
    with PDFIUM:
        page = doc[index]
        try:
            tp = page.get_textpage()
            text = str(tp.get_text_range())
            tp.close()
            return text
        finally:
            page.close()


def _render(doc: Any, index: int) -> Any:
    with PDFIUM:
        page = doc[index]
        try:
            w, h = page.get_size()
            bitmap = page.render(scale=min(4.0, PAGE_SIDE / max(w, h, 1.0)))
            image = bitmap.to_pil().convert("RGB")
            bitmap.close()
            return image
        finally:
            page.close()


def pages_without_text(path: str, min_chars: int = 16) -> list[int]:
    """1-based numbers of the PDF's pages with (almost) no text layer, at most MAX_PAGES."""
    doc = _open_pdf(path)
    try:
        out: list[int] = []
        for i in range(_page_count(doc)):
            if sum(not ch.isspace() for ch in _page_text(doc, i)) < min_chars:
                out.append(i + 1)
                if len(out) >= MAX_PAGES:
                    break
        return out
    finally:
        _close(doc)


def render_page(path: str, page_no: int) -> Any:
    """A PDF page as a PIL image, its long side about PAGE_SIDE pixels."""
    doc = _open_pdf(path)
    try:
        return _render(doc, page_no - 1)
    finally:
        _close(doc)


def read_pdf_pages(path: str, cancelled: Any = None) -> list[tuple[int, list[OcrLine]]]:
    """OCR lines of each page without a text layer (scanned pages), as (page, lines).

    ``cancelled`` (a callable) is asked between pages."""
    doc = _open_pdf(path)
    out: list[tuple[int, list[OcrLine]]] = []
    try:
        read = 0
        for i in range(_page_count(doc)):
            if read >= MAX_PAGES or (cancelled is not None and cancelled()):
                break
            if sum(not ch.isspace() for ch in _page_text(doc, i)) >= 16:
                continue  # the page has a text layer: the first pass read it
            read += 1
            # scans are text by nature: no pre-filter, the detector runs once at full size
            lines = read_text(_render(doc, i), prefilter=False)
            if lines:
                out.append((i + 1, lines))
        return out
    finally:
        _close(doc)


OCR_ORDINAL_BASE = 100_000  # OCR passages are numbered from here: never a text-layer ordinal
PASSAGE_CHARS = 400  # OCR passages are short: the hit shows the line, the vector stays focused


def ocr_chunks(pages: Sequence[tuple[int | None, Sequence[OcrLine]]]) -> list[Any]:
    """Passages for the index from OCR lines (one line a row of text), marked as OCR."""
    from dataclasses import replace

    from desktop_app.core.extract.chunking import chunk_pages

    text_pages = [(page, "\n".join(ln.text for ln in lines)) for page, lines in pages if lines]
    chunks = chunk_pages(text_pages, max_chars=PASSAGE_CHARS, overlap=0, max_chunks=500)
    return [
        replace(c, ordinal=OCR_ORDINAL_BASE + i, source=PassageSource.OCR)
        for i, c in enumerate(chunks)
    ]


__all__ = [
    "MAX_PAGES",
    "OCR_ORDINAL_BASE",
    "OcrLine",
    "OcrUnavailableError",
    "available",
    "ocr_chunks",
    "pages_without_text",
    "read_pdf_pages",
    "read_text",
    "render_page",
]
