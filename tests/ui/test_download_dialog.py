"""The "Get a model" dialog against a local hub: download, offline, import, cancel; the wiring."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.cancel import CancelToken
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.get.download import HubClient
from desktop_app.ui.download_dialog import DownloadDialog
from desktop_app.workers.pack_download import PackDownloader
from tests.hub_fixtures import HubServer, tiny_presets

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "sample").glob("*.jpg"))
PRESET = tiny_presets()["xenova"]


@pytest.fixture
def server(hub_repos: dict[str, dict[str, Path]]):  # type: ignore[no-untyped-def]
    with HubServer(hub_repos["xenova"]) as s:
        yield s


def _dialog(qtbot: QtBot, packs: Path, url: str) -> DownloadDialog:
    def client(c: CancelToken) -> HubClient:
        return HubClient(url, cancel=c)

    worker = PackDownloader(packs, SAMPLES, client=client)
    imported: list[object] = []
    dlg = DownloadDialog(packs, SAMPLES, imported.append, downloader=worker, presets=[PRESET])
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_download_shows_progress_and_installs(
    qtbot: QtBot, server: HubServer, tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    dlg = _dialog(qtbot, packs, server.url)
    qtbot.waitUntil(lambda: dlg.download_btn.isEnabled(), timeout=10000)
    assert "Ready to download from 127.0.0.1" in dlg.status.text()
    assert not dlg.offline_box.isVisible()
    details: list[str] = []
    dlg.worker.progress_changed.connect(lambda _p: details.append(dlg.detail.text()))
    with qtbot.waitSignal(dlg.installed, timeout=180000) as got:
        qtbot.mouseClick(dlg.download_btn, qtbot_button())
    assert got.args[0].name == PRESET.name
    assert "Installed tiny-xenova" in dlg.status.text()
    assert any(" of " in d and "MB" in d for d in details), details[-5:]  # bytes of total
    assert PackManager([packs]).get(PRESET.name).family == "clip"


def test_offline_says_so_at_once_and_offers_the_offline_ways(
    qtbot: QtBot, tmp_path: Path, hub_repos: dict[str, dict[str, Path]]
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    packs = tmp_path / "packs"
    dlg = _dialog(qtbot, packs, f"http://127.0.0.1:{port}")
    qtbot.waitUntil(lambda: dlg.offline_box.isVisible(), timeout=10000)
    assert dlg.status.text().startswith("No network: cannot reach 127.0.0.1")
    assert not dlg.download_btn.isEnabled()
    assert dlg.import_pack_btn.isEnabled() and dlg.import_files_btn.isEnabled()
    qtbot.mouseClick(dlg.import_pack_btn, qtbot_button())  # the pack-file import is offered
    # the files to bring are named here, not in the README
    help_text = dlg.offline_text.text()
    assert "README" not in help_text
    assert all(f.path in help_text for f in PRESET.repos[0].files if not f.optional)
    assert PRESET.repos[0].repo in help_text
    (tmp_path / "empty").mkdir()
    with qtbot.waitSignal(dlg.worker.failed, timeout=30000):  # a folder without them
        dlg.import_folder(tmp_path / "empty")
    assert dlg.status.text().startswith("Not installed:")
    assert not dlg.download_btn.isEnabled()  # still no network to download from
    assert dlg.detail.text() == "" and not dlg.bar.isVisible()
    # the model's files brought on a stick, with pins for them (no listing to ask offline)
    import dataclasses
    import hashlib

    folder = tmp_path / "usb"
    shutil.copytree(hub_repos["xenova"]["Xenova-test/clip-vit-base-patch32"], folder)
    repo = PRESET.repos[0]
    pinned = tuple(
        dataclasses.replace(f, sha256=hashlib.sha256((folder / f.path).read_bytes()).hexdigest())
        for f in repo.files
    )
    dlg.presets = [dataclasses.replace(PRESET, repos=(dataclasses.replace(repo, files=pinned),))]
    with qtbot.waitSignal(dlg.installed, timeout=180000):
        dlg.import_folder(folder)
    assert PackManager([packs]).get(PRESET.name)


def test_cancel_stops_and_says_what_is_kept(
    qtbot: QtBot, server: HubServer, tmp_path: Path
) -> None:
    server.faults.stall.add("onnx/vision_model.onnx")
    dlg = _dialog(qtbot, tmp_path / "packs", server.url)
    qtbot.waitUntil(lambda: dlg.download_btn.isEnabled(), timeout=10000)
    qtbot.mouseClick(dlg.download_btn, qtbot_button())
    qtbot.waitUntil(lambda: "Downloading vision_model.onnx" in dlg.detail.text(), timeout=30000)
    with qtbot.waitSignal(dlg.worker.cancelled, timeout=15000):
        qtbot.mouseClick(dlg.cancel_btn, qtbot_button())
    assert dlg.status.text().startswith("Stopped. What was downloaded is kept")
    assert dlg.download_btn.isEnabled() and not dlg.cancel_btn.isEnabled()


def test_banner_and_settings_open_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.engine import EngineConfig
    from desktop_app.paths import Paths
    from desktop_app.settings import Settings
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.workers.engine_host import EngineHost

    paths = Paths.from_env()
    paths.ensure()
    host = EngineHost(EngineConfig(paths.index_dir, (paths.packs_dir,)))
    win = MainWindow(paths, Settings(welcome_done=True), host)
    qtbot.addWidget(win)
    win.show()
    win.banner.download_requested.emit()
    dlg = win._download_dialog
    qtbot.waitUntil(lambda: dlg.isVisible(), timeout=5000)
    assert dlg.windowTitle() == "Get a model"
    dlg.close()


def qtbot_button():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_document_model_says_what_it_changes_and_installs(
    qtbot: QtBot, document_hub_repos: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    e5 = tiny_presets()["e5"]
    packs = tmp_path / "packs"
    with HubServer(document_hub_repos["e5"]) as hub:
        worker = PackDownloader(packs, SAMPLES, client=lambda c: HubClient(hub.url, cancel=c))
        dlg = DownloadDialog(
            packs, SAMPLES, lambda _p: None, downloader=worker, presets=[PRESET, e5], chosen=e5.name
        )
        qtbot.addWidget(dlg)
        dlg.show()
        assert dlg.preset.name == e5.name  # the offer shows the model it was opened for
        assert "Documents are searched by meaning with this model" in dlg.kind_note.text()
        assert "6 languages" in dlg.kind_note.text()
        qtbot.waitUntil(lambda: dlg.download_btn.isEnabled(), timeout=10000)
        assert not any("/resolve/" in p or p.startswith("/cdn/") for p, _r in hub.requests)
        with qtbot.waitSignal(dlg.installed, timeout=180000) as got:
            qtbot.mouseClick(dlg.download_btn, qtbot_button())
    assert got.args[0].name == e5.name and got.args[0].family == "sentence"
    assert "documents' passages are being embedded" in dlg.status.text()
    dlg.choice.setCurrentIndex(dlg.choice.findData(PRESET.name))
    assert dlg.kind_note.text() == "Photos are found by what they show with this model."
