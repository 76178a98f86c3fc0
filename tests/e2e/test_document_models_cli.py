"""`trove models download` and `use` for document models: listed with sizes and languages,
chosen by the download, switched back by `use`, and refused where the hub's bytes are not the
pinned ones."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app.core.packs.get.hub import HUB_PRESETS
from tests.fixtures import run_trove
from tests.hub_fixtures import HubServer, tiny_presets

E5 = HUB_PRESETS["multilingual-e5-small"]


def test_presets_list_document_models_with_sizes_and_languages(trove_home: Path) -> None:
    env = dict(os.environ, TROVE_HOME=str(trove_home))
    out = run_trove("models", "list", "--presets", env=env)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.strip().startswith(E5.name))
    assert "documents" in line and f"{E5.download_mb} MB download" in line
    assert f"{len(E5.languages)} languages" in line
    rows = json.loads(run_trove("models", "list", "--presets", "--json", env=env).stdout)
    bge = next(r for r in rows if r["name"] == "bge-small-en")
    assert (bge["for"], bge["languages"], bge["pack_mb"]) == ("documents", ["en"], 35)


def test_pinned_hashes_refuse_other_bytes_before_downloading(
    document_hub_repos: dict[str, dict[str, Path]], trove_home: Path
) -> None:
    """The real preset pins its tokenizer's SHA-256: a hub (or mirror) serving other bytes at
    that commit is refused, and before the graph is fetched (small files come first)."""
    folder = document_hub_repos["e5"]["Xenova-test/multilingual-e5-small"]
    repo = E5.repos[0]
    with HubServer({repo.repo: folder}, {repo.repo: str(repo.revision)}) as server:
        env = dict(os.environ, TROVE_HOME=str(trove_home), TROVE_HUB_URL=server.url)
        out = run_trove("models", "download", E5.name, env=env)
        assert out.returncode == 1, out.stderr
        assert "does not match (its SHA-256 differs from the pinned one)" in (out.stderr)
        assert not any(p.startswith("/cdn/") for p, _r in server.requests)
    assert run_trove("models", "list", "--json", env=env).stdout.strip() == "[]"


def test_download_chooses_the_document_model_and_use_switches_back(
    document_hub_repos: dict[str, dict[str, Path]],
    trove_home: Path,
    minilm_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktop_app.cli import main
    from desktop_app.settings import load_settings
    from tests.conftest import install_pack

    install_pack(minilm_pack, trove_home)
    tiny = tiny_presets()["e5"]
    monkeypatch.setitem(HUB_PRESETS, tiny.name, tiny)
    repos = {k: v for r in document_hub_repos.values() for k, v in r.items()}
    settings_file = trove_home / "config" / "settings.json"
    with HubServer(repos) as server:
        monkeypatch.setenv("TROVE_HUB_URL", server.url)
        assert main(["models", "download", tiny.name]) == 0
    said = capsys.readouterr()
    assert f"Installed {tiny.name}@" in said.out and "re-embedded in the background" in said.out
    for step in ("[download]", "[convert]", "[test]", "[install]"):
        assert step in said.err
    assert load_settings(settings_file).document_pack == tiny.name
    assert main(["models", "use", "minilm-l6"]) == 0
    assert load_settings(settings_file).document_pack == "minilm-l6"
    assert main(["models", "use", "no-such-pack"]) == 1
