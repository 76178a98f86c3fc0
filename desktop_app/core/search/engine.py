"""Search every embedding space and the full-text index, fuse by rank, explain each hit."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop_app.core.embed.api import ImageEncoder, TextEncoder
from desktop_app.core.search.duplicates import fold_duplicates
from desktop_app.core.search.query import fold, place_matches
from desktop_app.core.types import FileRecord, Hit, Kind, Query, SearchResult

RRF_K = 60.0
CANDIDATES = 200
# MiniLM puts unrelated passages at cosine ~0.0-0.15: below this a passage is noise, not a match.
PASSAGE_MIN_SIMILARITY = 0.15
# Rank fusion weights: CLIP's image-text similarities (~0.2-0.35) and MiniLM's (~0.1-0.8)
# are on different scales, so lists are fused by rank, not by raw score. A pure image query
# trusts its vectors most; CLIP text->image always returns *something*, so it weighs less
# than an exact name or passage match.
WEIGHTS = {"passage": 1.0, "fts_text": 0.8, "fts_name": 1.0, "clip_text": 0.9, "image": 1.5}


@dataclass
class _Candidate:
    file_id: str
    fused: float = 0.0
    best_source: str = ""
    best_contrib: float = 0.0
    sources: set[str] = field(default_factory=set)
    snippet: str = ""
    page: int | None = None
    snippet_source: str = ""  # "ocr": the snippet was read from the picture's pixels
    similarity: float | None = None

    def add(
        self,
        source: str,
        rank: int,
        snippet: str = "",
        page: int | None = None,
        similarity: float | None = None,
        origin: str = "",
    ) -> None:
        contrib = WEIGHTS[source] / (RRF_K + rank + 1)
        self.fused += contrib
        self.sources.add(source)
        if snippet and not self.snippet:
            self.snippet, self.page, self.snippet_source = snippet, page, origin
        if similarity is not None and self.similarity is None:
            self.similarity = similarity
        if contrib > self.best_contrib:
            self.best_contrib, self.best_source = contrib, source


def _best_per_file(hits: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for h in hits:
        if h.file_id not in seen:
            seen.add(h.file_id)
            out.append(h)
    return out


def ocr_line(passage: str, terms: tuple[str, ...]) -> str:
    """The line of an OCR passage that holds most of the query's words (else its first)."""
    lines = [ln.strip() for ln in passage.splitlines() if ln.strip()] or [passage.strip()]
    words = {t.lower() for t in terms}

    def found(line: str) -> int:  # long words weigh more than "the" or "of"
        low = line.lower()
        return sum(len(w) for w in words if re.search(rf"\b{re.escape(w)}", low))

    best = max(lines, key=found) if words else lines[0]
    return best if len(best) <= 120 else best[:119] + "…"


