"""The model-pack manifest: reading, validating, hashing every file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from desktop_app.core.embed.errors import PackError

# 2: a ``graphs`` block says what each tower's graph takes and gives (core.embed.graphs); packs
# without one are format 1 and read as before.
FORMAT_VERSION = 2
ALLOWED_FILES = {
    "manifest.json",
    "tokenizer.json",
    "vision.onnx",
    "text.onnx",
    "vision.fp32.onnx",  # full-precision towers, used where the int8 ones fail their check
    "text.fp32.onnx",
    "LICENSE",
    "README.txt",
}
REQUIRED_KEYS = ("format_version", "name", "family", "dim", "towers", "files", "sha256")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def finalize_manifest(pack_dir: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Hash every file, derive the pack id, and write manifest.json."""
    hashes = {
        p.name: sha256_file(p)
        for p in sorted(pack_dir.iterdir())
        if p.is_file() and p.name != "manifest.json"
    }
    manifest["sha256"] = hashes
    digest = hashlib.sha256("".join(f"{k}{v}" for k, v in sorted(hashes.items())).encode())
    manifest["pack_id"] = f"{manifest['name']}@{digest.hexdigest()[:10]}"
    (pack_dir / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def read_manifest(pack_dir: Path) -> dict[str, Any]:
    """Parse and sanity-check manifest.json (hashes are checked by :func:`verify_files`)."""
    path = pack_dir / "manifest.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"{pack_dir.name}: not a model pack (no manifest.json)") from None
    except (OSError, ValueError) as exc:
        raise PackError(f"{pack_dir.name}: unreadable manifest ({exc})") from exc
    if not isinstance(data, dict):
        raise PackError(f"{pack_dir.name}: manifest is not a JSON object")
    missing = [k for k in REQUIRED_KEYS if k not in data]
    if missing:
        raise PackError(f"{pack_dir.name}: manifest lacks {', '.join(missing)}")
    if int(data["format_version"]) > FORMAT_VERSION:
        raise PackError(
            f"{pack_dir.name}: pack format {data['format_version']} is newer than this Trove"
        )
    for name in data["sha256"]:
        if name not in ALLOWED_FILES or "/" in name or "\\" in name:
            raise PackError(f"{pack_dir.name}: unexpected file {name!r} in manifest")
    for role, name in data["files"].items():
        if name not in data["sha256"]:
            raise PackError(f"{pack_dir.name}: {role} file {name!r} has no hash")
    return data


def verify_files(pack_dir: Path, manifest: dict[str, Any]) -> list[str]:
    """Return human problems: missing files, wrong hashes, unexpected files."""
    problems: list[str] = []
    expected: dict[str, str] = manifest["sha256"]
    for name, digest in expected.items():
        f = pack_dir / name
        if not f.is_file():
            problems.append(f"{name} is missing")
        elif sha256_file(f) != digest:
            problems.append(f"{name} does not match its hash (damaged or altered)")
    for f in pack_dir.iterdir():
        if f.name != "manifest.json" and f.name not in expected:
            problems.append(f"unexpected file {f.name}")
    return problems
