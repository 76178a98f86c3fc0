"""A change of document pack never goes blind: each passage answers from the pack that has its
vector while the new pack re-embeds them in the background, under indexing and search."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.engine import TroveEngine
from desktop_app.core.types import Progress, Stage
from tests.conftest import install_pack
from tests.fixtures import man_page, open_engine
from tests.hub_fixtures import HubServer, tiny_presets

PAGES = (("de", "dpkg"), ("fr", "dpkg"), ("en", "cp"), ("en", "ls"))


def _meaning_finds(engine: TroveEngine, passage: str, path: Path) -> bool:
    """Is ``path`` among the hits of a search for one of its passages, by meaning (the
    passage-vector list), not by its words alone?"""
    hits = engine.search(passage[:200], limit=20).hits
    return any(Path(h.path) == path and "passage" in h.sources for h in hits)


def test_passages_answer_from_their_pack_while_the_new_one_re_embeds(
    tmp_path: Path,
    trove_home: Path,
    tiny_bert_source: Path,
    document_hub_repos: dict[str, dict[str, Path]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.core.indexing.passes import repack
    from desktop_app.core.packs.get.download import HubClient
    from desktop_app.core.packs.get.getpack import PackGetter
    from models.export import build_pack

    # the pack the library was indexed with: a BERT-shaped encoder built by Trove's own export
    old = build_pack("tiny-doc", tiny_bert_source, tmp_path / "built").pack_dir
    install_pack(old, trove_home)
    # the new one: an XLM-R-shaped encoder downloaded from the (local) hub, of the same size
    repos = {k: v for r in document_hub_repos.values() for k, v in r.items()}
    with HubServer(repos) as hub:
        PackGetter(
            trove_home / "data" / "packs", (), client=lambda c: HubClient(hub.url, cancel=c)
        ).download(tiny_presets()["e5"])
    root = tmp_path / "docs"
    root.mkdir()
    for lang, cmd in PAGES:
        (root / f"{cmd}.{lang}.txt").write_text(man_page(lang, cmd), encoding="utf-8")

    first = open_engine(trove_home, root, document_pack="tiny-doc")
    try:
        first.index()
        old_id = first.active_packs.text.pack_id  # type: ignore[union-attr]
        n = first.store.passages.count()
        assert first.store.passages.per_pack() == {old_id: n} and n > 100
        stored = first.store.passages.of_other_packs("none", 400)
        probe = next(p for p in stored if p.chunk.ordinal == 3 and p.chunk.lang == "de")
        probe_path = Path(first.store.files.get([probe.file_id])[probe.file_id].path)
        assert _meaning_finds(first, probe.chunk.text, probe_path)
    finally:
        first.close()

    monkeypatch.setattr(repack, "SLICE_PASSAGES", 40)  # several slices on a small library
    second = open_engine(
        trove_home, root, document_pack="tiny-e5"
    )  # chosen in Settings or by a download
    seen: list[Progress] = []
    during: list[tuple[dict[str, int], bool]] = []

    def progress(p: Progress) -> None:
        if p.stage != Stage.NEW_DOCUMENT_PACK:
            return
        seen.append(p)
        if len(seen) == 2:  # mid-change: a search between slices, as the window's would be
            during.append(
                (
                    second.store.passages.per_pack(),
                    _meaning_finds(second, probe.chunk.text, probe_path),
                )
            )

    try:
        packs = second.active_packs
        new_id = packs.text.pack_id  # type: ignore[union-attr]
        assert new_id.startswith("tiny-e5@") and packs.previous_text is not None
        assert packs.previous_text.pack_id == old_id
        # not blind before the first new vector: the older pack answers for its passages
        assert _meaning_finds(second, probe.chunk.text, probe_path)
        status = second.status()
        assert status.vectors_per_pack == {old_id: n}

        second.index(progress=progress)  # the background re-embedding, slice by slice
        assert during, "the change ran in one slice"
        mixed, found = during[0]
        assert set(mixed) == {old_id, new_id} and sum(mixed.values()) == n  # one vector each
        assert found  # mid-change, still found by meaning
        assert seen[-1].done == seen[-1].total == n and seen[0].total == n
        assert any(p.eta_s is not None for p in seen)
        # done: the older vectors are gone and the older pack no longer answers
        assert second.store.passages.per_pack() == {new_id: n}
        assert second.active_packs.previous_text is None
        assert second.parts.search.previous_text_encoder is None
        assert _meaning_finds(second, probe.chunk.text, probe_path)
    finally:
        second.close()
