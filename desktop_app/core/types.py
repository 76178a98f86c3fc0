"""Frozen dataclasses and enums that cross layers: files, chunks, queries, hits, progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    PHOTO = "photo"
    DOCUMENT = "document"


class FileStatus(StrEnum):
    OK = "ok"  # extracted and every vector it can have so far is stored
    FAILED = "failed"  # could not be read; ``problem`` says why
    PENDING_VECTORS = "pending"  # stored without vectors (e.g. no image pack yet)


class PassageSource(StrEnum):
    """Where a passage's words came from (stored with it)."""

    TEXT = ""  # the file's own text
    OCR = "ocr"  # read from its pixels


class Phase(StrEnum):
    SCANNING = "scanning"
    INDEXING = "indexing"
    IDLE = "idle"
    PAUSED = "paused"
    ERROR = "error"


class Stage(StrEnum):
    """Which stage of indexing a Progress speaks of."""

    FILES = "files"  # reading files: names, words (searchable at once), photos' vectors
    MEANING = "meaning"  # passages stored with their words get their vectors
    NEW_DOCUMENT_PACK = "new document pack"  # passages re-embedded by a newly chosen pack


class RootState(StrEnum):
    OK = "ok"
    MISSING = "missing"  # an unplugged drive: its rows stay
    POLLING = "polling"  # the watch limit was reached: checked every so often instead


class Origin(StrEnum):
    """What in a file matched a query."""

    TEXT = "text"  # a passage of its own text
    OCR = "ocr"  # words read from its pixels
    NAME = "name"  # its name or folders
    PLACE = "place"  # where the photo was taken
    IMAGE = "image"  # what the picture looks like
    OTHER = "other"
    NONE = "none"  # nothing was asked: a file shown while browsing


class Source(StrEnum):
    """Which kind of search found it."""

    MEANING = "meaning"  # an encoder put it close to the query
    WORDS = "words"  # the query's words are in it (full-text search)
    EXACT = "exact"  # an identifier or quoted phrase of the query is in it, verbatim
    NONE = "none"  # no search: a file shown while browsing


@dataclass(frozen=True)
class MatchReason:
    """Why a hit matched, as machines read it; ``sentence`` is what people read."""

    origin: Origin
    source: Source
    page: int | None = None
    quote: str = ""  # OCR: the line of the picture's text that matched
    terms: tuple[str, ...] = ()  # NAME: the query's words found in the name (or its folders)
    in_folder: bool = False  # NAME: the words are in the folders above the file, not its name
    place: str = ""  # PLACE: the place whose words matched
    like_image: bool = False  # IMAGE: like the query's image (else like its words)
    modifiers: str = ""  # IMAGE: the words that moved the image query ("at night -people")

    def sentence(self, kind: Kind) -> str:
        if self.origin == Origin.NONE:
            return ""
        if self.origin == Origin.OCR:
            if kind == Kind.PHOTO:
                return f"text in the picture: “{self.quote}”"
            return f"text in the scan{f' of page {self.page}' if self.page else ''}: “{self.quote}”"
        if self.origin == Origin.TEXT:
            why = f"passage on page {self.page}" if self.page else "passage"
            ends = {Source.WORDS: " (words match)", Source.EXACT: " (exact match)"}
            return why + ends.get(self.source, "")
        if self.origin == Origin.PLACE:
            return f"taken in {self.place}"
        if self.origin == Origin.NAME:
            where = "folder" if self.in_folder else "name"
            return f"{where} matches: " + ", ".join(self.terms) if self.terms else "matches"
        if self.origin == Origin.IMAGE:
            if not self.like_image:
                return "looks like the words"
            if self.source == Source.EXACT:  # by perceptual hash: the same picture
                return "a copy of your image"
            return (
                f"looks like your image, {self.modifiers}"
                if self.modifiers
                else ("looks like your image")
            )
        return "matches"


@dataclass(frozen=True)
class ScannedFile:
    """A file seen on disk by a walk or a watch event, before extraction."""

    path: str
    root: str
    kind: Kind
    size: int
    mtime: float
    content_hash: str = ""  # filled by the reconcile step when needed


