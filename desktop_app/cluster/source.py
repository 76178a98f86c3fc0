"""The files of a SOURCE: a folder (a NAS mount) or an s3:// prefix, listed and read the same
way on the driver and on every node."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

from desktop_app.cluster.storage import ClusterError
from desktop_app.core.scan.hashing import fast_hash, fast_hash_of, full_hash
from desktop_app.core.scan.kinds import kind_for
from desktop_app.core.scan.rules import ScanRules
from desktop_app.core.scan.walker import RootMissingError, walk_root
from desktop_app.core.types import ScannedFile


def is_remote(path: str) -> bool:
    return "://" in path


def _fs(uri: str) -> tuple[Any, str]:
    """A pyarrow filesystem for an s3:// address and the path inside it (credentials,
    endpoint and region from the usual AWS environment variables and files)."""
    import pyarrow.fs as pafs

    fs, path = pafs.FileSystem.from_uri(uri)
    return fs, path


def list_source(source: str) -> tuple[str, list[ScannedFile]]:
    """(the root as recorded, every indexable file under it)."""
    if not is_remote(source):
        root = os.path.abspath(os.path.expanduser(source))
        try:
            return root, sorted(walk_root(root, ScanRules()), key=lambda f: f.path)
        except RootMissingError as exc:
            raise ClusterError(f"{source}: no such folder") from exc
    import pyarrow.fs as pafs

    root = source.rstrip("/")
    scheme = root.partition("://")[0]
    fs, base = _fs(root)
    try:
        infos = fs.get_file_info(pafs.FileSelector(base, recursive=True, allow_not_found=False))
    except OSError as exc:
        raise ClusterError(f"{source}: cannot list it ({exc})") from exc
    files = []
    for info in infos:
        if info.type != pafs.FileType.File:
            continue
        path = f"{scheme}://{info.path}"
        kind = kind_for(path, sniff=False)
        if kind is None or info.size is None:
            continue
        mtime = info.mtime.timestamp() if info.mtime is not None else 0.0
        files.append(ScannedFile(path, root, kind, int(info.size), mtime))
    return root, sorted(files, key=lambda f: f.path)


def content_hash(path: str, size: int) -> str:
    """core.scan.hashing.fast_hash of a local or remote file (the same bytes hashed)."""
    if not is_remote(path):
        return fast_hash(path, size)
    fs, p = _fs(path)
    with fs.open_input_file(p) as fh:
        return fast_hash_of(fh, size)


def whole_hash(path: str) -> str:
    if not is_remote(path):
        return full_hash(path)
    with local_copy(path) as local:
        return full_hash(local)


@contextlib.contextmanager
def local_copy(path: str) -> Iterator[str]:
    """A local path to read ``path`` from: itself, or a temporary copy of a remote file (the
    extractors open files by name)."""
    if not is_remote(path):
        yield path
        return
    fs, p = _fs(path)
    suffix = os.path.splitext(p)[1]
    fd, tmp = tempfile.mkstemp(prefix="trove-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as out, fs.open_input_stream(p) as src:
            shutil.copyfileobj(src, out, 1 << 20)
        yield tmp
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
