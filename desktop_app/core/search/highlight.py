"""Which words of a passage to highlight for a query: whole words and their stems, never a
stopword inside another word ("to" in "touch"), quoted phrases as a whole."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop_app.core.search.query import STOPWORDS

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer  # BSD-3-Clause; Snowball English, the stemmer LanceDB's index uses

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word.casefold()))  # type: ignore[attr-defined]


def spans(text: str, terms: tuple[str, ...], phrases: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """(start, end) of every place in ``text`` to highlight, sorted and not overlapping.

    A word matches a query term when their stems are equal. Stopwords are left out unless the
    query has nothing else; a quoted phrase is marked where its words follow each other.
    """
    words = [w for t in terms for w in _WORD.findall(t)]
    content = [w for w in words if w.casefold() not in STOPWORDS] or words
    wanted = {stem(w) for w in content}
    found: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        if stem(m.group()) in wanted:
            found.append(m.span())
    for phrase in phrases:
        parts = _WORD.findall(phrase)
        if not parts:
            continue
        pattern = r"\b" + r"\W+".join(re.escape(p) for p in parts) + r"\b"
        found += [m.span() for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def excerpt(text: str, terms: tuple[str, ...], width: int = 140) -> str:
    """About ``width`` characters of ``text`` on one line, starting a little before the first
    word the query matched (the start when none did)."""
    flat = " ".join(text.split())
    found = spans(flat, terms)
    start = 0
    if found and found[0][0] > width // 4:
        start = flat.rfind(" ", 0, found[0][0] - width // 4) + 1
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")
