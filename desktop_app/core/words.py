"""One tokenisation for every language: the words the full-text index stores, the words a
query looks up, the words a highlight marks and the words a match reason names.

A word is a run of letters, marks and digits (any script), cut where letters meet digits
(``photo2`` -> photo, 2); ``_``, ``-`` and ``.`` separate words (``my_holiday-photo2.JPG`` ->
my, holiday, photo, 2, jpg). Scripts written without spaces (Chinese, Japanese, Korean, Thai,
Lao, Khmer, Myanmar) are cut into overlapping pairs of characters, so a word or phrase is found
wherever it stands, as Lucene's CJK analyser does. Every word is case-folded and loses its
Latin, Greek and Cyrillic accents (``Ünïcödé`` -> unicode, ``déjà`` -> deja), after stemming in
the document's language when that language is known (Snowball) — never in a guessed one.
The index stores these forms separated by spaces; LanceDB splits them on spaces only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

# One pass over the text; each match is one of: a command-line flag as manuals print it
# (--preserve-root, -rf, -mtime: a dash or two at the start of a word, then a letter; kept
# whole, and its words follow it), C++, C#, F# (a one- or two-letter word keeps the signs
# that make it a name), a run of a script written without spaces, a run of other letters
# with their marks, a run of digits.
_NO_SPACE = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}ー々〆"
_TOKEN = regex.compile(
    r"(?<![^\s(\[{\"'«<,;|])(?P<flag>--?\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)"
    rf"|(?<![\p{{L}}\p{{M}}\p{{N}}])(?P<signed>\p{{L}}{{1,2}}(?:\+\+|#))(?![\p{{L}}\p{{N}}+#])"
    rf"|(?P<run>[{_NO_SPACE}]+)"
    rf"|((?:(?![{_NO_SPACE}])[\p{{L}}\p{{M}}])+)"
    r"|(\p{N}+)",
    regex.V1,
)
_NO_SPACE_CHAR = regex.compile(rf"[{_NO_SPACE}]")
_NO_SPACE_RUN = regex.compile(rf"[{_NO_SPACE}]{{2,}}")
_NO_SPACE_ANY = regex.compile(rf"[{_NO_SPACE}]+")
# what NFKC leaves that is no letter: soft hyphen, zero-width characters, a PDF's unmapped
# hyphenation mark (U+FFFE) and the control characters some PDF text layers carry
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe\x02\x03"))

# ISO 639-1 (what language detection names) -> Snowball's stemmer for that language
SNOWBALL = {
    "ar": "arabic",
    "hy": "armenian",
    "eu": "basque",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "eo": "esperanto",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "hi": "hindi",
    "hu": "hungarian",
    "id": "indonesian",
    "ga": "irish",
    "it": "italian",
    "lt": "lithuanian",
    "ne": "nepali",
    "no": "norwegian",
    "nb": "norwegian",
    "fa": "persian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "es": "spanish",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
# the stop-words package names its lists by ISO code; English is always consulted
_STOP_LANGS = ("en",)
# Language detection: texts shorter than this are too short to tell; below the share of
# probability a guess is no knowledge.
DETECT_MIN_LETTERS = 40
DETECT_MIN_PROB = 0.90
DETECT_CHARS = 4000
DETECT_NO_SPACE_SHARE = 0.15  # of the letters: a text this much in CJK script is in it


def clean(text: str) -> str:
    """Text as a reader sees it: compatibility forms unified (ligatures, full-width letters)
    and invisible characters gone (soft hyphens, zero-width marks, unmapped PDF glyphs)."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


# Latin letters that are no letter plus accent (Unicode gives them no decomposition)
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
                          "æ": "ae", "œ": "oe", "þ": "th", "ŋ": "n"})  # fmt: skip


_MARKS = regex.compile(r"[\u0300-\u036f]")


