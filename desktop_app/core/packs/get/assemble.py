"""A pack from ready-made fp32 towers, without torch: references, int8, the checks, keep fp32 where needed.

Shared by Trove's own builds (models/export.py, which exports the fp32 graphs with torch first)
and by packs assembled from hub downloads. The int8 recipe is core.embed.quantize; the check
that decides where the int8 graph is good enough is core.embed.fidelity's, run here on the
reference inputs and, for downloads, on Trove's bundled sample photos and captions too.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.errors import PackError
from desktop_app.core.embed.fidelity import LINE_REAL, REFERENCE_TEXTS, compare, make_reference
from desktop_app.core.embed.graphs import (
    TextGraph,
    VisionGraph,
    graphs_block,
    read_text_graph,
    read_vision_graph,
    text_block,
)
from desktop_app.core.embed.preprocess import (
    hf_preprocessing,
    open_clip_preprocessing,
    preprocess_image,
)
from desktop_app.core.imaging import load_image
from desktop_app.core.packs.get.quantize import quantize_tower
from desktop_app.core.packs.manifest import (
    FORMAT_VERSION,  # older Trove refuses a pack with a ``graphs`` block rather than misfeed it
    finalize_manifest,
    read_manifest,
    verify_files,
)

SAMPLE_CAPTIONS = (
    "a forest",
    "tall trees in a green forest",
    "a sunset over the sea",
    "the sky at dusk",
    *REFERENCE_TEXTS[:6],
)
# Queries and the passages that answer them, in the languages the window speaks: a document
# pack's int8 graph must keep each query's passage first and agree with its fp32 graph on them,
# and the fp32 graph's scores between unrelated pairs say where an off-topic query lies.
SAMPLE_PAIRS = (
    (
        "receipt from the hardware store",
        "Hardware store receipt: two hammers, a box of nails and wood glue, total 42.50.",
    ),
    (
        "Kündigungsfrist der Mietwohnung",
        "Der Mieter kann das Mietverhältnis mit einer Frist von drei Monaten schriftlich kündigen.",
    ),
    (
        "recette de la tarte aux pommes",
        "Étalez la pâte, disposez les pommes en lamelles et faites cuire quarante minutes.",
    ),
    (
        "horario del tren a Madrid",
        "El tren a Madrid sale cada hora desde la estación central, de seis a veintidós.",
    ),
    ("確定申告の締め切り", "所得税の確定申告は、毎年三月十五日までに税務署へ提出します。"),
    ("如何更换自行车轮胎", "更换自行车轮胎时，先放气，再用撬胎棒把外胎从轮圈上取下。"),
    (
        "how to archive files with tar",
        "To create an archive, give -c with -f and the archive's name, then the files to add.",
    ),
    (
        "Wetter am Wochenende",
        "Am Samstag bleibt es sonnig bei 24 Grad, am Sonntag ziehen Gewitter auf.",
    ),
)
CLIP_PAD_ID = 49407  # CLIP pools at the end token; padding with it leaves that position first

Say = Callable[[str], None]


@dataclass(frozen=True)
class Towers:
    """Downloaded or brought files of one model, by role (core.packs.get.hub.ROLES)."""

    family: str  # 'clip' | 'siglip' | 'sentence'
    vision: Path | None  # None for a document model (one text graph)
    text: Path
    tokenizer: Path
    tokenizer_config: Path | None = None
    hf_preprocessor: Path | None = None
    open_clip_preprocess: Path | None = None
    open_clip_config: Path | None = None


def _session(path: Path) -> Any:
    from desktop_app.core.embed.runtime import new_session, session_options

    return new_session(path, session_options(2))


def _json(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PackError(f"{path.name}: not readable JSON ({exc})") from exc
    return data if isinstance(data, dict) else None


def _place(src: Path, dest: Path) -> None:
    """Hard-link when possible (the same disk: no copy of hundreds of MB), else copy."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def tokenizer_settings(towers: Towers, text: TextGraph) -> dict[str, Any]:
    """Pad id, length and padding rule for the text tower, from its own tokenizer files."""
    from tokenizers import Tokenizer

    cfg = _json(towers.tokenizer_config) or {}
    model_cfg = (_json(towers.open_clip_config) or {}).get("text_cfg", {})
    longest = 64 if towers.family == "siglip" else 77
    length = text.length or int(model_cfg.get("context_length", 0) or 0) or longest
    limit = cfg.get("model_max_length")
    if isinstance(limit, int) and 0 < limit < length:
        length = limit
    pad_token = cfg.get("pad_token")
    if isinstance(pad_token, dict):
        pad_token = pad_token.get("content")
    tok = Tokenizer.from_file(str(towers.tokenizer))
    pad_id = tok.token_to_id(pad_token) if isinstance(pad_token, str) else None
    if pad_id is None:
        pad_id = CLIP_PAD_ID if towers.family == "clip" else 0
    out: dict[str, Any] = {"max_length": int(length), "pad_id": int(pad_id), "inputs": [text.ids]}
    if text.length or towers.family == "siglip":
        out["pad_to_max_length"] = True  # a fixed-length graph, or a model that pools a position
    return out


