"""Words first, meaning next: passages are searchable by their words before their vectors."""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.indexing.passes import meaning
from desktop_app.core.indexing.passes.base import Scheduler
from desktop_app.core.indexing.passes.meaning import PassageVectors, encode_passages
from desktop_app.core.indexing.pipeline import Pipeline, Work
from desktop_app.core.indexing.writer import Writer
from desktop_app.core.store.api import StoreError
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import Chunk, FileStatus, Kind, Progress, ScannedFile, Stage

DIM = 8


class WordVectors:
    """A stand-in document encoder: a fixed vector per text, and a log of what it encoded."""

    pack_id = "words-test@1"
    languages = ("en",)
    dim = DIM
    unrelated = None

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode_texts(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.stack(
            [np.random.default_rng(zlib.crc32(t.encode())).normal(size=DIM) for t in texts]
        )
        return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_texts(texts)


def chunks(*texts: str) -> list[Chunk]:
    return [Chunk(t, None, 0, len(t), i) for i, t in enumerate(texts)]


def test_words_are_found_before_vectors_and_the_earliest_passages_get_them_first(
    store: IndexStore,
) -> None:
    store.passages.replace_words(
        [
            ("a", chunks("flour and water", "then bake the bread", "let it cool")),
            ("b", chunks("the kernel boots", "modules load")),
        ],
        new=True,
    )
    assert store.passages.count_waiting() == 5 and store.passages.count() == 0
    assert [h.file_id for h in store.passages.search_words("bread", 10)] == ["a"]

    first = store.passages.waiting(3)
    assert [(p.file_id, p.chunk.ordinal) for p in first] == [("a", 0), ("b", 0), ("a", 1)]
    enc = WordVectors()
    store.passages.give_vectors(first, enc.encode_texts([p.chunk.text for p in first]), "p@1")

    assert store.passages.count_waiting() == 2 and store.passages.count() == 3
    assert store.passages.with_words_waiting(["a", "b"]) == {"a", "b"}
    # each passage is found once by its words, wherever it is stored now
    found = store.passages.search_words("bread OR cool OR modules", 10)
    assert sorted((h.file_id, h.chunk_ordinal) for h in found) == [("a", 1), ("a", 2), ("b", 1)]
    hit = store.passages.nearest(enc.encode_texts(["then bake the bread"])[0], 1, "p@1")[0]
    assert (hit.file_id, hit.chunk_ordinal, hit.text) == ("a", 1, "then bake the bread")
    assert store.passages.count() == 3


class _FailingDelete:
    """A table whose deletes fail: the process died after adding the vectors."""

    def __init__(self, inner: object) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:
        if name == "delete":
            raise OSError("killed")
        return getattr(self.inner, name)


def test_a_crash_between_adding_vectors_and_dropping_words_doubles_nothing(
    store: IndexStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.passages.replace_words([("a", chunks("flour", "bread"))], new=True)
    read = store.passages.waiting(10)
    vecs = WordVectors().encode_texts([p.chunk.text for p in read])
    words = store.passages._words()
    monkeypatch.setattr(store.passages, "_words", lambda create=False: _FailingDelete(words))
    with pytest.raises(StoreError):
        store.passages.give_vectors(read, vecs, "p@1")
    monkeypatch.undo()
    assert store.passages.count() == 2 and store.passages.count_waiting() == 2
    store.passages.give_vectors(store.passages.waiting(10), vecs, "p@1")  # the next run
    assert store.passages.count() == 2 and store.passages.count_waiting() == 0


def test_vectors_of_words_replaced_meanwhile_are_dropped(store: IndexStore) -> None:
    store.passages.replace_words([("a", chunks("old words here"))], new=True)
    read = store.passages.waiting(10)
    store.passages.replace_words([("a", chunks("new words now"))])  # the file changed
    store.passages.give_vectors(read, WordVectors().encode_texts(["old words here"]), "p@1")
    assert store.passages.count() == 0
    assert [p.chunk.text for p in store.passages.waiting(10)] == ["new words now"]


def test_removing_a_file_drops_its_waiting_words(store: IndexStore) -> None:
    store.passages.replace_words([("a", chunks("bread")), ("b", chunks("bread too"))], new=True)
    store.remove_files(["a"])
    assert store.passages.count_waiting() == 1
    assert [h.file_id for h in store.passages.search_words("bread", 10)] == ["b"]


def _documents(tmp_path: Path) -> list[Work]:
    root = tmp_path / "docs"
    root.mkdir()
    lines = [f"Line {i} of the long manual speaks about topic number {i}." for i in range(300)]
    (root / "manual.txt").write_text("\n".join(lines))
    (root / "recipe.txt").write_text("Mix flour, water and salt, then bake the bread.\n")
    return [
        Work(ScannedFile(str(p), str(root), Kind.DOCUMENT, p.stat().st_size, os.path.getmtime(p)))
        for p in sorted(root.iterdir())
    ]


def test_documents_are_written_words_first_and_the_pass_gives_them_vectors(
    store: IndexStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = _documents(tmp_path)
    writer = Writer()
    Pipeline(store, None, writer=writer).process(work)

    waiting = store.passages.count_waiting()
    assert waiting > 4 and store.passages.count() == 0
    records = store.files.get([store.files.id_for(w.file.path) or "" for w in work])
    assert {r.status for r in records.values()} == {FileStatus.PENDING_VECTORS}
    hits = store.passages.search_words("bread", 10)
    assert [store.files.get([h.file_id])[h.file_id].name for h in hits] == ["recipe.txt"]

    monkeypatch.setattr(meaning, "SLICE_PASSAGES", 3)
    enc = WordVectors()
    seen: list[Progress] = []
    report = Scheduler(store, writer).run([PassageVectors(lambda: enc)], seen.append)

    assert report.done["passage vectors"] == waiting == report.embedded
    assert store.passages.count_waiting() == 0 and store.passages.count() == waiting
    records = store.files.get(list(records))
    assert {r.status for r in records.values()} == {FileStatus.OK}
    # the first slice held each document's first passage: the recipe's only one among them
    first_slice = [t for call in enc.calls[:1] for t in call]
    assert any("bread" in t for t in first_slice)
    assert seen and {p.stage for p in seen} == {Stage.MEANING}
    assert (seen[-1].done, seen[-1].total) == (waiting, waiting)


def test_without_a_document_pack_the_words_wait_and_the_pass_says_why(
    store: IndexStore, tmp_path: Path
) -> None:
    Pipeline(store, None).process(_documents(tmp_path))
    words = PassageVectors(lambda: None)
    report = Scheduler(store, Writer()).run([words])
    assert report.done["passage vectors"] == 0
    assert "document pack" in words.notice
    assert store.passages.count_waiting() > 0
    assert store.passages.search_words("bread", 10)


def test_passages_are_encoded_by_length_and_come_back_in_order() -> None:
    enc = WordVectors()
    texts = ["a much longer passage of words", "short", "a middling one", "tiny"]
    out = encode_passages(enc, texts, batch=2)  # two lanes: the batches in either order
    assert sorted(enc.calls) == [
        ["a middling one", "a much longer passage of words"],
        ["tiny", "short"],
    ]
    assert np.allclose(out, enc.encode_texts(texts))
