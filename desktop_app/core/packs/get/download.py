"""Fetching hub files over HTTPS: verified, resumable (HTTP Range), size-capped, cancellable.

urllib3 rather than huggingface_hub: the hub client follows redirects to any host, has no size
cap, cannot be cancelled from another thread, and checks no SHA-256 of its own, while every
rule here (HTTPS only, redirects only to HTTPS, a 200 answer to a Range request restarts the
file, a file that does not match is deleted) needs the transfer loop in hand.
"""

from __future__ import annotations

import errno
import hashlib
import ipaddress
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.embed.errors import PackError

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT = "https://huggingface.co"
MAX_FILE_BYTES = 2 << 30  # no tower of a supported model is larger (SigLIP 2 text: 1.13 GB)
MAX_JSON_BYTES = 4 << 20  # a listing or a JSON side file larger than this is refused
MAX_REDIRECTS = 5
CHUNK = 256 << 10  # a 256 KB read takes ~25 ms at 10 MB/s: cancel is seen well within a second
RETRIES = 5  # a connection cut mid-file is resumed this many times before giving up
DISK_HEADROOM = 64 << 20


class DownloadError(PackError):
    """A hub file could not be fetched or did not match; the message says which and why."""


class Offline(DownloadError):
    """The hub (or mirror) cannot be reached at all: no network, or the host is down."""


class Mismatch(DownloadError):
    """A file's bytes differ from what was pinned or listed; it was deleted."""


class DiskFull(DownloadError):
    """No room for the download."""


class _Interrupted(Exception):
    """The connection broke mid-file: resume from the bytes on disk."""


@dataclass(frozen=True)
class RemoteFile:
    """A file of a pinned commit, as the hub lists it (and the registry pins it)."""

    path: str
    size: int
    sha256: str | None  # LFS files (and registry pins)
    git_sha1: str | None  # small files: git's blob id


def endpoint() -> str:
    """Where hub files come from: TROVE_HUB_URL, else HF_ENDPOINT, else the Hugging Face hub."""
    url = os.environ.get("TROVE_HUB_URL") or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT
    url = url.strip().rstrip("/")
    check_url(url)
    return url


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> None:
    """HTTPS only; plain http only to this computer (a mirror or test server on 127.0.0.1)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return
    raise DownloadError(
        f"refusing {parts.scheme or 'a'} address {parts.hostname or url!r}: model files are "
        "fetched over HTTPS only (plain http only from this computer, 127.0.0.1)"
    )


def git_blob_sha1(path: Path) -> str:
    h = hashlib.sha1(f"blob {path.stat().st_size}\0".encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify(path: Path, remote: RemoteFile) -> str | None:
    """None when ``path`` is ``remote``'s bytes; otherwise what differs, in words."""
    size = path.stat().st_size
    if size != remote.size:
        return f"{size:,} bytes instead of {remote.size:,}"
    if remote.sha256 and sha256_of(path) != remote.sha256:
        return "its SHA-256 differs from the pinned one"
    if remote.git_sha1 and git_blob_sha1(path) != remote.git_sha1:
        return "its checksum differs from the hub's listing"
    return None


def _offline_message(host: str, exc: BaseException) -> str:
    reason = type(exc).__name__
    text = str(exc)
    if "Name or service not known" in text or "NameResolution" in reason or "resolve" in text:
        why = "its name cannot be looked up (no network?)"
    elif "refused" in text.lower():
        why = "the connection was refused"
    elif "timed out" in text.lower() or "Timeout" in reason:
        why = "it did not answer in time"
    else:
        why = "no connection could be made"
    return f"cannot reach {host}: {why}"


