"""Text in pictures: read the words in photos and in scanned PDF pages (OCR)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from desktop_app.core.embed.api import TextEncoder
from desktop_app.core.indexing.passes.base import PassContext, SliceResult
from desktop_app.core.store.api import OcrRead, Store
from desktop_app.core.types import Chunk, Phase, Problem, Progress

log = logging.getLogger(__name__)

OCR_BATCH = 8  # files per write (~0.4-3 s each on one thread)
UNAVAILABLE = "Text in pictures is not read: the OCR models are missing from this install"


def write_reads(store: Store, reads: Sequence[OcrRead], pack_id: str) -> None:
    """Store what OCR read; the files rows are marked last: a crash before that leaves the
    files to be read again."""
    store.passages.replace_ocr(reads, pack_id)
    store.files.mark_ocr_read([(r.file_id, r.content_hash) for r in reads])


class TextInPictures:
    """One file at a time on one thread, a slice of files per write. The passages are
    embedded by the document encoder and marked as OCR; a file that cannot be read is
    recorded as a problem and not tried again until it changes. A file changed or removed
    while it was read is not written (its row says what is current)."""

    name = "text in pictures"

    def __init__(
        self, encoder: Callable[[], TextEncoder | None], enabled: Callable[[], bool]
    ) -> None:
        self._encoder = encoder
        self._enabled = enabled  # the person's setting, asked at every run
        self.notice = ""  # why the text in pictures is not read, for the person
        self._todo: list[tuple[str, str, str]] = []
        self._total = 0
        self._done = 0

    def plan(self, ctx: PassContext) -> int:
        from desktop_app.core.extract import ocr

        self._todo, self._done = [], 0
        if not self._enabled() or self._encoder() is None or self.notice:
            return 0  # no document encoder: the passages would have no vectors; next run
        todo = ctx.store.files.to_ocr()
        if todo and not ocr.available():
            self.notice = UNAVAILABLE
            return 0
        self._todo, self._total = todo, len(todo)
        return self._total

    def pending(self) -> int:
        return len(self._todo)

    def run_slice(self, ctx: PassContext) -> SliceResult:
        from desktop_app.core.extract import ExtractError, ocr

        encoder = self._encoder()
        if encoder is None:
            self._todo = []
            return SliceResult()
        reads: list[OcrRead] = []
        problems: list[Problem] = []
        taken = 0
        for file_id, path, content_hash in self._todo[:OCR_BATCH]:
            if taken and ctx.stop_reading():
                break
            taken += 1
            if ctx.forgotten(path):
                continue  # its folder was removed since the pass was planned: not wanted
            ctx.progress(
                Progress(
                    Phase.INDEXING,
                    self._done,
                    self._total,
                    current=path,
                    message=f"Reading text in pictures ({self._done + 1}/{self._total})",
                )
            )
            chunks: list[Chunk] = []
            try:
                pages: Sequence[tuple[int | None, Sequence[Any]]]
                if path.lower().endswith(".pdf"):
                    # only a quit or a pause cuts a document short (newer changes wait for
                    # its end: cut short each time, a long scan would never be read)
                    pages = ocr.read_pdf_pages(path, ctx.halted)
                    if ctx.halted():
                        taken -= 1  # a half-read document is read again, whole, next slice
                        break
                else:
                    pages = [(None, ocr.read_text(path))]
                chunks = ocr.ocr_chunks(pages)
            except ocr.OcrUnavailableError as exc:
                log.warning("text in pictures cannot be read: %s", exc)
                self.notice = f"Text in pictures is not read: {exc}"
                taken = len(self._todo)  # the files wait for a later run
                break
            except (ExtractError, OSError) as exc:
                problems.append(Problem(path, f"the text in it could not be read: {exc}"))
            except Exception as exc:  # a library failure on one picture must not stop the pass
                log.exception("OCR failed on %s", path)
                problems.append(
                    Problem(path, f"the text in it could not be read ({type(exc).__name__})")
                )
            vectors = encoder.encode_texts([c.text for c in chunks]) if chunks else None
            reads.append(OcrRead(file_id, content_hash, chunks, vectors))
        del self._todo[:taken]
        kept = self._write(ctx, reads, problems, encoder.pack_id)
        self._done += taken
        if not self._todo and self._done:
            log.info("read the text in %d pictures and scans", self._done)
            ctx.progress(
                Progress(
                    Phase.INDEXING, self._done, self._total, message="Read the text in pictures"
                )
            )
        return SliceResult(done=kept, problems=problems)

    @staticmethod
    def _write(
        ctx: PassContext, reads: list[OcrRead], problems: list[Problem], pack_id: str
    ) -> int:
        with ctx.writer.turn():
            current = ctx.store.files.content_hashes([r.file_id for r in reads])
            kept = [r for r in reads if current.get(r.file_id) == r.content_hash]
            write_reads(ctx.store, kept, pack_id)
            ctx.store.problems.record([p for p in problems if not ctx.forgotten(p.path)])
        return len(kept)

    def finish(self, ctx: PassContext) -> None:
        pass
