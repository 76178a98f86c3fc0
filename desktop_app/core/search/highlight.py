"""Which words of a passage to highlight for a query: the words full-text search matched, cut
and compared as the index does (core.words: any script, accents folded, stems), never a
stopword inside another word ("to" in "touch"), quoted phrases as a whole."""

from __future__ import annotations

from desktop_app.core import words

# A passage's language is not known here: English stems, as most documents have, plus the
# word itself (any other language's inflections are matched by their surface form).
DEFAULT_LANGS = ("en",)


def spans(
    text: str,
    terms: tuple[str, ...],
    phrases: tuple[str, ...] = (),
    langs: tuple[str, ...] = DEFAULT_LANGS,
) -> list[tuple[int, int]]:
    """(start, end) of every place in ``text`` to highlight, sorted and not overlapping.

    A word matches a query word when they share a form in one of ``langs`` (the word itself
    or its stem). Stopwords are left out unless the query has nothing else; a quoted phrase is
    marked where its words follow each other.
    """
    # a word of a script without spaces is marked where all its characters stand together,
    # not wherever one of its pairs does
    runs = tuple(t for t in terms if words.no_space_runs(t) == (t,))
    phrases = (*phrases, *runs)
    every = [w for t in terms if t not in runs for w in words.words(t)]
    content = [w for w in every if not words.is_stopword(w, langs)] or every
    wanted = {f for w in content for f in words.forms(w, langs)}
    toks = list(words.spans(text))
    found = [(s, e) for s, e, w in toks if wanted.intersection(words.forms(w, langs))]
    for phrase in phrases:
        want = [set(words.forms(w, langs)) for w in words.words(phrase)]
        if not want:
            continue
        for i in range(len(toks) - len(want) + 1):
            if all(
                want[j].intersection(words.forms(toks[i + j][2], langs)) for j in range(len(want))
            ):
                found.append((toks[i][0], toks[i + len(want) - 1][1]))
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
