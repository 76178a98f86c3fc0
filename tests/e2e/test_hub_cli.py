"""`trove models download` and `import-files` end to end: a local hub, then photos found by meaning."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from desktop_app.core.packs.get.hub import HUB_PRESETS
from tests.fixtures import make_photo, run_trove
from tests.hub_fixtures import HubServer

XENOVA = HUB_PRESETS["clip-vit-b32-xenova"]


@pytest.fixture
def xenova_hub(hub_repos: dict[str, dict[str, Path]]):  # type: ignore[no-untyped-def]
    """The tiny Xenova-layout towers served as the real preset's repository and commit."""
    folder = hub_repos["xenova"]["Xenova-test/clip-vit-base-patch32"]
    repo = XENOVA.repos[0]
    with HubServer({repo.repo: folder}, {repo.repo: str(repo.revision)}) as server:
        yield server, folder


def test_download_then_index_and_search_photos(
    xenova_hub: tuple[HubServer, Path], tmp_path: Path, trove_home: Path, minilm_pack: Path
) -> None:
    from tests.conftest import install_pack

    install_pack(minilm_pack, trove_home)
    server, _ = xenova_hub
    env = dict(os.environ, TROVE_HOME=str(trove_home), TROVE_HUB_URL=server.url)
    out = run_trove("models", "download", XENOVA.name, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    assert f"Installed {XENOVA.name}@" in out.stdout
    for step in ("[check]", "[download]", "[convert]", "[test]", "[install]"):
        assert step in out.stderr, out.stderr
    assert "MB" in out.stderr  # bytes (and rate / time left) while downloading
    lib = tmp_path / "lib"
    make_photo(lib / "IMG_0001.jpg")  # no words in the name: only the image tower finds it
    assert run_trove("index", str(lib), env=env).returncode == 0
    status = run_trove("status", env=env)
    assert f"{XENOVA.name}@" in status.stdout, status.stdout
    found = run_trove("search", "a photo of a beach", "--type", "photo", "--json", env=env)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert [Path(h["path"]).name for h in hits] == ["IMG_0001.jpg"], hits


def test_no_network_points_to_the_offline_ways(tmp_path: Path, trove_home: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, TROVE_HOME=str(trove_home), TROVE_HUB_URL=f"http://127.0.0.1:{port}")
    out = run_trove("models", "download", env=env)
    assert out.returncode == 1
    assert "cannot reach" in out.stderr and "import-files" in out.stderr, out.stderr
    bad = run_trove("models", "download", "no-such-model", env=env)
    assert bad.returncode == 1 and "known:" in bad.stderr
    plain = run_trove("models", "download", env=dict(env, TROVE_HUB_URL="http://mirror.example"))
    assert plain.returncode == 1 and "HTTPS only" in plain.stderr


def test_import_files_from_another_computer(
    xenova_hub: tuple[HubServer, Path], tmp_path: Path, trove_home: Path
) -> None:
    server, folder = xenova_hub
    brought = tmp_path / "usb" / "clip-vit-base-patch32"
    shutil.copytree(folder, brought)
    env = dict(os.environ, TROVE_HOME=str(trove_home), TROVE_HUB_URL=server.url)
    offline = run_trove(
        "models", "import-files", str(brought.parent), XENOVA.name, "--offline", env=env
    )
    assert offline.returncode == 1 and "cannot be checked offline" in offline.stderr
    out = run_trove("models", "import-files", str(brought.parent), XENOVA.name, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"Installed {XENOVA.name}@" in out.stdout
    listed = run_trove("models", "list", env=env)
    assert XENOVA.name in listed.stdout
