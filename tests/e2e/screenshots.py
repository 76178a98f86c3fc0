"""Start Trove offscreen on a generated fixture folder and save screenshots of its main states.

    .venv/bin/python tests/e2e/screenshots.py OUT_DIR

Builds the real MiniLM pack (offline) and a tiny random CLIP pack on first use.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def build_fixture(root: Path) -> None:
    from tests.fixtures import make_docx, make_pdf, make_photo

    make_pdf(
        root / "Documents" / "garden-guide.pdf",
        [
            "Spring planting guide. Roses need full sun and well drained soil; water them weekly.",
            "Your annual income tax return must be filed with the revenue office before the end of April.",
        ],
    )
    make_docx(
        root / "Documents" / "team-meeting.docx",
        ["Team meeting minutes", "We agreed to hire two engineers next quarter."],
    )
    (root / "Documents" / "sourdough.md").write_text(
        "# Sourdough\n\nMix the starter with flour and water, let the dough rise overnight, then bake at 230 degrees.\n"
    )
    (root / "Documents" / "hardware-receipt.txt").write_text(
        "Hardware store receipt: two hammers, a box of nails, wood glue. Total 42.50.\n"
    )
    for i, name in enumerate(
        [
            "beach-sunset",
            "forest-walk",
            "city-lights",
            "birthday-cake",
            "mountain-lake",
            "garden-roses",
        ]
    ):
        make_photo(
            root / "Pictures" / f"{name}.jpg",
            seed=i + 10,
            size=(800, 600),
            taken=f"2023:0{i + 1}:1{i} 10:00:00",
            camera=("Canon", "Canon EOS 80D"),
            gps=(38.72, -9.14) if i == 0 else None,
        )
    (root / "Pictures" / "damaged.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a real photo")
    # a camera RAW (shown through its embedded preview) and a phone's HEIC
    from tests.fixtures import make_raw

    make_raw(root / "Pictures" / "beach-raw.NEF", seed=10, orientation=1)
    import pillow_heif
    from PIL import Image

    pillow_heif.register_heif_opener()
    heic_src = make_photo(root / "heic-src.png", seed=20, size=(800, 600))
    Image.open(heic_src).save(root / "Pictures" / "beach-phone.heic", format="HEIF")
    heic_src.unlink()


def main(out: Path) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="trove-shots-"))
    os.environ["TROVE_HOME"] = str(work / "home")
    from desktop_app.core.engine import EngineConfig
    from desktop_app.paths import Paths
    from desktop_app.settings import Settings
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.workers.engine_host import EngineHost
    from models.export import build_pack, resolve_source
    from tests.conftest import _tiny_clip_dir

    paths = Paths.from_env()
    paths.ensure()
    name, src, label = resolve_source("minilm-l6", None)
    build_pack(name, src, paths.packs_dir, source_label=label)
    library = work / "library"
    build_fixture(library)

    app = QApplication(sys.argv[:1])
    app.setStyleSheet((paths.resources / "style.qss").read_text())

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(w: object, name: str) -> None:
        pump(300)
        w.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]
        print(out / f"{name}.png")

    settings = Settings()
    cfg = EngineConfig(paths.index_dir, (paths.packs_dir, paths.bundled_packs))
    host = EngineHost(cfg)
    win = MainWindow(paths, settings, host)
    win.resize(1200, 760)
    win.show()
    host.start()
    shot(win, "welcome")

    win.add_folders([str(library)])
    for _ in range(100):
        pump(50)
        if win.status.bar.isVisible():
            break
    shot(win, "indexing")
    for _ in range(600):
        pump(100)
        if (
            host.ready and "Up to date" in win.status.label.text()
        ) or "Watching" in win.status.label.text():
            break

    win.search.field.setText("when is my tax return due")
    for _ in range(100):
        pump(50)
        if win.last_result is not None:
            break
    shot(win, "results-document")

    # add a tiny CLIP pack so photos get vectors (random weights: mechanics, not quality)
    clip_src = _tiny_clip_dir(work / "tiny-clip-src")
    tiny = build_pack("tiny-clip", clip_src, work / "packs").pack_dir
    win.import_pack(tiny)
    for _ in range(300):
        pump(100)
        if not win.banner.isVisible() and "Up to date" in win.status.label.text():
            break
    win.last_result = None
    win.search.field.setText("beach")
    for _ in range(100):
        pump(50)
        if win.last_result is not None:
            break
    shot(win, "results-photos")
    win.search_image(str(library / "Pictures" / "forest-walk.jpg"))
    pump(800)
    shot(win, "image-query")
    win.search.field.setText("at night")
    win.strength.setValue(15)
    pump(800)
    shot(win, "image-plus-words")
    win.clear_image_query()
    win.search.field.setText("qwxzv zzkvq")
    pump(800)
    shot(win, "no-confident-match")
    win.show_details()
    pump(800)
    shot(win.details, "problems")
    win.set_view_mode("list")
    win.search.field.setText("hardware nails")
    win.clear_image_query()
    pump(800)
    shot(win, "results-list")
    host.shutdown()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
