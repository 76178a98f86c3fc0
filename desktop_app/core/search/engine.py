"""Search every embedding space and the full-text index, fuse by rank, explain each hit."""

from __future__ import annotations

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from desktop_app.core import words
from desktop_app.core.embed.api import ImageEncoder, TextEncoder
from desktop_app.core.search.duplicates import fold_duplicates
from desktop_app.core.search.query import exact_terms, file_filter, fold
from desktop_app.core.search.relevance import RELATIVE, Z_LIST, Calibration, confidence_of
from desktop_app.core.store.api import Store, TextHit
from desktop_app.core.store.filters import FileFilter
from desktop_app.core.threads import single_threaded_blas
from desktop_app.core.types import (
    FileRecord,
    Hit,
    Kind,
    MatchReason,
    Origin,
    PassageSource,
    Query,
    SearchResult,
    Source,
)

RRF_K = 60.0
CANDIDATES = 200
TITLE_BOOST = 2.5  # a word in a document's opening passage (its title, a manual's NAME line)
SURFACE_WORDS = 3  # queries of up to this many content words prefer the words as typed
# text read from a picture is read for its meaning from this many words (a page, not a sign)
OCR_MEANING_WORDS = 12
# MiniLM puts unrelated passages at cosine ~0.0-0.15: below this a passage is noise, not a match.
PASSAGE_MIN_SIMILARITY = 0.15
# Rank fusion weights: CLIP's image-text similarities (~0.2-0.35) and MiniLM's (~0.1-0.8)
# are on different scales, so lists are fused by rank, not by raw score. A pure image query
# trusts its vectors most; CLIP text->image always returns *something*, so it weighs less
# than an exact name or passage match.
WEIGHTS = {
    "exact": 3.0,
    "passage": 1.0,
    "fts_text": 0.8,
    "fts_name": 1.0,
    "clip_text": 0.9,
    "image": 1.5,
    "composed": 1.5,
}
# Composed queries (image + text modifier, after "PDV: Prompt Directional Vectors"): the
# modifier's direction from a neutral prompt moves the image's vector by `strength`, and the
# result is blended with the modifier's own vector.
NEUTRAL_PROMPT = "a photo"
COMPOSED_TEXT_BLEND = 0.25
# The full-text search runs on this thread while the calling thread encodes the query: LanceDB
# works on its own threads and the encoders on onnxruntime's, so they overlap on two cores
# (measured: 100k-photo text query 30 -> 26.5 ms p50). One thread: a query has one such search.
_FULL_TEXT = ThreadPoolExecutor(max_workers=1, thread_name_prefix="trove-fulltext")


@dataclass
class _Candidate:
    file_id: str
    fused: float = 0.0
    best_source: str = ""
    best_contrib: float = 0.0
    sources: set[str] = field(default_factory=set)
    snippet: str = ""
    page: int | None = None
    snippet_source: PassageSource = PassageSource.TEXT
    similarity: float | None = None
    margin: float | None = None  # best vector score over its line, in standard deviations
    above: float | None = None  # best vector score over an unrelated one's mean, likewise
    sure: bool = False  # uncalibrated, but above a fixed line where raw scores mean something
    verbatim: set[str] = field(default_factory=set)  # the query's identifiers and quoted
    # phrases found verbatim in the file
    snippet_lang: str = ""  # the language of the passage shown
    name_text: str = ""  # the words of its name, folders, camera and place, as indexed
    # the passage full-text search found in it (text, page, origin, language), when any
    worded: tuple[str, int | None, PassageSource, str] | None = None
    word_texts: list[str] = field(default_factory=list)  # every passage full text found
    surface: int = 0  # the query's words it holds as typed (not only by their stem); _judge
    # its opening passage, when full text found it: a document's title, a manual page's NAME
    opening: TextHit | None = None
    titled: bool = False  # its opening passage holds the query's words as said; _judge
    whole: bool = False  # its name holds every content word of the query, or it is titled
    confidence: float = 0.0  # how sure, 0..1 (0.5 and above: strong); set by _judge
    named: bool = False  # its name or folders hold a content word of the query, or titled
    listed: bool = True  # False: no closer to the query than an average file

    def add(
        self,
        source: str,
        rank: int,
        snippet: str = "",
        page: int | None = None,
        similarity: float | None = None,
        cal: Calibration | None = None,
        origin: PassageSource = PassageSource.TEXT,
        lang: str = "",
        understood: bool = True,
    ) -> None:
        """Count this list's rank. ``understood``: the encoder that scored it understands the
        passage's language and kind of text: only then can its meaning make the file strong."""
        contrib = WEIGHTS[source] / (RRF_K + rank + 1)
        self.fused += contrib
        self.sources.add(source)
        if snippet and not self.snippet:
            self.snippet, self.page, self.snippet_source = snippet, page, origin
            self.snippet_lang = lang
        if similarity is not None and self.similarity is None:
            self.similarity = similarity
        if cal is not None and similarity is not None:
            margin, above = cal.margin(similarity), cal.above(similarity)
            if understood and margin is not None and (self.margin is None or margin > self.margin):
                self.margin = margin
            if above is not None and (self.above is None or above > self.above):
                self.above = above
            self.sure = self.sure or (understood and cal.sure(source, similarity))
        # the reason names the list that ranked it highest, among those that can vouch for it:
        # an encoder that cannot read the passage or the query does not
        if not understood:
            if not self.best_source:
                self.best_source = source  # any list that can vouch for it comes before
        elif contrib > self.best_contrib:
            self.best_contrib, self.best_source = contrib, source


