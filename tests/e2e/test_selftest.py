"""`trove --self-test` indexes the bundled sample and finds the expected document."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import install_pack


def test_self_test_passes_with_document_pack(
    trove_home: Path, minilm_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_pack(minilm_pack, trove_home)
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "hardware-receipt.txt" in out and "PASS" in out


def test_self_test_fails_clearly_without_packs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 1
    assert "trove models build minilm-l6" in capsys.readouterr().out
