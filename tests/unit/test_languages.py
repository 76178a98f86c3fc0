"""Words first in every language, on real text nobody here wrote: Debian's manual pages in
seven languages, bzip2's PDF manual, real file names with accents and spaces.

What is asserted is computed from the texts themselves (which pages hold a word or phrase),
never written by hand for the test."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core import words
from desktop_app.core.engine import EngineConfig, TroveEngine
from desktop_app.core.extract.chunking import chunk_pages
from desktop_app.core.search.engine import is_contents
from desktop_app.core.search.query import exact_terms, is_flag, parse_query
from desktop_app.core.types import SearchResult
from tests.fixtures import bzip2_manual, man_page

PAGES = {
    "en": "df du rm chmod ls cp",
    "de": "df du rm chmod ls cp",
    "fr": "df du rm chmod ls cp",
    "es": "df du rm chmod ls cp",
    "ja": "df du rm chmod ls cp",
    "zh": "df du rm chmod ls cp",
    "ru": "ls cat passwd locale login iconv",
}


def _plain(text: str) -> str:
    """Folded, one space between words: what 'contains the words' means for a label."""
    return " ".join(words.fold(text).split())


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, minilm_pack: Path) -> Iterator[TroveEngine]:
    root = tmp_path_factory.mktemp("languages")
    docs = root / "docs"
    for lang, commands in PAGES.items():
        for command in commands.split():
            page = docs / lang / f"{command}.txt"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(man_page(lang, command), encoding="utf-8")
    names = docs / "names"
    bzip2_manual(names / "Ünïcödé manual.pdf")
    (names / "déjà vu").mkdir(parents=True)
    (names / "déjà vu" / "notes.txt").write_text(man_page("en", "cat"), encoding="utf-8")
    (names / "disk-settings_update.txt").write_text(man_page("en", "mkdir"), encoding="utf-8")
    packs = root / "packs"
    shutil.copytree(minilm_pack, packs / minilm_pack.name)
    engine = TroveEngine(EngineConfig(root / "index", (packs,), roots=(str(docs),)))
    engine.open()
    summary = engine.index()
    assert summary.failed == 0 and summary.added == 45
    engine.docs = docs  # type: ignore[attr-defined]
    yield engine
    engine.close()


def _search(engine: TroveEngine, raw: str, limit: int = 10) -> SearchResult:
    return engine.search(parse_query(raw, limit=limit))


def _rel(engine: TroveEngine, path: str) -> str:
    return str(Path(path).relative_to(engine.docs))  # type: ignore[attr-defined]


def _holding(engine: TroveEngine, text: str) -> set[str]:
    """The pages whose text holds ``text`` (folded, spaces evened out)."""
    want = _plain(text)
    docs: Path = engine.docs  # type: ignore[attr-defined]
    return {
        str(p.relative_to(docs))
        for p in docs.rglob("*.txt")
        if want in _plain(p.read_text(encoding="utf-8"))
    }


# --- the tokenisation ------------------------------------------------------------------


def test_words_of_every_script() -> None:
    assert words.words("my_holiday-photo2.JPG") == ["my", "holiday", "photo", "2", "JPG"]
    assert words.terms("Ünïcödé manual.pdf") == "unicode manual pdf"
    assert words.terms("déjà vu") == "deja vu"
    # scripts without spaces: overlapping pairs of characters, found wherever they stand
    assert words.words("ディスク使用量") == ["ディ", "ィス", "スク", "ク使", "使用", "用量"]
    assert words.terms("磁盘 使用") == "磁盘 使用"
    # Japanese voicing marks are no accents: ディ stays ディ, not テイ
    assert words.fold("ディ") == unicodedata.normalize("NFC", "ディ")
    # Devanagari's vowel signs belong to the word
    assert words.words("हिन्दी भाषा") == ["हिन्दी", "भाषा"]
    # code keeps its signs; a soft hyphen and a ligature are what a reader sees
    assert words.words("C++ or C# and e2e4") == ["C++", "or", "C#", "and", "e", "2", "e", "4"]
    assert words.words("con\u00adventions ﬁle") == ["conventions", "file"]
    # stems only in the language given
    assert words.terms("Dateisystembelegung", "de") == "dateisystembeleg"
    assert words.terms("Dateisystembelegung") == "dateisystembelegung"
    assert set(words.forms("Dateisystembelegung", ("de", "en"))) == {
        "dateisystembelegung",
        "dateisystembeleg",
    }


def test_words_in_the_order_said() -> None:
    split_fr = "split - Découper un fichier en plusieurs parties"
    find_fr = "Découper – omettre des fichiers et des sous-répertoires"
    said = words.words("Découper un fichier")
    assert words.in_order(split_fr, "fr", said)
    assert not words.in_order(find_fr, "fr", said)  # the same words, not as said
    # stems in the text's language; a few words between them at most, in all
    assert words.in_order("Découpe les fichiers", "fr", words.words("découper fichier"))
    assert words.in_order("a b c d", "", ["a", "d"])
    assert not words.in_order("a b c d e", "", ["a", "e"])
    assert not words.in_order("a x b y z c", "", ["a", "b", "c"])
    assert not words.in_order("d c b a", "", ["a", "d"])
    # a script without spaces: its pairs of characters, one after the other
    ja = "chown - ファイルの所有者とグループを変更する"
    assert words.in_order(ja, "ja", words.words("所有者とグループを変更"))
    assert not words.in_order(ja, "ja", words.words("グループ所有権を変更"))


@pytest.mark.parametrize(
    ("lang", "command", "code"),
    [
        ("en", "ls", "en"),
        ("de", "ls", "de"),
        ("fr", "ls", "fr"),
        ("es", "rm", "es"),
        ("ja", "du", "ja"),
        ("zh", "du", "zh"),  # a Chinese page full of English option names
        ("ru", "ls", "ru"),
    ],
)
def test_each_passage_records_its_language(lang: str, command: str, code: str) -> None:
    chunks = chunk_pages([(None, man_page(lang, command))])
    langs = [c.lang for c in chunks]
    assert langs.count(code) >= 0.8 * len(langs), langs


def test_a_passage_in_another_language_records_its_own() -> None:
    # zh's chmod page is translated only in part: its English paragraphs say so
    langs = {c.lang for c in chunk_pages([(None, man_page("zh", "chmod"))])}
    assert {"zh", "en"} <= langs


def test_flags_and_code_are_looked_for_and_a_dash_before_a_word_leaves_it_out() -> None:
    for flag in ("--preserve-root", "-rf", "-v", "--color=auto", "--null"):
        assert is_flag(flag), flag
        q = parse_query(f"rm {flag}")
        assert not q.excluded and flag in exact_terms(q)
    q = parse_query("beach -people")
    assert q.excluded == ("people",) and "people" not in q.terms
    q = parse_query("copy not:--force")
    assert q.excluded == ("--force",)
    for code in ("C++", "foo.bar()", "e2e4", "BZ2_bzCompressInit"):
        assert code in exact_terms(parse_query(f"{code} manual")), code
    assert exact_terms(parse_query("ディスク使用量")) == ("ディスク使用量",)


# --- search on the real pages ----------------------------------------------------------


def test_a_german_word_ranks_its_page_first(library: TroveEngine) -> None:
    holding = _holding(library, "Dateisystembelegung")
    assert holding == {"de/df.txt"}
    hits = _search(library, "Dateisystembelegung").hits
    assert _rel(library, hits[0].path) == "de/df.txt" and hits[0].strong
    # the English model reads German as noise: nothing else is called strong
    assert [h.path for h in hits if h.strong] == [hits[0].path]


@pytest.mark.parametrize(
    "raw", ['"ディスク使用量"', "ディスク使用量", '"磁盘文件使用量"', "磁盘文件使用量"]
)
def test_japanese_and_chinese_words_and_phrases_are_found(library: TroveEngine, raw: str) -> None:
    holding = _holding(library, raw.strip('"'))
    assert holding  # the label comes from the pages
    hits = _search(library, raw).hits
    strong = {_rel(library, h.path) for h in hits if h.strong}
    assert strong == holding
    assert {_rel(library, h.path) for h in hits[: len(holding)]} == holding


def test_a_flag_finds_the_pages_that_have_it(library: TroveEngine) -> None:
    holding = _holding(library, "--preserve-root")
    assert len(holding) >= 6  # rm, chmod and chown's siblings in several languages
    result = _search(library, "--preserve-root", limit=50)
    assert {_rel(library, h.path) for h in result.hits if h.strong} == holding
    assert not result.notes  # a document query: no word about photos


def test_accents_in_names_and_folders(library: TroveEngine) -> None:
    hits = _search(library, "unicode manual").hits
    assert Path(hits[0].path).name == "Ünïcödé manual.pdf"
    assert hits[0].reason.sentence(hits[0].kind) == "name matches: unicode, manual"
    hits = _search(library, "deja vu").hits
    assert Path(hits[0].path).parent.name == "déjà vu"
    assert hits[0].reason.sentence(hits[0].kind).startswith("folder matches: deja")


def test_a_name_matches_whole_words_never_a_stopword_or_a_substring(library: TroveEngine) -> None:
    hits = _search(library, "is disk").hits
    assert Path(hits[0].path).name == "disk-settings_update.txt"
    for h in hits:
        assert "is" not in h.matched_terms, (h.path, h.matched_terms)
        assert h.reason.sentence(h.kind) != "name matches"
    # a word prefix counts: "sett" is the start of "settings"
    assert "sett" in _search(library, "sett").hits[0].matched_terms


def test_an_identifier_lands_on_its_page_not_the_table_of_contents(library: TroveEngine) -> None:
    hit = _search(library, "BZ2_bzCompressInit").hits[0]
    assert Path(hit.path).name == "Ünïcödé manual.pdf"
    assert hit.page is not None and hit.page > 3 and not is_contents(hit.snippet)
    assert "BZ2_bzCompressInit" in hit.snippet


def _description(page: str) -> str | None:
    """What a manual page says it is: its NAME line after the command's name (its first
    line, when it runs on)."""
    for line in page.splitlines()[1:12]:
        m = re.match(r"^\s+\S.*? [-–] (.+)$", line)
        if m:
            return m.group(1).strip()
    return None


# pages whose descriptions are close to each other's (chown and chgrp, rm and rmdir, cat and
# sort), and long pages that use the same words
LOOK_ALIKES = "chown chgrp rm rmdir cat sort head diff uniq ln tee"


@pytest.fixture(scope="module")
def look_alikes(
    tmp_path_factory: pytest.TempPathFactory, minilm_pack: Path
) -> Iterator[TroveEngine]:
    root = tmp_path_factory.mktemp("look-alikes")
    docs = root / "docs"
    for lang in ("en", "de", "fr", "es"):
        for command in LOOK_ALIKES.split():
            page = docs / lang / f"{command}.txt"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(man_page(lang, command), encoding="utf-8")
    packs = root / "packs"
    shutil.copytree(minilm_pack, packs / minilm_pack.name)
    engine = TroveEngine(EngineConfig(root / "index", (packs,), roots=(str(docs),)))
    engine.open()
    assert engine.index().failed == 0
    engine.docs = docs  # type: ignore[attr-defined]
    yield engine
    engine.close()


def test_a_page_is_first_for_the_words_of_its_description(look_alikes: TroveEngine) -> None:
    """A known item: the words of a page's description, as a person remembers them, find that
    page first, in every language, before pages that use the same words elsewhere or whose
    descriptions say nearly the same (and whatever an English model makes of French)."""
    docs: Path = look_alikes.docs  # type: ignore[attr-defined]
    asked, missed = [], []
    for page in sorted(docs.glob("*/*.txt")):
        said = _description(page.read_text(encoding="utf-8"))
        # only one page holds it, and no word of it reads as "leave out" ("-zeit")
        if not said or len(_holding(look_alikes, said)) != 1 or parse_query(said).excluded:
            continue
        rel = str(page.relative_to(docs))
        first = _rel(look_alikes, _search(look_alikes, said).hits[0].path)
        asked.append(rel)
        if first != rel:
            missed.append((said, rel, first))
    assert len(asked) >= 40, asked
    assert missed == []


@pytest.mark.parametrize(
    "raw",
    [
        "Wie backe ich einen Apfelkuchen",  # de
        "Ergebnisse der Fußball-Bundesliga am Wochenende",
        "recette de la tarte aux pommes",  # fr
        "résultats du match de football",
        "receta de paella valenciana",  # es
        "resultados del partido de fútbol",
        "明日の天気予報",  # ja
        "美味しいラーメンの作り方",
    ],
)
def test_an_off_topic_query_in_the_library_s_languages_is_no_confident_match(
    library: TroveEngine, raw: str
) -> None:
    hits = _search(library, raw).hits
    assert hits  # something is always shown: the closest files
    assert not [h.path for h in hits if h.strong]


QUERIES = (
    "how much free space is left on the disk",
    "Dateisystembelegung",
    "ディスク使用量",
    "--preserve-root",
    "Effacer des fichiers et des répertoires",
    "borra archivos o directorios",
    "unicode manual",
    "is disk",
    "copy files",
)


@pytest.mark.parametrize("raw", QUERIES)
def test_the_ranking_does_not_depend_on_the_page_size(library: TroveEngine, raw: str) -> None:
    pages = {n: [h.path for h in _search(library, raw, limit=n).hits] for n in (5, 10, 50, 200)}
    assert len(pages[50]) > 5
    for small, large in ((5, 10), (10, 50), (50, 200)):
        assert pages[small] == pages[large][: len(pages[small])], (small, large)


def test_an_index_of_earlier_trove_gets_its_words_in_every_language(tmp_path: Path) -> None:
    """Schema 3 split words itself (LanceDB's English tokenizer over the raw text, no
    languages): opening it once gives every passage its language and terms, and the names
    their folded words, so that accents and scripts without spaces are found."""
    import lancedb

    from desktop_app.core.store.connection import has_fts
    from desktop_app.core.store.index_store import IndexStore
    from desktop_app.core.store.schema import SCHEMA_VERSION
    from desktop_app.core.types import Chunk, FileRecord, Kind

    index = tmp_path / "index"
    de, ja = man_page("de", "df"), man_page("ja", "df")
    s = IndexStore(index)
    s.open()
    recs = [
        FileRecord("a", "/lib/Straße in Köln.txt", "/lib", "Straße in Köln.txt", Kind.DOCUMENT,
                   "txt", 1, 1.0, "h1"),
        FileRecord("b", "/lib/df.txt", "/lib", "df.txt", Kind.DOCUMENT, "txt", 1, 1.0, "h2"),
    ]  # fmt: skip
    s.files.upsert(recs, new=True)
    s.passages.replace_words(
        [("a", [Chunk(de[:700], None, 0, 700, 0)]), ("b", [Chunk(ja[:700], None, 0, 700, 0)])],
        new=True,
    )
    s.close()
    # what schema 3 left: no languages, no terms, the words LanceDB's own tokenizer made
    db = lancedb.connect(str(index))
    words_t = db.open_table("words")
    words_t.drop_columns(["lang", "terms"])
    words_t.create_fts_index("text", replace=True, with_position=True)
    files_t = db.open_table("files")
    files_t.update(
        values={"search_text": "Straße in Köln.txt Straße in Köln txt"}, where="file_id = 'a'"
    )
    files_t.create_fts_index("search_text", replace=True, with_position=True)
    meta = db.open_table("meta")
    meta.update(values={"value": "3"}, where="key = 'schema_version'")
    meta.delete("key = 'languages'")

    s = IndexStore(index)
    s.open()
    try:
        assert s.meta.get("schema_version") == str(SCHEMA_VERSION)
        assert set(s.passages.languages()) == {"de", "ja"}
        assert has_fts(db.open_table("files"), "search_text")
        assert [h.file_id for h in s.files.search_words("strasse koln", 5)] == ["a"]
        found = s.passages.search_words("Dateisystembelegung", 5)
        assert [(h.file_id, h.lang) for h in found] == [("a", "de")]
        assert [h.file_id for h in s.passages.search_words("ディスク使用量", 5)] == ["b"]
    finally:
        s.close()


class _Encoder:
    """A document encoder that puts a query on an axis of its choosing."""

    pack_id = "doc@1"
    dim = 8
    unrelated = (0.0, 0.05)  # unrelated texts: cosine 0 ± 0.05, so 0.9 is far beyond chance
    languages = ("en",)

    def __init__(self, axes: dict[str, int]) -> None:
        self.axes = axes

    def encode_texts(self, texts: list[str]) -> object:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, self.axes.get(t, 7)] = 1.0
        return out

    def encode_queries(self, texts: list[str]) -> object:
        return self.encode_texts(texts)


def test_text_in_a_picture_is_strong_by_its_words_only(tmp_path: Path) -> None:
    """A sign read from a photo ("YAMAHA") may sit close to many a query by meaning; only the
    query's words in it make it strong. A passage of the file's own text still can be."""
    import numpy as np

    from desktop_app.core.search.engine import SearchEngine
    from desktop_app.core.store.index_store import IndexStore
    from desktop_app.core.types import Chunk, FileRecord, Kind, PassageSource

    store = IndexStore(tmp_path / "index")
    store.open()
    try:
        store.files.upsert(
            [
                FileRecord(
                    "p", "/lib/bike.png", "/lib", "bike.png", Kind.PHOTO, "png", 1, 1.0, "h1"
                ),
                FileRecord(
                    "d", "/lib/notes.txt", "/lib", "notes.txt", Kind.DOCUMENT, "txt", 1, 1.0, "h2"
                ),
            ],
            new=True,
        )
        near = np.eye(8, dtype=np.float32)[[0]]
        sign = Chunk("YAMAHA", None, 0, 6, 1000, PassageSource.OCR, lang="")
        store.passages.replace([("p", [sign], near)], "doc@1", new=True)
        prose = Chunk("an airship drifts over the hills", None, 0, 30, 0, lang="en")
        store.passages.replace([("d", [prose], np.eye(8, dtype=np.float32)[[1]])], "doc@1")
        engine = SearchEngine(store, _Encoder({"zeppelin": 0, "dirigible": 1}), None)  # type: ignore[arg-type]
        hit = engine.search(parse_query("zeppelin")).hits[0]
        assert hit.file_id == "p" and not hit.strong  # close by meaning, no word of it
        hit = engine.search(parse_query("yamaha")).hits[0]
        assert hit.file_id == "p" and hit.strong  # its words are the query's
        hit = engine.search(parse_query("dirigible")).hits[0]
        assert hit.file_id == "d" and hit.strong  # prose is strong by meaning still
    finally:
        store.close()


def test_highlights_mark_what_the_search_matched_in_any_script() -> None:
    from desktop_app.core.search.highlight import spans

    def marked(text: str, *terms: str) -> list[str]:
        return [text[s:e] for s, e in spans(text, terms)]

    page = man_page("ja", "du")
    found = marked(page, "ディスク使用量")
    # the word where its characters stand together, never one of its pairs alone
    assert found and set(found) == {"ディスク使用量"}
    assert marked("Die Dateisystembelegung, naïve Café", "dateisystembelegung", "cafe") == [
        "Dateisystembelegung",
        "Café",
    ]
    assert marked("use --null or -print0", "--null") == ["--null"]


class _PhotoEncoder:
    """An image pack's text tower that puts one query on the axis of one photo."""

    dim = 64

    def __init__(self, languages: tuple[str, ...], query: str, axis: int) -> None:
        self.languages = languages
        self.pack_id = "photos@" + "-".join(languages)
        self.query, self.axis = query, axis

    def encode_texts(self, texts: list[str]) -> object:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, self.axis if t == self.query else self.dim - 1] = 1.0
        return out


