"""Compare what is on disk with what the index knows: added, changed, deleted, moved."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from desktop_app.core.scan.hashing import fast_hash, full_hash
from desktop_app.core.store.api import KnownFile
from desktop_app.core.types import ScannedFile


@dataclass(frozen=True)
class Changes:
    added: list[ScannedFile] = field(default_factory=list)
    changed: list[tuple[KnownFile, ScannedFile]] = field(default_factory=list)
    deleted: list[KnownFile] = field(default_factory=list)
    moved: list[tuple[KnownFile, ScannedFile]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def work(self) -> int:
        return len(self.added) + len(self.changed) + len(self.deleted) + len(self.moved)


def diff(
    disk: Iterable[ScannedFile],
    known: Mapping[str, KnownFile],
    hasher: Callable[[str, int], str] = fast_hash,
    confirm: Callable[[str], str] = full_hash,
) -> Changes:
    """Classify files; a deleted + added pair with the same content is a move (no re-embedding).

    Only added files whose size matches a deleted file are hashed, so a normal start hashes
    nothing.
    """
    seen: set[str] = set()
    added: list[ScannedFile] = []
    changed: list[tuple[KnownFile, ScannedFile]] = []
    unchanged = 0
    for f in disk:
        seen.add(f.path)
        k = known.get(f.path)
        if k is None:
            added.append(f)
        elif k.size != f.size or abs(k.mtime - f.mtime) > 1e-6:
            changed.append((k, f))
        else:
            unchanged += 1
    deleted = [k for p, k in known.items() if p not in seen]
    moved: list[tuple[KnownFile, ScannedFile]] = []
    if deleted and added:
        by_size: dict[int, list[KnownFile]] = {}
        for k in deleted:
            if k.content_hash:
                by_size.setdefault(k.size, []).append(k)
        still_added: list[ScannedFile] = []
        for f in added:
            candidates = by_size.get(f.size)
            if not candidates:
                still_added.append(f)
                continue
            try:
                h = hasher(f.path, f.size)
            except OSError:
                still_added.append(f)
                continue
            matches = [k for k in candidates if k.content_hash == h]
            if len(matches) > 1:  # same head/tail: the full hash decides
                try:
                    full = confirm(f.path)
                except OSError:
                    full = ""
                matches = matches[:1] if full else []
            if matches:
                k = matches[0]
                candidates.remove(k)
                moved.append((k, dataclasses.replace(f, content_hash=h)))
            else:
                still_added.append(dataclasses.replace(f, content_hash=h))
        added = still_added
        moved_ids = {k.file_id for k, _ in moved}
        deleted = [k for k in deleted if k.file_id not in moved_ids]
    return Changes(added, changed, deleted, moved, unchanged)