class HubClient:
    """Fetches listings and files of pinned hub commits from one endpoint."""

    def __init__(
        self,
        base: str | None = None,
        cancel: CancelToken | None = None,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
    ) -> None:
        import urllib3

        from desktop_app import __version__

        self.base = (base or endpoint()).rstrip("/")
        check_url(self.base)
        self.cancel = cancel or CancelToken()
        self.on_check: Callable[[str], None] = lambda _path: None  # before a file is verified
        self._headers = {"User-Agent": f"Trove/{__version__}"}
        self._pool = urllib3.PoolManager(
            retries=False, timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout)
        )

    @property
    def host(self) -> str:
        return urlsplit(self.base).netloc

    # --- requests ---------------------------------------------------------------------

    def _open(self, url: str, headers: dict[str, str] | None = None) -> Any:
        """GET ``url`` following redirects by hand, each one checked (HTTPS, or loopback)."""
        import urllib3

        for _ in range(MAX_REDIRECTS + 1):
            check_url(url)
            self.cancel.checkpoint()
            try:
                resp = self._pool.request(
                    "GET",
                    url,
                    headers={**self._headers, **(headers or {})},
                    redirect=False,
                    preload_content=False,
                    decode_content=False,
                )
            except (
                urllib3.exceptions.NewConnectionError,
                urllib3.exceptions.ConnectTimeoutError,
                urllib3.exceptions.NameResolutionError,
                urllib3.exceptions.MaxRetryError,
            ) as exc:
                raise Offline(_offline_message(urlsplit(url).netloc, exc)) from exc
            except urllib3.exceptions.SSLError as exc:
                raise DownloadError(
                    f"{urlsplit(url).netloc}: the secure connection failed ({exc})"
                ) from exc
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise _Interrupted(str(exc)) from exc
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                resp.drain_conn()
                resp.release_conn()
                if not location:
                    raise DownloadError(f"{url}: redirect without a destination")
                url = urljoin(url, location)
                continue
            return resp
        raise DownloadError(f"{url}: too many redirects")

    def _fail(self, resp: Any, what: str) -> DownloadError:
        status = int(resp.status)
        resp.drain_conn()
        resp.release_conn()
        if status == 404:
            return DownloadError(f"{what} was not found on {self.host} (404)")
        if status in (401, 403):
            return DownloadError(f"{what}: {self.host} refused access ({status})")
        return DownloadError(f"{what}: {self.host} answered {status}")

    def listing(self, repo: str, revision: str) -> dict[str, RemoteFile]:
        """Every file of ``repo`` at ``revision`` with its size and checksum, from the hub's
        tree API (``/api/models/{repo}/tree/{revision}?recursive=true``, paged by Link)."""
        url: str | None = (
            f"{self.base}/api/models/{repo}/tree/{quote(revision, safe='')}?recursive=true"
        )
        files: dict[str, RemoteFile] = {}
        pages = 0
        while url and pages < 20:
            pages += 1
            data, link = self._json(url, f"the file list of {repo}@{revision[:12]}")
            if not isinstance(data, list):
                raise DownloadError(f"{repo}: the hub's file list is not a list")
            for entry in data:
                if not isinstance(entry, dict) or entry.get("type") != "file":
                    continue
                lfs = entry.get("lfs") if isinstance(entry.get("lfs"), dict) else None
                path = str(entry.get("path", ""))
                if lfs:
                    sha = str(lfs.get("oid") or lfs.get("sha256") or "")
                    files[path] = RemoteFile(
                        path, int(lfs.get("size", entry.get("size", -1))), sha or None, None
                    )
                else:
                    oid = str(entry.get("oid") or "")
                    files[path] = RemoteFile(path, int(entry.get("size", -1)), None, oid or None)
            url = urljoin(url, link) if link else None
        return files

    def _json(self, url: str, what: str) -> tuple[Any, str | None]:
        for attempt in range(RETRIES):
            try:
                resp = self._open(url, {"Accept": "application/json"})
                if resp.status != 200:
                    raise self._fail(resp, what)
                body = resp.read(MAX_JSON_BYTES + 1)
                resp.release_conn()
                break
            except _Interrupted:
                if attempt == RETRIES - 1:
                    raise DownloadError(f"{what}: the connection kept breaking") from None
                self._pause(attempt)
        if len(body) > MAX_JSON_BYTES:
            raise DownloadError(f"{what} is larger than {MAX_JSON_BYTES >> 20} MB; refused")
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise DownloadError(f"{what}: not valid JSON") from exc
        link = None
        for part in str(resp.headers.get("Link", "")).split(","):
            if 'rel="next"' in part and "<" in part:
                link = part[part.index("<") + 1 : part.index(">")]
        return data, link

    def probe(self) -> None:
        """Raise :class:`Offline` at once when the endpoint cannot be reached (the dialog's
        first question); any HTTP answer at all means the network is there."""
        import urllib3

        try:
            resp = self._pool.request(
                "HEAD",
                f"{self.base}/api/models",
                headers=self._headers,
                redirect=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=4.0, read=4.0),
            )
            resp.release_conn()
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise Offline(_offline_message(self.host, exc)) from exc

    # --- files ------------------------------------------------------------------------

    def fetch(
        self,
        repo: str,
        revision: str,
        remote: RemoteFile,
        dest: Path,
        on_bytes: Callable[[int, bool], None] = lambda _n, _resumed: None,
    ) -> Path:
        """Download ``remote`` to ``dest``, resuming ``dest.part`` left by an earlier attempt
        (also from an earlier run), then verify it. A file that does not match is deleted."""
        if remote.size < 0 or remote.size > MAX_FILE_BYTES:
            raise DownloadError(
                f"{remote.path}: listed as {remote.size:,} bytes, more than the "
                f"{MAX_FILE_BYTES >> 20} MB a model file may have; refused"
            )
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.is_file():
            self.on_check(remote.path)
            if verify(dest, remote) is None:
                on_bytes(remote.size, True)
                return dest
            dest.unlink()
        part = dest.with_name(dest.name + ".part")
        have = part.stat().st_size if part.is_file() else 0
        if have > remote.size:
            part.unlink()
            have = 0
        self.check_room(part.parent, remote.size - have)
        url = f"{self.base}/{repo}/resolve/{quote(revision, safe='')}/{quote(remote.path)}"
        attempt = 0
        while have < remote.size:
            try:
                have = self._transfer(url, remote, part, have, on_bytes)
            except _Interrupted as exc:
                attempt += 1
                if attempt >= RETRIES:
                    raise DownloadError(
                        f"{remote.path}: the connection to {self.host} kept breaking ({exc}); "
                        "start again to continue where it stopped"
                    ) from None
                log.info(
                    "download of %s interrupted at %d bytes (%s): resuming", remote.path, have, exc
                )
                self._pause(attempt - 1)
                have = part.stat().st_size if part.is_file() else 0
        self.on_check(remote.path)
        problem = verify(part, remote)
        if problem is not None:
            part.unlink()
            raise Mismatch(f"{repo}/{remote.path} does not match ({problem}): deleted, never used")
        os.replace(part, dest)
        return dest

    def _transfer(
        self,
        url: str,
        remote: RemoteFile,
        part: Path,
        have: int,
        on_bytes: Callable[[int, bool], None],
    ) -> int:
        headers = {"Range": f"bytes={have}-"} if have else {}
        resp = self._open(url, headers)
        try:
            if resp.status == 206 and have:
                start, total = _content_range(str(resp.headers.get("Content-Range", "")))
                if start != have or total not in (None, remote.size):
                    raise _Interrupted(f"unexpected range {resp.headers.get('Content-Range')}")
                mode = "ab"
            elif resp.status == 200:
                # A server that ignores Range sends the whole file: start it again.
                have, mode = 0, "wb"
            elif resp.status == 416 and have:
                part.unlink()  # what is on disk is not a prefix of this file
                raise _Interrupted("the server refused to continue this file")
            else:
                raise self._fail(resp, f"{remote.path}")
            on_bytes(have, True)  # bytes already on disk: not part of the transfer rate
            done = threading.Event()
            watcher = threading.Thread(
                target=self._stop_on_cancel, args=(resp, done), name="trove-dl-cancel", daemon=True
            )
            watcher.start()
            try:
                with part.open(mode) as out:
                    while True:
                        try:
                            # read1: what has arrived, up to CHUNK, so progress (and a check
                            # for cancel) follows every packet rather than every 256 KB
                            chunk = resp.read1(CHUNK)
                        except Exception as exc:  # urllib3 raises several kinds; all mean "cut"
                            if self.cancel.cancelled:
                                raise Cancelled() from None
                            raise _Interrupted(str(exc) or type(exc).__name__) from exc
                        if self.cancel.cancelled:
                            raise Cancelled()
                        if not chunk:
                            break
                        if have + len(chunk) > remote.size:
                            out.close()
                            part.unlink()
                            raise Mismatch(
                                f"{remote.path}: the server sent more than the expected "
                                f"{remote.size:,} bytes: deleted, never used"
                            )
                        try:
                            out.write(chunk)
                        except OSError as exc:
                            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                                out.close()
                                part.unlink(missing_ok=True)
                                raise DiskFull(
                                    f"the disk is full: {remote.path} could not be saved (the "
                                    "partial file was removed). Free some space and start again."
                                ) from exc
                            raise
                        have += len(chunk)
                        on_bytes(have, False)
            finally:
                done.set()
            if have < remote.size:
                raise _Interrupted(f"the connection closed after {have:,} bytes")
            return have
        finally:
            resp.release_conn()

    def _stop_on_cancel(self, resp: Any, done: threading.Event) -> None:
        # A read blocked on a stalled connection only returns when the socket is shut: do that
        # from here as soon as the download is cancelled.
        while not done.is_set():
            if self.cancel.wait(0.2):
                try:
                    resp.shutdown()
                except Exception:  # already closed: nothing left to stop
                    pass
                return

    def _pause(self, attempt: int) -> None:
        if self.cancel.wait(min(8.0, 0.5 * (2**attempt))):
            raise Cancelled()

    @staticmethod
    def check_room(folder: Path, need: int) -> None:
        """Raise :class:`DiskFull` unless ``folder``'s disk has ``need`` bytes (and a margin)."""
        free = shutil.disk_usage(folder).free
        if free < need + DISK_HEADROOM:
            raise DiskFull(
                f"not enough free disk space: the download needs {_mb(need)} more and "
                f"{_mb(free)} is free on the disk of {folder}"
            )


def _content_range(value: str) -> tuple[int, int | None]:
    # 'bytes 100-199/1000'
    try:
        _unit, _, rest = value.partition(" ")
        span, _, total = rest.partition("/")
        start = int(span.split("-")[0])
        return start, (None if total in ("*", "") else int(total))
    except (ValueError, IndexError):
        return -1, None


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n >= 1e6 else f"{n / 1e3:,.0f} KB"


class Meter:
    """Bytes, rate and time left for a download made of several files."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self._clock = clock
        self._base = 0  # bytes of the files already finished
        self._current = 0
        self._samples: list[tuple[float, int]] = []

    @property
    def done(self) -> int:
        return self._base + self._current

    def file_done(self, size: int) -> None:
        self._base += size
        self._current = 0

    def update(self, in_file: int, resumed: bool = False) -> None:
        self._current = in_file
        if resumed:  # bytes found on disk: they say nothing about the rate
            self._samples.clear()
            return
        now = self._clock()
        self._samples.append((now, self.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > 5.0:
            self._samples.pop(0)  # the rate over the last ~5 s

    @property
    def rate(self) -> float:
        if len(self._samples) < 2:
            return 0.0
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        return (b1 - b0) / (t1 - t0) if t1 > t0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None