def image_preprocessing(towers: Towers, vision_session: Any) -> dict[str, Any]:
    shape = vision_session.get_inputs()[0].shape
    size = shape[2] if isinstance(shape[2], int) and shape[2] > 0 else 224
    if towers.open_clip_preprocess is not None:
        try:
            return open_clip_preprocessing(_json(towers.open_clip_preprocess) or {})
        except ValueError as exc:
            raise PackError(str(exc)) from exc
    return hf_preprocessing(_json(towers.hf_preprocessor), towers.family, int(size))


def assemble_pack(
    name: str,
    towers: Towers,
    work: Path,
    *,
    licence: str,
    source: str,
    samples: Sequence[Path] = (),
    keep_fp32: bool = False,
    say: Say = lambda _m: None,
    cancel: CancelToken | None = None,
    languages: Sequence[str] = ("en",),
    lowercase: bool = False,
) -> dict[str, Any]:
    """Turn fp32 hub towers into an int8 pack in the empty folder ``work``; its manifest.

    ``languages``: those the text tower understands (a query in another is never "strong" by
    meaning); ``lowercase``: the model saw its text lowercased in training, and so it is fed.

    Reads what each graph takes and gives, records the fp32 outputs for the reference inputs,
    quantises both towers, checks them (reference inputs and ``samples``) and keeps the fp32
    graph of a tower whose int8 version fails, then loads the finished pack once.
    """
    cancel = cancel or CancelToken()
    if towers.vision is None:
        raise PackError(f"{name}: an image model needs its image tower")
    say("convert: reading the graphs")
    v_sess, t_sess = _session(towers.vision), _session(towers.text)
    vision = read_vision_graph(v_sess, towers.vision.name)
    text = read_text_graph(t_sess, towers.text.name)
    pre = image_preprocessing(towers, v_sess)
    tok_cfg = tokenizer_settings(towers, text)
    if lowercase:
        tok_cfg["lowercase"] = True
    v_fp32, t_fp32 = work / "vision.fp32.onnx", work / "text.fp32.onnx"
    _place(towers.vision, v_fp32)
    _place(towers.text, t_fp32)
    shutil.copyfile(towers.tokenizer, work / "tokenizer.json")
    manifest: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "name": name,
        "family": towers.family,
        "towers": ["vision", "text"],
        "precision": "int8",
        "licence": licence,
        "source": source,
        "files": {
            "vision": "vision.onnx",
            "text": "text.onnx",
            "tokenizer": "tokenizer.json",
            "vision_fp32": v_fp32.name,
            "text_fp32": t_fp32.name,
        },
        "preprocessing": pre,
        "tokenizer": tok_cfg,
        "graphs": graphs_block(vision, text),
        "pooling": "in graph",
        "normalise": "l2 at the runtime boundary",
        "languages": list(languages),
    }
    run_v, run_t = _runners(manifest, work, vision, text)
    sessions = {"vision": v_sess, "text": t_sess}
    manifest["reference"] = make_reference(
        manifest,
        lambda px: run_v(sessions["vision"], px),
        lambda t: run_t(sessions["text"], t),
    )
    manifest["dim"] = len(manifest["reference"]["vision"][0])
    if len(manifest["reference"]["text"][0]) != manifest["dim"]:
        raise PackError("the image and text towers give vectors of different lengths")
    sessions.clear()  # the fp32 sessions' memory is free again before quantising
    v_sess = t_sess = None
    for tower, fp32 in (("vision", v_fp32), ("text", t_fp32)):
        cancel.checkpoint()
        say(f"convert: {tower} tower to int8")
        try:
            quantize_tower(fp32, work / f"{tower}.onnx", tower)
        except ImportError as exc:  # a broken install: say what is missing, not a traceback
            raise PackError(f"the int8 converter cannot run here ({exc})") from exc
    cancel.checkpoint()
    manifest["verification"] = {}
    finalize_manifest(work, manifest)
    say("test: int8 against the original on reference pictures and sample photos")
    sample_verdicts = sample_check(work, manifest, samples) if samples else {}
    manifest["verification"]["sample_photos"] = sample_verdicts
    settle_int8(work, manifest, keep_fp32, say, failed=_failed(sample_verdicts))
    cancel.checkpoint()
    say("test: loading the finished pack")
    load_once(work)
    return read_manifest(work)


