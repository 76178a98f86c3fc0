"""Getting a document pack from a hub sentence encoder: both layouts, pooling and prefixes as the
model was trained, and the same faults as image-model downloads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.embed.api import PackProgress
from desktop_app.core.packs import PackManager
from desktop_app.core.packs.get.download import Mismatch
from desktop_app.core.packs.get.hub import HUB_PRESETS
from tests.hub_fixtures import HubServer, hub_getter, tiny_presets

PRESETS = tiny_presets()
GRAPH = "onnx/model.onnx"


@pytest.fixture
def server(document_hub_repos: dict[str, dict[str, Path]]):  # type: ignore[no-untyped-def]
    with HubServer({k: v for r in document_hub_repos.values() for k, v in r.items()}) as s:
        yield s


def _torch_vectors(src: Path, texts: list[str], pooling: str) -> np.ndarray:
    """What the source checkpoint gives for ``texts`` in torch, pooled as the model card says."""
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    tok = Tokenizer.from_file(str(src / "tokenizer.json"))
    model = AutoModel.from_pretrained(src).eval()
    out = []
    for t in texts:
        ids = torch.tensor([tok.encode(t).ids])
        with torch.no_grad():
            states = model(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
        v = states[0, 0] if pooling == "cls" else states[0].mean(0)
        out.append((v / v.norm()).numpy())
    return np.stack(out)


@pytest.mark.parametrize("layout", ["e5", "bge"])
def test_download_installs_a_document_pack_that_pools_and_prefixes_as_trained(
    layout: str,
    server: HubServer,
    tmp_path: Path,
    tiny_xlmr_source: Path,
    tiny_bert_source: Path,
) -> None:
    packs = tmp_path / "packs"
    seen: list[PackProgress] = []
    preset = PRESETS[layout]
    info = hub_getter(packs, server, seen=seen).download(preset)
    assert (info.name, info.family, info.towers) == (preset.name, "sentence", ("text",))
    manifest = json.loads((packs / preset.name / "manifest.json").read_text())
    text = manifest["graphs"]["text"]
    assert (text["ids"], text["mask"], text["types"], text["output"], text["pooling"]) == (
        "input_ids",
        "attention_mask",
        "token_type_ids",
        "last_hidden_state",
        preset.pooling,
    )
    assert manifest["prefixes"] == {
        "query": preset.query_prefix,
        "passage": preset.passage_prefix,
    }
    assert manifest["languages"] == list(preset.languages)
    # XLM-R pads with <pad> (1), BERT with [PAD] (0); BGE's "unset" 1e30 limit is ignored
    assert (manifest["tokenizer"]["pad_id"], manifest["tokenizer"]["max_length"]) == (
        (1, 512) if layout == "e5" else (0, 512)
    )
    assert set(manifest["relevance"]) == {"unrelated_mean", "unrelated_std", "pairs"}
    assert "sample_passages" in manifest["verification"]
    steps = [p.step for p in seen]
    for step in ("check", "download", "convert", "test", "install", "done"):
        assert step in steps, (step, steps)
    assert sorted(p.name for p in packs.iterdir()) == [".downloads", preset.name]
    # the pack as the engine uses it: its document encoder, declaring its languages
    enc = PackManager([packs]).document_encoder(preset.name)
    assert enc is not None and enc.languages == preset.languages and enc.dim == 32
    passages = ["Die Kündigungsfrist beträgt drei Monate.", "確定申告は三月十五日までです。"]
    got = enc.encode_texts(passages)
    query = enc.encode_queries(["Kündigungsfrist"])
    assert got.shape == (2, 32) and np.allclose(np.linalg.norm(got, axis=1), 1, atol=1e-4)
    # pooled and prefixed as the model was trained: the same as torch on the source weights
    src = tiny_xlmr_source if layout == "e5" else tiny_bert_source
    want = _torch_vectors(src, [preset.passage_prefix + p for p in passages], preset.pooling)
    want_q = _torch_vectors(src, [preset.query_prefix + "Kündigungsfrist"], preset.pooling)
    fp32 = manifest["files"]["text"].endswith(".fp32.onnx")
    line = 0.9999 if fp32 else 0.95  # random tiny weights are fragile under int8
    assert np.sum(got * want, axis=1).min() >= line
    assert float(query[0] @ want_q[0]) >= line
    # and a query is not encoded as a passage where the model has prefixes
    if preset.query_prefix != preset.passage_prefix:
        assert not np.allclose(query, enc.encode_texts(["Kündigungsfrist"]))


def test_import_files_brought_from_elsewhere(
    document_hub_repos: dict[str, dict[str, Path]], tmp_path: Path, server: HubServer
) -> None:
    import shutil

    brought = tmp_path / "usb"
    for repo, folder in document_hub_repos["e5"].items():
        shutil.copytree(folder, brought / repo.split("/")[1])
    info = hub_getter(tmp_path / "packs", server).import_files(brought, PRESETS["e5"])
    assert info.name == "tiny-e5"
    (brought / "multilingual-e5-small" / "tokenizer.json").write_text("{}")
    with pytest.raises(Mismatch):
        hub_getter(tmp_path / "packs2", server).import_files(brought, PRESETS["e5"])


def test_real_document_presets_are_pinned_and_declare_languages() -> None:
    docs = [p for p in HUB_PRESETS.values() if p.for_documents]
    assert {p.name for p in docs} >= {
        "multilingual-e5-small",
        "bge-small-en",
        "paraphrase-multilingual-minilm",
    }
    for p in docs:
        assert p.pinned and p.pooling in ("mean", "cls") and p.licence in ("MIT", "Apache-2.0")
        assert {f.role for r in p.repos for f in r.files} >= {"text", "tokenizer"}
    para = HUB_PRESETS["paraphrase-multilingual-minilm"]
    assert (para.query_prefix, para.passage_prefix, para.max_tokens) == ("", "", 128)
    assert {"de", "fr", "es", "ja", "zh", "en"} <= set(para.languages)
    # every graph and tokenizer of it is pinned by SHA-256, as public projects pin them
    assert all(f.sha256 for r in para.repos for f in r.files)
    photos = HUB_PRESETS["siglip2-base"]
    assert {"de", "fr", "es", "ja", "zh", "en"} <= set(photos.languages) and photos.lowercase
    e5 = HUB_PRESETS["multilingual-e5-small"]
    assert (e5.query_prefix, e5.passage_prefix) == ("query: ", "passage: ")
    assert {"de", "fr", "es", "ja", "zh", "en"} <= set(e5.languages)
    assert HUB_PRESETS["bge-small-en"].languages == ("en",)
