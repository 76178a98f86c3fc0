"""The window searches shared libraries beside its own index: one added in Settings answers in
the same ranking, its hits marked with its name; one that cannot be reached leaves this
computer's results shown at once and says so, without holding up the window.

The first library is a folder (a file:// address) written by Trove's own indexer: the same
read-only store and search code as a library on s3:// written by `trove cluster index`
(core.search.libraries.SharedLibrary opens either through IndexStore), without the object
store; tests/e2e/test_cluster.py searches one on SeaweedFS. The unreachable library is an
s3:// address whose endpoint is a closed port on 127.0.0.1."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.engine import EngineConfig, TroveEngine
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.results_model import LibraryRole, ThumbRole
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.workers.libraries import READY, UNREACHABLE, WAITING
from tests.conftest import install_pack
from tests.fixtures import man_page
from tests.ui.fake_engine import fake_host, sample_files
from tests.ui.gui_watchdog import GuiWatchdog
from tests.ui.windows import real_window

LIBRARY_PAGES = ("gzip", "tar", "sed", "ls")


def _library(dest: Path, pack: Path) -> Path:
    """Debian manual pages indexed by Trove's indexer into a folder of their own: a library."""
    files = dest / "library-files"
    files.mkdir(parents=True)
    for cmd in LIBRARY_PAGES:
        (files / f"{cmd}.txt").write_text(man_page("en", cmd))
    index = dest / "library-index"
    engine = TroveEngine(EngineConfig(index, (pack.parent,), roots=(str(files),)))
    engine.open()
    try:
        engine.index()
    finally:
        engine.close()
    return index


def _names(hits: tuple[object, ...]) -> list[str]:
    return [Path(h.path).name for h in hits]  # type: ignore[attr-defined]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_window_searches_its_index_and_a_library_in_one_ranking(
    qtbot: QtBot,
    tmp_path: Path,
    trove_home: Path,
    minilm_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = _library(tmp_path, minilm_pack)
    uri = f"file://{library}"
    install_pack(minilm_pack, trove_home)
    local = tmp_path / "local"
    local.mkdir()
    (local / "cp.txt").write_text(man_page("en", "cp"))
    win, settings, host = real_window(qtbot, (local,))
    try:
        qtbot.waitUntil(lambda: len(win.browse.model.hits()) == 1, timeout=120_000)

        # --- added in Settings by its folder: only the address is kept
        def add(dialog: SettingsDialog) -> int:
            dialog.library_address.setText(str(library))
            dialog.add_library()
            return 1

        monkeypatch.setattr(SettingsDialog, "exec", add)
        win.open_settings()
        assert settings.libraries == [uri]
        qtbot.waitUntil(lambda: host.libraries.states()[0].status == READY, timeout=60_000)

        # --- a library's words: its hit first, marked with the library
        win.search.field.setText("Lempel-Ziv coding")
        qtbot.waitUntil(lambda: any(h.library == uri for h in win.model.hits()), timeout=60_000)
        hits = win.model.hits()
        assert _names(hits)[0] == "gzip.txt" and hits[0].library == uri
        first = win.model.index(0)
        assert win.model.data(first, LibraryRole) == "library-index"
        tip = win.model.data(first, Qt.ItemDataRole.ToolTipRole)
        assert f"from the library {uri}" in tip
        # its files are readable from here: the tile shows the page's opening
        qtbot.waitUntil(
            lambda: win.model.data(win.model.index(0), ThumbRole) is not None, timeout=30_000
        )
        assert not win.model.data(win.model.index(0), ThumbRole).isNull()

        # --- this computer's words: its own file first, the library's after it
        win.search.field.setText("copy files and directories")
        qtbot.waitUntil(
            lambda: (
                _names(win.model.hits())[:1] == ["cp.txt"]
                and any(h.library == uri for h in win.model.hits())
            ),
            timeout=60_000,
        )
        assert win.model.hits()[0].library == ""
        assert win.model.data(win.model.index(0), LibraryRole) == ""

        # --- Settings lists it as ready; removed there, its hits leave the results
        def remove(dialog: SettingsDialog) -> int:
            assert dialog.library_list.item(0).text() == f"{uri} — ready"
            dialog.library_list.setCurrentRow(0)
            dialog.remove_library()
            return 1

        monkeypatch.setattr(SettingsDialog, "exec", remove)
        win.open_settings()
        assert settings.libraries == [] and host.libraries.states() == ()
        qtbot.waitUntil(lambda: not any(h.library for h in win.model.hits()), timeout=10_000)
        assert _names(win.model.hits()) == ["cp.txt"]
    finally:
        host.shutdown()


def test_an_unreachable_library_leaves_the_local_results_and_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in {
        "AWS_ACCESS_KEY_ID": "trovekey",
        "AWS_SECRET_ACCESS_KEY": "trovesecret",
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{_free_port()}",  # nothing listens there
        "AWS_REGION": "us-east-1",
        "AWS_ALLOW_HTTP": "true",
    }.items():
        monkeypatch.setenv(key, value)
    uri = "s3://trove/team-library"
    lib = str(tmp_path / "lib")
    paths = Paths.from_env()
    paths.ensure()
    host, made = fake_host(tmp_path, roots=(lib,), synchronous=False, files=sample_files(lib))
    settings = Settings(roots=[lib], welcome_done=True, libraries=[uri])
    win = MainWindow(paths, settings, host)
    qtbot.addWidget(win)
    win.show()
    host.start()
    try:
        qtbot.waitUntil(lambda: len(win.browse.model.hits()) == 5, timeout=20_000)
        with GuiWatchdog(limit_s=0.05) as dog:
            # this computer's result comes at once, while the library is still being asked
            with qtbot.waitSignal(win.results_shown, timeout=10_000):
                win.search.field.setText("taxes")
            assert _names(win.model.hits()) == ["taxes.pdf"]
            assert host.libraries.states()[0].status == WAITING  # not waited for
            # then the library is said to be unreachable, and why
            qtbot.waitUntil(win.library_status.isVisible, timeout=60_000)
            qtbot.waitUntil(host.idle, timeout=60_000)
        assert not dog.blocked(), "the GUI thread waited: " + "; ".join(map(str, dog.blocked()))
        state = host.libraries.states()[0]
        assert state.status == UNREACHABLE and state.reason.startswith("Connection refused")
        assert win.library_status.text().startswith(f"⚠ Library {uri} unreachable: Connection")
        assert _names(win.model.hits()) == ["taxes.pdf"]
        # a library known to be unreachable is not waited on by the next searches
        asked = len(made[0].called("search_library")) + len(made[0].called("check_library"))
        with qtbot.waitSignal(win.results_shown, timeout=10_000):
            win.search.field.setText("beach")
        assert _names(win.model.hits()) == ["beach.jpg"]
        qtbot.waitUntil(host.idle, timeout=10_000)
        assert len(made[0].called("search_library")) + len(made[0].called("check_library")) == asked

        # Settings says it beside the library
        shown: list[str] = []
        monkeypatch.setattr(
            SettingsDialog, "exec", lambda d: shown.append(d.library_list.item(0).text()) or 0
        )
        win.open_settings()
        assert shown[0].startswith(f"{uri} — unreachable: Connection refused (127.0.0.1:")
    finally:
        host.shutdown()
