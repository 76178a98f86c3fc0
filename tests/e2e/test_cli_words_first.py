"""`trove` without a document pack: documents are found by their words; vectors follow a pack."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import install_pack


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    capsys.readouterr()
    assert main(args + ["--json"]) == 0
    return json.loads(capsys.readouterr().out)


def found(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    hits = run_json(["search", *args], capsys)
    assert isinstance(hits, list)
    return [os.path.basename(h["path"]) for h in hits]


def test_words_answer_without_a_pack_and_vectors_follow_one(
    tmp_path: Path, trove_home: Path, minilm_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    # real text nobody here wrote: CPython's licence, ~14 kB, many passages
    shutil.copy(Path(os.__file__).with_name("LICENSE.txt"), docs / "python-licence.txt")
    (docs / "recipe.txt").write_text("Mix flour, water and salt, then bake the bread.\n")

    assert main(["index", str(docs)]) == 0
    assert found(["bread"], capsys)[:1] == ["recipe.txt"]
    assert found(["CNRI"], capsys)[:1] == ["python-licence.txt"]
    st = run_json(["status"], capsys)
    assert isinstance(st, dict)
    assert st["passages"] == 0 and st["passages_waiting"] > 10
    assert st["pending_vectors"] == 2 and st["document_pack"] is None
    capsys.readouterr()
    assert main(["status"]) == 0
    assert "waiting for vectors: need a document pack" in capsys.readouterr().out

    install_pack(minilm_pack, trove_home)
    assert main(["index", str(docs)]) == 0
    after = run_json(["status"], capsys)
    assert isinstance(after, dict)
    assert after["passages"] == st["passages_waiting"] and after["passages_waiting"] == 0
    assert after["pending_vectors"] == 0
    assert found(["baking a loaf"], capsys)[:1] == ["recipe.txt"]  # by meaning now
    assert found(["bread"], capsys)[:1] == ["recipe.txt"]
