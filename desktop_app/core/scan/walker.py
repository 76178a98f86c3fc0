"""Walk a watched root: files Trove indexes, symlinks followed once, loops detected."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from desktop_app.core.scan.kinds import kind_for
from desktop_app.core.scan.rules import ScanRules
from desktop_app.core.types import ScannedFile

ErrorCallback = Callable[[str, str], None]


class RootMissingError(Exception):
    """A watched folder is not there (an unplugged drive, a renamed folder)."""


def walk_root(
    root: str, rules: ScanRules, on_error: ErrorCallback | None = None
) -> Iterator[ScannedFile]:
    """Yield every indexable file under ``root``; unreadable folders go to ``on_error``."""
    if not os.path.isdir(root):
        raise RootMissingError(root)
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError as exc:
            _report(on_error, folder, exc)
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            continue  # a symlink loop or a folder reached twice
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            _report(on_error, folder, exc)
            continue
        for entry in entries:
            path = entry.path
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                if is_dir:
                    if not rules.excluded(path, True):
                        stack.append(path)
                    continue
                if not entry.is_file(follow_symlinks=True) or rules.excluded(path, False):
                    continue
                kind = kind_for(path)
                if kind is None:
                    continue
                fst = entry.stat(follow_symlinks=True)
            except OSError as exc:
                _report(on_error, path, exc)
                continue
            if not _utf8_ok(path):
                if on_error is not None:
                    on_error(
                        displayable(path),
                        "the file name is not valid text (UTF-8); rename it to index it",
                    )
                continue
            fkey = (fst.st_dev, fst.st_ino)
            if entry.is_symlink() and fkey in seen_files:
                continue
            seen_files.add(fkey)
            yield ScannedFile(path, root, kind, fst.st_size, fst.st_mtime)


def _utf8_ok(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def displayable(path: str) -> str:
    """A path that can be shown and stored even when the disk's bytes are not UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _report(on_error: ErrorCallback | None, path: str, exc: OSError) -> None:
    if on_error is not None:
        on_error(displayable(path), describe_os_error(exc))


def describe_os_error(exc: OSError) -> str:
    import errno

    reasons = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOENT: "it disappeared while being read",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENAMETOOLONG: "the path is too long",
        errno.EIO: "the disk reported a read error",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