def _failed(verdicts: dict[str, Any]) -> set[str]:
    return {t for t, v in verdicts.items() if isinstance(v, dict) and not v.get("passed", True)}


def _runners(
    manifest: dict[str, Any], work: Path, vision: VisionGraph, text: TextGraph
) -> tuple[
    Callable[[Any, npt.NDArray[np.float32]], npt.NDArray[np.float32]],
    Callable[[Any, Sequence[str]], npt.NDArray[np.float32]],
]:
    from desktop_app.core.embed.encoders import tokenize

    tok_path = work / manifest["files"]["tokenizer"]
    tok_cfg = manifest["tokenizer"]

    def run_t(session: Any, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return text.run(session, tokenize(tok_path, tok_cfg, texts))

    return vision.run, run_t


def sample_check(work: Path, manifest: dict[str, Any], samples: Sequence[Path]) -> dict[str, Any]:
    """int8 vs fp32 on real photos and captions: mean cosine per tower against LINE_REAL's mean,
    and whether every photo keeps its top caption. A tower that falls short fails."""
    from desktop_app.core.embed.graphs import text_graph, vision_graph

    files = manifest["files"]
    pre = manifest["preprocessing"]
    pixels = np.stack(
        [preprocess_image(load_image(str(p), int(pre["resize_shortest"])), pre) for p in samples]
    ).astype(np.float32)
    run_v, run_t = _runners(manifest, work, vision_graph(manifest), text_graph(manifest))
    out: dict[str, npt.NDArray[np.float32]] = {}
    for key, tower in (
        ("vision", "vision"),
        ("vision_fp32", "vision"),
        ("text", "text"),
        ("text_fp32", "text"),
    ):
        session = _session(work / files[key])
        out[key] = (
            run_v(session, pixels) if tower == "vision" else run_t(session, list(SAMPLE_CAPTIONS))
        )
    verdicts: dict[str, Any] = {}
    for tower in ("vision", "text"):
        mean, low = compare(out[f"{tower}_fp32"], out[tower])
        verdicts[tower] = {
            "cosine_mean": round(mean, 6),
            "cosine_min": round(low, 6),
            "passed": mean >= LINE_REAL[0],
        }
    kept = top_caption_kept(out["vision_fp32"], out["text_fp32"], out["vision"], out["text"])
    verdicts["top_caption_kept"] = kept
    if not kept:  # blame the tower that agrees less (or both when neither is clearly better)
        worst = min(("vision", "text"), key=lambda t: float(verdicts[t]["cosine_mean"]))
        verdicts[worst]["passed"] = False
    return verdicts


def top_caption_kept(
    v_ref: npt.NDArray[np.float32],
    t_ref: npt.NDArray[np.float32],
    v_new: npt.NDArray[np.float32],
    t_new: npt.NDArray[np.float32],
) -> bool:
    """Does every photo keep the caption it matched best?"""

    def unit(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return np.asarray(
            x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12), np.float32
        )

    ref = np.argmax(unit(v_ref) @ unit(t_ref).T, axis=1)
    new = np.argmax(unit(v_new) @ unit(t_new).T, axis=1)
    return bool(np.array_equal(ref, new))


def settle_int8(
    work: Path,
    manifest: dict[str, Any],
    keep_fp32: bool,
    say: Say,
    failed: set[str] | None = None,
) -> None:
    """Run the load-time check of every int8 tower (core.embed.fidelity) on this machine; a
    tower that fails it (or is named in ``failed``) keeps its fp32 graph beside the int8 one,
    the others drop theirs unless ``keep_fp32``. The figures go into the manifest."""
    from desktop_app.core.packs.registry import check_towers

    failed = failed or set()
    here: dict[str, Any] = {}
    for v in check_towers(work, manifest, 2):
        here[v.tower] = {
            "cosine_mean": v.cosine_mean,
            "cosine_min": v.cosine_min,
            "passed": v.passed,
        }
        if not v.passed or v.tower in failed:
            figures = f"cosine mean {v.cosine_mean:.4f}, min {v.cosine_min:.4f}"
            say(
                f"the int8 {v.tower} graph is inaccurate on this machine ({figures}"
                f"{'; sample photos' if v.tower in failed and v.passed else ''}): the pack "
                "keeps its fp32 graph, which Trove uses wherever the int8 one fails its check"
            )
            if v.passed:  # failed on the photos only: this tower answers in fp32 everywhere
                fp32 = manifest["files"].pop(f"{v.tower}_fp32")
                (work / manifest["files"][v.tower]).unlink()
                manifest["files"][v.tower] = fp32
        elif not keep_fp32:
            (work / manifest["files"].pop(f"{v.tower}_fp32")).unlink()
    manifest.setdefault("verification", {})["int8_check_here"] = here
    finalize_manifest(work, manifest)


def load_once(pack_dir: Path) -> None:
    """Open the finished pack as the app will and encode one photo-like picture and one query."""
    from desktop_app.core.embed.encoders import OnnxClipEncoder
    from desktop_app.core.embed.fidelity import FidelityLog, reference_pixels

    manifest = read_manifest(pack_dir)
    problems = verify_files(pack_dir, manifest)
    if problems:
        raise PackError(f"the assembled pack is inconsistent: {problems[0]}")
    enc = OnnxClipEncoder(pack_dir, manifest, 2, FidelityLog())
    px = reference_pixels(manifest["preprocessing"])[:1]
    v = enc.encode_pixels(px)
    t = enc.encode_texts(["a photo"])
    enc.unload()
    if (
        v.shape != (1, manifest["dim"])
        or t.shape != (1, manifest["dim"])
        or not np.isfinite(v).all()
    ):
        raise PackError("the assembled pack gives no usable vectors")


# --- document models ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentModel:
    """How a hub sentence encoder is used: pooling, prefixes, languages, longest input."""

    pooling: str  # 'mean' | 'cls'
    query_prefix: str = ""
    passage_prefix: str = ""
    languages: tuple[str, ...] = ("en",)
    max_tokens: int = 512


def document_tokenizer_settings(towers: Towers, text: TextGraph, max_tokens: int) -> dict[str, Any]:
    """Pad id and longest input of a sentence encoder, from its own tokenizer files."""
    from tokenizers import Tokenizer

    cfg = _json(towers.tokenizer_config) or {}
    length = text.length or max_tokens
    limit = cfg.get("model_max_length")  # some repositories say 1e30 ("unset"): ignored
    if isinstance(limit, int) and 0 < limit < length:
        length = limit
    pad_token = cfg.get("pad_token")
    if isinstance(pad_token, dict):
        pad_token = pad_token.get("content")
    tok = Tokenizer.from_file(str(towers.tokenizer))
    pad_id = tok.token_to_id(pad_token) if isinstance(pad_token, str) else None
    if pad_id is None:
        pad_id = next((i for t in ("<pad>", "[PAD]") if (i := tok.token_to_id(t)) is not None), 0)
    out: dict[str, Any] = {
        "max_length": int(length),
        "pad_id": int(pad_id),
        "inputs": ["input_ids", "attention_mask"],
    }
    if text.length:
        out["pad_to_max_length"] = True
    return out


def assemble_document_pack(
    name: str,
    towers: Towers,
    model: DocumentModel,
    work: Path,
    *,
    licence: str,
    source: str,
    keep_fp32: bool = False,
    say: Say = lambda _m: None,
    cancel: CancelToken | None = None,
) -> dict[str, Any]:
    """Turn a hub sentence encoder's fp32 graph into an int8 document pack in the empty folder
    ``work``; its manifest. As :func:`assemble_pack`: the graph is read, its fp32 output for
    the reference texts recorded, the int8 graph checked (reference texts, and the sample
    queries and passages in several languages) and the fp32 graph kept where it fails."""
    cancel = cancel or CancelToken()
    say("convert: reading the graph")
    session = _session(towers.text)
    text = read_text_graph(session, towers.text.name, model.pooling)
    fp32 = work / "text.fp32.onnx"
    _place(towers.text, fp32)
    shutil.copyfile(towers.tokenizer, work / "tokenizer.json")
    manifest: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "name": name,
        "family": "sentence",
        "towers": ["text"],
        "precision": "int8",
        "licence": licence,
        "source": source,
        "languages": list(model.languages),
        "files": {"text": "text.onnx", "tokenizer": "tokenizer.json", "text_fp32": fp32.name},
        "tokenizer": document_tokenizer_settings(towers, text, model.max_tokens),
        "graphs": {"text": text_block(text)},
        "prefixes": {"query": model.query_prefix, "passage": model.passage_prefix},
        "pooling": f"{model.pooling} (by Trove, over the graph's token states)",
        "normalise": "l2 at the runtime boundary",
    }
    tok_path = work / "tokenizer.json"

    def run(sess: Any, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        from desktop_app.core.embed.encoders import tokenize

        return text.run(sess, tokenize(tok_path, manifest["tokenizer"], texts))

    manifest["reference"] = make_reference(manifest, None, lambda t: run(session, t))
    manifest["dim"] = len(manifest["reference"]["text"][0])
    q_fp32, p_fp32 = _pairs(run, session, model)
    cross = (q_fp32 @ p_fp32.T)[~np.eye(len(SAMPLE_PAIRS), dtype=bool)]
    manifest["relevance"] = {  # where an off-topic query's scores lie (core.search.relevance)
        "unrelated_mean": round(float(cross.mean()), 6),
        "unrelated_std": round(float(cross.std()), 6),
        "pairs": int(cross.size),
    }
    session = None
    cancel.checkpoint()
    say("convert: text graph to int8")
    try:
        quantize_tower(fp32, work / "text.onnx", "text")
    except ImportError as exc:
        raise PackError(f"the int8 converter cannot run here ({exc})") from exc
    cancel.checkpoint()
    say("test: int8 against the original on sample queries and passages")
    q_int8, p_int8 = _pairs(run, _session(work / "text.onnx"), model)
    mean, low = compare(np.concatenate([q_fp32, p_fp32]), np.concatenate([q_int8, p_int8]))
    kept = top_caption_kept(q_fp32, p_fp32, q_int8, p_int8)
    verdict = {
        "cosine_mean": round(mean, 6),
        "cosine_min": round(low, 6),
        "top_passage_kept": kept,
        "passed": mean >= LINE_REAL[0] and kept,
    }
    manifest["verification"] = {"sample_passages": verdict}
    finalize_manifest(work, manifest)
    settle_int8(work, manifest, keep_fp32, say, failed=set() if verdict["passed"] else {"text"})
    cancel.checkpoint()
    say("test: loading the finished pack")
    load_document_pack_once(work)
    return read_manifest(work)


def _pairs(
    run: Callable[[Any, Sequence[str]], npt.NDArray[np.float32]], session: Any, model: DocumentModel
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    from desktop_app.core.embed.encoders import l2_normalise

    queries = [model.query_prefix + q for q, _ in SAMPLE_PAIRS]
    passages = [model.passage_prefix + p for _, p in SAMPLE_PAIRS]
    return l2_normalise(run(session, queries)), l2_normalise(run(session, passages))


def load_document_pack_once(pack_dir: Path) -> None:
    """Open the finished document pack as the app will and encode a query and a passage."""
    from desktop_app.core.embed.encoders import OnnxTextEncoder
    from desktop_app.core.embed.fidelity import FidelityLog

    manifest = read_manifest(pack_dir)
    problems = verify_files(pack_dir, manifest)
    if problems:
        raise PackError(f"the assembled pack is inconsistent: {problems[0]}")
    enc = OnnxTextEncoder(pack_dir, manifest, 2, FidelityLog())
    q = enc.encode_queries(["Kündigungsfrist"])
    p = enc.encode_texts([SAMPLE_PAIRS[1][1]])
    enc.unload()
    dim = manifest["dim"]
    if q.shape != (1, dim) or p.shape != (1, dim) or not np.isfinite(q).all():
        raise PackError("the assembled pack gives no usable vectors")
