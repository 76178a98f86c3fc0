"""The window in the user's language: every user-visible string of desktop_app/ui goes through
Qt's translation system, and every shipped language translates every one of them."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.settings import Settings
from desktop_app.ui.i18n import LANGUAGES, install_translators, local_date, system_language
from desktop_app.ui.results_model import day_label

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop_app" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
SHIPPED = [code for code in LANGUAGES if code != "en"]
BIN = Path(sys.executable).parent

# Qt calls whose string arguments a person reads (or hears, through a screen reader)
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setStatusTip", "setWhatsThis", "setSpecialValueText",
    "setHtml", "setTitle", "setLabelText", "setItemText", "setHorizontalHeaderLabels",
    "addItem", "addItems", "insertItem", "addRow", "addMenu", "addAction", "showMessage",
    "showText", "question", "warning", "critical", "information", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "emit", "drawText",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QAction", "QToolButton",
    "QGroupBox", "QMenu", "QTableWidgetItem", "QListWidgetItem",
    "_action",  # MainWindow's menu entries
}  # fmt: skip
NOT_WORDS = {"Trove"}  # the product's name reads the same in every language


KEYS = re.compile(r"^((Ctrl|Alt|Shift|Meta)\+)+\w+$")  # shortcuts: Qt shows them localised


def _words(text: str) -> bool:
    """Words a person reads: not markup, a key sequence or the product's name."""
    text = re.sub(r"<[^>]*>", "", text).strip()
    return (
        text not in NOT_WORDS
        and not KEYS.match(text)
        and re.search(r"[A-Za-z]{2}", text) is not None
    )


def _literals(node: ast.AST) -> Iterator[ast.AST]:
    """The string literals an argument puts on screen as they are (a translate() call or a
    variable is not one of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _words(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        if any(_words(v.value) for v in node.values if isinstance(v, ast.Constant)):
            yield node
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for elt in node.elts:
            yield from _literals(elt)


def untranslatable(source: str, name: str) -> list[str]:
    """``file:line: text`` for each literal handed straight to a Qt text call."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called not in TEXT_CALLS:
            continue
        for arg in [*call.args, *(k.value for k in call.keywords)]:
            for lit in _literals(arg):
                found.append(f"{name}:{lit.lineno}: {ast.unparse(lit)[:70]}")
    return found


def ui_sources() -> list[Path]:
    """The window's code and the workers' (their sentences reach the window)."""
    return sorted([*UI.rglob("*.py"), *(ROOT / "desktop_app" / "workers").rglob("*.py")])


def test_every_visible_string_is_marked_for_translation() -> None:
    files = ui_sources()
    assert len(files) > 20  # the scan saw the window's modules
    found = [f for p in files for f in untranslatable(p.read_text(encoding="utf-8"), p.name)]
    assert not found, "not translatable (wrap in translate()):\n" + "\n".join(found)


def test_the_scan_catches_a_plain_string() -> None:
    bad = 'b = QPushButton("Open")\nb.setToolTip(f"Open {name}")\nx.addItems(["All", "Photos"])\n'
    good = 'b = QPushButton(translate("Ctx", "Open"))\nw.setWindowTitle("Trove")\nb.setText("")\n'
    assert len(untranslatable(bad, "bad.py")) == 4
    assert untranslatable(good, "good.py") == []


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out[(name, m.findtext("source") or "")] = m
    return out


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """What pyside6-lupdate finds in the code now."""
    ts = tmp_path_factory.mktemp("lupdate") / "all.ts"
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, ui_sources()), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    found = set(_messages(ts))
    assert len(found) > 250
    return found


@pytest.mark.parametrize("lang", SHIPPED)
def test_each_language_translates_every_string(
    lang: str, extracted: set[tuple[str, str]], tmp_path: Path
) -> None:
    ts = TRANSLATIONS / f"trove_{lang}.ts"
    messages = _messages(ts)
    assert set(messages) >= extracted, f"{ts.name} lacks: {sorted(extracted - set(messages))[:5]}"
    unfinished = []
    for key in extracted:
        tr = messages[key].find("translation")
        assert tr is not None
        text = tr.text or ""
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            unfinished.append(key)
            continue
        # the {placeholders} survive translation, or .format() fails at run time
        assert sorted(re.findall(r"\{[^}]*\}", key[1])) == sorted(re.findall(r"\{[^}]*\}", text)), (
            lang,
            key,
            text,
        )
    assert not unfinished, f"{ts.name}: {len(unfinished)} unfinished, e.g. {unfinished[:3]}"
    # the committed .qm is what lrelease makes of the committed .ts
    qm = tmp_path / f"trove_{lang}.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes(), "run pyside6-lrelease"


def test_the_core_sentences_shown_translated_are_the_core_own() -> None:
    """The status line translates the core's fixed sentences by their English text: each one
    must still be said by the core, word for word."""
    from desktop_app.ui.status import CORE_SENTENCES

    core = "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "desktop_app" / "core").rglob("*.py")
    )
    assert CORE_SENTENCES and all(f'message="{s}"' in core for s in CORE_SENTENCES)


def test_the_language_follows_the_system() -> None:
    assert system_language(["de-DE", "en-US"]) == "de"
    assert system_language(["ja"]) == "ja"
    assert system_language(["zh-Hans-CN"]) == "zh_CN"
    assert system_language(["zh-TW", "fr-CA"]) == "fr"  # Traditional Chinese: not shipped
    assert system_language(["pt-BR"]) == "en"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[list[QTranslator]]:
    before = QLocale()
    translators = install_translators(qapp, "de", ROOT / "resources")
    yield translators
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(before)


def test_a_dialog_opens_in_german_with_qt_own_buttons(qtbot: QtBot, german: list) -> None:
    from desktop_app.ui.settings_dialog import SettingsDialog

    assert len(german) == 2  # Trove's strings and Qt's own (qtbase_de)
    dlg = SettingsDialog(Settings(language="ja"), [])
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Einstellungen"
    box = dlg.findChild(QDialogButtonBox)
    assert box is not None
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    assert dlg.language.currentData() == "ja"
    assert dlg.choices().language == "ja"
    names = [dlg.language.itemText(i) for i in range(dlg.language.count())]
    assert names[0].startswith("System (") and names[1:] == list(LANGUAGES.values())
    # days and months are the language's too
    assert local_date(date(2026, 12, 7)) == "07. Dez. 2026"
    assert day_label(date(2026, 11, 2), date(2026, 12, 7)) == "2. November"


def test_without_a_translator_the_window_speaks_english(qtbot: QtBot) -> None:
    from desktop_app.ui.settings_dialog import SettingsDialog

    dlg = SettingsDialog(Settings(), [])
    qtbot.addWidget(dlg)
    assert dlg.windowTitle() == "Settings"
    assert shutil.which(str(BIN / "pyside6-lupdate"))
