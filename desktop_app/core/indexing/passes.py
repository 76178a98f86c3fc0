"""Passes after the first one: reading the text in pictures (OCR), naming the places of photos,
and perceptual hashes for photos indexed before near-duplicates. Each works on what the store
says is missing, so a run that was stopped simply goes on next time."""

from __future__ import annotations

import concurrent.futures as cf
import logging
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import TextEncoder
from desktop_app.core.store.api import OcrRead, Store
from desktop_app.core.types import Problem, Progress

log = logging.getLogger(__name__)

HASH_BATCH = 256  # photos hashed per write of the background fill
OCR_BATCH = 8  # files per write of the text-in-pictures pass (~0.4-3 s each on one thread)

ProgressCallback = Callable[[Progress], None]


def read_text_in_pictures(
    store: Store,
    encoder: TextEncoder,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    give_way: Callable[[], bool] | None = None,
) -> tuple[int, int, str]:
    """Read the text in photos and in PDF pages without a text layer (scans), one file at
    a time on one thread, a batch of files per write; cancellable between files, and it
    stops between files when ``give_way()`` says newer work is waiting (watch mode).

    The passages are embedded by the document encoder and marked as OCR. A file that
    cannot be read is recorded as a problem and not tried again until it changes.
    Returns the files read, the files left for later, and a note for the person ("" when
    all went well)."""
    from desktop_app.core.extract import ExtractError, ocr

    todo = store.files.to_ocr()
    if not todo:
        return 0, 0, ""
    if not ocr.available():
        return 0, 0, "Text in pictures is not read: the OCR models are missing from this install"
    emit = progress or (lambda _p: None)
    batch: list[OcrRead] = []
    problems: list[Problem] = []
    done = found = 0
    note = ""
    left = 0

    def flush() -> None:
        if batch:
            write_reads(store, batch, encoder.pack_id)
            batch.clear()
        if problems:
            store.problems.record(problems)
            problems.clear()

    try:
        for n, (file_id, path, content_hash) in enumerate(todo):
            if cancel is not None:
                cancel.checkpoint()
            if give_way is not None and give_way():
                left = len(todo) - n  # read after the newer work, from where it stopped
                break
            emit(
                Progress(
                    "indexing",
                    done,
                    len(todo),
                    current=path,
                    message=f"Reading text in pictures ({done + 1}/{len(todo)})",
                )
            )
            chunks: list[Any] = []
            try:
                pages: Sequence[tuple[int | None, Sequence[ocr.OcrLine]]]
                if path.lower().endswith(".pdf"):
                    pages = ocr.read_pdf_pages(
                        path, (lambda: cancel.cancelled) if cancel is not None else None
                    )
                    if cancel is not None:
                        cancel.checkpoint()  # a half-read document is read again next time
                else:
                    pages = [(None, ocr.read_text(path))]
                chunks = ocr.ocr_chunks(pages)
            except ocr.OcrUnavailableError as exc:
                log.warning("text in pictures cannot be read: %s", exc)
                note = f"Text in pictures is not read: {exc}"
                break
            except (ExtractError, OSError) as exc:
                problems.append(Problem(path, f"the text in it could not be read: {exc}"))
            except Exception as exc:  # a library failure on one picture must not stop the pass
                log.exception("OCR failed on %s", path)
                problems.append(
                    Problem(path, f"the text in it could not be read ({type(exc).__name__})")
                )
            vectors = encoder.encode_texts([c.text for c in chunks]) if chunks else None
            batch.append(OcrRead(file_id, content_hash, chunks, vectors))
            done += 1
            found += bool(chunks)
            if len(batch) >= OCR_BATCH:
                flush()
    finally:
        flush()  # what was read before a cancel is kept
    if done:
        log.info("read the text in %d pictures and scans (%d had some)", done, found)
        emit(Progress("indexing", done, len(todo), message="Read the text in pictures"))
    return done, left, note


def write_reads(store: Store, reads: Sequence[OcrRead], pack_id: str) -> None:
    """Store what OCR read; the files rows are marked last: a crash before that leaves the
    files to be read again."""
    store.passages.replace_ocr(reads, pack_id)
    store.files.mark_ocr_read([(r.file_id, r.content_hash) for r in reads])


def name_places(store: Store, progress: ProgressCallback | None) -> None:
    """Name the places of photos stored without one: an index from before places, or all
    of them once when the gazetteer changes (a new place list names them better)."""
    from desktop_app.core.extract.places import GAZETTEER, available, places_for

    every = store.meta.get("places") != GAZETTEER
    todo = store.files.to_place(every)
    if todo and not available():
        return  # a broken install: try again next run, store nothing
    if todo:
        if progress is not None:
            progress(Progress("indexing", message=f"Naming the places of {len(todo)} photos"))
        found = places_for([(lat, lon) for _, lat, lon, _ in todo])
        # "" is stored too: a photo far from any town is not looked up again
        changed = {fid: p for (fid, _, _, old), p in zip(todo, found, strict=True) if p != old}
        store.files.set_places(changed)
        log.info("named the places of %d photos (%d changed)", len(todo), len(changed))
    if every:
        store.meta.set("places", GAZETTEER)


def fill_perceptual_hashes(
    store: Store, progress: ProgressCallback | None, cancel: CancelToken | None
) -> None:
    """Give a perceptual hash to photos stored without one (an index from before
    near-duplicates): a cheap draft decode each, a batch per write."""
    todo = store.files.without_dhash()
    done = 0
    for part, hashes in hash_batches(todo, cancel):
        store.files.set_dhashes(hashes)
        done += len(part)
        if progress is not None:
            progress(
                Progress(
                    "indexing",
                    done,
                    len(todo),
                    current=part[-1][1],
                    message=f"Checking {len(todo)} photos for near-duplicates",
                )
            )
    if todo:
        log.info("perceptual hashes computed for %d photos", done)


def hash_batches(
    todo: Sequence[tuple[str, str]], cancel: CancelToken | None
) -> Iterator[tuple[Sequence[tuple[str, str]], dict[str, int]]]:
    """Perceptual hashes of (file_id, path) photos, a batch at a time, decoded on two threads
    (Pillow releases the GIL while decoding; two keep a laptop responsive). Unreadable files
    are skipped: their extraction already recorded why."""
    if not todo:
        return
    from desktop_app.core.embed.errors import ImageDecodeError
    from desktop_app.core.extract.dhash import dhash_file

    def one(path: str) -> int | None:
        try:
            return dhash_file(path)
        except (ImageDecodeError, OSError):
            return None

    with cf.ThreadPoolExecutor(2, thread_name_prefix="trove-dhash") as pool:
        for start in range(0, len(todo), HASH_BATCH):
            if cancel is not None:
                cancel.checkpoint()
            part = todo[start : start + HASH_BATCH]
            found = pool.map(one, [p for _, p in part])
            yield part, {fid: h for (fid, _), h in zip(part, found, strict=True) if h is not None}