def _unaccent(word: str) -> str:
    if word.isascii():
        return word
    decomposed = _MARKS.sub("", unicodedata.normalize("NFD", word))
    return unicodedata.normalize("NFC", decomposed).translate(_LETTERS)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without Latin, Greek or Cyrillic accents (Japanese voicing marks stay)."""
    return _unaccent(clean(word).casefold())


@lru_cache(maxsize=64)
def _stemmer(lang: str) -> Any:
    name = SNOWBALL.get(lang)
    if name is None:
        return None
    import snowballstemmer  # BSD-3-Clause

    return snowballstemmer.stemmer(name)


@lru_cache(maxsize=400_000)
def form(word: str, lang: str = "") -> str:
    """The form a word has in the index: folded, then stemmed in ``lang`` when Snowball knows
    it. Folding comes first so that a word typed without its accents ("identite") has the
    stem of the word written with them ("identité"). ``word`` is one word as ``words``
    gives it."""
    low = fold(word)
    plain = not _is_no_space(low) and not low.isdigit() and not low.startswith("-")
    st = _stemmer(lang) if lang and plain else None
    return str(st.stemWord(low)) if st is not None else low


def _is_no_space(word: str) -> bool:
    return bool(_NO_SPACE_CHAR.match(word))


def spans(text: str, pos: int = 0) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of every word of ``text`` (from offset ``pos``), in order, offsets
    into ``text`` itself; a no-space script's pairs of characters overlap."""
    for m in _TOKEN.finditer(text, pos):
        if m.group("flag"):
            yield m.start(), m.end(), m.group()
            inner = m.group().lstrip("-")
            at = m.end() - len(inner)
            for s, e, w in spans(inner):
                yield at + s, at + e, w
            continue
        run = m.group("run")
        if run is None or len(run) == 1:
            yield m.start(), m.end(), m.group()
            continue
        s = m.start()
        for i in range(len(run) - 1):
            yield s + i, s + i + 2, run[i : i + 2]


def words(text: str) -> list[str]:
    """The words of ``text`` in reading order, not yet folded."""
    return [w for _, _, w in spans(clean(text))]


def terms(text: str, lang: str = "") -> str:
    """What the full-text index stores for ``text`` in language ``lang`` ("" unknown)."""
    return " ".join(form(w, lang) for w in words(text))


# A name's words are also stored by their beginnings ("settings" -> "set*", "sett*" ...), so
# that the first letters a person types find a file by its name; "*" is in no word.
PREFIX = "*"
PREFIX_MIN = 3
PREFIX_MAX = 12


def prefixes(name: str) -> str:
    """The beginnings of a name's words, as the files' full text stores them."""
    out: list[str] = []
    for w in words(name):
        f = fold(w)
        if len(f) > PREFIX_MIN and not f.isdigit():
            out += [f[:k] + PREFIX for k in range(PREFIX_MIN, min(len(f), PREFIX_MAX + 1))]
    return " ".join(dict.fromkeys(out))


def without_prefixes(terms_text: str) -> str:
    return " ".join(t for t in terms_text.split() if not t.endswith(PREFIX))


def forms(word: str, langs: Iterable[str]) -> tuple[str, ...]:
    """The index forms one query word may have in a library holding these languages: its
    stem in each, and the word itself (names and text in no known language)."""
    return tuple(dict.fromkeys([form(word, ""), *(form(word, lang) for lang in langs)]))


def phrases(text: str, langs: Iterable[str]) -> tuple[str, ...]:
    """A phrase's words in the index's forms, one spelling per language (deduplicated): any
    of them found in order is the phrase."""
    ws = words(text)
    if not ws:
        return ()
    return tuple(dict.fromkeys(" ".join(form(w, lang) for w in ws) for lang in ("", *langs)))


def flat(text: str) -> str:
    """A whole text folded as its words are (case, accents), for a quick look for a word in
    it before cutting it into words."""
    return _unaccent(clean(text).casefold())


def holds_as_typed(text: str, wanted: set[str]) -> set[str]:
    """Which of these folded words ``text`` holds as words of its own, unstemmed (a quick
    look for each in the folded text first: most passages hold none)."""
    if not wanted:
        return set()
    folded = flat(text)
    return {w for w in wanted if w in folded and _whole(w).search(folded)}


@lru_cache(maxsize=4096)
def _whole(word: str) -> Any:
    """``word`` standing as a word of its own in folded text (anywhere, for a script without
    spaces)."""
    if _is_no_space(word):
        return regex.compile(regex.escape(word))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){regex.escape(word)}(?![\p{{L}}\p{{M}}\p{{N}}])"
    )


@lru_cache(maxsize=4096)
def _starting(key: str) -> Any:
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){regex.escape(key)}[\p{{L}}\p{{M}}\p{{N}}]*"
    )


def held(
    text: str, langs: tuple[str, ...], wanted: dict[str, tuple[set[str], set[str]]]
) -> set[str]:
    """Which query words a text holds, its words stemmed in each of ``langs`` ("" for none):
    ``wanted`` maps each query word to (its forms, the beginnings of its forms). Only the
    text's words that begin like one of the forms are looked at; most texts a query meets
    hold none of them."""
    folded = flat(text)
    out: set[str] = set()
    for word, (fs, keys) in wanted.items():
        for key in keys:
            if key not in folded:
                continue
            if _is_no_space(key):
                if any(f in folded for f in fs):
                    out.add(word)
                break
            found = _starting(key).findall(folded)
            if any(form(w, lang) in fs for w in found for lang in langs):
                out.add(word)
                break
    return out


