"""Shared fixtures: every test gets its own TROVE_HOME; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(autouse=True)
def trove_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh TROVE_HOME for each test, so nothing touches the user's real data."""
    home = tmp_path / "trove-home"
    home.mkdir()
    monkeypatch.setenv("TROVE_HOME", str(home))
    yield home
