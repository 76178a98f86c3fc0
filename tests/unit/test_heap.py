"""The allocator's arenas are limited before anything else runs (see core/heap.py)."""

from __future__ import annotations

import pytest

from desktop_app import cli
from desktop_app.core import heap


def test_the_command_limits_the_arenas_first(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(heap, "limit_arenas", lambda: calls.append(1) or True)
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert calls == [1]
