"""Build the Linux bundle with PyInstaller and run the frozen `--self-test` offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is needed for the .deb")
def test_linux_bundle_builds_and_self_tests(tmp_path: Path) -> None:
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
