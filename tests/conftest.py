"""Shared fixtures: every test gets its own TROVE_HOME; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.store.index_store import IndexStore

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(autouse=True)
def trove_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh TROVE_HOME for each test, so nothing touches the user's real data."""
    home = tmp_path / "trove-home"
    home.mkdir()
    monkeypatch.setenv("TROVE_HOME", str(home))
    yield home


@pytest.fixture
def store(tmp_path: Path) -> Iterator[IndexStore]:
    """An open, empty index in the test's own folder."""
    s = IndexStore(tmp_path / "index")
    s.open()
    yield s
    s.close()


# --- model packs built through the same export path users run ---------------------------


def _tiny_clip_dir(dest: Path) -> Path:
    """A tiny randomly initialised CLIP (2 layers) with ViT-B/32's image size and vocabulary."""
    import torch
    from transformers import CLIPConfig, CLIPModel

    torch.manual_seed(0)
    cfg = CLIPConfig(
        text_config=dict(
            vocab_size=49408,
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=2,
            max_position_embeddings=77,
        ),
        vision_config=dict(
            image_size=224,
            patch_size=32,
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=2,
        ),
        projection_dim=16,
    )
    CLIPModel(cfg).eval().save_pretrained(dest)
    return dest


@pytest.fixture(scope="session")
def tiny_clip_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_clip_dir(tmp_path_factory.mktemp("tiny-clip-src"))


@pytest.fixture(scope="session")
def packs_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("packs")


@pytest.fixture(scope="session")
def tiny_clip_pack(tiny_clip_source: Path, packs_root: Path) -> Path:
    from models.export import build_pack

    return build_pack("tiny-clip", tiny_clip_source, packs_root).pack_dir


@pytest.fixture(scope="session")
def minilm_pack(packs_root: Path) -> Path:
    from models.export import build_pack, resolve_source

    name, src, label = resolve_source("minilm-l6", None)
    return build_pack(name, src, packs_root, source_label=label).pack_dir


def install_pack(pack: Path, home: Path) -> Path:
    """Copy a built pack into TROVE_HOME's packs folder, as `trove models import` would."""
    import shutil

    dest = home / "data" / "packs" / pack.name
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists():
        shutil.copytree(pack, dest)
    return dest


def assert_towers_match_torch(pack: Path, model: object) -> None:
    """The pack's towers as Trove runs them, measured against the torch model they came from
    (not read from the manifest): both within fidelity.LINE_REAL on this CPU."""
    import numpy as np
    import torch

    from desktop_app.core.embed import fidelity as fid
    from desktop_app.core.embed.encoders import tokenize
    from desktop_app.core.packs import PackManager
    from desktop_app.core.packs.manifest import read_manifest
    from models.export import verification_images

    enc = PackManager([pack.parent]).image_encoder(pack.name)
    assert enc is not None
    px = np.stack([enc.pixels(im) for im in verification_images()])
    texts = [f"a photo of {w}" for w in ("a dog", "the sea at night", "two red bicycles", "a cake")]
    ids = tokenize(pack / "tokenizer.json", read_manifest(pack)["tokenizer"], texts)["input_ids"]
    with torch.no_grad():
        ref_v = model.get_image_features(pixel_values=torch.from_numpy(px)).numpy()  # type: ignore[attr-defined]
        ref_t = model.get_text_features(input_ids=torch.from_numpy(ids)).numpy()  # type: ignore[attr-defined]
    for ref, got in ((ref_v, enc.encode_pixels(px)), (ref_t, enc.encode_texts(texts))):
        mean, low = fid.compare(ref, got)
        assert mean >= fid.LINE_REAL[0] and low >= fid.LINE_REAL[1], (mean, low)


