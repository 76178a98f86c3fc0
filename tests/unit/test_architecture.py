"""Layering rules that import-linter cannot express: workers use QtCore only; the GUI stays lazy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "desktop_app"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_workers_use_qtcore_only() -> None:
    for f in (PKG / "workers").rglob("*.py"):
        qt = {m for m in _imports(f) if m.startswith("PySide6")}
        allowed = {"PySide6", "PySide6.QtCore"}
        assert qt <= allowed, f"{f.name} imports {qt - allowed}"


def test_core_has_no_qt() -> None:
    for f in (PKG / "core").rglob("*.py"):
        assert not any(m.startswith("PySide6") for m in _imports(f)), f


def test_startup_path_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "import desktop_app.cli, desktop_app.ui.main_window, desktop_app.workers.engine_host\n"
        "heavy = [m for m in ('lancedb', 'onnxruntime', 'pyarrow', 'torch', 'transformers') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