def _unit(v: np.ndarray) -> np.ndarray | None:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 1e-9 else None


# a table of contents: runs of dot leaders ("Introduction ........ 3"), or most lines ending
# in a page number
_LEADERS = re.compile(r"(?:\.\s?){5,}|(?:…\s?){3,}")
_LINE = re.compile(r"\S[^\n]*")  # a line that is not blank
_NUMBERED = re.compile(r"\s\d{1,4}[ \t\r]*$", re.MULTILINE)


@lru_cache(maxsize=8192)
def is_contents(text: str) -> bool:
    """Does this passage look like a table of contents (a poor snippet, a poor page)?"""
    if text.count(".") + text.count("…") >= 10 and len(_LEADERS.findall(text)) >= 2:
        return True
    lines = len(_LINE.findall(text))
    return lines >= 4 and len(_NUMBERED.findall(text)) >= 0.6 * lines


def _best_per_file(hits: list[Any], skip_contents: bool = False) -> list[Any]:
    """One hit per file, files in the order of their best hit; with ``skip_contents``, each
    file's first passage that is not a table of contents, when it has one."""
    best: dict[str, Any] = {}
    settled: set[str] = set()  # files whose chosen passage is no table of contents
    for h in hits:
        fid = h.file_id
        if fid in settled:
            continue
        if fid not in best:
            best[fid] = h
        elif is_contents(h.text):
            continue
        else:
            best[fid] = h
        if not skip_contents or not is_contents(h.text):
            settled.add(fid)
    return list(best.values())


def ocr_line(passage: str, terms: tuple[str, ...]) -> str:
    """The line of an OCR passage that holds most of the query's words (else its first)."""
    lines = [ln.strip() for ln in passage.splitlines() if ln.strip()] or [passage.strip()]
    words = {t.lower() for t in terms}

    def found(line: str) -> int:  # long words weigh more than "the" or "of"
        low = line.lower()
        return sum(len(w) for w in words if re.search(rf"\b{re.escape(w)}", low))

    best = max(lines, key=found) if words else lines[0]
    return best if len(best) <= 120 else best[:119] + "…"


