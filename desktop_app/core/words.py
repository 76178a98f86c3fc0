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

# One pass over the text; each match is one of: C++, C#, F# (a one- or two-letter word keeps
# the signs that make it a name), a run of a script written without spaces, a run of other
# letters with their marks, a run of digits.
_NO_SPACE = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}ー々〆"
_TOKEN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(\p{{L}}{{1,2}}(?:\+\+|#))(?![\p{{L}}\p{{N}}+#])"
    rf"|([{_NO_SPACE}]+)"
    rf"|((?:(?![{_NO_SPACE}])[\p{{L}}\p{{M}}])+)"
    r"|(\p{N}+)",
    regex.V1,
)
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


def clean(text: str) -> str:
    """Text as a reader sees it: compatibility forms unified (ligatures, full-width letters)
    and invisible characters gone (soft hyphens, zero-width marks, unmapped PDF glyphs)."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def _unaccent(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    kept = "".join(ch for ch in decomposed if not 0x300 <= ord(ch) <= 0x36F)
    return unicodedata.normalize("NFC", kept)


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
    """The form a word has in the index: stemmed in ``lang`` when Snowball knows it, then
    folded. ``word`` is one word as ``words`` gives it, before folding."""
    low = clean(word).casefold()
    st = _stemmer(lang) if lang and not _is_no_space(low) and not low.isdigit() else None
    if st is not None:
        low = str(st.stemWord(low))
    return _unaccent(low)


def _is_no_space(word: str) -> bool:
    return bool(regex.match(rf"[{_NO_SPACE}]", word))


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of every word of ``text``, in order, offsets into ``text`` itself;
    a no-space script's pairs of characters overlap."""
    for m in _TOKEN.finditer(text):
        run = m.group(2)
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


@dataclass(frozen=True)
class WordQuery:
    """What full-text search looks for, in the index's forms: any of some words and phrases
    (each phrase in its spellings, one per language, its words found in order), ranked by BM25."""

    any_of: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.any_of or self.phrases)

    @classmethod
    def of_text(cls, text: str, langs: Iterable[str] = ()) -> WordQuery:
        """A person's words, each in every form it may have in these languages. A word that
        is several to the index (``e2e4``, ``--preserve-root``, ``foo.bar``) is a phrase, not
        its parts; a word of a script without spaces is both its pairs of characters (some of
        them suffice) and a phrase (all of them, in order, rank first)."""
        langs = tuple(langs)
        any_of: list[str] = []
        seq: list[str] = []
        for token in text.split():
            ws = words(token)
            if len(ws) == 1:
                any_of += forms(ws[0], langs)
                continue
            if len(ws) > 1:
                seq += phrases(token, langs)
            if no_space_runs(token):
                any_of += [f for w in ws for f in forms(w, langs)]
        return cls(tuple(dict.fromkeys(any_of)), tuple(dict.fromkeys(seq)))

    @classmethod
    def phrase(cls, text: str, langs: Iterable[str] = ()) -> WordQuery:
        """These words in this order (an identifier, a flag, a quoted phrase)."""
        return cls(phrases=phrases(text, langs))


def no_space_runs(text: str) -> tuple[str, ...]:
    """Runs of a script written without spaces, two characters or more: a person who types
    one means it as one word or phrase."""
    return tuple(r for r in regex.findall(rf"[{_NO_SPACE}]{{2,}}", clean(text)))


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
    lang, prob = _identifier().classify(sample)
    return str(lang) if float(prob) >= DETECT_MIN_PROB else ""


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