@dataclass(frozen=True)
class ImageFacts:
    """What an image file says about itself (EXIF and size)."""

    width: int = 0
    height: int = 0
    taken_at: float | None = None  # POSIX seconds, local time of the camera as UTC
    camera: str = ""
    gps_lat: float | None = None
    gps_lon: float | None = None
    orientation: int = 1


@dataclass(frozen=True)
class Chunk:
    """A passage of a document, sized for the document encoder."""

    text: str
    page: int | None  # 1-based page for paged formats, None otherwise
    start: int  # character offset in the page (or whole text)
    end: int
    ordinal: int = 0  # position of the chunk in the file
    source: PassageSource = PassageSource.TEXT
    lang: str = ""  # ISO 639-1 code of the document's language, "" when unknown (core.words)


@dataclass(frozen=True)
class FileRecord:
    """One row of the files table."""

    file_id: str
    path: str
    root: str
    name: str
    kind: Kind
    ext: str
    size: int
    mtime: float
    content_hash: str
    status: FileStatus = FileStatus.OK
    problem: str = ""
    taken_at: float | None = None
    camera: str = ""
    gps_lat: float | None = None
    gps_lon: float | None = None
    width: int = 0
    height: int = 0
    text_preview: str = ""
    indexed_at: float = 0.0
    place: str = ""  # "City, Region, Country" from the GPS position, offline
    dhash: int | None = None  # perceptual hash of a photo (signed 64-bit)


@dataclass(frozen=True)
class Problem:
    """A file Trove could not index, with a reason a person can act on."""

    path: str
    reason: str
    when: float = 0.0


@dataclass(frozen=True)
class Query:
    """A parsed query. Built by ``core.search.query.parse_query``."""

    raw: str = ""
    text: str = ""  # free text for the encoders (excluded words and filters removed)
    terms: tuple[str, ...] = ()  # words for full-text search
    phrases: tuple[str, ...] = ()  # quoted phrases, all must appear
    excluded: tuple[str, ...] = ()  # -words: hits containing them are dropped
    kinds: tuple[Kind, ...] = ()  # empty: any
    extensions: tuple[str, ...] = ()  # from type:pdf etc., lower-case without dot
    folders: tuple[str, ...] = ()  # in:FOLDER, matched as a path prefix or folder name
    places: tuple[str, ...] = ()  # place:NAME, folded (lower case, no accents): any may match
    after: float | None = None
    before: float | None = None
    image_path: str | None = None  # an image as the query
    limit: int = 50
    # Composed photo query: weighted text parts, negative weight for a part to move away from
    # ("2:sunset + dog -people" -> (2, "sunset"), (1, "dog"), (-1, "people")).
    parts: tuple[tuple[float, str], ...] = ()
    strength: float = 1.0  # how far a text modifier moves an image query (0: the image alone)


@dataclass(frozen=True)
class Hit:
    """One ranked result: a file, its score and why it matched."""

    path: str
    kind: Kind
    score: float
    reason: MatchReason
    file_id: str = ""
    snippet: str = ""  # the passage or matched text
    page: int | None = None
    matched_terms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # which lists contributed: 'image', 'text', 'fts'
    mtime: float = 0.0
    taken_at: float | None = None
    size: int = 0
    width: int = 0
    height: int = 0
    camera: str = ""
    # Calibrated per query: 0..1, and whether it clears the line between strong and weak
    # results (a vector score far above this query's scores against the whole index, or every
    # word of the query found in the name, path or text).
    confidence: float = 0.0
    strong: bool = False
    stack: tuple[str, ...] = ()  # paths of near-duplicate photos folded under this hit
    place: str = ""  # where a photo was taken: "Lisbon, Portugal"
    library: str = ""  # the shared library it was found in ("": the local index)

    @classmethod
    def of_file(cls, rec: FileRecord, score: float, reason: MatchReason, **match: Any) -> Hit:
        """A hit for a stored file: what the file's row says, plus how it matched."""
        return cls(
            path=rec.path,
            kind=rec.kind,
            score=score,
            reason=reason,
            file_id=rec.file_id,
            mtime=rec.mtime,
            taken_at=rec.taken_at,
            size=rec.size,
            width=rec.width,
            height=rec.height,
            camera=rec.camera,
            place=rec.place,
            **match,
        )

    @property
    def why(self) -> str:
        """A short sentence for people: 'passage on page 3', 'looks like your image'; "" for a
        file shown while browsing."""
        return self.reason.sentence(self.kind)

    @property
    def matched(self) -> bool:
        """False for a file shown while browsing: no query, nothing to explain."""
        return self.reason.origin != Origin.NONE