@pytest.mark.parametrize("declares_german", [True, False])
def test_a_german_query_is_strong_by_meaning_only_with_a_photo_pack_that_declares_german(
    tmp_path: Path, declares_german: bool
) -> None:
    """A photo pack's meaning makes a query in a language the library holds strong only when
    the pack declares that language (the multilingual SigLIP 2 preset declares German, CLIP
    English only); the result says which language the photo model could not read, so the
    window can offer the multilingual one."""
    import numpy as np

    from desktop_app.core.search.engine import SearchEngine
    from desktop_app.core.store.index_store import IndexStore
    from desktop_app.core.types import Chunk, FileRecord, Kind

    query = "ein Hund spielt im Schnee"
    languages = ("de", "en") if declares_german else ("en",)
    enc = _PhotoEncoder(languages, query, axis=0)
    store = IndexStore(tmp_path / "index")
    store.open()
    try:
        photos = [
            FileRecord(
                f"p{i}", f"/lib/{i}.jpg", "/lib", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, f"h{i}"
            )
            for i in range(40)
        ]
        page = FileRecord("d", "/lib/du.txt", "/lib", "du.txt", Kind.DOCUMENT, "txt", 1, 1.0, "hd")
        store.files.upsert([*photos, page], new=True)
        # photo p0 lies on the query's axis; the others on axes of their own
        vectors = np.eye(enc.dim, dtype=np.float32)[[i + 1 if i else 0 for i in range(40)]]
        store.images.write([p.file_id for p in photos], vectors, enc.pack_id, new=True)
        # the library holds German text (a real manual page), so German is a language it holds
        text = man_page("de", "du")[:600]
        chunk = Chunk(text, None, 0, len(text), 0, lang="de")
        store.passages.replace(
            [("d", [chunk], np.eye(8, dtype=np.float32)[[0]])], "doc@1", new=True
        )
        assert "de" in store.passages.languages()
        result = SearchEngine(store, None, enc).search(parse_query(query))  # type: ignore[arg-type]
        best = result.hits[0]
        assert best.file_id == "p0"
        assert best.strong == declares_german
        assert result.unread_by_photos == ("" if declares_german else "de")
    finally:
        store.close()
