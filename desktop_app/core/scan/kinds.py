"""File kinds by extension, with content sniffing for files whose name lies or says nothing."""

from __future__ import annotations

import os

from desktop_app.core.types import Kind

# TIFF-based camera RAW: indexed through the JPEG preview inside (core/imaging.py)
RAW_EXTS = frozenset("dng nef nrw cr2 arw srf sr2 pef srw erf 3fr kdc mef mos iiq rwl".split())
IMAGE_EXTS = (
    frozenset("jpg jpeg jpe jfif png webp gif bmp tif tiff heic heif avif".split()) | RAW_EXTS
)


def is_raw(path: str) -> bool:
    return ext_of(path) in RAW_EXTS


DOCUMENT_EXTS = frozenset(
    (
        "pdf docx odt txt text md markdown rst html htm csv tsv log rtf tex org "
        "py js ts tsx jsx c h cc cpp hpp java kt go rs rb php sh bash zsh ps1 swift cs "
        "json yaml yml toml ini cfg conf sql xml css scss lua r m pl"
    ).split()
)

_MAGIC: tuple[tuple[bytes, int, Kind], ...] = (
    (b"\xff\xd8\xff", 0, Kind.PHOTO),
    (b"\x89PNG\r\n\x1a\n", 0, Kind.PHOTO),
    (b"GIF87a", 0, Kind.PHOTO),
    (b"GIF89a", 0, Kind.PHOTO),
    (b"BM", 0, Kind.PHOTO),
    (b"II*\x00", 0, Kind.PHOTO),
    (b"MM\x00*", 0, Kind.PHOTO),
    (b"%PDF-", 0, Kind.DOCUMENT),
)


def ext_of(path: str) -> str:
    return os.path.splitext(path)[1].lower().lstrip(".")


def kind_for(path: str, sniff: bool = True) -> Kind | None:
    """The kind of a file, or None when Trove does not index it."""
    ext = ext_of(path)
    if ext in IMAGE_EXTS:
        return Kind.PHOTO
    if ext in DOCUMENT_EXTS:
        return Kind.DOCUMENT
    if sniff and not ext:
        return sniff_kind(path)
    return None


def sniff_kind(path: str) -> Kind | None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(32)
    except OSError:
        return None
    for magic, offset, kind in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind.PHOTO
    if head[4:8] == b"ftyp" and head[8:12] in (
        b"heic",
        b"heix",
        b"mif1",
        b"avif",
        b"heim",
        b"msf1",
    ):
        return Kind.PHOTO
    return None
