"""Start Trove on a generated fixture folder and save screenshots of its main states.

    .venv/bin/python tests/e2e/screenshots.py OUT_DIR            # offscreen
    DISPLAY=:7 .venv/bin/python tests/e2e/screenshots.py OUT_DIR # a real X server (Xvfb)
    .venv/bin/python tests/e2e/screenshots.py OUT_DIR ja         # the window in Japanese

Builds the real MiniLM pack (offline) and a tiny random CLIP pack on first use. The library:
two PDF manuals with headings (written with Qt's PDF writer), Markdown chapters, notes, code,
a DOCX and an HTML page, drawn photos (a beach, a lake, a city at night, ...) with dates,
camera and a place, near-identical copies for the Duplicates view, a RAW and a HEIC.
States: welcome, browsing while indexing, browsing when done, a document query (list
layout), a photo query, an image query, image + words, no confident match, the problems,
settings, duplicates, and the browse and results views in a dark palette.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

# a real X server when there is one (Xvfb: its fonts and rendering), else offscreen; set here,
# before tests.conftest (which picks offscreen for the test suite) is imported
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

MANUAL_GARDEN = [
    (
        "The Garden Handbook",
        "A season-by-season guide to roses, vegetables and a lawn that survives the summer.",
    ),
    (
        "1. Spring planting",
        "Roses need full sun and well drained soil. Plant bare-root roses in early spring, "
        "water them weekly and mulch the beds once the soil has warmed.",
    ),
    (
        "2. Watering",
        "Water deeply and less often: twice a week in dry weather is better than a little "
        "every day. Early morning watering keeps leaves dry and fungus away.",
    ),
]
MANUAL_TAXES = [
    (
        "Household Paperwork",
        "Where the receipts, insurance papers and tax returns of a household should go.",
    ),
    (
        "Your annual tax return",
        "Your annual income tax return must be filed with the revenue office before the end "
        "of April. Keep the receipts for deductible expenses for seven years.",
    ),
    (
        "Home insurance",
        "The policy renews every March. Photograph valuable items and keep the pictures with "
        "the policy: they speed up any claim.",
    ),
]
FILLER = [
    "Keep a notebook with the dates of every planting, feeding and repair: next year you "
    "will know what worked, and when.",
    "Tools last longer when they are cleaned and oiled after use and hung where they dry. "
    "A bucket of sand with a little oil cleans spades in seconds.",
    "Check the list at the start of each month. Anything you cannot do this month goes to "
    "the top of the next one, with a note of why it waited.",
]
CHAPTERS = {
    "ch01-getting-started.md": "# Getting Started\n\nLet's start your Rust journey! There's a "
    "lot to learn, but every journey starts somewhere. In this chapter, we'll discuss:\n\n"
    "- Installing Rust on Linux, macOS, and Windows\n- Writing a program that prints "
    "`Hello, world!`\n- Using `cargo`, Rust's package manager and build system\n",
    "ch04-ownership.md": "# Understanding Ownership\n\nOwnership is Rust's most unique "
    "feature and has deep implications for the rest of the language. It enables Rust to make "
    "memory safety guarantees without needing a garbage collector.\n\n## What Is Ownership?\n\n"
    "Each value in Rust has an owner. There can only be one owner at a time. When the owner "
    "goes out of scope, the value will be dropped.\n",
    "ch08-collections.md": "# Common Collections\n\nRust's standard library includes a number "
    "of very useful data structures called collections: vectors, strings and hash maps.\n",
}


def draw_scene(path: Path, scene: str, size: tuple[int, int] = (1200, 800), **exif: object) -> Path:
    """A simple drawn photo of a scene, far easier to tell apart than noise."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    from tests.fixtures import make_photo

    w, h = size
    skies = {
        "beach-sunset": ((255, 170, 90), (120, 60, 140)),
        "mountain-lake": ((120, 180, 240), (220, 235, 250)),
        "city-lights": ((10, 14, 40), (40, 40, 80)),
        "forest-walk": ((170, 210, 240), (230, 240, 250)),
        "birthday-cake": ((250, 230, 210), (240, 210, 190)),
        "garden-roses": ((160, 200, 120), (90, 140, 70)),
    }
    top, bottom = skies[scene]
    t = np.linspace(0, 1, h)[:, None, None]
    arr = (1 - t) * np.array(top)[None, None, :] + t * np.array(bottom)[None, None, :]
    im = Image.fromarray(np.broadcast_to(arr, (h, w, 3)).astype(np.uint8))
    d = ImageDraw.Draw(im)
    rng = np.random.default_rng(len(scene))
    if scene == "beach-sunset":
        d.ellipse((w * 0.42, h * 0.32, w * 0.58, h * 0.56), fill=(255, 214, 120))
        d.rectangle((0, h * 0.5, w, h * 0.75), fill=(40, 70, 130))
        d.rectangle((0, h * 0.75, w, h), fill=(230, 200, 150))
    elif scene == "mountain-lake":
        for x0, peak, col in ((-0.1, 0.2, (110, 110, 125)), (0.35, 0.12, (90, 95, 110))):
            d.polygon(
                [(w * x0, h * 0.6), (w * (x0 + 0.35), h * peak), (w * (x0 + 0.75), h * 0.6)],
                fill=col,
            )
            d.polygon(
                [
                    (w * (x0 + 0.27), h * 0.25),
                    (w * (x0 + 0.35), h * peak),
                    (w * (x0 + 0.43), h * 0.25),
                ],
                fill=(245, 245, 250),
            )
        d.rectangle((0, h * 0.6, w, h), fill=(60, 110, 150))
    elif scene == "city-lights":
        for i in range(14):
            x = i * w / 14
            top_y = h * float(rng.uniform(0.2, 0.6))
            d.rectangle((x, top_y, x + w / 15, h), fill=(25, 25, 35))
            for wy in range(int(top_y) + 10, h, 26):
                for wx in range(int(x) + 8, int(x + w / 15) - 8, 18):
                    if rng.random() < 0.45:
                        d.rectangle((wx, wy, wx + 8, wy + 12), fill=(255, 220, 120))
    elif scene == "forest-walk":
        d.rectangle((0, h * 0.7, w, h), fill=(90, 130, 60))
        for i in range(18):
            x = float(rng.uniform(0, w))
            s = float(rng.uniform(0.6, 1.2))
            d.rectangle((x - 8 * s, h * 0.62, x + 8 * s, h * 0.78), fill=(90, 60, 40))
            d.polygon(
                [(x - 70 * s, h * 0.66), (x, h * (0.66 - 0.45 * s)), (x + 70 * s, h * 0.66)],
                fill=(30, 100 + i * 4, 50),
            )
        d.line((w * 0.5, h, w * 0.55, h * 0.7), fill=(180, 150, 110), width=60)
    elif scene == "birthday-cake":
        d.rectangle((0, h * 0.7, w, h), fill=(150, 100, 70))
        d.rectangle((w * 0.3, h * 0.45, w * 0.7, h * 0.72), fill=(250, 240, 245))
        d.rectangle((w * 0.3, h * 0.45, w * 0.7, h * 0.52), fill=(230, 120, 160))
        for i in range(5):
            cx = w * (0.36 + i * 0.07)
            d.rectangle((cx - 6, h * 0.33, cx + 6, h * 0.45), fill=(120, 170, 240))
            d.ellipse((cx - 9, h * 0.27, cx + 9, h * 0.33), fill=(255, 200, 60))
    elif scene == "garden-roses":
        for _ in range(40):
            x, y = float(rng.uniform(0, w)), float(rng.uniform(h * 0.1, h))
            r = float(rng.uniform(25, 60))
            d.ellipse((x - r, y - r, x + r, y + r), fill=(200 + int(rng.integers(0, 50)), 30, 60))
            d.ellipse((x - r / 3, y - r / 3, x + r / 3, y + r / 3), fill=(150, 20, 40))
    im = im.filter(ImageFilter.GaussianBlur(1.2))
    tmp = make_photo(path, **exif)  # EXIF (date, camera, place) from the fixture helper
    from PIL import Image as _Image

    with _Image.open(tmp) as src:
        exif_bytes = src.info.get("exif", b"")
    im.save(path, quality=90, exif=exif_bytes)
    return path


