"""Change sets: what is added, changed, deleted or moved, from a scan or from watch events.

Both ways end in the same move rule: a deleted file and an added one of the same size and
content hash are one file that moved; its rows are re-pointed and nothing is read again.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.core.scan.hashing import fast_hash, full_hash
from desktop_app.core.scan.watch import ChangeBatch
from desktop_app.core.store.api import FilesTable, KnownFile
from desktop_app.core.types import FileStatus, Kind, ScannedFile

Hasher = Callable[[str, int], str]
Confirm = Callable[[str], str]
# (root, kind) of a path the index takes in; None: outside every root, excluded, not a file kind
Locate = Callable[[str], tuple[str, Kind] | None]


@dataclass(frozen=True)
class ChangeSet:
    added: tuple[ScannedFile, ...] = ()
    changed: tuple[tuple[KnownFile, ScannedFile], ...] = ()
    deleted: tuple[KnownFile, ...] = ()
    moved: tuple[tuple[KnownFile, ScannedFile], ...] = ()
    unchanged: int = 0
    gone_folders: tuple[str, ...] = ()  # folders deleted or moved away: their problems go too

    @property
    def work(self) -> int:
        return len(self.added) + len(self.changed) + len(self.deleted) + len(self.moved)

    def without(self, drop: Callable[[str], bool]) -> ChangeSet:
        """The same changes less those at paths ``drop`` says are no longer wanted."""
        return ChangeSet(
            tuple(f for f in self.added if not drop(f.path)),
            tuple((k, f) for k, f in self.changed if not drop(f.path)),
            tuple(k for k in self.deleted if not drop(k.path)),
            tuple((k, f) for k, f in self.moved if not drop(f.path) and not drop(k.path)),
            self.unchanged,
            tuple(d for d in self.gone_folders if not drop(d)),
        )


def from_scan(
    disk: Iterable[ScannedFile],
    known: Mapping[str, KnownFile],
    hasher: Hasher = fast_hash,
    confirm: Confirm = full_hash,
) -> ChangeSet:
    """Compare a walk of a root with the index's rows of that root.

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
        elif _differs(k, f):
            changed.append((k, f))
        else:
            unchanged += 1
    deleted = [k for p, k in known.items() if p not in seen]
    added, deleted, moved = pair_moves(added, deleted, hasher, confirm)
    return ChangeSet(tuple(added), tuple(changed), tuple(deleted), tuple(moved), unchanged)


def from_events(
    batch: ChangeBatch,
    files: FilesTable,
    locate: Locate,
    hasher: Hasher = fast_hash,
    confirm: Confirm = full_hash,
) -> ChangeSet:
    """Turn a watcher's batch into changes, reading only the rows the batch touches: those at
    its paths and those inside the folders that went away."""
    known = files.known(paths=batch.changed | batch.deleted)
    deleted: dict[str, KnownFile] = {}
    for folder in sorted(batch.deleted_dirs):
        for row in files.known(under=folder).values():
            deleted[row.file_id] = row
    for p in batch.deleted:
        if p in known and not os.path.exists(p):
            deleted[known[p].file_id] = known[p]
    added: list[ScannedFile] = []
    changed: list[tuple[KnownFile, ScannedFile]] = []
    unchanged = 0
    for p in sorted(batch.changed):
        place = locate(p)
        if place is None:
            continue
        try:
            st = os.stat(p)
        except OSError:
            continue  # gone again: its deletion comes in a later batch
        f = ScannedFile(p, place[0], place[1], st.st_size, st.st_mtime)
        k = known.get(p)
        if k is not None:
            deleted.pop(k.file_id, None)  # a folder moved away and back: the file is here
        if k is None:
            added.append(f)
        elif _differs(k, f) or k.status == FileStatus.FAILED:
            changed.append((k, f))  # a file that failed is tried again when touched
        else:
            unchanged += 1
    # A file moved to a new folder can arrive as a creation before the deletion of its old
    # path (watchdog holds an unpaired rename half a second): an indexed file of the same
    # size that is no longer where the index says is a candidate too, deleted or not yet.
    vanished = {
        k.file_id: k
        for k in (files.known(sizes={f.size for f in added}) if added else {}).values()
        if k.file_id not in deleted
        and k.path not in batch.changed
        and not os.path.exists(k.path)
        and os.path.isdir(k.root)  # not a drive that is unplugged: its files stay its own
    }
    added, gone, moved = pair_moves(
        added, list(deleted.values()) + list(vanished.values()), hasher, confirm
    )
    gone = [k for k in gone if k.file_id not in vanished]  # their own deletion says so later
    return ChangeSet(
        tuple(added),
        tuple(changed),
        tuple(gone),
        tuple(moved),
        unchanged,
        tuple(sorted(batch.deleted_dirs)),
    )


def pair_moves(
    added: Sequence[ScannedFile],
    deleted: Sequence[KnownFile],
    hasher: Hasher = fast_hash,
    confirm: Confirm = full_hash,
) -> tuple[list[ScannedFile], list[KnownFile], list[tuple[KnownFile, ScannedFile]]]:
    """(still added, still deleted, moved): a deleted file and an added one with the same size
    and content hash are a move. An added file is hashed only when a deleted one has its size
    (its hash then goes with it: the pipeline need not read it again)."""
    if not added or not deleted:
        return list(added), list(deleted), []
    by_size: dict[int, list[KnownFile]] = {}
    for k in deleted:
        if k.content_hash and k.status != FileStatus.FAILED:  # a failed file is read again
            by_size.setdefault(k.size, []).append(k)
    still_added: list[ScannedFile] = []
    moved: list[tuple[KnownFile, ScannedFile]] = []
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
    moved_ids = {k.file_id for k, _ in moved}
    return still_added, [k for k in deleted if k.file_id not in moved_ids], moved


def _differs(k: KnownFile, f: ScannedFile) -> bool:
    return k.size != f.size or abs(k.mtime - f.mtime) > 1e-6
