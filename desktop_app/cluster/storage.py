"""Where a shared library lives, and whether its store can hold one safely."""

from __future__ import annotations

import os
import uuid
from typing import Any


class ClusterError(Exception):
    """A cluster job cannot start or go on; the message says why, for a person."""


def _object_store(uri: str) -> tuple[Any, str]:
    """An obstore store for ``uri`` and the key prefix inside it. S3 credentials, endpoint,
    region and ``AWS_ALLOW_HTTP`` come from the usual AWS environment variables, as Lance
    reads them."""
    from obstore.store import LocalStore, S3Store

    scheme, _, rest = uri.partition("://")
    if scheme == "file":
        os.makedirs(rest, exist_ok=True)
        return LocalStore(rest), ""
    if scheme in ("s3", "s3a"):
        bucket, _, prefix = rest.partition("/")
        allow_http = os.environ.get("AWS_ALLOW_HTTP", "").lower() in ("1", "true", "yes")
        return S3Store(bucket, client_options={"allow_http": allow_http}), prefix.strip("/")
    raise ClusterError(f"{uri}: Trove writes libraries to s3:// addresses or shared folders")


def check_conditional_put(uri: str) -> None:
    """Refuse a store that ignores ``If-None-Match: *``: Lance's commits rely on a put that
    fails when the object exists; a store that overwrites silently loses one of two
    concurrent commits (and the rows it wrote). One probe object is written twice and
    removed."""
    import obstore

    store, prefix = _object_store(uri)
    key = "/".join(p for p in (prefix, "_trove_probe", uuid.uuid4().hex) if p)
    try:
        obstore.put(store, key, b"1", mode="create")
    except Exception as exc:
        raise ClusterError(f"cannot write to {uri}: {exc}") from exc
    try:
        try:
            obstore.put(store, key, b"2", mode="create")
        except obstore.exceptions.AlreadyExistsError:
            return  # the second put was refused: commits are safe
        except Exception as exc:
            raise ClusterError(f"cannot write to {uri}: {exc}") from exc
        raise ClusterError(
            f"the store at {uri} does not honour conditional writes (If-None-Match: *); "
            "concurrent commits could overwrite each other, so Trove will not write a library "
            "there (AWS S3, Cloudflare R2, Google Cloud Storage, SeaweedFS and local folders "
            "have them)"
        )
    finally:
        try:
            obstore.delete(store, key)
        except Exception:  # a probe left behind is harmless
            pass
