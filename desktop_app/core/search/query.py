"""Parse a query string: words, "phrases", -excluded words, filters (type:, in:, after:,
before:) and composed photo queries in rclip's syntax: `2:sunset + dog - people`."""

from __future__ import annotations

import calendar
import re
import shlex
from datetime import date
from typing import Any

from desktop_app.core.store.filters import FileFilter
from desktop_app.core.store.filters import fold as fold  # places and highlights fold alike
from desktop_app.core.types import Kind, Query
from desktop_app.core.words import no_space_runs

_KIND_WORDS = {
    "photo": Kind.PHOTO,
    "photos": Kind.PHOTO,
    "image": Kind.PHOTO,
    "images": Kind.PHOTO,
    "picture": Kind.PHOTO,
    "pictures": Kind.PHOTO,
    "document": Kind.DOCUMENT,
    "documents": Kind.DOCUMENT,
    "doc": Kind.DOCUMENT,
    "docs": Kind.DOCUMENT,
    "text": Kind.DOCUMENT,
}
_EXT_ALIASES = {
    "jpeg": ("jpg", "jpeg"),
    "jpg": ("jpg", "jpeg"),
    "word": ("docx", "odt"),
    "markdown": ("md", "markdown"),
    "tiff": ("tif", "tiff"),
    "html": ("html", "htm"),
}


def _split(raw: str) -> list[str]:
    try:
        lex = shlex.shlex(raw, posix=True)
        lex.whitespace_split = True
        lex.commenters = ""
        lex.quotes = '"'
        return list(lex)
    except ValueError:  # unbalanced quote: treat the quote as a plain character
        return raw.replace('"', " ").split()


def place_matches(place: str, wanted: tuple[str, ...]) -> bool:
    """Does a file's place contain any of the place: filter's names?"""
    return FileFilter(places=wanted).at_place(place)


def file_filter(q: Query) -> FileFilter:
    """The files a query's filters admit (type:, in:, after:/before:, place:)."""
    return FileFilter(
        kinds=tuple(str(k) for k in q.kinds),
        extensions=q.extensions,
        folders=q.folders,
        places=q.places,
        after=q.after,
        before=q.before,
    )


def _date_bound(value: str, end: bool) -> float | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2) or (12 if end else 1))
    if not 1 <= mo <= 12:
        return None
    last = calendar.monthrange(y, mo)[1]
    d = int(m.group(3) or (last if end else 1))
    if not 1 <= d <= last:
        return None
    ts = calendar.timegm(date(y, mo, d).timetuple())
    return float(ts + 86400) if end else float(ts)


def is_identifier(token: str) -> bool:
    """A token people type to find the one file that has it: an error code (E0384), a hex or
    account number (0x524, 00123), a name in code (THREE_HOURS_IN_SECONDS, getItem, foo.bar(),
    C++), a dated or dashed reference (INV-2023-00481, 2006-08-14) — not a plain word or a
    year."""
    if re.fullmatch(r"[^\W_]{1,2}(\+\+|#)|\w+(\.\w+)*\(\)|[^\W\d_]\w*(\.[^\W\d_]\w*)+", token):
        return True  # code: C++, C#, foo(), foo.bar, foo.bar()
    core = token.strip("\"'.,;:!?()[]{}<>")
    if len(core) < 3:
        return False
    digits = sum(c.isdigit() for c in core)
    letters = sum(c.isalpha() for c in core)
    if "_" in core.strip("_") or re.search(r"[a-z][A-Z]", core):
        return True
    if digits and letters:
        return True
    if digits and (digits >= 5 or core.startswith("0") or re.search(r"\d[-./:]\d", core)):
        return True
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]{3,}", core)) and len(core) >= 5


_FLAG = re.compile(r"--?[^\W_][\w+#-]*(=\S*)?|-[^\W\d_]{1,2}")


def is_flag(token: str) -> bool:
    """A command-line option as manuals print it: ``--preserve-root``, ``--null``, ``-rf``,
    ``-v``, ``--color=auto``. A dash before a longer plain word (``-people``) leaves it out."""
    if not _FLAG.fullmatch(token):
        return False
    return token.startswith("--") or len(token) <= 3


def exact_terms(q: Query) -> tuple[str, ...]:
    """What must be found verbatim: the quoted phrases, the identifiers and flags among the
    words (a dashed word the query searches for is a flag: parse_query left it in), and runs
    of a script written without spaces (a Japanese or Chinese word)."""
    words = [
        w
        for w in q.text.split()
        if w not in q.phrases
        and (is_identifier(w) or _FLAG.fullmatch(w) or no_space_runs(w) == (w,))
    ]
    return tuple(dict.fromkeys([*q.phrases, *words]))