class SearchEngine:
    def __init__(
        self, store: Any, text_encoder: TextEncoder | None, image_encoder: ImageEncoder | None
    ) -> None:
        self.store = store
        self.text_encoder = text_encoder
        self.image_encoder = image_encoder
        # While photos are re-embedded by a newly chosen image pack, the pack that made the
        # older vectors answers for the photos the new one has not reached yet.
        self.previous_image_encoder: ImageEncoder | None = None

    def set_encoders(
        self, text_encoder: TextEncoder | None, image_encoder: ImageEncoder | None
    ) -> None:
        self.text_encoder = text_encoder
        self.image_encoder = image_encoder

    def search(self, query: Query, generation: int = 0) -> SearchResult:
        t0 = time.perf_counter()
        notes: list[str] = []
        cands: dict[str, _Candidate] = {}

        def cand(fid: str) -> _Candidate:
            c = cands.get(fid)
            if c is None:
                c = cands[fid] = _Candidate(fid)
            return c

        text = query.text.strip()
        if text and self.text_encoder is not None:
            qv = self.text_encoder.encode_texts([text])[0]
            chunk_hits = self.store.search_chunks(qv, CANDIDATES, self.text_encoder.pack_id)
            # each file counts once per list, at the rank of its best passage
            relevant = [h for h in chunk_hits if h.score >= PASSAGE_MIN_SIMILARITY]
            for rank, h in enumerate(_best_per_file(relevant)):
                cand(h.file_id).add("passage", rank, h.text, h.page, h.score, origin=h.source)
        if self.image_encoder is not None:
            if text:
                tv = self.image_encoder.encode_texts([text])[0]
                for rank, h in enumerate(
                    self.store.search_images(tv, CANDIDATES, self.image_encoder.pack_id)
                ):
                    cand(h.file_id).add("clip_text", rank, similarity=h.score)
            if query.image_path:
                iv = self._image_vector(query.image_path, self.image_encoder)
                for rank, h in enumerate(
                    self.store.search_images(iv, CANDIDATES, self.image_encoder.pack_id)
                ):
                    cand(h.file_id).add("image", rank, similarity=h.score)
            prev = self.previous_image_encoder
            if prev is not None and (text or query.image_path):
                # each photo is ranked in exactly one space: the new pack's once it has a vector
                done = self.store.pack_file_ids("images", self.image_encoder.pack_id)
                lists = []
                if text:
                    lists.append(("clip_text", prev.encode_texts([text])[0]))
                if query.image_path:
                    lists.append(("image", self._image_vector(query.image_path, prev)))
                for source, vec in lists:
                    old = self.store.search_images(vec, CANDIDATES, prev.pack_id)
                    for rank, h in enumerate(h for h in old if h.file_id not in done):
                        cand(h.file_id).add(source, rank, similarity=h.score)
        else:
            if query.image_path:
                notes.append("No image model pack is installed: image queries need one.")
            notes.append(
                "Photos are found by name, date and text until an image model pack is added."
            )
        fts_terms = " ".join(query.terms)
        if fts_terms:
            seen_text: set[str] = set()
            name_rank = text_rank = 0
            for h in self.store.search_text(fts_terms, CANDIDATES):
                if h.field == "name":
                    cand(h.file_id).add("fts_name", name_rank)
                    name_rank += 1
                elif h.file_id not in seen_text:
                    seen_text.add(h.file_id)
                    cand(h.file_id).add("fts_text", text_rank, h.text, h.page, origin=h.source)
                    text_rank += 1

        ordered = sorted(cands.values(), key=lambda c: -c.fused)
        hits: list[Hit] = []
        top = sum(WEIGHTS.values()) / (RRF_K + 1)
        # File rows are read a page at a time: without filters the first page fills the list.
        page = query.limit + 10
        for start in range(0, len(ordered), page):
            part = ordered[start : start + page]
            records = self.store.get_files([c.file_id for c in part])
            for c in part:
                rec = records.get(c.file_id)
                if rec is None or not self._passes(rec, c, query):
                    continue
                hits.append(self._hit(rec, c, query, min(1.0, c.fused / top)))
                if len(hits) >= query.limit:
                    break
            if len(hits) >= query.limit:
                break
            page = max(page, 200)  # filters are dropping rows: read larger pages
        hits = fold_duplicates(hits, self.store, self.image_encoder)  # copies stack on the best
        return SearchResult(
            query, tuple(hits), (time.perf_counter() - t0) * 1000, generation, tuple(notes)
        )

    def _image_vector(self, path: str, encoder: ImageEncoder) -> np.ndarray:
        file_id = self.store.file_id_for(os.path.abspath(path))
        if file_id is not None:
            v = self.store.image_vector(file_id, encoder.pack_id)
            if v is not None:
                return np.asarray(v, dtype=np.float32)
        pixels = encoder.load_pixels(path)
        return np.asarray(encoder.encode_pixels(pixels[None])[0], dtype=np.float32)

    @staticmethod
    def _passes(rec: FileRecord, c: _Candidate, q: Query) -> bool:
        if q.kinds and rec.kind not in q.kinds:
            return False
        if q.extensions and rec.ext not in q.extensions:
            return False
        if q.folders:
            parts = [p.lower() for p in rec.path.split(os.sep)[:-1]]
            ok = False
            for f in q.folders:
                fl = f.lower().rstrip("/\\")
                if rec.path.lower().startswith(fl + os.sep) or fl in parts:
                    ok = True
            if not ok:
                return False
        if q.places and not place_matches(rec.place, q.places):
            return False
        when = rec.taken_at if rec.taken_at is not None else rec.mtime
        if q.after is not None and when < q.after:
            return False
        if q.before is not None and when >= q.before:
            return False
        hay = f"{rec.path} {c.snippet} {rec.text_preview}".lower()
        if any(re.search(rf"\b{re.escape(x)}", hay) for x in q.excluded):
            return False
        if rec.kind == Kind.DOCUMENT and q.phrases:
            if not all(p.lower() in hay for p in q.phrases):
                return False
        return True

    @staticmethod
    def _hit(rec: FileRecord, c: _Candidate, q: Query, score: float) -> Hit:
        name_words = {w for w in re.split(r"[\W_]+", rec.name.lower()) if w}
        matched = tuple(t for t in q.terms if t in name_words or t in rec.path.lower())
        src = c.best_source
        page = c.page
        if src in ("passage", "fts_text") and c.snippet_source == "ocr":
            line = ocr_line(c.snippet, q.terms)
            if rec.kind == Kind.PHOTO:
                why = f"text in the picture: “{line}”"
            else:
                why = f"text in the scan{f' of page {page}' if page else ''}: “{line}”"
        elif src == "passage" or (src == "fts_text"):
            why = f"passage on page {page}" if page else "passage"
            if src == "fts_text":
                why += " (words match)"
        elif (
            src == "fts_name"
            and not matched
            and set(q.terms) & set(re.split(r"\W+", fold(rec.place)))
        ):
            why = f"taken in {rec.place}"  # the name did not match: the place's words did
        elif src == "fts_name":
            why = "name matches: " + ", ".join(matched) if matched else "name matches"
        elif src == "image":
            why = "looks like your image"
        elif src == "clip_text":
            why = "looks like the words"
        else:
            why = "matches"
        return Hit(
            path=rec.path,
            kind=rec.kind,
            score=round(score, 4),
            why=why,
            file_id=rec.file_id,
            snippet=c.snippet
            if src in ("passage", "fts_text") or rec.kind == Kind.DOCUMENT
            else "",
            page=page,
            matched_terms=matched,
            sources=tuple(sorted(c.sources)),
            mtime=rec.mtime,
            taken_at=rec.taken_at,
            size=rec.size,
            width=rec.width,
            height=rec.height,
            camera=rec.camera,
            place=rec.place,
        )
