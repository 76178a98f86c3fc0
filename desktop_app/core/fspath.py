"""Path relations every layer of the core shares: is this path inside that folder."""

from __future__ import annotations

import os
from collections.abc import Iterable


def is_under(path: str, folder: str) -> bool:
    """True for ``folder`` itself and anything inside it; "/a/bc" is not under "/a/b"."""
    base = folder.rstrip("/\\") or folder
    if path == base:
        return True
    prefix = base if base.endswith(("/", os.sep)) else base + os.sep
    return path.startswith(prefix)


def folder_of(path: str, folders: Iterable[str]) -> str | None:
    """The first of ``folders`` that holds ``path`` (None when none does)."""
    return next((f for f in folders if is_under(path, f)), None)