class _Stopwatch:
    """Milliseconds per part of one search, summed by name; safe across the two threads."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        """The time since the previous lap on the calling thread goes to ``name``."""
        now = time.perf_counter()
        self.add(name, (now - self._last) * 1000)
        self._last = now

    def add(self, name: str, ms: float) -> None:
        self.parts[name] = self.parts.get(name, 0.0) + ms


def _full_text(
    store: Store,
    terms: words.WordQuery,
    k: int,
    among: frozenset[str] | None = None,
    flt: FileFilter | None = None,
    watch: _Stopwatch | None = None,
) -> list[TextHit]:
    """Names and folders first, then passages: the order the fusion below reads them in."""
    t = time.perf_counter()
    found = store.files.search_words(terms, k, among, flt)
    found += store.passages.search_words(terms, k, among)
    if watch is not None:
        watch.add("full text (beside the encoders)", (time.perf_counter() - t) * 1000)
    return found


class SearchEngine:
    def __init__(
        self, store: Store, text_encoder: TextEncoder | None, image_encoder: ImageEncoder | None
    ) -> None:
        self.store = store
        self.text_encoder = text_encoder
        self.image_encoder = image_encoder
        single_threaded_blas()  # see core/threads.py: spinning BLAS workers slow every query
        # While photos are re-embedded by a newly chosen image pack, the pack that made the
        # older vectors answers for the photos the new one has not reached yet.
        self.previous_image_encoder: ImageEncoder | None = None
        # Likewise while passages are re-embedded by a newly chosen document pack: each
        # passage has one vector, and the pack that made it is asked about it.
        self.previous_text_encoder: TextEncoder | None = None

    def set_encoders(
        self, text_encoder: TextEncoder | None, image_encoder: ImageEncoder | None
    ) -> None:
        self.text_encoder = text_encoder
        self.image_encoder = image_encoder

    def search(self, query: Query, generation: int = 0) -> SearchResult:
        t0 = time.perf_counter()
        watch = _Stopwatch()
        notes: list[str] = []
        cands: dict[str, _Candidate] = {}

        def cand(fid: str) -> _Candidate:
            c = cands.get(fid)
            if c is None:
                c = cands[fid] = _Candidate(fid)
            return c

        unread = ""  # the language of a query the photo pack cannot read

        def done() -> SearchResult:
            return SearchResult(
                query,
                tuple(hits),
                (time.perf_counter() - t0) * 1000,
                generation,
                tuple(notes),
                tuple(watch.parts.items()),
                unread,
            )

        hits: list[Hit] = []
        text = query.text.strip()
        # filters act inside retrieval: each list picks its best among the files they admit,
        # so a rare type:, in:, date or place finds its files however large the index is
        flt = file_filter(query)
        among = self.store.files.matching(flt) if flt else None
        watch.lap("filters")
        if among is not None and not among:
            return done()
        # the query's words in every form they may have in the languages the index holds
        langs = self.store.passages.languages()
        fts = words.WordQuery.of_text(" ".join(query.terms), langs)
        found_words = (
            _FULL_TEXT.submit(_full_text, self.store, fts, CANDIDATES, among, flt, watch)
            if fts
            else None
        )
        exact = exact_terms(query)
        verbatim = (
            _FULL_TEXT.submit(self._verbatim, exact, langs, among, flt, watch) if exact else None
        )
        # a library of photos alone has no passages to compare the query with: no encoding
        tenc = self.text_encoder
        meanings: list[tuple[TextEncoder, list[Any], Calibration]] = []
        if text and tenc is not None and self.store.passages.count():
            # during a change of document pack, each pack about the passages it embedded
            for menc in (tenc, self.previous_text_encoder):
                if menc is not None:
                    meanings.append(self._meaning(menc, text, among, watch))
        if self.image_encoder is not None:
            enc = self.image_encoder
            reads = not text or words.understood(text, enc.languages, langs)
            if not reads:
                unread = words.query_language(text)
            for source, vec in self._photo_queries(query, enc):
                watch.lap("image pack encoder")
                self._vector_list(cand, source, vec, enc, among, watch=watch, understood=reads)
            watch.lap("image pack encoder")
            prev = self.previous_image_encoder
            if prev is not None and (text or query.image_path or query.parts):
                # each photo is ranked in exactly one space: the new pack's once it has a
                # vector (asked of the candidates only: the new pack's id set grows to all)
                for source, vec in self._photo_queries(query, prev):
                    self._vector_list(
                        cand, source, vec, prev, among, replaced_by=enc.pack_id, understood=reads
                    )
                watch.lap("previous image pack")
        else:
            if query.image_path:
                notes.append("No image model pack is installed: image queries need one.")
            if _may_want_photos(query, exact) and self.store.files.any_photo():
                notes.append(
                    "Photos are found by name, date and text until an image model pack is added."
                )
        word_hits = [] if found_words is None else found_words.result()
        watch.lap("waiting for full text")
        names = [h for h in word_hits if h.field == "name"]
        passages = [h for h in word_hits if h.field != "name"]
        for menc, relevant, cal in meanings:
            # The pack cannot read a query written in a script or language it does not know,
            # nor one whose words are found only in passages of such languages: its scores
            # are noise then, however close, and make nothing strong (words still can).
            reads = words.understood(text, menc.languages, langs) and _speaks(
                passages, menc.languages
            )
            # each file counts once per list, at the rank of its best passage
            shown = {h.file_id: h for h in _best_per_file(relevant, skip_contents=True)}
            for rank, h in enumerate(_best_per_file(relevant)):
                s = shown[h.file_id]  # its closest passage that is not a table of contents
                cand(h.file_id).add(
                    "passage",
                    rank,
                    s.text,
                    s.page,
                    h.score,
                    cal,
                    s.source,
                    s.lang,
                    understood=reads and _understood(h.lang, h.source, menc.languages, h.text),
                )
        for rank, h in enumerate(names):
            c = cand(h.file_id)
            c.add("fts_name", rank)
            c.name_text = c.name_text or words.without_prefixes(h.text)
        # a document's opening passage holds its title and what it is (a manual page's
        # NAME line, a PDF's title page): words found there weigh more, as a title's do
        passages.sort(key=lambda h: -h.score * (TITLE_BOOST if h.chunk_ordinal == 0 else 1.0))
        for h in passages:
            c = cand(h.file_id)
            c.word_texts.append(h.text)
            if h.chunk_ordinal == 0:
                c.opening = h
        for rank, h in enumerate(_best_per_file(passages, skip_contents=True)):
            c = cand(h.file_id)
            c.add("fts_text", rank, h.text, h.page, origin=h.source, lang=h.lang)
            c.worded = (h.text, h.page, h.source, h.lang)

        if verbatim is not None:
            exact_hits = verbatim.result()
            watch.lap("waiting for full text")
            for term, found in zip(exact, exact_hits, strict=True):
                for rank, h in enumerate(found):
                    c = cand(h.file_id)
                    if h.field == "name":
                        c.name_text = c.name_text or words.without_prefixes(h.text)
                    elif h.text and not c.verbatim:  # show the passage that holds it
                        c.snippet, c.page, c.snippet_source = h.text, h.page, h.source
                        c.snippet_lang = h.lang
                    c.add("exact", rank)
                    c.verbatim.add(term)
        self._judge(list(cands.values()), query, exact, langs)
        # One order, whatever the page size: files holding the query's identifiers or phrases
        # verbatim first (the more of them the better); then strong files, those whose name or
        # folders (or title) hold words of the query first; then weak files, likewise; in each
        # part the files holding the words as typed, then those whose name holds all of them
        # or whose title holds them together in the order typed, before the fused ranking.
        # The page is cut from this order, so the top k of any limit is the top k of a larger.
        ordered = sorted(
            (c for c in cands.values() if c.listed),
            key=lambda c: (-len(c.verbatim), -_tier(c), -c.surface, -c.whole, -c.fused),
        )
        hashes: dict[str, int] = {}  # perceptual hashes of the hits, for folding copies
        top = sum(WEIGHTS.values()) / (RRF_K + 1)
        # File rows are read a page at a time: without filters the first page fills the list.
        page = query.limit + 10
        content = _content_words(query, langs)
        watch.lap("fusion")
        for start in range(0, len(ordered), page):
            part = ordered[start : start + page]
            records = self.store.files.get([c.file_id for c in part], brief=True)
            watch.lap("file rows")
            for c in part:
                rec = records.get(c.file_id)
                if rec is None or not self._passes(rec, c, query):
                    continue
                if rec.dhash is not None:
                    hashes[rec.file_id] = int(rec.dhash)
                hits.append(self._hit(rec, c, query, min(1.0, c.fused / top), langs, content))
                if len(hits) >= query.limit:
                    break
            if len(hits) >= query.limit:
                break
            page = max(page, 200)  # filters are dropping rows: read larger pages
        watch.lap("fusion")
        hits = fold_duplicates(
            hits, self.store, self.image_encoder, hashes
        )  # copies stack on the best
        watch.lap("folding copies")
        return done()

    def _meaning(
        self, enc: TextEncoder, text: str, among: frozenset[str] | None, watch: _Stopwatch
    ) -> tuple[TextEncoder, list[Any], Calibration]:
        """The passages ``enc`` embedded that are closest to the query, with its calibration."""
        qv = enc.encode_queries([text])[0]
        watch.lap("document encoder")
        chunk_hits = self.store.passages.nearest(qv, CANDIDATES, enc.pack_id, among)
        watch.lap("vector search")
        cal = Calibration(
            self.store.passages.background(qv, enc.pack_id),
            qv,
            enc.unrelated,  # measured by the pack for its passages
        )
        watch.lap("calibration")
        return enc, [h for h in chunk_hits if h.score >= PASSAGE_MIN_SIMILARITY], cal

    @staticmethod
    def _judge(
        cands: list[_Candidate], q: Query, exact: tuple[str, ...], langs: tuple[str, ...]
    ) -> None:
        """How sure each candidate is, from what the lists found (never from its file row,
        which is read only for the page shown): its margin over the relevance line, the
        share of the query's content words in its name, folders and matched passage, and the
        identifiers and phrases it holds verbatim."""
        content = _content_words(q, langs)
        said = [w for t in q.terms for w in words.words(t)]  # in order, stopwords too
        # a vector score is strong evidence only near the best one: the line says a score is
        # beyond chance, the best says how close a match this index holds
        margins = [c.margin for c in cands if c.margin is not None]
        floor = max(0.0, max(margins) - RELATIVE) if margins else 0.0
        # when some file holds every identifier and phrase of the query verbatim, a file
        # without them is no confident match, however close its meaning
        whole = bool(exact) and any(len(c.verbatim) == len(exact) for c in cands)
        keys = _keys(content, langs)
        for c in cands:
            name = _forms_of(c.name_text, "", langs)
            in_name = _held(content, name, langs)
            shown = _held_in(c.snippet, c.snippet_lang, content, keys, langs)
            coverage = _share(content, in_name | shown)
            if c.worded is not None and c.worded[0] != c.snippet and coverage < 1.0:
                # the passage its words were found in, when it says more than the one shown
                text, page, source, lang = c.worded
                found = _held_in(text, lang, content, keys, langs)
                if _share(content, in_name | found) > coverage:
                    coverage, shown = _share(content, in_name | found), found
                    c.snippet, c.page, c.snippet_source, c.snippet_lang = text, page, source, lang
            o = c.opening
            if o is not None and len(said) >= 2:
                # a document's title or description (a manual page's NAME line) holding the
                # words together, in the order typed: the page a person remembers by them.
                # Rank fusion is too flat at its top to tell it from pages that use the same
                # words elsewhere (and a pack's meaning of a language it cannot read decides
                # instead)
                c.titled = words.in_order(o.text, o.lang if o.lang in langs else "", said)
                if c.titled and coverage < 1.0:  # every word is in it: show it
                    coverage, shown = 1.0, set(content)
                    c.snippet, c.page, c.snippet_source = o.text, o.page, o.source
                    c.snippet_lang = o.lang
            if _share(content, in_name) >= 1.0 and "fts_name" in c.sources:
                c.best_source = "fts_name"  # its name holds every word: that is why
            elif (
                _share(content, shown) >= 1.0 and not in_name and c.sources & {"fts_text", "exact"}
            ):
                # every word of the query is in the passage shown: that is why it matched,
                # whichever list ranked it higher (a sign's words, not what a photo looks like)
                c.best_source = "exact" if "exact" in c.sources else "fts_text"
            c.named = c.titled or any(_holds(name, w, langs, prefix=True) for w in content)
            c.whole = c.titled or _share(content, in_name) >= 1.0
            if len(content) <= SURFACE_WORDS:
                # a few words typed to look something up: the files that hold them as typed
                # come before those that hold only their stems ("écoulées", not "écoule")
                typed = {words.fold(w) for w in content}
                held = typed & set(c.name_text.split())
                for text in c.word_texts:
                    held |= words.holds_as_typed(text, typed - held)
                c.surface = len(held)
            lexical = bool(c.sources & {"fts_name", "fts_text", "exact"}) or coverage > 0
            # no closer to the query than an average file: not a result
            c.listed = lexical or c.above is None or c.above >= Z_LIST
            margin = None if c.margin is None else c.margin - floor
            c.confidence = 0.95 if c.verbatim else confidence_of(margin, coverage, c.sure)
            if whole and len(c.verbatim) < len(exact):
                c.confidence = min(c.confidence, 0.45)

    def _verbatim(
        self,
        terms: tuple[str, ...],
        langs: tuple[str, ...],
        among: frozenset[str] | None = None,
        flt: FileFilter | None = None,
        watch: _Stopwatch | None = None,
    ) -> list[list[Any]]:
        """Per identifier or phrase, the files that hold it verbatim (a phrase query over
        names and passages: the words in that order), best match of each file first."""
        out = []
        for term in terms:
            phrase = words.WordQuery.phrase(term, langs)
            hits = _full_text(self.store, phrase, CANDIDATES, among, flt, watch)
            names = [h for h in hits if h.field == "name"]
            texts = [h for h in hits if h.field != "name"]
            out.append(_best_per_file(names + texts, skip_contents=True))
        return out

    def _vector_list(
        self,
        cand: Any,
        source: str,
        vec: np.ndarray,
        encoder: ImageEncoder,
        among: frozenset[str] | None = None,
        replaced_by: str | None = None,
        watch: _Stopwatch | None = None,
        understood: bool = True,
    ) -> None:
        """``replaced_by``: a newer pack whose vectors answer for the photos it has reached."""
        # image spaces have no unrelated figures of their own: this query's scores over a
        # sample of the index say where unrelated photos lie
        cal = Calibration(self.store.images.background(vec, encoder.pack_id), vec, None)
        if watch is not None:
            watch.lap("calibration")
        found = self.store.images.nearest(vec, CANDIDATES, encoder.pack_id, among)
        if watch is not None:
            watch.lap("vector search")
        skip = (
            self.store.images.with_vector([h.file_id for h in found], replaced_by)
            if replaced_by is not None
            else set()
        )
        for rank, h in enumerate(h for h in found if h.file_id not in skip):
            # a photo is like the query's image whatever the words' language; like its words
            # only when the pack reads them
            sure = understood or source == "image"
            cand(h.file_id).add(source, rank, similarity=h.score, cal=cal, understood=sure)

    def _photo_queries(self, query: Query, enc: ImageEncoder) -> list[tuple[str, np.ndarray]]:
        """The vectors photos are ranked by: the words (weighted parts added and subtracted,
        as in rclip), the image, or the image moved by the words (a composed query)."""
        texts = [t for _, t in query.parts] if query.parts else ([query.text] if query.text else [])
        weights = [w for w, _ in query.parts] if query.parts else [1.0] * len(texts)
        text_vec = delta = None
        if texts:
            # the neutral prompt is only needed to move an image: a text query skips it
            tv = enc.encode_texts(texts + [NEUTRAL_PROMPT] if query.image_path else texts)
            parts = tv[: len(texts)]
            w = np.asarray(weights, dtype=np.float32)[:, None]
            text_vec = _unit((w * parts).sum(axis=0))
            if query.image_path:
                delta = (w * (parts - tv[-1])).sum(axis=0) / max(1.0, float(w[w > 0].sum()))
        if not query.image_path:
            return [] if text_vec is None else [("clip_text", text_vec)]
        iv = _unit(self._image_vector(query.image_path, enc))
        if iv is None:
            return []
        if delta is None or query.strength <= 0:
            return [("image", iv)]
        moved = _unit(iv + query.strength * delta)
        if moved is None:
            return [("image", iv)]
        blend = COMPOSED_TEXT_BLEND * min(1.0, query.strength)
        if text_vec is not None and any(w > 0 for w in weights):
            moved = _unit((1.0 - blend) * moved + blend * text_vec)
        return [] if moved is None else [("composed", moved)]

    def _image_vector(self, path: str, encoder: ImageEncoder) -> np.ndarray:
        file_id = self.store.files.id_for(os.path.abspath(path))
        if file_id is not None:
            v = self.store.images.vector(file_id, encoder.pack_id)
            if v is not None:
                return np.asarray(v, dtype=np.float32)
        pixels = encoder.load_pixels(path)
        return np.asarray(encoder.encode_pixels(pixels[None])[0], dtype=np.float32)

    @staticmethod
    def _passes(rec: FileRecord, c: _Candidate, q: Query) -> bool:
        # the lists chose among the files the filters admit; a row read now is checked again
        # (the index may have changed since)
        when = rec.taken_at if rec.taken_at is not None else rec.mtime
        if not file_filter(q).admits(str(rec.kind), rec.ext, rec.path, rec.place, when):
            return False
        if q.excluded:
            hay = f" {words.terms(f'{rec.path} {c.snippet} {rec.text_preview}')} "
            if any(f" {words.terms(x)} " in hay for x in q.excluded if words.terms(x)):
                return False
        if rec.kind == Kind.DOCUMENT and q.phrases:
            # a phrase query finds the files holding the phrase anywhere, not only in the
            # passage shown
            if not all(p in c.verbatim for p in q.phrases):
                return False
        return True

    @staticmethod
    def _hit(
        rec: FileRecord,
        c: _Candidate,
        q: Query,
        score: float,
        langs: tuple[str, ...],
        content: list[str],
    ) -> Hit:
        """``content``: the query's content words (_content_words), the same for every hit."""
        matched = _matched(rec.name, q, content, langs)
        in_folder = False
        if not matched:  # its folders: the words search saw that are not its name's
            folders = _folders(c.name_text, f"{rec.name} {rec.camera} {rec.place}")
            matched, in_folder = _matched(folders, q, content, langs), True
        src = c.best_source
        return Hit.of_file(
            rec,
            round(score, 4),
            _reason(rec, c, q, matched, in_folder),
            snippet=c.snippet
            if src in ("passage", "fts_text", "exact") or rec.kind == Kind.DOCUMENT
            else "",
            page=c.page,
            matched_terms=matched,
            sources=tuple(sorted(c.sources)),
            confidence=round(c.confidence, 3),
            strong=c.confidence >= 0.5,
        )


