"""Sizes as people read them, shared by the command line and the window."""

from __future__ import annotations


def human_size(n: int) -> str:
    """Decimal units, as file managers show them: 950 bytes, 12.3 KB, 4.1 MB, 2.0 GB."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{n} bytes"
