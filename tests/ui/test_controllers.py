"""The controllers against a fake engine on a synchronous host: milliseconds per test."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.engine import KEEP_PACK
from desktop_app.core.types import (
    BrowseResult,
    Kind,
    MatchReason,
    Origin,
    Query,
    SearchResult,
    Source,
)
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.controllers.folders import FoldersController
from desktop_app.ui.controllers.packs import PacksController
from desktop_app.ui.controllers.power import PowerController
from desktop_app.ui.controllers.search import BrowseState, SearchController, result_message
from desktop_app.ui.controllers.settings import Choices, SettingsController
from desktop_app.ui.tray import pause_action
from desktop_app.workers.engine_host import EngineHost
from tests.ui.fake_engine import FakeEngine, fake_host, sample_files


def _opened(tmp_path: Path, roots: tuple[str, ...] = ()) -> tuple[EngineHost, FakeEngine]:
    host, made = fake_host(tmp_path, roots=roots)
    host.start()
    made[0].files = sample_files(str(tmp_path))
    return host, made[0]


# --- searching and browsing ---------------------------------------------------------------


def test_no_words_browse_the_newest_files_with_the_filters(qtbot: QtBot, tmp_path: Path) -> None:
    host, engine = _opened(tmp_path, (str(tmp_path),))
    settings = Settings(roots=[str(tmp_path)])
    ctl = SearchController(host, settings)
    shown: list[tuple[BrowseResult, BrowseState]] = []
    ctl.browsed.connect(lambda r, s: shown.append((r, s)))
    ctl.run()
    result, state = shown[-1]
    asked = engine.queries[-1]
    assert asked is not None and not asked.terms and not asked.kinds  # browse: everything
    assert len(result.hits) == 5  # what the engine answered, shown as it came
    assert state == BrowseState("files", 5, 5, False)
    ctl.set_filters("type:photo place:lisbon")
    asked = engine.queries[-1]
    assert asked is not None and asked.kinds == (Kind.PHOTO,)
    assert asked.places == ("lisbon",)  # the filters go to the engine, not applied here
    assert [h.path.rsplit("/", 1)[-1] for h in shown[-1][0].hits] == ["beach.jpg"]
    ctl.set_filters("type:photo in:Nowhere")
    assert shown[-1][1].kind == "filtered-out"
    assert engine.called("search") == []  # browsing never runs a search


def test_browse_states_say_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    host, engine = _opened(tmp_path, (str(tmp_path),))
    engine.files = []
    settings = Settings()
    ctl = SearchController(host, settings)
    states: list[str] = []
    ctl.browsed.connect(lambda _r, s: states.append(s.kind))
    ctl.run()
    settings.roots = [str(tmp_path)]
    ctl.run()
    from desktop_app.core.types import Phase, Progress

    host.progress_changed.emit(Progress(Phase.INDEXING, done=0, total=9))
    ctl.run()
    assert states == ["no-folders", "nothing-found", "indexing"]


def test_browse_fills_in_while_indexing(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.types import Phase, Progress

    host, engine = _opened(tmp_path, (str(tmp_path),))
    ctl = SearchController(host, Settings(roots=[str(tmp_path)]))
    ctl.run()
    asked = len(engine.called("recent"))
    for n in range(20):  # a burst of progress: read again once, not twenty times
        host.progress_changed.emit(Progress(Phase.INDEXING, done=n, total=20))
    qtbot.waitUntil(lambda: len(engine.called("recent")) == asked + 1, timeout=5000)
    qtbot.wait(200)
    assert len(engine.called("recent")) == asked + 1


def test_words_search_and_say_what_the_result_means(qtbot: QtBot, tmp_path: Path) -> None:
    host, engine = _opened(tmp_path, (str(tmp_path),))
    settings = Settings(roots=[str(tmp_path)])
    ctl = SearchController(host, settings)
    results: list[SearchResult] = []
    messages: list[str] = []
    ctl.results.connect(results.append)
    ctl.message_changed.connect(messages.append)
    ctl.set_filters("type:document")
    ctl.set_text("taxes")
    asked = engine.queries[-1]
    assert asked is not None and asked.terms == ("taxes",)
    assert asked.kinds == (Kind.DOCUMENT,)  # the filter went with the words
    assert [h.path.rsplit("/", 1)[-1] for h in results[-1].hits] == ["taxes.pdf"]
    assert results[-1].query.kinds and messages[-1] == ""
    ctl.set_text("zebra")
    assert messages[-1] == "No matches."
    assert settings.recent_searches == ["taxes"]  # only searches that found something
    ctl.set_text("ta")  # too short to remember
    ctl.set_text("taxes")
    assert settings.recent_searches == ["taxes"]
    ctl.set_image(str(tmp_path / "Pictures" / "beach.jpg"))
    assert results[-1].query.image_path.endswith("beach.jpg")  # type: ignore[union-attr]
    ctl.clear_image()
    assert ctl.image is None


def test_a_late_search_answer_after_clearing_is_dropped(qtbot: QtBot, tmp_path: Path) -> None:
    host, engine = _opened(tmp_path, (str(tmp_path),))
    ctl = SearchController(host, Settings(roots=[str(tmp_path)]))
    results: list[SearchResult] = []
    ctl.results.connect(results.append)
    ctl.text = ""  # the words were cleared; an answer to the earlier search arrives
    host.results_ready.emit(engine.search(Query(text="taxes", terms=("taxes",))))
    assert results == []


def test_result_messages() -> None:
    from desktop_app.core.types import Hit, Kind

    strong = Hit("/a.txt", Kind.DOCUMENT, 1, MatchReason(Origin.TEXT, Source.MEANING), strong=True)
    weak = Hit("/b.txt", Kind.DOCUMENT, 1, MatchReason(Origin.TEXT, Source.MEANING), strong=False)
    assert result_message(SearchResult(Query(), (strong,))) == ""
    assert result_message(SearchResult(Query(), (strong, weak))).startswith("1 strong match first")
    assert result_message(SearchResult(Query(), (weak,))).startswith("No confident match")
    assert (
        result_message(SearchResult(Query(), (), notes=("Add a pack.",)))
        == "No matches. Add a pack."
    )


# --- pausing ----------------------------------------------------------------------------


def test_one_pause_state_for_button_tray_battery_and_indexer(qtbot: QtBot, tmp_path: Path) -> None:
    host, engine = _opened(tmp_path, (str(tmp_path),))
    battery: list[bool | None] = [None]
    power = PowerController(host, Settings(pause_on_battery=True), lambda: battery[0])
    parent = QWidget()
    qtbot.addWidget(parent)
    tray = pause_action(power, parent)
    seen: list[bool] = []
    power.paused_changed.connect(seen.append)

    tray.trigger()  # the tray pauses: the host (and the indexer's token) follow
    assert host.paused and power.paused and tray.isChecked()
    power.toggle()  # the button resumes: the tray's tick follows
    assert not host.paused and not tray.isChecked()
    assert seen == [True, False]

    battery[0] = True  # unplugged: the policy pauses, the tray shows it
    power.check_battery()
    assert host.paused and tray.isChecked()
    host.restart_indexing((str(tmp_path),), ())  # a settings change restarts the indexer
    assert engine.paused_at_start[-1] is True  # ... and it starts paused
    power.set_paused(False)  # resumed by hand on battery: stays resumed
    power.check_battery()
    assert not host.paused
    battery[0] = False
    power.check_battery()
    battery[0] = True  # unplugged again: paused again
    power.check_battery()
    assert host.paused
    battery[0] = False  # plugged in: what the battery paused resumes
    power.check_battery()
    assert not host.paused and seen == [True, False, True, False, True, False]


def test_battery_policy_off_never_pauses(qtbot: QtBot, tmp_path: Path) -> None:
    host, _ = _opened(tmp_path)
    power = PowerController(host, Settings(pause_on_battery=False), lambda: True)
    power.check_battery()
    assert not host.paused


# --- folders ---------------------------------------------------------------------------


def test_folders_add_and_remove(qtbot: QtBot, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    host, engine = _opened(tmp_path)
    settings = Settings()
    saved: list[int] = []
    ctl = FoldersController(host, settings, lambda: saved.append(1))
    assert ctl.add([str(lib)]) and settings.roots == [str(lib)] and settings.welcome_done
    assert not ctl.add([str(lib)])  # already watched
    assert engine.config.roots == (str(lib),) and saved
    engine.files = sample_files(str(lib))
    status: list[dict[str, object]] = []
    ctl.status(status.append)
    assert list(status[0]) == [str(lib)]
    ctl.apply([], ["*.tmp"])
    assert engine.called("forget") and engine.files == []
    assert engine.config.roots == () and engine.config.exclude_patterns == ("*.tmp",)


# --- packs and settings ------------------------------------------------------------------


@pytest.fixture
def packs_env(tmp_path: Path, trove_home: Path, tiny_clip_pack: Path):  # type: ignore[no-untyped-def]
    paths = Paths.from_env()
    paths.ensure()
    host, made = fake_host(tmp_path, packs_dir=paths.packs_dir)
    host.start()
    settings = Settings()
    ctl = PacksController(host, paths, settings, lambda: None)
    return ctl, made[0], paths, settings, tiny_clip_pack


def test_packs_import_list_remove(qtbot: QtBot, packs_env) -> None:  # type: ignore[no-untyped-def]
    ctl, engine, paths, _settings, pack = packs_env
    lists: list[list[object]] = []
    problems: list[tuple[str, str]] = []
    ctl.packs_changed.connect(lists.append)
    ctl.problem.connect(lambda t, m: problems.append((t, m)))
    ctl.refresh()
    assert ctl.loaded and not ctl.has_image_pack
    ctl.import_pack(pack)
    assert ctl.has_image_pack and [p.name for p in ctl.packs] == ["tiny-clip"]
    assert engine.reloads == [KEEP_PACK]  # the engine picked it up, keeping the choice
    ctl.remove("tiny-clip")
    assert not (paths.packs_dir / "tiny-clip").exists() and not ctl.has_image_pack
    ctl.import_pack(paths.packs_dir / "no-such-pack")
    assert problems and problems[0][0] == "Cannot import this pack"


def test_best_installed_reaches_the_engine(qtbot: QtBot, packs_env) -> None:  # type: ignore[no-untyped-def]
    ctl, engine, _paths, settings, _pack = packs_env
    chosen: list[str | None] = []
    ctl.set_active("tiny-clip")
    chosen.append(engine.config.active_image_pack)
    ctl.set_active(None)  # Settings → Image pack → "Best installed"
    chosen.append(engine.config.active_image_pack)
    assert chosen == ["tiny-clip", None]  # the choice reached the engine's configuration
    assert engine.reloads == [KEEP_PACK, KEEP_PACK]  # ... and its packs were loaded again
    assert settings.active_image_pack is None


def test_settings_changes_go_where_they_belong(qtbot: QtBot, packs_env) -> None:  # type: ignore[no-untyped-def]
    ctl, engine, _paths, settings, _pack = packs_env
    host = ctl.host
    power = PowerController(host, settings, lambda: True)
    prefs = SettingsController(host, settings, lambda: None, ctl, power)
    restarts: list[dict[str, object]] = []
    reconfigure = host.reconfigure

    def counted(*a: Any, **kw: Any) -> None:
        restarts.append(kw)
        reconfigure(*a, **kw)

    host.reconfigure = counted
    prefs.apply(Choices(active_image_pack=None, threads=2, pause_on_battery=True, ocr=False))
    assert engine.config.ocr is False and engine.config.threads == 2
    assert engine.reloads == [KEEP_PACK]  # encoders rebuilt with two threads
    assert restarts == [{"ocr": False, "threads": 2}]  # one restart of the indexer for both
    assert not host.paused  # the battery policy was already on: nothing new to apply
    prefs.apply(Choices(active_image_pack=None, threads=2, pause_on_battery=False, ocr=False))
    prefs.apply(Choices(active_image_pack=None, threads=2, pause_on_battery=True, ocr=False))
    assert host.paused  # switched on while on battery: paused at once
    runs = len(engine.runs)
    prefs.apply(prefs.current())  # nothing changed: the indexer is left alone
    assert len(engine.runs) == runs


def test_removing_a_pack_runs_rmtree_off_the_gui_thread(
    qtbot: QtBot,
    tmp_path: Path,
    trove_home: Path,
    tiny_clip_pack: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    paths = Paths.from_env()
    paths.ensure()
    shutil.copytree(tiny_clip_pack, paths.packs_dir / "tiny-clip")
    host, _made = fake_host(tmp_path, synchronous=False, packs_dir=paths.packs_dir)
    host.start()
    ctl = PacksController(host, paths, Settings(), lambda: None)
    where: list[str] = []
    real = shutil.rmtree

    def rmtree(path: object, *a: object, **kw: object) -> None:
        where.append(threading.current_thread().name)
        real(path, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    ctl.remove("tiny-clip")
    assert host.wait_idle(10)
    assert where == ["trove-tasks"] and not (paths.packs_dir / "tiny-clip").exists()
    host.shutdown()


def test_settings_are_written_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import desktop_app.ui.controllers.settings as mod
    from desktop_app.settings import load_settings

    where: list[str] = []
    real = mod.save_settings

    def save(settings: Settings, path: Path) -> None:
        where.append(threading.current_thread().name)
        real(settings, path)

    monkeypatch.setattr(mod, "save_settings", save)
    settings = Settings(roots=["/a"])
    writer = mod.SettingsWriter(settings, tmp_path / "settings.json")
    writer.save()
    settings.roots.append("/b")  # changed again while the first is written: the newest wins
    writer.save()
    assert writer.flush()
    assert load_settings(tmp_path / "settings.json").roots == ["/a", "/b"]
    assert where and set(where) == {"trove-settings"}
    (tmp_path / "blocked").write_text("a file where the folder should be")
    bad = mod.SettingsWriter(settings, tmp_path / "blocked" / "settings.json")
    with qtbot.waitSignal(bad.failed, timeout=5000) as said:
        bad.save()
    assert "cannot write settings" in said.args[0]


def test_a_document_pack_chosen_in_settings_reaches_the_engine(qtbot: QtBot, packs_env) -> None:  # type: ignore[no-untyped-def]
    ctl, engine, _paths, settings, _pack = packs_env
    power = PowerController(ctl.host, settings, lambda: True)
    prefs = SettingsController(ctl.host, settings, lambda: None, ctl, power)
    before = len(engine.reloads)
    prefs.apply(replace(prefs.current(), document_pack="multilingual-e5-small"))
    assert engine.config.document_pack == "multilingual-e5-small"
    assert settings.document_pack == "multilingual-e5-small"
    assert len(engine.reloads) == before + 1  # the packs were loaded again: the change starts
    prefs.apply(replace(prefs.current(), document_pack=None))  # back to the default
    assert engine.config.document_pack is None


def test_installing_a_document_pack_chooses_it(qtbot: QtBot, packs_env) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.embed.api import PackInfo

    ctl, engine, _paths, settings, _pack = packs_env
    said: list[str] = []
    ctl.message.connect(lambda text, _ms: said.append(text))
    info = PackInfo("tiny-e5", "tiny-e5@1", "sentence", 32, ("text",), "int8", "MIT", "", "")
    ctl._on_installed(info)
    assert settings.document_pack == "tiny-e5" and engine.config.document_pack == "tiny-e5"
    assert said and "documents get their new vectors" in said[0]
