"""Highlights mark whole words and their stems; identifiers are recognised as such."""

from __future__ import annotations

from desktop_app.core.search.highlight import excerpt, spans
from desktop_app.core.search.query import exact_terms, is_identifier, parse_query


def marked(text: str, terms: tuple[str, ...], phrases: tuple[str, ...] = ()) -> list[str]:
    return [text[s:e] for s, e in spans(text, terms, phrases)]


def test_whole_words_and_stems_never_a_stopword_inside_a_word() -> None:
    text = "Use touch to create it; kbytes of it. Compressed files, compression and a file."
    assert marked(text, ("to", "it", "compress", "files")) == [
        "Compressed",
        "files",
        "compression",
        "file",
    ]
    # a query of stopwords alone still marks them, as whole words
    assert marked(text, ("to", "it")) == ["to", "it", "it"]


def test_phrases_are_marked_where_their_words_follow_each_other() -> None:
    text = "The Slice Type: a slice is a kind of reference; the type of slice"
    assert marked(text, ("slice", "type"), ("the slice type",))[0] == "The Slice Type"
    assert marked("no match here", (), ("the slice type",)) == []


def test_accents_and_case() -> None:
    assert marked("Die Straße in Köln", ("straße", "köln")) == ["Straße", "Köln"]
    assert marked("ERROR codes", ("error",)) == ["ERROR"]


def test_excerpt_starts_near_the_first_match() -> None:
    text = ("lorem ipsum " * 40) + "the dangling reference is here " + ("dolor " * 40)
    out = excerpt(text, ("dangling",), width=80)
    assert "dangling reference" in out and out.startswith("…") and len(out) <= 82
    assert excerpt("short text", ("absent",)) == "short text"


def test_identifiers() -> None:
    for token in (
        "E0384",
        "0x524",
        "e2e4",
        "00123",
        "INV-2023-00481",
        "THREE_HOURS_IN_SECONDS",
        "getItem",
        "42_572_654",
        "SIGKILL",
        "POSIX",
        "help-libtasn1@gnu.org",
    ):
        assert is_identifier(token), token
    for token in ("2023", "the", "Lisbon", "hello-cargo", "ip", "NASA"):
        assert not is_identifier(token), token
    q = parse_query('"dangling reference" E0499 borrow')
    assert exact_terms(q) == ("dangling reference", "E0499")
