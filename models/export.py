"""Export a checkpoint to a Trove model pack: ONNX graphs, int8 quantization, verification.

Graphs are exported with ``torch.onnx.export(dynamo=False)``: one graph per tower for
CLIP/SigLIP (indexing photos never runs the text tower) and one graph with mean pooling for
sentence encoders. Every build verifies itself against torch and writes the figures into the
manifest (an fp32 graph that differs from torch raises :class:`BuildError`), records its fp32
towers' outputs for the reference inputs of core.embed.fidelity, and checks its int8 towers
against them as Trove does where a pack loads.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np

from desktop_app.core.embed.fidelity import make_reference
from desktop_app.core.embed.preprocess import hf_preprocessing
from desktop_app.core.packs.get.assemble import settle_int8
from desktop_app.core.packs.get.quantize import quantize_tower
from models.registry import PRESETS, offline_source_dir

FORMAT_VERSION = 1
FP32_PARITY_MIN = 0.9999  # cosine, fp32 ONNX vs torch


class BuildError(Exception):
    """A pack could not be built or failed its verification; the message says which."""


@dataclass(frozen=True)
class BuildResult:
    pack_dir: Path
    manifest: dict[str, Any]


def detect_family(src: Path) -> str:
    cfg = json.loads((src / "config.json").read_text(encoding="utf-8"))
    mt = str(cfg.get("model_type", "")).lower()
    if mt == "clip":
        return "clip"
    if mt.startswith("siglip"):
        return "siglip"
    if mt in {"bert", "roberta", "xlm-roberta", "mpnet", "distilbert", "electra"}:
        return "sentence"
    raise BuildError(f"{src}: unsupported model type {mt!r} (expected CLIP, SigLIP or BERT-style)")


def resolve_source(preset_or_dir: str, from_dir: str | None) -> tuple[str, Path, str]:
    """Return (pack name, local source folder, source description)."""
    if from_dir:
        src = Path(from_dir).expanduser()
        if not (src / "config.json").is_file():
            raise BuildError(f"{src}: not a saved model folder (no config.json)")
        return preset_or_dir, src, f"local folder {src.name}"
    preset = PRESETS.get(preset_or_dir)
    if preset is None:
        known = ", ".join(sorted(PRESETS))
        raise BuildError(f"unknown preset {preset_or_dir!r}; known presets: {known}")
    local = offline_source_dir(preset)
    if local:
        return (
            preset.name,
            Path(local),
            f"{preset.source} (from the {preset.offline_package} package)",
        )
    try:
        from huggingface_hub import snapshot_download

        path = snapshot_download(preset.source)
    except Exception as exc:  # the hub client raises many kinds; all mean "not reachable"
        raise BuildError(
            f"cannot download {preset.source}: {type(exc).__name__} (offline?). "
            "Use --from-dir with a saved copy, or import a ready pack with `trove models import`."
        ) from exc
    return preset.name, Path(path), preset.source


def build_pack(
    name: str,
    src: Path,
    out_root: Path,
    *,
    precision: str = "int8",
    source_label: str = "",
    licence: str = "",
    log: Any = None,
    random_weights: bool = False,
    keep_fp32: bool = False,
) -> BuildResult:
    """Build a pack named ``name`` from the saved model in ``src`` into ``out_root/name``.

    ``random_weights`` marks a randomly initialised model (speed benchmarks, tests): its int8
    fidelity line is looser and the manifest says it must never be used for quality; tiny
    models (fewer than 6 vision or 3 text layers) count as such. An int8 pack keeps the fp32
    graph of a tower beside the int8 one when ``keep_fp32`` is set, or when the int8 graph
    fails its check on this machine; elsewhere Trove then uses whichever passes there.
    """
    import torch

    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    family = detect_family(src)
    preset = PRESETS.get(name)
    licence = licence or (preset.licence if preset else "see source")
    say = log or (lambda _msg: None)
    work = Path(tempfile.mkdtemp(prefix=f"trove-pack-{name}-"))
    try:
        if family == "sentence":
            manifest = _export_sentence(src, work, precision, say)
        else:
            manifest = _export_clip(src, work, precision, say, random_weights, family)
        manifest.update(
            format_version=FORMAT_VERSION,
            name=name,
            family=family,
            precision=precision,
            licence=licence,
            source=source_label or str(src),
            languages=list(preset.languages if preset else ("en",)),
        )
        if random_weights or _is_tiny(src):
            manifest["weights"] = "random (speed measurements only; never claim quality)"
        from desktop_app.core.packs.manifest import finalize_manifest

        finalize_manifest(work, manifest)
        if precision == "int8":
            settle_int8(work, manifest, keep_fp32, say)
        dest = out_root / name
        if dest.exists():
            shutil.rmtree(dest)
        out_root.mkdir(parents=True, exist_ok=True)
        shutil.move(str(work), dest)
        dest.chmod(0o755)
        return BuildResult(dest, json.loads((dest / "manifest.json").read_text()))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _is_tiny(src: Path) -> bool:
    """Test models: too few layers to be a real checkpoint."""
    cfg = json.loads((src / "config.json").read_text(encoding="utf-8"))
    vision = cfg.get("vision_config") or {}
    if vision:
        return int(vision.get("num_hidden_layers", 12)) < 6
    return int(cfg.get("num_hidden_layers", 12)) < 3


# --- sentence encoders ---------------------------------------------------------------


def _export_sentence(src: Path, work: Path, precision: str, say: Any) -> dict[str, Any]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    say("loading the sentence encoder")
    tok = AutoTokenizer.from_pretrained(src)
    model = AutoModel.from_pretrained(src).eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            out = self.inner(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(out.dtype)
            pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=-1)

    wrapped = MeanPooled(model).eval()
    sample = tok(
        ["a short sentence", "another one, a bit longer"], padding=True, return_tensors="pt"
    )
    fp32 = work / "text.fp32.onnx"
    say("exporting the text graph")
    torch.onnx.export(
        wrapped,
        (sample["input_ids"], sample["attention_mask"]),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["sentence_embedding"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "sentence_embedding": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )
    tokenizer_path = work / "tokenizer.json"
    tok.backend_tokenizer.save(str(tokenizer_path))
    max_len = int(min(getattr(tok, "model_max_length", 256) or 256, 256))
    tok_cfg = {
        "max_length": max_len,
        "pad_id": int(tok.pad_token_id or 0),
        "inputs": ["input_ids", "attention_mask"],
    }

    pairs = json.loads((Path(__file__).parent / "verification" / "pairs.json").read_text())["pairs"]
    texts = [q for q, _ in pairs] + [p for _, p in pairs]
    with torch.no_grad():
        enc = tok(texts, padding=True, truncation=True, max_length=max_len, return_tensors="pt")
        ref = wrapped(enc["input_ids"], enc["attention_mask"]).numpy()
    run = _text_runner(tokenizer_path, tok_cfg)
    onnx_fp32 = run(fp32, texts)
    figures: dict[str, Any] = {"fp32_vs_torch": _compare(ref, onnx_fp32)}
    if figures["fp32_vs_torch"]["cosine_min"] < FP32_PARITY_MIN:
        raise BuildError(f"fp32 ONNX differs from torch: {figures['fp32_vs_torch']}")
    final = work / "text.onnx"
    files = {"text": "text.onnx", "tokenizer": "tokenizer.json"}
    if precision == "int8":
        say("quantizing to int8")
        quantize_tower(fp32, final, "text")
        q = run(final, texts)
        figures["int8_vs_fp32"] = _compare(onnx_fp32, q)
        n = len(pairs)
        figures["top1_kept"] = _top1_kept(onnx_fp32[:n], onnx_fp32[n:], q[:n], q[n:])
        figures["top1_correct_int8"] = float(
            np.mean(np.argmax(q[:n] @ q[n:].T, axis=1) == np.arange(n))
        )
        files["text_fp32"] = fp32.name  # kept only if the int8 graph fails its check here
    else:
        fp32.rename(final)
    reference = make_reference(
        {}, None, lambda t: run(work / files.get("text_fp32", "text.onnx"), t)
    )
    dim = int(onnx_fp32.shape[1])
    n = len(pairs)
    cross = (onnx_fp32[:n] @ onnx_fp32[n:].T)[~np.eye(n, dtype=bool)]
    return {
        "dim": dim,
        "towers": ["text"],
        "files": files,
        "reference": reference,
        # where an off-topic query's scores lie: queries against the other queries' passages
        # (core.search.engine calibrates its relevance line with them)
        "relevance": {
            "unrelated_mean": round(float(cross.mean()), 6),
            "unrelated_std": round(float(cross.std()), 6),
            "pairs": int(cross.size),
        },
        "tokenizer": tok_cfg,
        "pooling": "mean (in graph)",
        "normalise": "l2 (in graph and at the runtime boundary)",
        "verification": figures,
    }


# --- CLIP ----------------------------------------------------------------------------


def _export_clip(
    src: Path,
    work: Path,
    precision: str,
    say: Any,
    random_weights: bool = False,
    family: str = "clip",
) -> dict[str, Any]:
    """A dual encoder (CLIP or SigLIP) as two graphs: vision and text."""
    import torch

    if family == "siglip":
        from transformers import SiglipConfig, SiglipTextModel, SiglipVisionModel

        cfg: Any = SiglipConfig.from_pretrained(src)
        say("loading the SigLIP towers")
        vision = SiglipVisionModel.from_pretrained(src).eval()
        text = SiglipTextModel.from_pretrained(src).eval()
        pre = _siglip_preprocessing(src, cfg.vision_config.image_size)
        vision_attr = text_attr = "pooler_output"  # SigLIP's heads end in the pooled output
    else:
        from transformers import (
            CLIPConfig,
            CLIPTextModelWithProjection,
            CLIPVisionModelWithProjection,
        )

        cfg = CLIPConfig.from_pretrained(src)
        say("loading the CLIP towers")
        vision = CLIPVisionModelWithProjection.from_pretrained(
            src, projection_dim=cfg.projection_dim
        ).eval()
        text = CLIPTextModelWithProjection.from_pretrained(
            src, projection_dim=cfg.projection_dim
        ).eval()
        pre = _clip_preprocessing(src, cfg.vision_config.image_size)
        vision_attr, text_attr = "image_embeds", "text_embeds"

    class VisionOut(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
            return cast(torch.Tensor, getattr(self.m(pixel_values=pixel_values), vision_attr))

    class TextOut(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
            return cast(torch.Tensor, getattr(self.m(input_ids=input_ids), text_attr))

    size = int(pre["crop"])
    v_fp32, t_fp32 = work / "vision.fp32.onnx", work / "text.fp32.onnx"
    say("exporting the vision graph")
    torch.onnx.export(
        VisionOut(vision).eval(),
        (torch.randn(2, 3, size, size),),
        str(v_fp32),
        input_names=["pixel_values"],
        output_names=["image_embeds"],
        dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    tokenizer_path = work / "tokenizer.json"
    if (src / "tokenizer.json").is_file():
        shutil.copy(src / "tokenizer.json", tokenizer_path)
    elif family == "clip" or random_weights:
        # CLIP's real BPE vocabulary; a random-weight SigLIP test model borrows it too.
        from models.clip_tokenizer import write_clip_tokenizer_json

        write_clip_tokenizer_json(tokenizer_path)
    else:
        raise BuildError(f"{src}: the SigLIP source has no tokenizer.json")
    max_len = int(cfg.text_config.max_position_embeddings)
    if family == "siglip":
        # SigLIP pools the last position: queries are padded to the full length, as in training.
        pad_id = _pad_id(src, default=int(getattr(cfg.text_config, "pad_token_id", 1) or 1))
        tok_cfg = {
            "max_length": max_len,
            "pad_id": pad_id,
            "inputs": ["input_ids"],
            "pad_to_max_length": True,
        }
    else:
        tok_cfg = {"max_length": max_len, "pad_id": 49407, "inputs": ["input_ids"]}
    say("exporting the text graph")
    torch.onnx.export(
        TextOut(text).eval(),
        (torch.tensor([[49406, 320, 1125, 49407], [49406, 320, 49407, 49407]]),),
        str(t_fp32),
        input_names=["input_ids"],
        output_names=["text_embeds"],
        dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "text_embeds": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )

    from desktop_app.core.embed.preprocess import preprocess_image

    images = verification_images()
    pixels = np.stack([preprocess_image(im, pre) for im in images])
    texts = [
        q
        for q, _ in json.loads((Path(__file__).parent / "verification" / "pairs.json").read_text())[
            "pairs"
        ]
    ]
    with torch.no_grad():
        ref_v = VisionOut(vision)(torch.from_numpy(pixels)).numpy()
        ids = _clip_ids(tokenizer_path, tok_cfg, texts)
        ref_t = TextOut(text)(torch.from_numpy(ids)).numpy()
    run_t = _text_runner(tokenizer_path, tok_cfg)
    on_v = _run_onnx(v_fp32, {"pixel_values": pixels})
    on_t = run_t(t_fp32, texts)
    figures: dict[str, Any] = {
        "vision_fp32_vs_torch": _compare(_l2(ref_v), on_v),
        "text_fp32_vs_torch": _compare(_l2(ref_t), on_t),
    }
    for key in ("vision_fp32_vs_torch", "text_fp32_vs_torch"):
        if figures[key]["cosine_min"] < FP32_PARITY_MIN:
            raise BuildError(f"fp32 ONNX differs from torch ({key}): {figures[key]}")
    v_final, t_final = work / "vision.onnx", work / "text.onnx"
    files = {"vision": "vision.onnx", "text": "text.onnx", "tokenizer": "tokenizer.json"}
    if precision == "int8":
        say("quantizing to int8")
        quantize_tower(v_fp32, v_final, "vision")
        quantize_tower(t_fp32, t_final, "text")
        q_v = _run_onnx(v_final, {"pixel_values": pixels})
        q_t = run_t(t_final, texts)
        figures["vision_int8_vs_fp32"] = _compare(on_v, q_v)
        figures["text_int8_vs_fp32"] = _compare(on_t, q_t)
        figures["top1_kept"] = _top1_kept(on_t, on_v, q_t, q_v)
        # kept only if the int8 graph fails its check here
        files.update(vision_fp32=v_fp32.name, text_fp32=t_fp32.name)
        v_ref, t_ref = v_fp32, t_fp32
    else:
        v_fp32.rename(v_final)
        t_fp32.rename(t_final)
        v_ref, t_ref = v_final, t_final
    reference = make_reference(
        {"preprocessing": pre},
        lambda px: _run_onnx(v_ref, {"pixel_values": px}),
        lambda t: run_t(t_ref, t),
    )
    return {
        "dim": int(on_v.shape[1]),
        "towers": ["vision", "text"],
        "files": files,
        "reference": reference,
        "preprocessing": pre,
        "tokenizer": tok_cfg,
        "pooling": "projection (in graph)",
        "normalise": "l2 at the runtime boundary",
        "logit_scale": float(np.exp(getattr(cfg, "logit_scale_init_value", 2.6592))),
        "verification": figures,
    }


def _pad_id(src: Path, default: int) -> int:
    cfg_file = src / "tokenizer_config.json"
    if cfg_file.is_file():
        raw = json.loads(cfg_file.read_text(encoding="utf-8"))
        pad = raw.get("pad_token")
        vocab = raw.get("added_tokens_decoder", {})
        for tid, tok in vocab.items():
            if isinstance(tok, dict) and tok.get("content") == pad:
                return int(tid)
    return default


def _read_preprocessor(src: Path) -> dict[str, Any] | None:
    cfg_file = src / "preprocessor_config.json"
    return json.loads(cfg_file.read_text(encoding="utf-8")) if cfg_file.is_file() else None


def _siglip_preprocessing(src: Path, image_size: int) -> dict[str, Any]:
    return hf_preprocessing(_read_preprocessor(src), "siglip", image_size)


def _clip_preprocessing(src: Path, image_size: int) -> dict[str, Any]:
    return hf_preprocessing(_read_preprocessor(src), "clip", image_size)


def verification_images() -> list[Any]:
    """A small fixed set of photo-like images (gradients and shapes), generated, not downloaded."""
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(7)
    images = []
    for i in range(8):
        w, h = (640, 480) if i % 2 else (480, 640)
        base = (
            np.linspace(0, 255, w, dtype=np.float32)[None, :, None] * rng.random(3)[None, None, :]
        )
        arr = np.broadcast_to(base, (h, w, 3)).copy()
        arr += rng.normal(0, 12, arr.shape)
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        d = ImageDraw.Draw(im)
        for _ in range(5):
            x0, y0 = int(rng.integers(0, w - 60)), int(rng.integers(0, h - 60))
            color = tuple(int(c) for c in rng.integers(0, 255, 3))
            d.ellipse(
                (x0, y0, x0 + int(rng.integers(30, 200)), y0 + int(rng.integers(30, 200))),
                fill=color,
            )
        images.append(im)
    return images


# --- helpers -------------------------------------------------------------------------


def _run_onnx(path: Path, feeds: dict[str, np.ndarray]) -> np.ndarray:
    import onnxruntime as ort

    sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return _l2(np.asarray(sess.run(None, feeds)[0], dtype=np.float32))


def _clip_ids(tokenizer_path: Path, tok_cfg: dict[str, Any], texts: list[str]) -> np.ndarray:
    from desktop_app.core.embed.encoders import tokenize

    return tokenize(tokenizer_path, tok_cfg, texts)["input_ids"]


def _text_runner(tokenizer_path: Path, tok_cfg: dict[str, Any]) -> Any:
    from desktop_app.core.embed.encoders import tokenize

    def run(model: Path, texts: list[str]) -> np.ndarray:
        feeds = tokenize(tokenizer_path, tok_cfg, texts)
        return _run_onnx(model, {k: feeds[k] for k in tok_cfg["inputs"]})

    return run


def _l2(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return cast(np.ndarray, x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12))


def _compare(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    a, b = _l2(a), _l2(b)
    cos = np.sum(a * b, axis=1)
    return {
        "cosine_min": round(float(cos.min()), 6),
        "cosine_mean": round(float(cos.mean()), 6),
        "max_abs_diff": round(float(np.max(np.abs(a - b))), 6),
    }


def _top1_kept(q_ref: np.ndarray, d_ref: np.ndarray, q_new: np.ndarray, d_new: np.ndarray) -> float:
    ref = np.argmax(q_ref @ d_ref.T, axis=1)
    new = np.argmax(q_new @ d_new.T, axis=1)
    return float(np.mean(ref == new))