def write_manual(path: Path, sections: list[tuple[str, str]]) -> Path:
    """A PDF with a title, headings and paragraphs, one section a page."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    p = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(150)
    for i, (heading, text) in enumerate(sections):
        if i:
            writer.newPage()
        f = QFont("sans-serif")
        f.setPixelSize(60 if i == 0 else 42)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor("#1a4d8f" if i == 0 else "#222"))
        p.drawText(QRectF(0, 0, page.width(), 160), heading)
        f = QFont("serif")
        f.setPixelSize(28)
        p.setFont(f)
        p.setPen(QColor("#222"))
        y = 180.0
        for body in [text, *FILLER[i % len(FILLER) :], *FILLER[: i % len(FILLER)]]:
            box = p.boundingRect(QRectF(0, y, page.width(), 2000), 0x1000 | 0x0001, body)
            p.drawText(QRectF(0, y, page.width(), box.height()), 0x1000 | 0x0001, body)
            y += box.height() + 40
    p.end()
    return path


def build_fixture(root: Path) -> None:
    from tests.fixtures import make_docx, make_raw

    docs = root / "Documents"
    write_manual(docs / "garden-handbook.pdf", MANUAL_GARDEN)
    write_manual(docs / "household-paperwork.pdf", MANUAL_TAXES)
    make_docx(
        docs / "team-meeting.docx",
        ["Team meeting minutes", "We agreed to hire two engineers next quarter."],
    )
    (docs / "sourdough.md").write_text(
        "# Sourdough\n\nMix the starter with flour and water, let the dough rise overnight, "
        "then bake at 230 degrees.\n\n## Feeding the starter\n\nOnce a day, equal weights of "
        "flour and water.\n"
    )
    (docs / "hardware-receipt.txt").write_text(
        "Hardware store receipt\n\n2 x hammer        19.90\n1 x box of nails   6.20\n"
        "1 x wood glue      4.50\n\nTotal             42.50\n"
    )
    (docs / "lisbon-trip.html").write_text(
        "<html><body><h1>Lisbon trip</h1><p>Tram 28 from Martim Moniz, the castle at sunset, "
        "pastéis in Belém.</p></body></html>"
    )
    (docs / "resize_photos.py").write_text(
        "from pathlib import Path\n\nfrom PIL import Image\n\n\ndef shrink(folder: Path) -> None:\n"
        '    for p in folder.glob("*.jpg"):\n        with Image.open(p) as im:\n'
        "            im.thumbnail((1600, 1600))\n            im.save(p)\n"
    )
    for name, text in CHAPTERS.items():
        (root / "rust-book" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "rust-book" / name).write_text(text)
    pics = root / "Pictures"
    scenes = ["beach-sunset", "forest-walk", "city-lights", "birthday-cake", "mountain-lake"]
    for i, name in enumerate(scenes + ["garden-roses"]):
        draw_scene(
            pics / f"{name}.jpg",
            name,
            taken=f"2024:0{i + 1}:1{i} 10:00:00",
            camera=("Canon", "Canon EOS 80D"),
            gps=(38.72, -9.14) if i == 0 else None,
        )
    # near-identical copies: a resized copy and a second shot of the same sunset
    from PIL import Image, ImageEnhance

    with Image.open(pics / "beach-sunset.jpg") as im:
        im.resize((600, 400)).save(pics / "beach-sunset (small copy).jpg", quality=80)
        ImageEnhance.Brightness(im).enhance(1.08).save(pics / "beach-sunset-2.jpg", quality=88)
    (pics / "damaged.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a real photo")
    make_raw(pics / "beach-raw.NEF", seed=10, orientation=1)
    import pillow_heif

    pillow_heif.register_heif_opener()
    with Image.open(pics / "mountain-lake.jpg") as im:
        im.resize((800, 533)).save(pics / "lake-phone.heic", format="HEIF")
    # a library gathered over weeks: the browse view groups it by day
    import time

    for rel, days in DAYS_AGO.items():
        when = time.time() - days * 86400 - 3600
        os.utime(root / rel, (when, when))


DAYS_AGO = {
    "Documents/team-meeting.docx": 0,
    "Documents/hardware-receipt.txt": 0,
    "Documents/sourdough.md": 1,
    "Pictures/beach-sunset-2.jpg": 1,
    "Pictures/beach-sunset (small copy).jpg": 1,
    "Documents/household-paperwork.pdf": 2,
    "Documents/resize_photos.py": 3,
    "Documents/lisbon-trip.html": 9,
    "rust-book/ch01-getting-started.md": 20,
    "rust-book/ch04-ownership.md": 20,
    "rust-book/ch08-collections.md": 21,
    "Documents/garden-handbook.pdf": 40,
    "Pictures/lake-phone.heic": 60,
}


def dark_palette() -> object:
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#8ab4f8",
        QPalette.ColorRole.HighlightedText: "#202124",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Mid: "#5f6368",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b6f75"))
    return pal


def main(out: Path, language: str = "en") -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="trove-shots-"))
    os.environ["TROVE_HOME"] = str(work / "home")
    from desktop_app.core.engine import EngineConfig
    from desktop_app.paths import Paths
    from desktop_app.settings import Settings
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.results_model import HitRole
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.workers.engine_host import EngineHost
    from models.export import build_pack, resolve_source
    from tests.conftest import _tiny_clip_dir

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")  # the same look offscreen and under Xvfb, light and dark
    light = app.palette()
    from desktop_app.ui.i18n import install_translators

    translators = install_translators(
        app, language, Path(__file__).resolve().parents[2] / "resources"
    )
    app.setStyleSheet((Path(__file__).resolve().parents[2] / "resources" / "style.qss").read_text())
    paths = Paths.from_env()
    paths.ensure()
    name, src, label = resolve_source("minilm-l6", None)
    build_pack(name, src, paths.packs_dir, source_label=label)
    library = work / "library"
    build_fixture(library)

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(cond: object, timeout_ms: int) -> None:
        for _ in range(timeout_ms // 50):
            if cond():  # type: ignore[operator]
                return
            pump(50)

    def shot(w: object, name: str) -> None:
        pump(400)
        w.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]
        print(out / f"{name}.png")

    settings = Settings(language=language)
    cfg = EngineConfig(paths.index_dir, (paths.packs_dir, paths.bundled_packs))
    host = EngineHost(cfg)
    win = MainWindow(paths, settings, host)
    win.resize(1280, 800)
    win.show()
    host.start()
    until(lambda: host.ready and win.packs.loaded, 20000)
    shot(win, "welcome")

    win.add_folders([str(library)])
    until(lambda: win.browse.model.hits(), 60000)  # the first files, while indexing runs
    shot(win, "browse-indexing")
    until(
        lambda: "Up to date" in win.status.label.text() or "Watching" in win.status.label.text(),
        120000,
    )
    win.searching.run()
    until(lambda: win.browse.state is not None and not win.browse.state.indexing, 5000)
    shot(win, "browse")

    def search(text: str) -> None:
        win.searching.last_result = None
        win.search.field.setText(text)
        until(lambda: win.last_result is not None, 20000)

    search("keep the receipts for the tax return")
    shot(win, "results-document")
    win.set_view_mode("grid")  # Ctrl+1 after a list: rank order along the rows
    shot(win, "results-grid-after-list")
    win.set_view_mode("auto")
    win.view.setFocus()
    win.view.preview_requested.emit(win.view.currentIndex().data(HitRole))  # Space
    shot(win.quick_look, "quick-look")
    win.quick_look.close()

    # a tiny CLIP pack so photos get vectors (random weights: mechanics, not quality)
    clip_src = _tiny_clip_dir(work / "tiny-clip-src")
    tiny = build_pack("tiny-clip", clip_src, work / "packs").pack_dir
    win.import_pack(tiny)
    until(lambda: win.packs.has_image_pack, 60000)
    until(lambda: "Up to date" in win.status.label.text(), 120000)
    search("beach")
    shot(win, "results-photos")
    win.search.field.setText("")
    win.search_image(str(library / "Pictures" / "beach-sunset.jpg"))
    until(lambda: win.last_result is not None and win.last_result.query.image_path, 20000)
    shot(win, "image-query")
    win.search.field.setText("at night")
    win.image_chip.strength.setValue(15)
    pump(1000)
    shot(win, "image-plus-words")
    win.clear_image_query()
    win.search.field.setText("")
    today = date.today()
    win.search.dates.set_range(today - timedelta(days=400), today - timedelta(days=30))
    pump(1500)
    shot(win, "date-range")
    win.search.clear_filters()  # back to Any date
    search("qwxzv zzkvq")
    shot(win, "no-confident-match")
    win.show_details()
    pump(800)
    shot(win.details, "problems")
    win.details.hide()

    dlg = SettingsDialog(settings, win.packs.packs, win)
    dlg.show()
    shot(dlg, "settings")
    dlg.close()

    win.show_duplicates()
    until(lambda: win.duplicates.report is not None, 20000)
    shot(win, "duplicates")
    win.focus_search()

    app.setPalette(dark_palette())  # type: ignore[arg-type]
    app.setStyleSheet(app.styleSheet())  # polish every widget again with the new colours
    win.search.field.setText("")
    search("sourdough starter")
    shot(win, "dark-results-document")
    win.search.field.clear()
    win.searching.set_text("")
    pump(1500)
    shot(win, "dark-browse")
    app.setPalette(light)
    host.shutdown()
    del translators  # kept alive while the window was shown
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(
            Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"),
            sys.argv[2] if len(sys.argv) > 2 else "en",
        )
    )
