"""Relevance on real text with the real MiniLM pack: Python's own library documentation.

The corpus is the first pages of `pydoc` for 48 standard-library modules — documentation
nobody here wrote, the same on every machine with this Python — indexed through the engine as
a user's folder would be. The benchmark on a larger corpus is tests/benchmarks/bench_quality.py.
"""

from __future__ import annotations

import importlib
import itertools
import json
import pydoc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.engine import EngineConfig, TroveEngine
from desktop_app.core.search.query import parse_query
from desktop_app.core.types import SearchResult

MODULES = (
    "argparse logging json csv zipfile tarfile gzip shutil subprocess threading socket datetime "
    "calendar random statistics heapq bisect unittest smtplib difflib fractions decimal pprint "
    "configparser tempfile glob fnmatch mailbox wave sched queue uuid hashlib hmac secrets "
    "base64 textwrap sqlite3 pickle copy ftplib imaplib http.client urllib.request "
    "xml.dom.minidom getopt optparse email.message"
).split()


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, minilm_pack: Path) -> Iterator[TroveEngine]:
    root = tmp_path_factory.mktemp("pydoc")
    docs = root / "docs"
    docs.mkdir()
    for name in MODULES:
        text = pydoc.render_doc(importlib.import_module(name), renderer=pydoc.plaintext)
        (docs / f"{name}.txt").write_text(text[:3000], encoding="utf-8")
    packs = root / "packs"
    shutil.copytree(minilm_pack, packs / minilm_pack.name)
    engine = TroveEngine(EngineConfig(root / "index", (packs,), roots=(str(docs),)))
    engine.open()
    summary = engine.index()
    assert summary.added == len(MODULES) and summary.failed == 0
    yield engine
    engine.close()


def _search(engine: TroveEngine, raw: str) -> SearchResult:
    return engine.search(parse_query(raw, limit=10))


def _names(result: SearchResult) -> list[str]:
    return [Path(h.path).stem for h in result.hits]


@pytest.mark.parametrize(
    ("query", "answers"),
    [
        ("compare two sequences of lines and show what differs", {"difflib"}),
        ("read and write spreadsheet rows separated by commas", {"csv"}),
        ("parse the options given on the command line", {"argparse", "optparse", "getopt"}),
        ("log in to a mail server and send a message over SMTP", {"smtplib"}),
        ("binary search for the place to insert an item into a sorted list", {"bisect"}),
    ],
)
def test_a_description_finds_its_module_first_and_marks_it_strong(
    library: TroveEngine, query: str, answers: set[str]
) -> None:
    result = _search(library, query)
    assert _names(result)[0] in answers, _names(result)[:5]
    assert result.hits[0].strong


@pytest.mark.parametrize(
    "query",
    [
        "how to bake sourdough bread",
        "wedding invitation for June",
        "football match result last night",
        "symptoms of the flu",
        "best pizza recipe with mozzarella",
        "photos of my cat sleeping on the sofa",
    ],
)
def test_an_off_topic_query_gets_no_confident_match(library: TroveEngine, query: str) -> None:
    result = _search(library, query)
    assert not result.confident, [(Path(h.path).stem, h.confidence) for h in result.hits[:3]]


@pytest.mark.parametrize(
    ("identifier", "module"),
    [
        ("QUOTE_NONNUMERIC", "csv"),
        ("TMP_MAX", "tempfile"),
        ("SMTPAuthenticationError", "smtplib"),
        ("uuid4", "uuid"),
    ],
)
def test_an_identifier_puts_the_one_file_that_has_it_first(
    library: TroveEngine, identifier: str, module: str
) -> None:
    holders = [
        p.stem
        for p in Path(library.config.roots[0]).iterdir()
        if identifier in p.read_text(encoding="utf-8")
    ]
    assert holders == [module]  # the label holds: exactly one file has it
    result = _search(library, identifier)
    assert _names(result)[0] == module and result.hits[0].strong
    assert "exact match" in result.hits[0].why
    assert identifier in result.hits[0].snippet  # the passage shown is the one that has it
    assert [h.strong for h in result.hits[1:]] == [False] * (len(result.hits) - 1)


def test_an_identifier_nobody_has_is_no_confident_match(library: TroveEngine) -> None:
    assert not _search(library, "ERR_QX_90417").confident