# The query's words "near each other": in the order typed, with at most this many other words
# between them in all (full-text search's near clause and the ranking's in-order test agree).
NEAR_SLOP = 2


def in_order(text: str, lang: str, wanted: list[str], slop: int = NEAR_SLOP) -> bool:
    """Does ``text`` (in language ``lang``, "" unknown) hold the words ``wanted`` in this order,
    with at most ``slop`` other words between them in all, as the index's forms compare them
    (stemmed in ``lang``)? A page's description or title holds the words a person remembers
    of it this way; a page that merely uses them holds them scattered. Only the few words
    after each place the first one may start are cut and stemmed."""
    if not wanted:
        return False
    want = [form(w, lang) for w in wanted]
    keys = [_begins(w, f) for w, f in zip(wanted, want, strict=True)]
    folded = flat(text)
    if any(k not in folded for k in keys):  # most texts lack a word outright
        return False
    first = keys[0]
    starts = (
        (m.start() for m in regex.finditer(regex.escape(first), folded))
        if _is_no_space(first)
        else (m.start() for m in _starting(first).finditer(folded))
    )
    for at in starts:
        have: list[str] = []
        for _, _, w in spans(folded, at):
            have.append(form(w, lang))
            if len(have) >= len(want) + slop:
                break
        if have and have[0] == want[0] and _follows(have, want, slop):
            return True
    return False


def _begins(word: str, stem: str) -> str:
    """What a word of the text whose form is ``stem`` begins with (three letters at most):
    the letters the query's word and its stem share (a stemmer cuts endings only)."""
    folded = fold(word)
    n = 0
    while n < min(3, len(folded), len(stem)) and folded[n] == stem[n]:
        n += 1
    return stem[:n] or stem


def _follows(have: list[str], want: list[str], slop: int) -> bool:
    """Do ``want[1:]`` follow ``have[0]`` in ``have``, in order, with at most ``slop`` other
    words between them in all?"""
    at = gaps = 0
    for w in want[1:]:
        nxt = at + 1
        while nxt < len(have) and have[nxt] != w:
            nxt += 1
        gaps += nxt - at - 1
        if nxt >= len(have) or gaps > slop:
            return False
        at = nxt
    return True


@dataclass(frozen=True)
class WordQuery:
    """What full-text search looks for, in the index's forms: any of some words and phrases
    (each phrase in its spellings, one per language, its words found in order), and the whole
    query's words near each other, ranked by BM25 summed over what matched."""

    any_of: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    near: tuple[str, ...] = ()  # the query's words in order, a few words apart at most

    def __bool__(self) -> bool:
        return bool(self.any_of or self.phrases or self.near)

    @classmethod
    def of_text(cls, text: str, langs: Iterable[str] = ()) -> WordQuery:
        """A person's words, each in every form it may have in these languages, stopwords
        left out (unless there is nothing else). A word that is several to the index
        (``e2e4``, ``--preserve-root``, ``foo.bar``) is a phrase, not its parts; a word of a
        script without spaces is both its pairs of characters (some of them suffice) and a
        phrase (all of them, in order). A passage that holds the words in the order typed, as
        a page's description or title does, ranks above one that has them scattered."""
        langs = tuple(langs)
        tokens = text.split()
        content = [t for t in tokens if not is_stopword(t, langs)] or tokens
        any_of: list[str] = []
        seq: list[str] = []
        for token in content:
            ws = words(token)
            if len(ws) == 1:
                any_of += forms(ws[0], langs)
                if len(fold(ws[0])) >= PREFIX_MIN:
                    any_of.append(fold(ws[0]) + PREFIX)  # the start of a word of a name
                continue
            if len(ws) > 1:
                seq += phrases(token, langs)
            if no_space_runs(token):
                any_of += [f for w in ws for f in forms(w, langs)]
        near = phrases(text, langs) if len(content) >= 2 else ()
        return cls(tuple(dict.fromkeys(any_of)), tuple(dict.fromkeys(seq)), near)

    @classmethod
    def phrase(cls, text: str, langs: Iterable[str] = ()) -> WordQuery:
        """These words in this order (an identifier, a flag, a quoted phrase)."""
        return cls(phrases=phrases(text, langs))


