"""Paths honour TROVE_HOME; settings round-trip, migrate forward and refuse newer versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.paths import Paths
from desktop_app.settings import (
    SCHEMA_VERSION,
    Settings,
    SettingsError,
    load_settings,
    save_settings,
)


def test_trove_home_relocates_every_writable_dir(tmp_path: Path) -> None:
    paths = Paths.from_env({"TROVE_HOME": str(tmp_path / "h")})
    for d in paths.all_writable():
        assert d.is_relative_to(tmp_path / "h")
    for extra in (paths.index_dir, paths.packs_dir, paths.thumbnails_dir, paths.log_file):
        assert extra.is_relative_to(tmp_path / "h")
    paths.ensure()
    assert paths.index_dir.is_dir() and paths.packs_dir.is_dir()


def test_without_trove_home_uses_platform_dirs(tmp_path: Path) -> None:
    paths = Paths.from_env({})
    assert "trove" in str(paths.data).lower()
    assert not paths.data.is_relative_to(tmp_path)


def test_resources_found_in_checkout() -> None:
    paths = Paths.from_env({})
    assert paths.resources.name == "resources"
    assert paths.resources.parent == Path(__file__).resolve().parents[2]


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    s = Settings()
    assert s.add_root("/photos")
    assert not s.add_root("/photos")
    s.exclude_patterns.append("*.tmp")
    save_settings(s, path)
    loaded = load_settings(path)
    assert loaded.roots == ["/photos"]
    assert loaded.exclude_patterns == ["*.tmp"]
    assert json.loads(path.read_text())["schema_version"] == SCHEMA_VERSION
    assert not list(tmp_path.glob(".settings-*"))


def test_settings_from_newer_version_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1, "roots": ["/x"]}))
    with pytest.raises(SettingsError, match="newer Trove"):
        load_settings(path)
    assert json.loads(path.read_text())["roots"] == ["/x"]  # untouched


def test_corrupt_settings_give_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    with pytest.raises(SettingsError, match="cannot read settings"):
        load_settings(path)


def test_unknown_keys_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "roots": ["/a"], "future_thing": 3}))
    assert load_settings(path).roots == ["/a"]


def test_version_1_grid_becomes_automatic_layout(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 1, "view_mode": "grid", "roots": ["/x"]}))
    assert load_settings(path).view_mode == "auto"
    path.write_text(json.dumps({"schema_version": 1, "view_mode": "list"}))
    assert load_settings(path).view_mode == "list"  # a person's own choice stays


def test_watched_folders_never_hold_one_another(tmp_path: Path) -> None:
    s = Settings()
    assert s.add_root("/home/me/Pictures") and s.add_root("/srv/photos")
    assert not s.add_root("/home/me/Pictures/2024")  # watched already, as part of Pictures
    assert not s.add_root("/srv/photos")
    assert s.add_root("/home/me/Pictures2")  # beside it, not inside
    assert s.add_root("/home/me")  # takes in the folders inside it
    assert s.roots == ["/srv/photos", "/home/me"]
    path = tmp_path / "settings.json"  # as earlier Trove saved them
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION, "roots": ["/a/b", "/a", "/c"]}))
    assert load_settings(path).roots == ["/a", "/c"]
