"""Build the Linux bundle with PyInstaller and run the frozen `--self-test` offscreen."""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_linux_bundle_builds_and_self_tests(
    tmp_path: Path, hub_repos: dict[str, dict[str, Path]]
) -> None:
    out = tmp_path / "dist"
    build = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    tars = list(out.glob("trove-*-linux-x86_64.tar.gz"))
    debs = list(out.glob("trove_*_amd64.deb"))
    assert len(tars) == 1 and len(debs) == 1 and debs[0].stat().st_size > 50_000_000
    with tarfile.open(tars[0]) as tf:
        tf.extractall(tmp_path / "unpacked", filter="data")
    app = next((tmp_path / "unpacked").glob("trove-*"))
    assert (app / "install.sh").is_file() and (app / "uninstall.sh").is_file()
    env = dict(os.environ, TROVE_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    version = subprocess.run(
        [str(app / "trove" / "trove"), "--version"], capture_output=True, text=True, env=env
    )
    assert version.returncode == 0 and version.stdout.startswith("Trove ")
    selftest = subprocess.run(
        [str(app / "trove" / "trove"), "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "minilm-l6@" in selftest.stdout and "PASS" in selftest.stdout
    # the bundle never carries the export stack
    internal = app / "trove" / "_internal"
    assert not (internal / "torch").exists() and not (internal / "transformers").exists()
    # the window's languages: Trove's strings and Qt's own dialogs, and no other Qt language
    shipped = internal / "resources" / "translations"
    for lang in ("de", "fr", "es", "ja", "zh_CN"):
        assert (shipped / f"trove_{lang}.qm").is_file() and (
            shipped / f"qtbase_{lang}.qm"
        ).is_file()
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    _frozen_download_and_photo_search(app / "trove" / "trove", env, tmp_path, hub_repos)
    # per-user install and uninstall, no root
    prefix = tmp_path / "prefix"
    inst = subprocess.run(
        ["bash", str(app / "install.sh")],
        env=dict(env, PREFIX=str(prefix)),
        capture_output=True,
        text=True,
    )
    assert inst.returncode == 0 and (prefix / "bin" / "trove").exists()
    assert (prefix / "share" / "applications" / "trove.desktop").read_text().count("Exec=") == 1
    subprocess.run(
        ["bash", str(app / "uninstall.sh")],
        env=dict(env, PREFIX=str(prefix)),
        check=True,
        capture_output=True,
    )
    assert not (prefix / "bin" / "trove").exists()


def _frozen_download_and_photo_search(
    exe: Path, env: dict[str, str], tmp_path: Path, hub_repos: dict[str, dict[str, Path]]
) -> None:
    """The packaged app gets an image model from a local hub (download, int8, test: no torch
    in the bundle) and finds a photo with it."""
    import json

    from desktop_app.core.packs.get.hub import HUB_PRESETS
    from tests.fixtures import make_photo
    from tests.hub_fixtures import HubServer

    preset = HUB_PRESETS["clip-vit-b32-xenova"]
    repo = preset.repos[0]
    folder = hub_repos["xenova"]["Xenova-test/clip-vit-base-patch32"]
    with HubServer({repo.repo: folder}, {repo.repo: str(repo.revision)}) as server:
        got = subprocess.run(
            [str(exe), "models", "download", preset.name],
            capture_output=True,
            text=True,
            env=dict(env, TROVE_HUB_URL=server.url),
            timeout=600,
        )
    assert got.returncode == 0, got.stdout + got.stderr[-3000:]
    assert "[convert]" in got.stderr and f"Installed {preset.name}@" in got.stdout
    lib = tmp_path / "photos"
    make_photo(lib / "IMG_0001.jpg")
    indexed = subprocess.run(
        [str(exe), "index", str(lib)], capture_output=True, text=True, env=env, timeout=600
    )
    assert indexed.returncode == 0, indexed.stderr[-2000:]
    found = subprocess.run(
        [str(exe), "search", "a photo", "--type", "photo", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert found.returncode == 0, found.stderr[-2000:]
    assert [Path(h["path"]).name for h in json.loads(found.stdout)] == ["IMG_0001.jpg"]
