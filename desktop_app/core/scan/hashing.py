"""Content identity for move detection: a fast hash of size + head + tail, a full hash to confirm."""

from __future__ import annotations

import hashlib
from typing import BinaryIO

BLOCK = 64 * 1024


def fast_hash(path: str, size: int) -> str:
    with open(path, "rb") as fh:
        return fast_hash_of(fh, size)


def fast_hash_of(fh: BinaryIO, size: int) -> str:
    """``fast_hash`` of an open, seekable file (one on object storage alike)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(str(size).encode())
    h.update(fh.read(BLOCK))
    if size > 2 * BLOCK:
        fh.seek(size - BLOCK)
        h.update(fh.read(BLOCK))
    return h.hexdigest()


def full_hash(path: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
