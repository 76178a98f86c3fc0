"""Turn changed files into stored rows: extract on a pool, embed photos in batches, one writer.

Documents are written words first: their passages are stored with their text only (searchable
by their words at once) and get vectors in the next stage (indexing/passes/meaning.py)."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import logging
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import ImageEncoder
from desktop_app.core.extract import ExtractError
from desktop_app.core.extract.chunking import chunk_pages
from desktop_app.core.extract.dhash import dhash
from desktop_app.core.extract.documents import extract_document
from desktop_app.core.extract.images import read_image_facts
from desktop_app.core.extract.places import place_for
from desktop_app.core.imaging import ImageDecodeError, load_image
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.scan.hashing import fast_hash
from desktop_app.core.scan.kinds import ext_of
from desktop_app.core.scan.walker import describe_os_error
from desktop_app.core.store.api import Store
from desktop_app.core.types import (
    Chunk,
    FileRecord,
    FileStatus,
    Kind,
    Phase,
    Problem,
    Progress,
    ScannedFile,
)

log = logging.getLogger(__name__)

BATCH_FILES = 16  # files per write: one LanceDB commit each, small enough for steady progress
LOOKAHEAD_BATCHES = 3  # batches decoding while one is embedded and written: decoders never idle
SPLIT_AT = 8  # photo batches this large are encoded as two halves side by side
FILE_TIMEOUT_S = 120.0  # a file that takes longer to read is recorded as a problem


def record_fields(f: ScannedFile, file_id: str, content_hash: str) -> dict[str, Any]:
    """The FileRecord fields every outcome of reading ``f`` shares (read, failed, anywhere)."""
    return dict(
        file_id=file_id,
        path=f.path,
        root=f.root,
        name=os.path.basename(f.path),
        kind=f.kind,
        ext=ext_of(f.path),
        size=f.size,
        mtime=f.mtime,
        content_hash=content_hash,
        indexed_at=time.time(),
    )


@dataclass
class Work:
    """One file to (re)process, with the id it keeps when it is already indexed."""

    file: ScannedFile
    file_id: str = ""


@dataclass
class Extracted:
    work: Work
    record: FileRecord
    chunks: list[Chunk] = field(default_factory=list)
    pixels: npt.NDArray[np.float32] | None = None
    problem: str = ""


@dataclass
class RunCounts:
    processed: int = 0
    failed: int = 0
    embedded: int = 0
    problems: list[Problem] = field(default_factory=list)


class Pipeline:
    """Extraction pool of 2 threads: on 2 cores decoding then overlaps the encoder's batch."""

    def __init__(
        self,
        store: Store,
        image_encoder: ImageEncoder | None,
        extract_threads: int = 2,
        writer: Writer | None = None,
        wanted: Callable[[str], bool] | None = None,
    ) -> None:
        self.store = store
        self.image_encoder = image_encoder
        self.extract_threads = max(1, extract_threads)
        self.writer = writer or Writer()
        # asked inside each batch's write turn: a file whose folder was removed meanwhile
        # is dropped, not written back
        self.wanted = wanted or (lambda _path: True)

    def process(
        self,
        items: Sequence[Work],
        progress: Callable[[Progress], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> RunCounts:
        counts = RunCounts()
        total = len(items)
        recent: collections.deque[tuple[float, int]] = collections.deque(maxlen=20)
        started = time.monotonic()
        recent.append((started, 0))
        batches = [items[i : i + BATCH_FILES] for i in range(0, len(items), BATCH_FILES)]
        pending: collections.deque[tuple[Sequence[Work], list[cf.Future[Extracted]]]] = (
            collections.deque()
        )
        pool = _ExtractPool(self.extract_threads)
        halves = cf.ThreadPoolExecutor(1, thread_name_prefix="trove-encode")
        try:
            next_batch = 0

            def submit_next() -> None:
                nonlocal next_batch
                if next_batch < len(batches):
                    batch = batches[next_batch]
                    pending.append((batch, [pool.submit(self._extract, w) for w in batch]))
                    next_batch += 1

            if self.image_encoder is not None and any(w.file.kind == Kind.PHOTO for w in items):
                # the image tower loads (~0.3 s) while the first photos decode
                threading.Thread(
                    target=self._prepare_images, name="trove-prepare", daemon=True
                ).start()
            for _ in range(LOOKAHEAD_BATCHES):
                submit_next()
            while pending:
                if cancel is not None:
                    cancel.checkpoint()
                batch, futures = pending.popleft()
                results = [self._result(f, w, pool) for f, w in zip(futures, batch, strict=True)]
                submit_next()
                self._embed_and_write(results, counts, halves)
                now = time.monotonic()
                recent.append((now, counts.processed))
                rate = _rate(recent)
                eta = (total - counts.processed) / rate if rate > 0 else None
                if progress is not None:
                    progress(
                        Progress(
                            Phase.INDEXING,
                            counts.processed,
                            total,
                            counts.failed,
                            rate,
                            eta,
                            results[-1].work.file.path if results else "",
                        )
                    )
        finally:
            for _, futures in pending:  # cancelled or failed: drop the look-ahead
                for f in futures:
                    f.cancel()
            pool.shutdown()
            halves.shutdown(wait=False)
        return counts

    def _prepare_images(self) -> None:
        try:
            self.image_encoder.prepare()  # type: ignore[union-attr]
        except Exception:  # the first real batch raises it again, where it is handled
            log.debug("could not load the image tower ahead of time", exc_info=True)

    def _result(self, fut: cf.Future[Extracted], work: Work, pool: _ExtractPool) -> Extracted:
        try:
            return fut.result(timeout=FILE_TIMEOUT_S)
        except cf.TimeoutError:
            log.warning("gave up on %s after %.0f s", work.file.path, FILE_TIMEOUT_S)
            pool.replace_stuck()
            return self._failed(
                work, f"took too long to read (over {FILE_TIMEOUT_S:.0f} s); skipped"
            )

    def _failed(self, work: Work, reason: str) -> Extracted:
        rec = FileRecord(
            **_fields(work, work.file.content_hash), status=FileStatus.FAILED, problem=reason
        )
        return Extracted(work, rec, problem=reason)

    def extract(self, work: Work) -> Extracted:
        """Read one file as indexing does (the cluster's tasks read theirs with it too)."""
        return self._extract(work)

    def _extract(self, work: Work) -> Extracted:
        f = work.file
        try:
            if not os.path.exists(f.path):
                return self._failed(work, "it disappeared before it could be read")
            content_hash = f.content_hash or fast_hash(f.path, f.size)
            base = _fields(work, content_hash)
            if f.kind == Kind.PHOTO:
                facts = read_image_facts(f.path)
                pixels = None
                if self.image_encoder is not None:
                    image = self.image_encoder.decode(f.path)
                    pixels = self.image_encoder.pixels(image)
                else:
                    image = load_image(f.path, 64)  # a cheap draft decode finds damaged files now
                perceptual = dhash(image)  # from the decode the encoder uses: no second read
                rec = FileRecord(
                    **base,
                    status=FileStatus.OK if pixels is not None else FileStatus.PENDING_VECTORS,
                    taken_at=facts.taken_at,
                    camera=facts.camera,
                    gps_lat=facts.gps_lat,
                    gps_lon=facts.gps_lon,
                    place=place_for(facts.gps_lat, facts.gps_lon),
                    width=facts.width,
                    height=facts.height,
                    dhash=perceptual,
                )
                return Extracted(work, rec, pixels=pixels)
            doc = extract_document(f.path)
            chunks = chunk_pages(doc.pages)
            preview = " ".join(doc.text.split())[:300]
            # its passages are stored words first: the vectors stage marks it OK
            status = FileStatus.PENDING_VECTORS if chunks else FileStatus.OK
            return Extracted(work, FileRecord(**base, status=status, text_preview=preview), chunks)
        except (ExtractError, ImageDecodeError) as exc:
            return self._failed(work, str(exc))
        except OSError as exc:
            return self._failed(work, describe_os_error(exc))
        except Exception as exc:  # a library bug on one file must not stop the batch
            log.exception("unexpected failure reading %s", f.path)
            return self._failed(work, f"could not be read ({type(exc).__name__})")

    def _encode_photos(
        self, pixels: npt.NDArray[np.float32], halves: cf.Executor
    ) -> npt.NDArray[np.float32]:
        """The image tower runs one thread per call (see packs.registry.indexing_image_threads):
        two halves of a batch run side by side (onnxruntime sessions take concurrent calls), so
        the last batches of a run, when no decoding is left, still use both cores."""
        enc = self.image_encoder
        assert enc is not None
        if len(pixels) < SPLIT_AT:
            return enc.encode_pixels(pixels)
        half = len(pixels) // 2
        second = halves.submit(enc.encode_pixels, pixels[half:])
        first = enc.encode_pixels(pixels[:half])
        return np.concatenate([first, second.result()])

    def _embed_and_write(
        self, results: list[Extracted], counts: RunCounts, halves: cf.Executor
    ) -> None:
        photos = [r for r in results if r.pixels is not None]
        image_vecs: dict[str, npt.NDArray[np.float32]] = {}
        if photos and self.image_encoder is not None:
            pixels = np.stack([r.pixels for r in photos])  # type: ignore[misc]
            encoded = self._encode_photos(pixels, halves)
            image_vecs = {r.record.file_id: v for r, v in zip(photos, encoded, strict=True)}
            counts.embedded += len(photos)
        with self.writer.turn():
            kept = [r for r in results if self.wanted(r.record.path)]
            self._write(kept, image_vecs)
        problems = [Problem(r.record.path, r.problem, time.time()) for r in kept if r.problem]
        counts.processed += len(results)
        counts.failed += len(problems)
        counts.problems.extend(problems)

    def _write(
        self,
        results: list[Extracted],
        image_vecs: dict[str, npt.NDArray[np.float32]],
    ) -> None:
        """One writer. Passages and vectors first, the files rows last: a file's row (with its
        size and mtime) is the commit marker, so a crash in between leaves the file 'changed'
        for the next run, and the rows it left behind are replaced then (or dropped as
        orphans). A document's passages go in with their words only (a changed document's
        older passages, with or without vectors, go in the same step)."""
        store = self.store
        docs = [r for r in results if r.record.kind == Kind.DOCUMENT and not r.problem]
        store.passages.replace_words(
            [(r.record.file_id, r.chunks) for r in docs if r.chunks or r.work.file_id],
            new=not any(r.work.file_id for r in docs),
        )
        photos = [r for r in results if r.record.file_id in image_vecs]
        if photos and self.image_encoder is not None:
            store.images.write(
                [r.record.file_id for r in photos],
                np.stack([image_vecs[r.record.file_id] for r in photos]),
                self.image_encoder.pack_id,
                new=not any(r.work.file_id for r in photos),  # ids made in this run
            )
        # files met for the first time got fresh ids: appended; known files are merged
        store.files.upsert([r.record for r in results if not r.work.file_id], new=True)
        store.files.upsert([r.record for r in results if r.work.file_id])
        store.problems.record(
            [Problem(r.record.path, r.problem, time.time()) for r in results if r.problem]
        )
        store.problems.clear([r.record.path for r in results if not r.problem])


class _ExtractPool:
    """Extraction threads that are daemons: a file stuck past its time limit (a hung network
    drive, a pathological decoder case) can hold up neither the run nor the app's exit."""

    def __init__(self, threads: int) -> None:
        self._jobs: queue.SimpleQueue[tuple[cf.Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._threads = 0
        for _ in range(threads):
            self._spawn()

    def _spawn(self) -> None:
        self._threads += 1
        threading.Thread(target=self._run, name="trove-extract", daemon=True).start()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            fut, fn = job
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn())
            except BaseException as exc:  # handed to whoever waits on the future
                fut.set_exception(exc)

    def submit(self, fn: Callable[[Work], Extracted], work: Work) -> cf.Future[Extracted]:
        fut: cf.Future[Extracted] = cf.Future()
        self._jobs.put((fut, lambda: fn(work)))
        return fut

    def replace_stuck(self) -> None:
        """One thread is stuck on a file: a fresh one keeps the pool at full strength."""
        self._spawn()

    def shutdown(self) -> None:
        for _ in range(self._threads):
            self._jobs.put(None)


def _fields(work: Work, content_hash: str) -> dict[str, Any]:
    return record_fields(work.file, work.file_id or uuid.uuid4().hex, content_hash)


def _rate(recent: collections.deque[tuple[float, int]]) -> float:
    (t0, n0), (t1, n1) = recent[0], recent[-1]
    return (n1 - n0) / (t1 - t0) if t1 > t0 else 0.0
