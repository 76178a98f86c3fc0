"""Nothing slow on the GUI thread: a scripted session over large photos, the packs list, a pack
removal, a folder removal while indexing runs and the settings written, on a slow disk (every
engine call, manifest read, folder deletion and fsync takes 0.15 s). The GUI thread may never
be busy or waiting in Trove's code for more than 50 ms at a stretch (tests/ui/gui_watchdog.py
tells that apart from a loaded machine's scheduling)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.types import Kind
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from tests.fixtures import make_pdf, make_photo
from tests.ui.fake_engine import fake_host, record
from tests.ui.gui_watchdog import GuiWatchdog

SLOW_DISK_S = 0.15


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Manifests, folder deletions and fsyncs as slow as on a busy spinning disk."""
    import os

    import desktop_app.core.packs.registry as packs

    read_manifest, rmtree, fsync = packs.read_manifest, shutil.rmtree, os.fsync

    def slow_manifest(*a: object, **kw: object) -> object:
        time.sleep(SLOW_DISK_S)
        return read_manifest(*a, **kw)  # type: ignore[arg-type]

    def slow_rmtree(*a: object, **kw: object) -> None:
        time.sleep(SLOW_DISK_S)
        rmtree(*a, **kw)  # type: ignore[arg-type]

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_DISK_S)
        fsync(fd)

    monkeypatch.setattr(packs, "read_manifest", slow_manifest)
    monkeypatch.setattr(shutil, "rmtree", slow_rmtree)
    monkeypatch.setattr(os, "fsync", slow_fsync)


def test_the_gui_thread_never_waits(
    qtbot: QtBot, tmp_path: Path, trove_home: Path, tiny_clip_pack: Path, slow_disk: None
) -> None:
    paths = Paths.from_env()
    paths.ensure()
    shutil.copytree(tiny_clip_pack, paths.packs_dir / "tiny-clip")
    lib = tmp_path / "lib"
    now = time.time()
    photos = [
        make_photo(lib / "big-0.png", seed=0, size=(4000, 3000)),  # PNG: no reduced-size decode
        make_photo(lib / "big-1.jpg", seed=1, size=(4000, 3000)),
        make_photo(lib / "big-2.png", seed=2, size=(3000, 4000)),
        make_photo(lib / "big-3.jpg", seed=3, size=(4000, 3000)),
    ]
    pdf = make_pdf(lib / "manual.pdf", ["A manual. " * 40, "Page two"])
    files = [
        record(str(p), Kind.PHOTO, now - i * 60, root=str(lib), width=4000, height=3000)
        for i, p in enumerate(photos)
    ] + [record(str(pdf), Kind.DOCUMENT, now - 3600, root=str(lib))]
    host, made = fake_host(
        tmp_path,
        roots=(str(lib),),
        synchronous=False,
        packs_dir=paths.packs_dir,
        files=files,
        delay=SLOW_DISK_S,
        keep_watching=True,
    )
    win = MainWindow(paths, Settings(roots=[str(lib)], welcome_done=True), host)
    qtbot.addWidget(win)
    win.show()

    host.start()
    # Qt's first paint (fonts matched, glyphs cached) is Qt's cost, paid once: before watching
    qtbot.waitUntil(lambda: len(win.browse.model.hits()) == 5, timeout=20_000)
    qtbot.waitUntil(lambda: bool(made) and made[0].indexing.is_set(), timeout=10_000)
    qtbot.wait(300)

    with GuiWatchdog(limit_s=0.05) as dog:
        view, model = win.browse.view, win.browse.model
        for _ in range(2):  # selection changes over large photos (and a PDF's page)
            for row in range(model.rowCount()):
                if model.hit(row) is not None:
                    view.setCurrentIndex(model.index(row))
                    qtbot.wait(30)
        qtbot.waitUntil(lambda: win.preview.hit is not None, timeout=5000)
        row = next(r for r in range(model.rowCount()) if model.hit(r) is not None)
        view.setCurrentIndex(model.index(row))
        with qtbot.waitSignal(win.preview.image_copied, timeout=30_000):
            win.preview.copy_image()  # a 4000 × 3000 PNG to the clipboard
        # the packs list, read while the Settings dialog is open
        QTimer.singleShot(600, lambda: QApplication.activeModalWidget().reject())  # type: ignore[union-attr]
        win.open_settings()
        win.packs.remove("tiny-clip")  # a pack's folder deleted
        win.folders.apply([], [])  # a folder removed while indexing runs
        win.search.field.setText("big")  # a search and back to browsing, on a slow engine
        qtbot.wait(400)
        win.search.field.setText("")
        # pytest-qt pumps events here as the app's event loop would; host.wait_idle pumps them
        # from Trove's code, so Qt's own painting would count as a stall of Trove's
        qtbot.waitUntil(host.idle, timeout=30_000)
        qtbot.wait(300)
        host.shutdown()

    print("\nlate heartbeats:", "\n  ".join(map(str, dog.stalls)) or "none")
    blocked = dog.blocked()
    assert not blocked, "the GUI thread waited: " + "; ".join(map(str, blocked))
    assert made[0].called("forget") == ["trove-control"]  # the session did what it says
    assert not (paths.packs_dir / "tiny-clip").exists()


def test_the_watchdog_sees_a_wait_on_a_lock(qtbot: QtBot, tmp_path: Path) -> None:
    """The GUI thread blocked on a lock another thread holds (as on the engine's gate) is a
    stall of Trove's, although the thread sits in futex as it does when it waits for the GIL."""
    import threading

    from desktop_app.core.engine import EngineConfig
    from tests.ui.fake_engine import FakeEngine

    fake = FakeEngine(EngineConfig(tmp_path / "index", (tmp_path / "packs",)))
    held = threading.Event()

    def hold() -> None:
        with fake.lock:
            held.set()
            time.sleep(0.4)

    with GuiWatchdog(limit_s=0.05) as dog:
        qtbot.wait(50)
        holder = threading.Thread(target=hold)
        holder.start()
        held.wait()
        fake.called("search")  # waits on the lock, on the GUI thread
        qtbot.wait(50)
        holder.join()
    assert dog.blocked(), "a 400 ms wait on a lock went unseen: " + "; ".join(map(str, dog.stalls))