def _understood(
    lang: str, source: PassageSource, pack_languages: tuple[str, ...], text: str = ""
) -> bool:
    """Can a document pack's meaning make a passage strong? Not in a language the pack does
    not declare (an English model reads German as noise and may still score it high), and not
    for the few words read from a sign or a label in a picture ("YAMAHA"): they sit close to
    many a query, so such text is strong by its words only. A screenshot of a page of text is
    read as a page."""
    if source == PassageSource.OCR and len(words.words(text)) < OCR_MEANING_WORDS:
        return False
    return not lang or lang in pack_languages


def _may_want_photos(q: Query, exact: tuple[str, ...]) -> bool:
    """Could this query be after photos? (no identifiers, flags or phrases; no document-only
    filter) — only then does a missing image model deserve a note."""
    if exact or (q.kinds and Kind.PHOTO not in q.kinds):
        return False
    return not q.extensions or any(e in _PHOTO_EXTENSIONS for e in q.extensions)


_PHOTO_EXTENSIONS = frozenset(
    "jpg jpeg png heic heif webp tif tiff gif bmp dng cr2 nef arw".split()
)


def _speaks(passages: list[TextHit], pack_languages: tuple[str, ...]) -> bool:
    """Does the pack understand the query, as far as its words tell? No when full-text search
    found them only in passages of languages the pack does not declare (yes when it found
    them nowhere, or in a passage of unknown language)."""
    langs = {h.lang for h in passages}
    return not langs or "" in langs or bool(langs & set(pack_languages))


