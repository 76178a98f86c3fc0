"""Window tests: what the app does as it quits, done once after them (pytest-qt never quits)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _released_clipboard() -> Iterator[None]:
    yield
    from PySide6.QtGui import QGuiApplication

    from desktop_app.ui.preview import release_clipboard

    if QGuiApplication.instance() is not None:
        release_clipboard()