_WEIGHT = re.compile(r"(\d+(?:\.\d+)?):(\S+)")
MAX_WEIGHT = 10.0


def parse_query(
    raw: str, image_path: str | None = None, limit: int = 50, strength: float = 1.0
) -> Query:
    """Never raises: odd input becomes plain words.

    Composition: ``+`` and a spaced ``-`` separate parts; ``N:word`` weighs its part;
    ``-word`` drops documents containing the word and moves photo ranking away from it, unless
    the word with its dash is a flag (``-rf``, ``--preserve-root``): that is looked for;
    ``not:WORD`` leaves out any word, a flag too (``not:--force``).
    """
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    kinds: list[Kind] = []
    exts: list[str] = []
    folders: list[str] = []
    places: list[str] = []
    after = before = None
    quoted = set(re.findall(r'"([^"]+)"', raw))
    parts: list[list[Any]] = [[1.0, []]]  # [weight, words] per part, the sign in the weight
    composed = False
    dashed: list[str] = []  # the -words taken as words to leave out

    def new_part(sign: float) -> None:
        if parts[-1][1]:
            parts.append([sign, []])
        else:
            parts[-1][0] = sign

    for tok in _split(raw):
        low = tok.lower()
        if tok in ("+", "-") and tok not in quoted:
            composed = True
            new_part(1.0 if tok == "+" else -1.0)
            continue
        wm = _WEIGHT.fullmatch(tok) if tok not in quoted else None
        if wm:
            composed = True
            w = min(MAX_WEIGHT, float(wm.group(1)))
            if parts[-1][1]:
                parts.append([w, []])
            else:
                parts[-1][0] = w if parts[-1][0] > 0 else -w
            tok = wm.group(2)
            low = tok.lower()
        if ":" in tok and not tok.startswith(("http:", "https:")) and tok not in quoted:
            key, _, val = tok.partition(":")
            key = key.lower()
            if key == "type" and val:
                v = val.lower()
                if v in _KIND_WORDS:
                    kinds.append(_KIND_WORDS[v])
                elif v not in ("any", "all"):
                    exts.extend(_EXT_ALIASES.get(v, (v.lstrip("."),)))
                continue
            if key == "in" and val:
                folders.append(val)
                continue
            if key == "not" and val:  # not:--force leaves out a flag, as -word a word
                excluded.append(val.lower())
                continue
            if key == "place" and fold(val).strip():  # place:lisbon, place:"new york"
                places.append(fold(val).strip())
                continue
            if key in ("after", "since") and _date_bound(val, False) is not None:
                after = _date_bound(val, False)
                continue
            if key in ("before", "until") and _date_bound(val, True) is not None:
                # before:2024 means before 2024 began
                before = _date_bound(val, False)
                continue
        if tok in quoted or (" " in tok):
            phrases.append(tok)
            words.append(tok)
            parts[-1][1].append(tok)
            continue
        if low.startswith("-") and len(low) > 1 and not is_flag(tok):
            dashed.append(tok)
            excluded.append(low[1:])
            composed = True
            parts.append([-1.0, [tok[1:]]])
            parts.append([1.0, []])
            continue
        if parts[-1][0] > 0:  # negative parts steer photos only: not words to look for
            words.append(tok)
        parts[-1][1].append(tok)
    if dashed and not words and not image_path:
        # nothing else is searched for: "-mtime" alone is find's flag, not a query that
        # leaves everything out
        words = list(dashed)
        excluded = [x for x in excluded if f"-{x}" not in {d.lower() for d in dashed}]
        parts = [[1.0, list(dashed)]]
        composed = any(len(ws) and w != 1.0 for w, ws in parts)
    text = " ".join(words).strip()
    composition = tuple((float(w), " ".join(ws)) for w, ws in parts if ws) if composed else ()
    terms = tuple(w.lower() for w in " ".join(words).split() if len(w) > 1 or w.isalnum())
    # a place: filter's words are looked up in full text too (not by the encoders): the photos
    # taken there are candidates even when the other words rank them low, or there are none
    terms += tuple(
        dict.fromkeys(w for p in places for w in re.findall(r"\w+", p) if w not in terms)
    )
    return Query(
        raw=raw,
        text=text,
        terms=terms,
        phrases=tuple(phrases),
        excluded=tuple(excluded),
        kinds=tuple(dict.fromkeys(kinds)),
        extensions=tuple(dict.fromkeys(exts)),
        folders=tuple(folders),
        places=tuple(dict.fromkeys(places)),
        after=after,
        before=before,
        image_path=image_path,
        limit=limit,
        parts=composition,
        strength=max(0.0, min(3.0, float(strength))),
    )