@dataclass(frozen=True)
class SearchResult:
    query: Query
    hits: tuple[Hit, ...]  # strong hits first, then weak ones
    elapsed_ms: float = 0.0
    generation: int = 0
    notes: tuple[str, ...] = ()  # e.g. 'no image pack installed: photos matched by name only'
    # where the milliseconds went, by part of the search (benchmarks read it); full text runs
    # beside the encoders, so the parts add up to more than elapsed_ms
    timings: tuple[tuple[str, float], ...] = ()
    # the language of a query the photo model cannot read ("" when it can, or no photo model
    # answered): the window may offer the multilingual photo model (core.packs.suggest)
    unread_by_photos: str = ""

    @property
    def confident(self) -> bool:
        """False: nothing in the index matches well; the hits are only the closest there are."""
        return any(h.strong for h in self.hits)

    @property
    def strong_count(self) -> int:
        return sum(1 for h in self.hits if h.strong)


@dataclass(frozen=True)
class Progress:
    """Indexing progress, reported through callbacks between batches."""

    phase: Phase
    done: int = 0
    total: int = 0
    failed: int = 0
    rate: float = 0.0  # files per second over a recent window
    eta_s: float | None = None
    current: str = ""
    message: str = ""
    stage: Stage = Stage.FILES  # MEANING: done and total count passages, not files


@dataclass(frozen=True)
class IndexSummary:
    added: int = 0
    changed: int = 0
    moved: int = 0
    deleted: int = 0
    unchanged: int = 0
    failed: int = 0
    embedded: int = 0  # vectors computed (a move computes none)
    elapsed_s: float = 0.0
    problems: tuple[Problem, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class DuplicateFile:
    """One copy in a group of near-identical photos."""

    path: str
    file_id: str
    size: int
    width: int = 0
    height: int = 0
    taken_at: float | None = None
    mtime: float = 0.0

    @property
    def when(self) -> float:
        return self.taken_at if self.taken_at is not None else self.mtime


@dataclass(frozen=True)
class DuplicateGroup:
    """Near-identical photos (bursts, edits, resized copies); the best copy first."""

    files: tuple[DuplicateFile, ...]

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def reclaimable(self) -> int:
        """Bytes freed by keeping only the best copy."""
        return sum(f.size for f in self.files[1:])


@dataclass(frozen=True)
class DuplicateReport:
    groups: tuple[DuplicateGroup, ...]
    photos: int = 0  # photos compared
    unhashed: int = 0  # photos left out: not yet given a perceptual hash
    by_vectors: bool = False  # candidates came from image vectors (else from hashes alone)
    elapsed_ms: float = 0.0


@dataclass(frozen=True)
class RootStatus:
    path: str
    photos: int = 0
    documents: int = 0
    failed: int = 0
    state: RootState = RootState.OK


@dataclass(frozen=True)
class IndexStatus:
    index_dir: str
    size_bytes: int
    roots: tuple[RootStatus, ...]
    photos: int
    documents: int
    passages: int  # with vectors
    failed: int
    vectors_per_pack: dict[str, int] = field(default_factory=dict)
    image_pack: str | None = None
    document_pack: str | None = None
    pending_vectors: int = 0  # files waiting for an encoder (e.g. photos without an image pack)
    notices: tuple[str, ...] = ()
    ocr_read: int = 0  # photos and PDFs whose text in pixels has been read
    ocr_pending: int = 0  # ... and those waiting for the text-in-pictures pass
    ocr_enabled: bool = True
    passages_waiting: int = 0  # passages searchable by their words, their vectors to come
    search_memory_bytes: int = 0  # what vector search holds in memory (first stages, matrices)


@dataclass(frozen=True)
class BrowseResult:
    """The newest files matching a query's filters, its words ignored: what the window shows
    before and between searches."""

    query: Query
    hits: tuple[Hit, ...]  # newest first (date taken, else modified)
    total: int = 0  # files matching the filters in all; ``hits`` holds the newest of them
    elapsed_ms: float = 0.0
    generation: int = 0
