"""Path relations every layer of the core shares: is this path inside that folder."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence


def is_under(path: str, folder: str) -> bool:
    """True for ``folder`` itself and anything inside it; "/a/bc" is not under "/a/b"."""
    base = folder.rstrip("/\\") or folder
    if path == base:
        return True
    prefix = base if base.endswith(("/", os.sep)) else base + os.sep
    return path.startswith(prefix)


def folder_of(path: str, folders: Iterable[str]) -> str | None:
    """The outermost of ``folders`` that holds ``path`` (None when none does): a file in a
    watched folder inside another belongs to the outer one, so it is indexed once."""
    holding = [f for f in folders if is_under(path, f)]
    return min(holding, key=len) if holding else None


def outermost(folders: Iterable[str]) -> list[str]:
    """Those of ``folders`` inside none of the others, in their order, each once."""
    unique = list(dict.fromkeys(folders))
    return [f for f in unique if not any(o != f and is_under(f, o) for o in unique)]


def with_folder(folders: Sequence[str], new: str) -> list[str]:
    """``folders`` with ``new`` added: unchanged when one of them holds it already; those
    inside it become part of it."""
    if folder_of(new, folders) is not None:
        return list(folders)
    return [f for f in folders if not is_under(f, new)] + [new]
