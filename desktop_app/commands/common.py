"""What every subcommand shares: the error type, paths, settings and the engine."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from desktop_app.paths import Paths
from desktop_app.settings import Settings, SettingsError, load_settings, save_settings


class CommandError(Exception):
    """A one-line error for the terminal; never a traceback."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def app_paths() -> Paths:
    paths = Paths.from_env()
    try:
        paths.ensure()
    except OSError as exc:
        raise CommandError(f"cannot create Trove's folders: {exc}") from exc
    return paths


def app_settings(paths: Paths) -> Settings:
    try:
        return load_settings(paths.settings_file)
    except SettingsError as exc:
        raise CommandError(str(exc)) from exc


def store_settings(settings: Settings, paths: Paths) -> None:
    try:
        save_settings(settings, paths.settings_file)
    except SettingsError as exc:
        raise CommandError(str(exc)) from exc


def engine_config(paths: Paths, settings: Settings, roots: list[str] | None = None) -> Any:
    """The engine's configuration from the app's folders and the user's settings."""
    from desktop_app.core.engine import EngineConfig

    return EngineConfig(
        index_dir=paths.index_dir,
        pack_dirs=(paths.packs_dir, paths.bundled_packs),
        roots=tuple(roots if roots is not None else settings.roots),
        exclude_patterns=tuple(settings.exclude_patterns),
        include_hidden=settings.include_hidden,
        active_image_pack=settings.active_image_pack,
        document_pack=settings.document_pack,
        threads=settings.threads,
        ocr=settings.ocr,
        pack_checks_file=paths.pack_checks_file,
        own_dirs=(paths.data, paths.config, paths.cache, paths.logs),
    )


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_summary(summary: Any, as_json: bool, headline: str, problems_hint: str = "") -> None:
    """An indexing run's summary: as JSON (every field, each problem whole), or its headline
    and the first ten files that could not be indexed, with why."""
    if as_json:
        d = asdict(summary)
        d["problems"] = [asdict(p) for p in summary.problems]
        print_json(d)
        return
    print(headline)
    if summary.problems:
        print(f"{len(summary.problems)} file(s) could not be indexed{problems_hint}:")
        for pr in summary.problems[:10]:
            print(f"  {pr.path}: {pr.reason}")
