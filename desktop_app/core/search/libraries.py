"""Shared libraries searched beside the local index: each a read-only store at its address
(written by `trove cluster index`), searched by the same code with the same packs, and the
hits put in one ranking. A library that does not answer in time is left out with a note: a
slow or offline store never holds up the local results."""

from __future__ import annotations

import concurrent.futures as cf
import queue
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from desktop_app.core.embed.api import ImageEncoder, TextEncoder
from desktop_app.core.search.engine import SearchEngine
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Query, SearchResult

ANSWER_S = 20.0  # a library that has not answered by then is reported unreachable

T = TypeVar("T")


class LibraryError(Exception):
    """The address holds no Trove library (or one this Trove cannot read)."""


@dataclass(frozen=True)
class LibraryAnswer:
    """One library's result, or why there is none."""

    uri: str
    result: SearchResult | None
    error: str = ""


def _reason(exc: BaseException) -> str:
    """One line a person can read: the object store's own words ("Connection refused",
    "AccessDenied", "HTTP 403") where its long nested error holds them, else the first line."""
    text = str(exc)
    found = re.findall(r'message: "([^"]+)"', text)  # the OS's words (connection refused)
    code = re.search(r"<Code>(\w+)</Code>", text)  # the store's (AccessDenied, NoSuchBucket)
    status = re.search(r"status: (\d{3})", text)
    where = re.search(r'\(\w+, ConnectError\("[^"]*", ([^,]+),', text)
    dns = re.search(r"dns error: ([^,)\"]+)", text)  # a store's name not found
    if found:
        return str(found[-1]) + (f" ({where.group(1)})" if where else "")
    if dns:
        return f"name not found ({dns.group(1).strip()})"
    if code:
        return str(code.group(1))
    if status:
        return f"HTTP {status.group(1)}"
    first = text.splitlines()[0] if text else type(exc).__name__
    return first.split("Generic S3 error: ", 1)[-1][:300]


class _Lane:
    """One daemon thread that runs its jobs in order. A daemon, unlike a ThreadPoolExecutor's
    threads (joined when the process ends): quitting never waits for a store that does not
    answer (Lance retries a silent endpoint for minutes)."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[cf.Future[Any], Callable[[], Any]] | None]
        self._jobs = queue.SimpleQueue()
        threading.Thread(target=self._run, name=name, daemon=True).start()

    def submit(self, fn: Callable[[], T]) -> cf.Future[T]:
        future: cf.Future[T] = cf.Future()
        self._jobs.put((future, fn))
        return future

    def stop(self) -> None:
        """Nothing after the jobs queued so far."""
        self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn = job
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn())
                except BaseException as exc:  # the job's failure is its answer
                    future.set_exception(exc)


class SharedLibrary:
    """A library at ``uri`` (s3://bucket/prefix, file:///mnt/nas/lib), opened read-only on
    first use. S3 credentials, endpoint and region come from the usual AWS environment
    variables and files; nothing about them is stored."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self._store: IndexStore | None = None
        self._lock = threading.Lock()
        self._gone: cf.Future[None] = cf.Future()  # done once closed: nobody waits any more
        # one thread per library: its searches wait for each other, never for the caller
        self._lane = _Lane("trove-library")

    def _opened(self) -> IndexStore:
        """The store, opened on first use (under the lock)."""
        if self._store is None:
            store = IndexStore(self.uri, read_only=True)
            store.open()
            if store.meta.get("schema_version") is None:  # read-only: an empty place opens
                store.close()
                raise LibraryError(f"no Trove library at {self.uri}")
            self._store = store
        return self._store

    def _search(
        self, query: Query, text: TextEncoder | None, image: ImageEncoder | None
    ) -> SearchResult:
        with self._lock:
            return SearchEngine(self._opened(), text, image).search(query)

    def _check(self) -> None:
        with self._lock:
            # a read of the newest version: an opened store that went offline fails here
            self._opened().meta.get("schema_version")

    def _ask(self, work: Callable[[], T], timeout: float) -> T:
        """``work`` on the library's own thread, waited for up to ``timeout`` (then
        TimeoutError; the work goes on and the next request waits behind it) or until the
        library is closed."""
        if self._gone.done():
            raise LibraryError(f"library {self.uri} was closed")
        future = self._lane.submit(work)
        either: list[cf.Future[Any]] = [future, self._gone]
        cf.wait(either, timeout, return_when=cf.FIRST_COMPLETED)
        if future.done():
            return future.result()
        if self._gone.done():
            raise LibraryError(f"library {self.uri} was closed")
        raise cf.TimeoutError

    def search(
        self,
        query: Query,
        text: TextEncoder | None,
        image: ImageEncoder | None,
        timeout: float = ANSWER_S,
    ) -> LibraryAnswer:
        try:
            result = self._ask(lambda: self._search(query, text, image), timeout)
            return LibraryAnswer(self.uri, result)
        except cf.TimeoutError:
            return LibraryAnswer(self.uri, None, f"no answer in {timeout:.0f} s (offline?)")
        except Exception as exc:  # unreachable, no such library, refused credentials
            return LibraryAnswer(self.uri, None, _reason(exc))

    def check(self, timeout: float = ANSWER_S) -> str:
        """Why the library cannot be searched now ("" when it answers): one read of it."""
        try:
            self._ask(self._check, timeout)
            return ""
        except cf.TimeoutError:
            return f"no answer in {timeout:.0f} s (offline?)"
        except Exception as exc:
            return _reason(exc)

    def close(self) -> None:
        """Returns at once: a search still waiting on the store finishes on the library's own
        thread, which then closes the store; nothing queued after it runs."""
        if self._gone.done():
            return
        self._gone.set_result(None)
        self._lane.submit(self._close_store)
        self._lane.stop()

    def _close_store(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


class Libraries:
    """The shared libraries searched beside one local index, by address: each opened on
    first use and closed when it is removed or the engine closes."""

    def __init__(self) -> None:
        self._by_uri: dict[str, SharedLibrary] = {}
        self._lock = threading.Lock()

    def get(self, uri: str) -> SharedLibrary:
        with self._lock:
            lib = self._by_uri.get(uri)
            if lib is None:
                lib = self._by_uri[uri] = SharedLibrary(uri)
            return lib

    def remove(self, uri: str) -> None:
        with self._lock:
            lib = self._by_uri.pop(uri, None)
        if lib is not None:
            lib.close()

    def close(self) -> None:
        with self._lock:
            libs, self._by_uri = list(self._by_uri.values()), {}
        for lib in libs:
            lib.close()


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