def test_a_phrase_lists_each_file_once_and_only_files_with_the_phrase(
    library: TroveEngine,
) -> None:
    phrase = "Module Reference"  # in every page's boilerplate: many passages, every file
    result = library.search(parse_query(f'"{phrase}" threading', limit=60))
    paths = [h.path for h in result.hits]
    assert len(paths) == len(set(paths)) == len(MODULES)
    assert _names(result)[0] == "threading"


def test_json_lists_each_file_once(
    library: TroveEngine, trove_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main

    index = Path(library.config.index_dir)
    shutil.copytree(index, trove_home / "data" / "index")
    shutil.copytree(library.config.pack_dirs[0], trove_home / "data" / "packs")
    capsys.readouterr()
    assert main(["search", '"Module Reference"', "--json", "--limit", "100"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len({r["path"] for r in rows}) == len(MODULES)


# Terms people search for that tokenisers like to break: a dashed invoice number, a hex code,
# a chess move, words with ß and accents. Each is added to one real page; the rest of the text
# and the other pages are the real documentation, so every other file is a near miss.
PLANTED = {
    "csv": "Exported with the ledger of invoice INV-2023-00481.",
    "json": "The service answered with status 0x524 for that request.",
    "random": "The engine opened with e2e4 and the reply came at once.",
    "calendar": "Die Sitzung findet in der Hauptstraße in Köln statt.",
    "textwrap": "Le résumé du système est prêt.",
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory, minilm_pack: Path) -> Iterator[TroveEngine]:
    root = tmp_path_factory.mktemp("planted")
    docs = root / "docs"
    docs.mkdir()
    for name in ("csv", "json", "random", "calendar", "textwrap", "heapq", "bisect", "glob"):
        text = pydoc.render_doc(importlib.import_module(name), renderer=pydoc.plaintext)[:3000]
        extra = PLANTED.get(name)
        (docs / f"{name}.txt").write_text(text + ("\n\n" + extra if extra else ""), "utf-8")
    packs = root / "packs"
    shutil.copytree(minilm_pack, packs / minilm_pack.name)
    engine = TroveEngine(EngineConfig(root / "index", (packs,), roots=(str(docs),)))
    engine.open()
    assert engine.index().failed == 0
    yield engine
    engine.close()


@pytest.mark.parametrize(
    ("query", "module"),
    [
        ("INV-2023-00481", "csv"),
        ("invoice INV-2023-00481", "csv"),
        ("0x524", "json"),
        ("e2e4", "random"),
        ("Hauptstraße", "calendar"),
        ("Köln", "calendar"),
        ("résumé système", "textwrap"),
    ],
)
def test_terms_tokenisers_break_are_found_in_the_one_file_that_has_them(
    planted: TroveEngine, query: str, module: str
) -> None:
    result = _search(planted, query)
    assert _names(result)[:1] == [module]
    assert result.hits[0].strong


@pytest.mark.parametrize(
    ("words", "module"),
    [
        ('"INV-2023-00481"', "csv"),
        ("00481", "csv"),
        ("0x524", "json"),
        ("e2e4", "random"),
        ("Hauptstraße", "calendar"),
        ("Köln", "calendar"),
        ("résumé", "textwrap"),
    ],
)
def test_the_full_text_index_alone_finds_them(
    planted: TroveEngine, words: str, module: str
) -> None:
    # the words' own path, without the vectors that could find the passage anyway
    hits = planted.store.passages.search_words(words, 10)
    files = planted.store.files.get([h.file_id for h in hits], brief=True)
    assert {Path(files[h.file_id].path).stem for h in hits} == {module}


QUALITY_LABELS = Path(__file__).parents[1] / "benchmarks" / "quality" / "labels.json"


def test_the_top_of_any_page_size_is_the_top_of_a_larger_one(library: TroveEngine) -> None:
    """Every query of the quality benchmark (tests/benchmarks/quality/labels.json) at limits
    5, 10, 50 and 200: a page of k is the first k of a larger page."""
    queries = [q["q"] for q in json.loads(QUALITY_LABELS.read_text("utf-8"))["queries"]]
    assert len(queries) > 100
    differ = []
    for raw in queries:
        pages = [
            [h.path for h in library.search(parse_query(raw, limit=n)).hits]
            for n in (5, 10, 50, 200)
        ]
        for small, large in itertools.pairwise(pages):
            if small != large[: len(small)]:
                differ.append(raw)
    assert not differ