def damaged_copy(pack: Path, dest: Path, keep_fp32: bool) -> Path:
    """A copy of ``pack`` whose int8 vision graph computes something else (its 8-bit weights
    mirrored), with a manifest whose hashes match again: a pack that loads but is off."""
    import json
    import shutil

    import numpy as np
    import onnx
    from onnx import numpy_helper

    from desktop_app.core.packs.manifest import finalize_manifest, read_manifest, verify_files

    shutil.copytree(pack, dest)
    model = onnx.load(str(dest / "vision.onnx"))
    hit = 0
    for init in model.graph.initializer:
        if init.data_type in (onnx.TensorProto.INT8, onnx.TensorProto.UINT8) and init.dims:
            w = numpy_helper.to_array(init)
            if w.dtype == np.int8:
                mirrored = (-w.astype(np.int16)).clip(-127, 127).astype(np.int8)
            else:
                mirrored = (255 - w.astype(np.int16)).astype(np.uint8)
            init.CopyFrom(numpy_helper.from_array(mirrored, init.name))
            hit += 1
    assert hit, "the vision graph has no 8-bit weights to damage"
    onnx.save(model, str(dest / "vision.onnx"))
    manifest = json.loads((dest / "manifest.json").read_text())
    if not keep_fp32:
        for tower in ("vision", "text"):
            name = manifest["files"].pop(f"{tower}_fp32", None)
            if name:
                (dest / name).unlink()
    finalize_manifest(dest, manifest)
    assert verify_files(dest, read_manifest(dest)) == []
    return dest


@pytest.fixture(scope="session")
def tiny_siglip_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random SigLIP saved with save_pretrained, with a tokenizer.json beside it."""
    import torch
    from transformers import SiglipConfig, SiglipModel

    from models.clip_tokenizer import write_clip_tokenizer_json

    torch.manual_seed(0)
    dest = tmp_path_factory.mktemp("tiny-siglip-src")
    cfg = SiglipConfig(
        text_config=dict(
            vocab_size=49408,
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=2,
            max_position_embeddings=64,
        ),
        vision_config=dict(
            image_size=224,
            patch_size=32,
            hidden_size=32,
            intermediate_size=64,
            num_hidden_layers=2,
            num_attention_heads=2,
        ),
    )
    SiglipModel(cfg).eval().save_pretrained(dest)
    write_clip_tokenizer_json(dest / "tokenizer.json")
    return dest


@pytest.fixture(scope="session")
def tiny_xlmr_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.hub_fixtures import tiny_xlmr_dir

    return tiny_xlmr_dir(tmp_path_factory.mktemp("tiny-xlmr-src"))


@pytest.fixture(scope="session")
def tiny_bert_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.hub_fixtures import tiny_bert_dir

    return tiny_bert_dir(tmp_path_factory.mktemp("tiny-bert-src"))


@pytest.fixture(scope="session")
def document_hub_repos(
    tiny_xlmr_source: Path, tiny_bert_source: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Path]]:
    """Tiny sentence encoders in each supported document layout: {layout: {repo: folder}}."""
    from tests.hub_fixtures import export_bge, export_e5

    root = tmp_path_factory.mktemp("hub-documents")
    return {
        "e5": export_e5(tiny_xlmr_source, root / "e5"),
        "bge": export_bge(tiny_bert_source, root / "bge"),
    }


@pytest.fixture(scope="session")
def hub_repos(
    tiny_clip_source: Path,
    tiny_siglip_source: Path,
    tiny_xlmr_source: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, dict[str, Path]]:
    """Tiny towers in each supported hub layout: {layout: {"owner/name": folder}}; the SigLIP
    one with a multilingual SentencePiece vocabulary, as SigLIP 2's."""
    from models.clip_tokenizer import write_clip_tokenizer_json
    from tests.hub_fixtures import export_immich, export_qdrant, export_siglip, export_xenova

    root = tmp_path_factory.mktemp("hub")
    tok = root / "clip-tokenizer.json"
    write_clip_tokenizer_json(tok)
    return {
        "qdrant": export_qdrant(tiny_clip_source, root / "qdrant", tok),
        "xenova": export_xenova(tiny_clip_source, root / "xenova", tok),
        "immich": export_immich(tiny_clip_source, root / "immich", tok),
        "siglip": export_siglip(
            tiny_siglip_source, root / "siglip", tiny_xlmr_source / "tokenizer.json"
        ),
    }
