"""Searching: a query from the words, the filters and an image; browsing the newest files when
there are no words (kept current while indexing runs); recent searches; what a result means."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from desktop_app.core.search.query import parse_query
from desktop_app.core.types import BrowseResult, Phase, Progress, Query, SearchResult
from desktop_app.settings import Settings
from desktop_app.ui.i18n import plural, translate
from desktop_app.workers.engine_host import EngineHost
from desktop_app.workers.jobs import JobPool

SEARCH_LIMIT = 200
BROWSE_LIMIT = 300  # the newest files shown before a search; filters reach the older ones
REFRESH_MS = 1500  # as the index changes, what is shown is asked again at most this often
RECENT_SEARCHES = 20
STRENGTH_DEBOUNCE_MS = 150  # the strength slider, like typing: asked once it rests


@dataclass(frozen=True)
class BrowseState:
    """What the browse view says with (or instead of) its files."""

    kind: str  # 'no-folders', 'opening', 'indexing', 'nothing-found', 'filtered-out', 'files'
    shown: int = 0
    total: int = 0
    indexing: bool = False  # files are still being read: more will appear


def result_message(result: SearchResult) -> str:
    """The line above the results ("" for none): how far to trust them, or why none; for an
    image query, what it could do (without an image model: only copies of the photo)."""
    line = _trust(result)
    if result.query.image_path and result.notes and result.notes[0] not in line:
        return f"{result.notes[0]} {line}".strip()
    return line


def _trust(result: SearchResult) -> str:
    if not result.hits:
        note = " ".join(result.notes[:1])
        return translate("Search", "No matches. {note}").format(note=note).strip()
    if not result.confident:
        return translate(
            "Search", "No confident match — these are only the closest files (dimmed)."
        )
    strong = result.strong_count
    weak = len(result.hits) - strong
    if weak:
        return plural(
            strong,
            translate("Search", "{n} strong match first; {weak} weaker (dimmed) after them."),
            translate("Search", "{n} strong matches first; {weak} weaker (dimmed) after them."),
            weak=weak,
        )
    return ""


def _warm_highlighter() -> None:
    from desktop_app.core.search.highlight import spans

    spans("warming", ("warm",))


class SearchController(QObject):
    results = Signal(object)  # SearchResult, the newest
    browsed = Signal(object, object)  # BrowseResult, BrowseState
    message_changed = Signal(str)  # the line above the results; "" hides it
    image_changed = Signal(object)  # the image searched by (a path), or None
    recent_changed = Signal(list)  # recent searches, newest first
    status_message = Signal(str, int)

    def __init__(self, host: EngineHost, settings: Settings, parent: Any = None) -> None:
        super().__init__(parent)
        self.host, self.settings = host, settings
        self.text = ""
        self.filters = ""  # the filter controls as query syntax ("type:photo in:Holidays")
        self.image: str | None = None
        self.strength = 1.0
        self.last_result: SearchResult | None = None
        self.last_browse: BrowseResult | None = None
        self._asked_text = ""
        self._indexing = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_shown)
        self._strength_timer = QTimer(self)
        self._strength_timer.setSingleShot(True)
        self._strength_timer.setInterval(STRENGTH_DEBOUNCE_MS)
        self._strength_timer.timeout.connect(self.run)
        # One thread: a pasted picture written at a time; the newest paste wins.
        self._paste_jobs = JobPool("trove-paste", newest_wins=True, parent=self)
        host.results_ready.connect(self._on_results)
        host.browse_ready.connect(self._on_browse)
        host.search_failed.connect(lambda _gen, msg: self.message_changed.emit(msg))
        host.progress_changed.connect(self._on_progress)
        host.opened.connect(self.run)
        # the preview's highlighter loads a stemmer on first use (~60 ms): not on the GUI thread
        host.run_task(_warm_highlighter)

    @property
    def browsing(self) -> bool:
        return not self.text.strip() and not self.image

    @property
    def terms(self) -> tuple[str, ...]:
        return parse_query(self.text).terms

    def query(self) -> Query:
        return parse_query(
            f"{self.text} {self.filters}".strip(),
            image_path=self.image,
            limit=SEARCH_LIMIT,
            strength=self.strength,
        )

    # --- what the person asks ----------------------------------------------------------

    def _on_paste_written(self, path: str) -> None:
        if path:  # "" when the pasted picture could not be written
            self.set_image(path)

    def set_text(self, text: str) -> None:
        self.text = text
        self.run()

    def set_filters(self, tokens: str) -> None:
        self.filters = tokens
        self.run()

    def set_image(self, path: str) -> None:
        self.image = path
        self.image_changed.emit(path)
        self.run()

    def clear_image(self) -> None:
        self.image = None
        self.image_changed.emit(None)
        self.run()

    def set_strength(self, strength: float) -> None:
        """How far the words move the image; asked again (after the slider rests) only when
        there are words."""
        self.strength = strength
        if self.image and self.text.strip():
            self._strength_timer.start()

    def search_pasted(self, image: QImage, folder: Path) -> None:
        """Search by a picture from the clipboard: written to a file on a worker thread."""

        def save() -> str:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(suffix=".png", prefix="pasted-", dir=folder)
            os.close(fd)
            return tmp if image.save(tmp, "PNG") else ""  # type: ignore[call-overload]

        self._paste_jobs.submit(save, self._on_paste_written)

    def run(self) -> None:
        """Search for what is asked now, or browse when there are no words and no image."""
        if self.browsing:
            self.message_changed.emit("")
            if not self.host.ready:
                self.browsed.emit(BrowseResult(parse_query(self.filters), ()), self._state(None))
            self.host.request_browse(parse_query(self.filters), BROWSE_LIMIT)
            return
        self._asked_text = self.text
        if not self.host.ready:
            self.message_changed.emit(translate("Search", "Opening the index…"))
        self.host.request_search(self.query())

    # --- answers -----------------------------------------------------------------------

    def _on_results(self, result: SearchResult) -> None:
        if self.browsing:
            return  # asked before the words were cleared
        again = self.last_result is not None and self.last_result.query == result.query
        self.last_result = result
        self.message_changed.emit(result_message(result))
        if not again:  # a live update of the same question is neither new nor news
            if result.hits:
                self._remember(self._asked_text)
            self.status_message.emit(
                translate("Search", "{n} results in {ms:.0f} ms").format(
                    n=len(result.hits), ms=result.elapsed_ms
                ),
                4000,
            )
        self.results.emit(result)

    def _on_browse(self, result: BrowseResult) -> None:
        if not self.browsing:
            return
        self.last_browse = result
        self.browsed.emit(result, self._state(result))

    def _state(self, result: BrowseResult | None) -> BrowseState:
        if not self.settings.roots:
            return BrowseState("no-folders")
        if result is None:
            return BrowseState("opening", indexing=self._indexing)
        shown, total = len(result.hits), result.total
        if total:
            return BrowseState("files", shown, total, self._indexing)
        if self.filters.strip():
            return BrowseState("filtered-out", indexing=self._indexing)
        if self._indexing:
            return BrowseState("indexing", indexing=True)
        return BrowseState("nothing-found")

    def _on_progress(self, p: Progress) -> None:
        """The live-results rule, for browsing and searching alike: the indexer reports after
        every change it writes (a watched batch ends with "Up to date"), so whatever is
        shown is asked again, at most every REFRESH_MS: new files appear, deleted ones
        leave, the order follows; the window keeps the chosen file."""
        self._indexing = p.phase in (Phase.SCANNING, Phase.INDEXING)
        if self.host.ready and not self._refresh.isActive():
            self._refresh.start()

    def _refresh_shown(self) -> None:
        if self.browsing:
            self.host.request_browse(parse_query(self.filters), BROWSE_LIMIT)
        elif self.last_result is not None:
            self.host.request_search(self.query())

    def _remember(self, text: str) -> None:
        text = text.strip()
        if len(text) < 3:
            return
        rest = [r for r in self.settings.recent_searches if r != text]
        self.settings.recent_searches = [text, *rest][:RECENT_SEARCHES]
        self.recent_changed.emit(list(self.settings.recent_searches))
