"""Shared libraries searched beside the local index: each a read-only store at its address
(written by `trove cluster index`), searched by the same code with the same packs, and the
hits put in one ranking. A library that does not answer in time is left out with a note: a
slow or offline store never holds up the local results."""

from __future__ import annotations

import concurrent.futures as cf
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

from desktop_app.core.embed.api import ImageEncoder, TextEncoder
from desktop_app.core.search.engine import SearchEngine
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Query, SearchResult

ANSWER_S = 20.0  # a library that has not answered by then is reported unreachable


@dataclass(frozen=True)
class LibraryAnswer:
    """One library's result, or why there is none."""

    uri: str
    result: SearchResult | None
    error: str = ""


class SharedLibrary:
    """A library at ``uri`` (s3://bucket/prefix, file:///mnt/nas/lib), opened read-only on
    first use. S3 credentials, endpoint and region come from the usual AWS environment
    variables and files; nothing about them is stored."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self._store: IndexStore | None = None
        self._lock = threading.Lock()
        # one thread per library: its searches wait for each other, never for the caller
        self._lane = cf.ThreadPoolExecutor(1, thread_name_prefix="trove-library")

    def _search(
        self, query: Query, text: TextEncoder | None, image: ImageEncoder | None
    ) -> SearchResult:
        with self._lock:
            if self._store is None:
                store = IndexStore(self.uri, read_only=True)
                store.open()
                self._store = store
            return SearchEngine(self._store, text, image).search(query)

    def search(
        self,
        query: Query,
        text: TextEncoder | None,
        image: ImageEncoder | None,
        timeout: float = ANSWER_S,
    ) -> LibraryAnswer:
        future = self._lane.submit(self._search, query, text, image)
        try:
            return LibraryAnswer(self.uri, future.result(timeout))
        except cf.TimeoutError:
            return LibraryAnswer(self.uri, None, f"no answer in {timeout:.0f} s (offline?)")
        except Exception as exc:  # unreachable, no such library, refused credentials
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return LibraryAnswer(self.uri, None, first[:300])

    def close(self) -> None:
        self._lane.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


def merge(local: SearchResult, shared: Sequence[LibraryAnswer], limit: int) -> SearchResult:
    """One ranking of the local hits and the libraries' (each hit marked with its library):
    strong before weak, then by confidence, each calibrated against its own index's vectors,
    then by score. A library without an answer becomes a note."""
    hits = list(local.hits)
    notes = list(local.notes)
    for answer in shared:
        if answer.result is None:
            notes.append(f"library {answer.uri} left out: {answer.error}")
            continue
        hits += [replace(h, library=answer.uri) for h in answer.result.hits]
        notes += [f"{answer.uri}: {n}" for n in answer.result.notes]
    hits.sort(key=lambda h: (not h.strong, -h.confidence, -h.score))
    elapsed = max([local.elapsed_ms] + [a.result.elapsed_ms for a in shared if a.result])
    return replace(local, hits=tuple(hits[:limit]), notes=tuple(notes), elapsed_ms=elapsed)
