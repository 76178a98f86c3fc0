"""Suggest, never surprise: the window offers the multilingual document model once, when the
library's languages (or the system's) are mostly not the document model's; nothing is
downloaded without a click."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.packs.get.hub import HUB_PRESETS, MULTILINGUAL_DOCUMENTS, MULTILINGUAL_PHOTOS
from desktop_app.core.packs.suggest import LanguageHint, language_hint
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from tests.ui.fake_engine import fake_host, sample_files

E5 = HUB_PRESETS[MULTILINGUAL_DOCUMENTS]
SIGLIP2 = HUB_PRESETS[MULTILINGUAL_PHOTOS]


def test_the_rule() -> None:
    en = ("en",)
    assert language_hint(("de", "ja", "en"), "en", en, E5, ()) == LanguageHint(
        ("de", "ja"), False, E5.name, E5.download_mb, E5.pack_mb
    )
    assert language_hint(("de", "en"), "en", en, E5, ()) is None  # half is not most
    hint = language_hint(("en",), "de", en, E5, ())  # the system's language alone
    assert hint is not None and hint.from_locale and hint.languages == ("de",)
    assert language_hint(("de", "ja"), "de", E5.languages, E5, ()) is None  # understood
    assert language_hint(("de", "ja"), "de", en, E5, ("minilm-l6", E5.name)) is None
    assert language_hint((), "", en, E5, ()) is None
    assert language_hint(("xx", "yy"), "zz", en, E5, ()) is None  # E5 would not help either
    # photos: the languages of queries CLIP could not read, or the system's
    hint = language_hint(("de",), "en", en, SIGLIP2, (), kind="photos")
    assert hint == LanguageHint(
        ("de",), False, SIGLIP2.name, SIGLIP2.download_mb, SIGLIP2.pack_mb, "photos"
    )
    assert language_hint((), "ja", SIGLIP2.languages, SIGLIP2, (), kind="photos") is None
    assert language_hint((), "ja", en, SIGLIP2, (SIGLIP2.name,), kind="photos") is None


@pytest.fixture
def no_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("TROVE_HUB_URL", f"http://127.0.0.1:{port}")


def _window(qtbot: QtBot, tmp_path: Path, hint: LanguageHint | None) -> tuple[MainWindow, object]:
    lib = str(tmp_path / "lib")
    paths = Paths.from_env()
    paths.ensure()
    host, made = fake_host(tmp_path, roots=(lib,), files=sample_files(lib), hint=hint)
    win = MainWindow(paths, Settings(roots=[lib], welcome_done=True), host)
    qtbot.addWidget(win)
    win.show()
    host.start()
    return win, made[0]


HINT = LanguageHint(("de", "ja"), False, E5.name, E5.download_mb, E5.pack_mb)


def test_the_window_offers_it_once_and_downloads_nothing_until_asked(
    qtbot: QtBot, tmp_path: Path, no_hub: None
) -> None:
    win, engine = _window(qtbot, tmp_path, HINT)
    qtbot.waitUntil(win.language_banner.isVisible, timeout=5000)
    text = win.language_banner.text.text()
    assert "Deutsch" in text and "日本語" in text and f"{E5.download_mb:,} MB" in text
    assert engine.hint_locales  # type: ignore[attr-defined]
    qtbot.mouseClick(win.language_banner.get_btn, _left())
    dlg = win._download_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    assert dlg.preset.name == E5.name  # shown first; Download not clicked: nothing fetched
    assert not dlg.worker.busy and not dlg.bar.isVisible()
    assert not win.language_banner.isVisible() and win.settings.language_hint_done
    dlg.close()
    win.packs.check_languages()  # answered once: never asked (or shown) again
    qtbot.waitUntil(lambda: engine.hint_kinds[-1] == ("photos",), timeout=5000)  # type: ignore[attr-defined]
    assert not win.language_banner.isVisible() and not win.settings.photo_language_hint_done


def test_not_now_is_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    win, _engine = _window(qtbot, tmp_path, HINT)
    qtbot.waitUntil(win.language_banner.isVisible, timeout=5000)
    qtbot.mouseClick(win.language_banner.close_btn, _left())
    assert not win.language_banner.isVisible() and win.settings.language_hint_done
    assert getattr(win, "_download_dialog", None) is None


def test_no_hint_no_banner(qtbot: QtBot, tmp_path: Path) -> None:
    win, engine = _window(qtbot, tmp_path, None)
    qtbot.waitUntil(lambda: bool(engine.hint_locales), timeout=5000)  # type: ignore[attr-defined]
    assert not win.language_banner.isVisible() and not win.settings.language_hint_done


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


PHOTO_HINT = LanguageHint(
    ("de",), False, SIGLIP2.name, SIGLIP2.download_mb, SIGLIP2.pack_mb, "photos"
)


def test_a_search_the_photo_model_cannot_read_brings_the_multilingual_photo_model(
    qtbot: QtBot, tmp_path: Path, no_hub: None
) -> None:
    """The language of a search the photo model could not read goes to the engine's question;
    the offer names the multilingual photo model and its size, opens the dialog with it
    chosen, downloads nothing, and is answered once without touching the document offer."""
    from desktop_app.core.types import SearchResult

    win, engine = _window(qtbot, tmp_path, PHOTO_HINT)
    qtbot.waitUntil(win.language_banner.isVisible, timeout=5000)
    win.language_banner.hide()
    query = win.searching.query()
    win._on_results(SearchResult(query, (), unread_by_photos="de"))
    qtbot.waitUntil(lambda: ("de",) in engine.hint_queries, timeout=5000)  # type: ignore[attr-defined]
    qtbot.waitUntil(win.language_banner.isVisible, timeout=5000)
    text = win.language_banner.text.text()
    assert "Deutsch" in text and "photo model" in text and f"{SIGLIP2.download_mb:,} MB" in text
    qtbot.mouseClick(win.language_banner.get_btn, _left())
    dlg = win._download_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    assert dlg.preset.name == SIGLIP2.name
    assert not dlg.worker.busy and not dlg.bar.isVisible()
    assert win.settings.photo_language_hint_done and not win.settings.language_hint_done
    dlg.close()
