"""The Indexer applies a change set: moves re-point rows, deletions go, the rest is read."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import ImageEncoder, TextEncoder
from desktop_app.core.indexing.changes import ChangeSet
from desktop_app.core.indexing.pipeline import Pipeline, RunCounts, Work
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.scan.kinds import kind_for
from desktop_app.core.store.api import KnownFile, Store
from desktop_app.core.types import IndexSummary, Progress, ScannedFile

ProgressCallback = Callable[[Progress], None]


@dataclass(frozen=True)
class Encoders:
    """The encoders that answer now: the document pack's and the image pack's (either may be
    missing: files are then stored without those vectors, to be given them later)."""

    text: TextEncoder | None = None
    image: ImageEncoder | None = None


class Indexer:
    """One way for every change, whether a scan or the watcher found it. Writes take the
    writer's turns a batch at a time, so removing a folder never waits for a long run."""

    def __init__(
        self,
        store: Store,
        writer: Writer,
        encoders: Callable[[], Encoders],
        extract_threads: int = 2,
    ) -> None:
        self.store = store
        self.writer = writer
        self.encoders = encoders
        self.extract_threads = extract_threads

    def apply(
        self,
        changes: ChangeSet,
        mark: int,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> IndexSummary:
        """Apply ``changes``, planned when the writer's mark was ``mark``: what lies under a
        folder removed since is left out."""
        with self.writer.turn():
            changes = changes.without(lambda p: self.writer.forgotten_since(p, mark))
            # each keeps its id, vectors, text in pixels and place
            self.store.files.move([(k.file_id, f.path, f.root, f.mtime) for k, f in changes.moved])
            if changes.moved:
                self.store.problems.clear([k.path for k, _ in changes.moved])
            if changes.deleted:
                self.store.remove_files([k.file_id for k in changes.deleted])
                self.store.problems.clear([k.path for k in changes.deleted])
            for folder in changes.gone_folders:
                self.store.problems.clear_under(folder)
        work = [Work(f) for f in changes.added] + [Work(f, k.file_id) for k, f in changes.changed]
        counts = self.read(work, mark, progress, cancel)
        return IndexSummary(
            added=len(changes.added),
            changed=len(changes.changed),
            moved=len(changes.moved),
            deleted=len(changes.deleted),
            unchanged=changes.unchanged,
            failed=counts.failed,
            embedded=counts.embedded,
            problems=tuple(counts.problems),
        )

    def give_vectors(
        self,
        files: Sequence[KnownFile],
        mark: int,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunCounts:
        """Read these indexed files again for the vectors they lack (a new pack, or none at
        the time); a file no longer on disk is left for the next scan to delete."""
        work = []
        for k in files:
            kind = kind_for(k.path)
            try:
                st = os.stat(k.path)
            except OSError:
                continue
            if kind is None:
                continue
            root = k.root or os.path.dirname(k.path)
            f = ScannedFile(k.path, root, kind, st.st_size, st.st_mtime, k.content_hash)
            work.append(Work(f, k.file_id))
        return self.read(work, mark, progress, cancel)

    def read(
        self,
        work: Sequence[Work],
        mark: int,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunCounts:
        if not work:
            return RunCounts()
        enc = self.encoders()
        pipeline = Pipeline(
            self.store,
            enc.image,
            self.extract_threads,
            writer=self.writer,
            wanted=lambda p: not self.writer.forgotten_since(p, mark),
        )
        return pipeline.process(work, progress, cancel)
