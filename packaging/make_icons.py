"""Render resources/icons/trove.svg to the PNG sizes desktops and installers need."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    icons = Path(__file__).resolve().parent.parent / "resources" / "icons"
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(icons / "trove.svg"))
    for size in SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(Qt.GlobalColor.transparent)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p)
        p.end()
        img.save(str(icons / f"trove-{size}.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