def _held(
    content: list[str], hay: frozenset[str] | set[str], langs: tuple[str, ...], lang: str = ""
) -> set[str]:
    """The query's content words among these forms: of a text in ``lang``, by their stem in
    that language (a German word's stem is no English word's), else in any of ``langs``."""
    return {w for w in content if _holds(hay, w, (lang,) if lang else langs)}


def _keys(content: list[str], langs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """For each content word and each language a text may be in ("" for unknown): the forms
    the word may have there and their beginnings (four letters at most), for words.held."""
    out: dict[str, dict[str, Any]] = {}
    for w in content:
        per: dict[str, Any] = {}
        for lang in ("", *langs):
            fs = set(words.forms(w, (lang,) if lang else langs))
            per[lang] = (fs, {f[:4] for f in fs})
        out[w] = per
    return out


def _held_in(
    text: str,
    lang: str,
    content: list[str],
    keys: dict[str, dict[str, Any]],
    langs: tuple[str, ...],
) -> set[str]:
    """The query's content words a passage in ``lang`` holds, by their stem in that language
    (else in any of ``langs``)."""
    if not text:
        return set()
    lang = lang if lang in langs else ""
    text_langs = (lang,) if lang else ("", *langs)
    return words.held(text, text_langs, {w: keys[w][lang] for w in content})


def _share(content: list[str], held: set[str]) -> float:
    return len(held) / len(content) if content else 0.0


def _tier(c: _Candidate) -> int:
    """Strong files whose name holds a word of the query (or whose title holds the query as
    said), other strong files, weak files whose name holds one, the rest: a name is what a
    person types first (as in Everything), and a title is a document's name."""
    return (2 if c.confidence >= 0.5 else 0) + (1 if c.named else 0)


def _content_words(q: Query, langs: tuple[str, ...]) -> list[str]:
    """The query's words that are evidence on their own: every word (as core.words cuts
    them) but stopwords, unless the query has nothing else."""
    every = [w for t in q.terms for w in words.words(t)]
    content = [w for w in every if not words.is_stopword(w, langs)]
    return content or every


# Every candidate's name and folders are cut into words and stemmed, and each of the query's
# words is looked up in them in each of the index's languages: ~200-400 candidates a query.
# Kept between queries (the same files come back while a query is typed or refined; ~1-2 KB a
# name, a few MB in all); measured at 100k photos on 2 AVX2 cores, the fusion of a text query
# took 8.5 ms before.
@lru_cache(maxsize=2048)
def _forms_of(text: str, lang: str, langs: tuple[str, ...]) -> frozenset[str]:
    """Every index form of the words of ``text``: as stemmed in its language, and (for names
    and text in no known language) as stemmed in each of the index's languages."""
    ws = words.words(text)
    out = {words.form(w, lang) for w in ws}
    if not lang:
        out |= {words.form(w, other) for w in ws for other in langs}
    return frozenset(out)


@lru_cache(maxsize=4096)
def _word_forms(word: str, langs: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    """A query word's index forms in these languages, and the word folded."""
    return words.forms(word, langs), words.fold(word)


def _holds(
    hay: frozenset[str] | set[str], word: str, langs: tuple[str, ...], prefix: bool = False
) -> bool:
    """Is ``word`` among these forms (whole, or with ``prefix`` as the start of one, from
    three letters)?"""
    forms, w = _word_forms(word, langs)
    if any(f in hay for f in forms):
        return True
    return prefix and len(w) >= 3 and any(h.startswith(w) for h in hay)


@lru_cache(maxsize=1024)
def _folders(name_text: str, own: str) -> str:
    """The words of a file's indexed name text that are not its name, camera or place (``own``):
    its folders'."""
    name = {words.fold(w) for w in words.words(own)}
    return " ".join(w for w in words.words(name_text) if w not in name)


def _matched(text: str, q: Query, content: list[str], langs: tuple[str, ...]) -> tuple[str, ...]:
    """The query's content words found in ``text`` (a name or folders), as the query has them."""
    hay = _forms_of(text, "", langs)
    return tuple(dict.fromkeys(w.lower() for w in content if _holds(hay, w, langs, prefix=True)))


def _reason(
    rec: FileRecord, c: _Candidate, q: Query, matched: tuple[str, ...], in_folder: bool
) -> MatchReason:
    """Why the hit matched, from the list that contributed most to its rank."""
    src, page = c.best_source, c.page
    how = {"fts_text": Source.WORDS, "fts_name": Source.WORDS, "exact": Source.EXACT}.get(
        src, Source.MEANING
    )
    if src == "exact" and not c.snippet:
        src = "fts_name"  # the identifier or phrase is in its name
    if src in ("passage", "fts_text", "exact") and c.snippet_source == PassageSource.OCR:
        return MatchReason(Origin.OCR, how, page, quote=ocr_line(c.snippet, q.terms))
    if src in ("passage", "fts_text", "exact"):
        return MatchReason(Origin.TEXT, how, page)
    if src == "fts_name":
        if not matched and set(q.terms) & set(re.split(r"\W+", fold(rec.place))):
            return MatchReason(Origin.PLACE, how, place=rec.place)  # the place's words did
        if not matched:
            return MatchReason(Origin.OTHER, how)
        return MatchReason(Origin.NAME, how, terms=matched, in_folder=in_folder)
    if src == "image":
        return MatchReason(Origin.IMAGE, how, like_image=True)
    if src == "composed":
        mods = " ".join((f"-{t}" if w < 0 else t) for w, t in (q.parts or ((1.0, q.text),)) if t)
        return MatchReason(Origin.IMAGE, how, like_image=True, modifiers=mods)
    if src == "clip_text":
        return MatchReason(Origin.IMAGE, how)
    return MatchReason(Origin.OTHER, how)
