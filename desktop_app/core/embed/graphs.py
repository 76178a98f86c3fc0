"""What a tower's ONNX graph takes and gives: input names, dtypes, fixed batch or length, output.

Ready-made hub graphs differ (``pixel_values``/``image``, ``input_ids``/``text``, int64/int32,
a batch fixed at 1, ``image_embeds``/``embedding``/``pooler_output``), so these facts are read
from each graph when a pack is assembled, written into the manifest (``manifest["graphs"]``)
and used by the encoders. Packs without that block are Trove's own exports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.embed.errors import PackError

# The pooled, projected embedding, by the names the known exports give it, best first.
OUTPUT_NAMES = ("embedding", "image_embeds", "text_embeds", "pooler_output", "sentence_embedding")
IDS_NAMES = ("input_ids", "text", "input")
MASK_NAMES = ("attention_mask",)
TYPE_NAMES = ("token_type_ids",)  # BERT-style exports take one; Trove feeds zeros (one segment)
TOKEN_STATES = ("last_hidden_state", "token_embeddings")  # sentence encoders' per-token output
POOLINGS = ("mean", "cls")
_DTYPES = {"tensor(int64)": "int64", "tensor(int32)": "int32", "tensor(float)": "float32"}


@dataclass(frozen=True)
class VisionGraph:
    input: str = "pixel_values"
    batch: int | None = None  # fixed batch size, or None for any
    output: str | None = None  # None: the first output (Trove's own exports)

    def run(self, session: Any, pixels: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        return _batched(
            self.batch,
            len(pixels),
            lambda a, b: _output(
                session, self.output, {self.input: np.ascontiguousarray(pixels[a:b])}
            ),
        )


@dataclass(frozen=True)
class TextGraph:
    ids: str = "input_ids"
    ids_dtype: str = "int64"
    mask: str | None = None  # the attention-mask input, when the graph has one
    batch: int | None = None
    length: int | None = None  # a fixed sequence length: queries are padded to it
    output: str | None = None
    types: str | None = None  # the token-type input, when the graph has one
    # the output is per token (batch, tokens, dim): pooled here, 'mean' over the tokens the
    # attention mask keeps or 'cls' (the first token), as the model was trained
    pooling: str | None = None

    def run(self, session: Any, feeds: dict[str, npt.NDArray[np.int64]]) -> npt.NDArray[np.float32]:
        ids = feeds["input_ids"].astype(self.ids_dtype)
        mask = feeds["attention_mask"]

        def part(a: int, b: int) -> npt.NDArray[np.float32]:
            f = {self.ids: ids[a:b]}
            if self.mask:
                f[self.mask] = mask[a:b].astype(self.ids_dtype)
            if self.types:
                f[self.types] = np.zeros_like(ids[a:b])
            if self.pooling:
                return _pooled(session, self.output, f, mask[a:b], self.pooling)
            return _output(session, self.output, f)

        return _batched(self.batch, len(ids), part)


def _pooled(
    session: Any,
    name: str | None,
    feeds: dict[str, Any],
    mask: npt.NDArray[np.int64],
    pooling: str,
) -> npt.NDArray[np.float32]:
    states = np.asarray(session.run([name] if name else None, feeds)[0], dtype=np.float32)
    if pooling == "cls":
        return np.ascontiguousarray(states[:, 0, :])
    keep = mask.astype(np.float32)[:, :, None]
    return np.asarray(
        (states * keep).sum(axis=1) / np.maximum(keep.sum(axis=1), 1e-9), dtype=np.float32
    )


def _batched(
    batch: int | None, n: int, run: Callable[[int, int], npt.NDArray[np.float32]]
) -> npt.NDArray[np.float32]:
    if batch is None or n <= batch:
        return run(0, n)
    return np.concatenate([run(i, min(n, i + batch)) for i in range(0, n, batch)])


def _output(session: Any, name: str | None, feeds: dict[str, Any]) -> npt.NDArray[np.float32]:
    out = session.run([name] if name else None, feeds)[0]
    return np.asarray(out, dtype=np.float32).reshape(len(next(iter(feeds.values()))), -1)


def vision_graph(manifest: dict[str, Any]) -> VisionGraph:
    raw = (manifest.get("graphs") or {}).get("vision")
    if not isinstance(raw, dict):
        return VisionGraph()
    return VisionGraph(str(raw["input"]), _opt_int(raw.get("batch")), raw.get("output"))


def text_graph(manifest: dict[str, Any]) -> TextGraph:
    raw = (manifest.get("graphs") or {}).get("text")
    if not isinstance(raw, dict):
        inputs = (manifest.get("tokenizer") or {}).get("inputs", ["input_ids", "attention_mask"])
        return TextGraph(mask="attention_mask" if "attention_mask" in inputs else None)
    pooling = raw.get("pooling")
    if pooling is not None and pooling not in POOLINGS:
        raise PackError(f"the text graph's pooling {pooling!r} is not one Trove knows")
    return TextGraph(
        ids=str(raw["ids"]),
        ids_dtype=str(raw.get("ids_dtype", "int64")),
        mask=raw.get("mask"),
        batch=_opt_int(raw.get("batch")),
        length=_opt_int(raw.get("length")),
        output=raw.get("output"),
        types=raw.get("types"),
        pooling=pooling,
    )


def _opt_int(v: Any) -> int | None:
    return int(v) if isinstance(v, int) and not isinstance(v, bool) and v > 0 else None


def _fixed(dim: Any) -> int | None:
    return dim if isinstance(dim, int) and dim > 0 else None


def _pick_output(session: Any, where: str) -> str:
    outputs = [(o.name, o.shape) for o in session.get_outputs()]
    by_name = {n: s for n, s in outputs}
    for name in OUTPUT_NAMES:
        if name in by_name and len(by_name[name]) == 2:
            return name
    for name, shape in outputs:
        if len(shape) == 2:
            return str(name)
    raise PackError(f"{where}: the graph has no pooled (batch, dim) output: {outputs}")


def read_vision_graph(session: Any, where: str) -> VisionGraph:
    """The image tower's input and output, read from an onnxruntime session."""
    inputs = session.get_inputs()
    images = [i for i in inputs if len(i.shape) == 4]
    if len(inputs) != 1 or not images:
        raise PackError(f"{where}: expected one image input, found {[i.name for i in inputs]}")
    inp = images[0]
    if inp.type != "tensor(float)":
        raise PackError(f"{where}: the image input takes {inp.type}; only float32 is supported")
    shape = inp.shape
    if _fixed(shape[1]) not in (3, None):
        raise PackError(f"{where}: the image input is not channels-first RGB: {shape}")
    return VisionGraph(inp.name, _fixed(shape[0]), _pick_output(session, where))


