"""Generators for fixture files: photos with EXIF, PDFs with text pages, DOCX, ODT."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


def make_photo(
    path: Path,
    seed: int = 0,
    size: tuple[int, int] = (640, 480),
    *,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    taken: str | None = None,
    camera: tuple[str, str] | None = None,
    quality: int = 90,
) -> Path:
    """A photo-like picture (gradient + shapes) with optional EXIF orientation, GPS and date."""
    rng = np.random.default_rng(seed)
    w, h = size
    base = np.linspace(0, 255, w, dtype=np.float32)[None, :, None] * rng.random(3)[None, None, :]
    arr = np.broadcast_to(base, (h, w, 3)).copy() + rng.normal(0, 10, (h, w, 3))
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, w - 40)), int(rng.integers(0, h - 40))
        d.ellipse(
            (x0, y0, x0 + int(rng.integers(20, w // 2)), y0 + int(rng.integers(20, h // 2))),
            fill=tuple(int(c) for c in rng.integers(0, 255, 3)),
        )
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if camera:
        exif[0x010F], exif[0x0110] = camera
    if taken:
        exif[0x0132] = taken
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        lat, lon = gps

        def dms(x: float) -> tuple[float, float, float]:
            x = abs(x)
            d_ = int(x)
            m = int((x - d_) * 60)
            return (float(d_), float(m), round((x - d_ - m / 60) * 3600, 4))

        g = exif.get_ifd(0x8825)
        g[1], g[2] = ("N" if lat >= 0 else "S"), dms(lat)
        g[3], g[4] = ("E" if lon >= 0 else "W"), dms(lon)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = "JPEG" if path.suffix.lower() in (".jpg", ".jpeg") else None
    kwargs = {"quality": quality} if fmt == "JPEG" else {}
    im.save(path, format=fmt, exif=exif.tobytes(), **kwargs)
    return path


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A minimal valid PDF with one text line block per page (Helvetica)."""
    objs: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font_id = 3 + 2 * n
    for i, text in enumerate(pages):
        lines = [text[j : j + 80] for j in range(0, len(text), 80)] or [""]
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1", "replace")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def make_odt(path: Path, paragraphs: list[str]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    doc = OpenDocumentText()
    for p in paragraphs:
        doc.text.addElement(P(text=p))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
