"""Split document text into overlapping passages sized for the document encoder."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.types import Chunk
from desktop_app.core.words import DETECT_CHARS, detect

_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ")


def chunk_pages(
    pages: Sequence[tuple[int | None, str]],
    max_chars: int = 800,
    overlap: int = 120,
    max_chunks: int = 3000,
) -> list[Chunk]:
    """Passages of at most ``max_chars``, cut at paragraph/sentence/word breaks, with overlap.

    MiniLM reads 256 tokens (~1000 characters of English); 800 leaves room for long words.
    Every passage records its language: its own when it tells (a Chinese page's untranslated
    English paragraphs), else the document's (from its opening pages), "" when unsure.
    """
    opening, have = [], 0
    for _, text in pages:
        if have >= DETECT_CHARS:
            break
        opening.append(text[: DETECT_CHARS - have])
        have += len(opening[-1])
    lang = detect(" ".join(opening))
    out: list[Chunk] = []
    for page, text in pages:
        if len(out) >= max_chunks:
            break
        n = len(text)
        start = 0
        while start < n:
            while start < n and text[start].isspace():
                start += 1
            if start >= n:
                break
            end = min(n, start + max_chars)
            if end < n:
                window = text[start:end]
                for br in _BREAKS:
                    cut = window.rfind(br)
                    if cut > max_chars // 2:
                        end = start + cut + len(br)
                        break
            passage = re.sub(r"[ \t]+", " ", text[start:end]).strip()
            if passage:
                own = detect(passage)
                out.append(Chunk(passage, page, start, end, len(out), lang=own or lang))
            if end >= n or len(out) >= max_chunks:
                break
            nxt = max(end - overlap, start + 1)
            sp = text.find(" ", nxt, end)  # start the overlap on a word boundary
            start = sp + 1 if sp != -1 else nxt
    return out
