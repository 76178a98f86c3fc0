"""Which files and folders a scan skips: hidden, caches, VCS, system folders, user patterns."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Sequence

from desktop_app.core.fspath import is_under

DEFAULT_EXCLUDED_NAMES = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".cache",
        "cache",
        "caches",
        ".venv",
        "venv",
        ".tox",
        ".mypy_cache",
        ".pytest_cache",
        ".Trash",
        "Trash",
        "$RECYCLE.BIN",
        "System Volume Information",
        "lost+found",
        ".thumbnails",
    }
)
SYSTEM_PREFIXES = ("/proc", "/sys", "/dev", "/run", "/System", "/private/var")


class ScanRules:
    def __init__(
        self,
        exclude_patterns: Sequence[str] = (),
        include_hidden: bool = False,
        protected: Sequence[str] = (),
    ) -> None:
        """``protected``: Trove's own folders (the index, packs, logs, settings), never
        indexed whatever the rules: a watched log or thumbnail would index itself forever."""
        self.patterns = tuple(p for p in exclude_patterns if p.strip())
        self.include_hidden = include_hidden
        self.protected = tuple(os.path.realpath(p) for p in protected)

    def excluded(self, path: str, is_dir: bool) -> bool:
        name = os.path.basename(path.rstrip("/\\")) or path
        if name.startswith(".") and not self.include_hidden:
            return True
        if is_dir and name in DEFAULT_EXCLUDED_NAMES:
            return True
        if name.endswith((".part", ".crdownload", ".tmp", "~")) or name.startswith("~$"):
            return True  # downloads and editors' temporary files
        if is_dir and any(is_under(path, p) for p in SYSTEM_PREFIXES):
            return True
        if self.protected:
            real = os.path.realpath(path)
            if any(is_under(real, p) for p in self.protected):
                return True
        for pat in self.patterns:
            if fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(path, pat):
                return True
        return False