def no_space_runs(text: str) -> tuple[str, ...]:
    """Runs of a script written without spaces, two characters or more: a person who types
    one means it as one word or phrase."""
    return tuple(_NO_SPACE_RUN.findall(clean(text)))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid  # BSD-3-Clause; ships its model (97 languages)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    del py3langid
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or "" when it is too short
    to tell or the guess is unsure."""
    sample = clean(text[:DETECT_CHARS])
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters < DETECT_MIN_LETTERS:
        return ""
    runs = "".join(_NO_SPACE_ANY.findall(sample))
    if len(runs) >= DETECT_NO_SPACE_SHARE * letters:
        # a Chinese or Japanese page full of option names and commands in Latin letters:
        # its own script tells its language (the Latin words would only blur the guess)
        sample = runs
    lang, prob = _identifier().classify(sample)
    return str(lang) if float(prob) >= DETECT_MIN_PROB else ""


# The script each language is written in (Latin for any not listed); Japanese text mixes Han
# with its own kana, Korean may.
_SCRIPTS = (
    "Latin",
    "Cyrillic",
    "Greek",
    "Arabic",
    "Hebrew",
    "Devanagari",
    "Thai",
    "Hangul",
    "Armenian",
    "Georgian",
    "Tamil",
    "Gujarati",
    "Myanmar",
    "Khmer",
    "Lao",
    "Han",
)
_SCRIPT_RE = {s: regex.compile(rf"\p{{{s}}}") for s in _SCRIPTS}
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
LANGUAGE_SCRIPTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ru", "uk", "bg", "sr", "mk", "mn", "be", "kk", "ky"), ("Cyrillic",)),
    **dict.fromkeys(("ar", "fa", "ur", "ku"), ("Arabic",)),
    **dict.fromkeys(("he", "yi"), ("Hebrew",)),
    **dict.fromkeys(("hi", "mr", "ne"), ("Devanagari",)),
    "el": ("Greek",), "th": ("Thai",), "hy": ("Armenian",), "ka": ("Georgian",),
    "ta": ("Tamil",), "gu": ("Gujarati",), "my": ("Myanmar",), "km": ("Khmer",), "lo": ("Lao",),
    "ja": ("Japanese", "Han"), "zh": ("Han",), "ko": ("Hangul", "Han"),
}  # fmt: skip
QUERY_DETECT_WORDS = 3  # a query this long or longer is long enough to name its language
QUERY_DETECT_PROB = 0.95


def script_of(text: str) -> str:
    """The script most of the text's letters are in ("Japanese" for Han with kana), or ""."""
    counts = {name: len(r.findall(text)) for name, r in _SCRIPT_RE.items()}
    kana = len(_KANA.findall(text))
    if kana and kana + counts["Han"] >= max(counts.values()):
        return "Japanese"
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] else ""


def understood(text: str, known: Iterable[str], present: Iterable[str] = ()) -> bool:
    """Can a model that knows the languages ``known`` read this query? Not when it is
    written in a script none of them uses (Cyrillic for an English model), nor when it is
    long enough to tell and is surely in another language the library holds (``present``)."""
    known = tuple(known)
    script = script_of(text)
    ok = {s for lang in known for s in LANGUAGE_SCRIPTS.get(lang, ("Latin",))}
    if script and script not in ok:
        return False
    if len(text.split()) >= QUERY_DETECT_WORDS:
        lang, prob = _identifier().classify(clean(text))
        if float(prob) >= QUERY_DETECT_PROB and lang in set(present) and lang not in known:
            return False
    return True


# the language a short query in one of these scripts is most likely written in
_SCRIPT_LANGUAGE = {"Japanese": "ja", "Han": "zh", "Hangul": "ko", "Cyrillic": "ru"}


def query_language(text: str) -> str:
    """The language a query is most likely written in (ISO 639-1), from its script when that
    names one and else from py3langid's best guess, however unsure; "" for no letters."""
    script = script_of(text)
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script and script != "Latin":
        langs = [x for x, scripts in LANGUAGE_SCRIPTS.items() if script in scripts]
        if len(langs) == 1:
            return langs[0]
    if not any(ch.isalpha() for ch in text):
        return ""
    return str(_identifier().classify(clean(text))[0])


@lru_cache(maxsize=64)
def stopwords(lang: str) -> frozenset[str]:
    """Words too common in ``lang`` to be evidence on their own, folded."""
    from stop_words import StopWordError, get_stop_words  # BSD-3-Clause

    try:
        return frozenset(fold(w) for w in get_stop_words(lang))
    except StopWordError:
        return frozenset()


def is_stopword(word: str, langs: Iterable[str] = ()) -> bool:
    """Is the (folded) word a stopword in English or in one of ``langs``?"""
    w = fold(word)
    return any(w in stopwords(lang) for lang in dict.fromkeys((*_STOP_LANGS, *langs)))