def read_text_graph(session: Any, where: str, pooling: str | None = None) -> TextGraph:
    """The text tower's inputs (token ids, attention mask, token types) and output, from a
    session. With ``pooling`` (a sentence encoder's graph that gives token states) the output
    is the per-token one, pooled by the runtime."""
    inputs = {i.name: i for i in session.get_inputs()}
    ids = next((inputs[n] for n in IDS_NAMES if n in inputs), None)
    mask = next((inputs[n] for n in MASK_NAMES if n in inputs), None)
    types = next((inputs[n] for n in TYPE_NAMES if n in inputs), None)
    other = set(inputs) - {i.name for i in (ids, mask, types) if i is not None}
    if ids is None or other:
        raise PackError(f"{where}: unexpected text inputs {sorted(inputs)}")
    dtype = _DTYPES.get(ids.type)
    if dtype not in ("int64", "int32"):
        raise PackError(f"{where}: token ids of type {ids.type} are not supported")
    if pooling is not None and pooling not in POOLINGS:
        raise PackError(f"{where}: unknown pooling {pooling!r}")
    if pooling is not None and mask is None:
        raise PackError(f"{where}: a graph pooled by Trove needs an attention-mask input")
    return TextGraph(
        ids=ids.name,
        ids_dtype=dtype,
        mask=mask.name if mask is not None else None,
        batch=_fixed(ids.shape[0]),
        length=_fixed(ids.shape[1]) if len(ids.shape) > 1 else None,
        output=_token_states(session, where) if pooling else _pick_output(session, where),
        types=types.name if types is not None else None,
        pooling=pooling,
    )


def _token_states(session: Any, where: str) -> str:
    outputs = [(o.name, o.shape) for o in session.get_outputs()]
    by_name = {n: s for n, s in outputs}
    for name in TOKEN_STATES:
        if name in by_name and len(by_name[name]) == 3:
            return name
    for name, shape in outputs:
        if len(shape) == 3:
            return str(name)
    raise PackError(f"{where}: the graph has no per-token (batch, tokens, dim) output: {outputs}")


def text_block(text: TextGraph) -> dict[str, Any]:
    """The manifest's ``graphs.text`` entry."""
    return {
        "ids": text.ids,
        "ids_dtype": text.ids_dtype,
        "mask": text.mask,
        "batch": text.batch,
        "length": text.length,
        "output": text.output,
        "types": text.types,
        "pooling": text.pooling,
    }


def graphs_block(vision: VisionGraph, text: TextGraph) -> dict[str, Any]:
    """The manifest's ``graphs`` block."""
    return {
        "vision": {"input": vision.input, "batch": vision.batch, "output": vision.output},
        "text": text_block(text),
    }
