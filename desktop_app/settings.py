"""Typed user settings stored as JSON, with a schema version and forward-only migrations."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop_app.core.fspath import outermost, with_folder

SCHEMA_VERSION = 2


class SettingsError(Exception):
    """Settings could not be read or written; the message names the file and the reason."""


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    roots: list[str] = field(default_factory=list)
    exclude_patterns: list[str] = field(default_factory=list)
    include_hidden: bool = False
    active_image_pack: str | None = None
    document_pack: str | None = None
    threads: int = 0  # 0: choose from the core count
    pause_on_battery: bool = True
    recent_searches: list[str] = field(default_factory=list)
    welcome_done: bool = False
    banner_dismissed: bool = False
    # the window offered the multilingual document model once (core.packs.suggest); the
    # person answered it, either way
    language_hint_done: bool = False
    photo_language_hint_done: bool = False  # and the multilingual photo model, likewise
    view_mode: str = "auto"  # 'auto' (list when documents dominate, else grid), 'grid', 'list'
    ocr: bool = True  # read the text in photos, screenshots and scanned pages
    language: str = ""  # the window's language ("de", "ja", ...); "" follows the system
    # shared libraries searched beside the index, by address (s3://bucket/prefix,
    # file:///mnt/nas/library); never their credentials, which come from the system's usual
    # places (AWS environment variables, ~/.aws/credentials and ~/.aws/config)
    libraries: list[str] = field(default_factory=list)

    def add_root(self, path: str) -> bool:
        """Watch ``path`` too; False when it is watched already (itself, or inside a watched
        folder). Watched folders inside it become part of it."""
        after = with_folder(self.roots, path)
        changed = after != self.roots
        self.roots = after
        return changed

    def remove_root(self, path: str) -> bool:
        if path not in self.roots:
            return False
        self.roots.remove(path)
        return True


def _to_2(raw: dict[str, Any]) -> dict[str, Any]:
    """ "grid" was everyone's default and was saved for everyone: it becomes "auto", the
    layout that suits what is shown."""
    if raw.get("view_mode", "grid") == "grid":
        raw = {**raw, "view_mode": "auto"}
    return raw


# version N -> N+1; each step takes and returns the raw dict
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _to_2}


def load_settings(path: Path) -> Settings:
    """Read settings, migrating old versions forward; a missing file gives defaults."""
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingsError(f"cannot read settings {path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise SettingsError(f"cannot read settings {path}: not a JSON object")
    version = int(raw.get("schema_version", 1))
    if version > SCHEMA_VERSION:
        raise SettingsError(
            f"settings {path} were written by a newer Trove (schema {version}); "
            f"this version understands up to {SCHEMA_VERSION}"
        )
    while version < SCHEMA_VERSION:
        raw = _MIGRATIONS[version](raw)
        version += 1
        raw["schema_version"] = version
    known = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in raw.items() if k in known})
    settings.roots = outermost(settings.roots)  # earlier Trove kept folders inside others
    return settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(settings), indent=2, sort_keys=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise SettingsError(f"cannot write settings {path}: {exc}") from exc
