"""onnxruntime encoders built from model packs: lazy, thread-capped, L2-normalised output."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.embed.api import Vectors
from desktop_app.core.embed.preprocess import load_image, preprocess_image


def l2_normalise(x: npt.NDArray[np.float32]) -> Vectors:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.asarray(x / np.maximum(norms, 1e-12), dtype=np.float32)


@lru_cache(maxsize=8)
def _tokenizer(path: str, max_length: int, pad_id: int, full_length: bool = False) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(path)
    # Pad to the longest text of the batch, never to the full context (same vectors, 3x
    # faster) -- except for models that pool a fixed position (SigLIP), which need it.
    tok.enable_padding(pad_id=pad_id, length=max_length if full_length else None)
    tok.enable_truncation(max_length)
    return tok


def tokenize(
    tokenizer_path: Path, cfg: dict[str, Any], texts: Sequence[str]
) -> dict[str, npt.NDArray[np.int64]]:
    tok = _tokenizer(
        str(tokenizer_path),
        int(cfg["max_length"]),
        int(cfg.get("pad_id", 0)),
        bool(cfg.get("pad_to_max_length", False)),
    )
    encs = tok.encode_batch([t if t.strip() else " " for t in texts])
    ids = np.asarray([e.ids for e in encs], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in encs], dtype=np.int64)
    return {"input_ids": ids, "attention_mask": mask}


class _LazySession:
    """One onnxruntime session, created on first use under a lock; unload() frees it."""

    def __init__(self, path: Path, threads: int) -> None:
        self.path = path
        self.threads = threads
        self._session: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        with self._lock:
            if self._session is None:
                from desktop_app.core.embed.runtime import new_session, session_options

                # onnxruntime's default graph optimisation (all levels) applies
                self._session = new_session(self.path, session_options(self.threads))
            return self._session

    def run(self, feeds: dict[str, Any]) -> npt.NDArray[np.float32]:
        return np.asarray(self.get().run(None, feeds)[0], dtype=np.float32)

    def unload(self) -> None:
        with self._lock:
            self._session = None


class OnnxTextEncoder:
    """A sentence pack, or the text tower of a CLIP pack."""

    def __init__(self, pack_dir: Path, manifest: dict[str, Any], threads: int) -> None:
        self._pack_id = str(manifest["pack_id"])
        self._dim = int(manifest["dim"])
        self._tok_path = pack_dir / manifest["files"]["tokenizer"]
        self._tok_cfg = dict(manifest["tokenizer"])
        self._session = _LazySession(pack_dir / manifest["files"]["text"], threads)

    @property
    def pack_id(self) -> str:
        return self._pack_id

    @property
    def dim(self) -> int:
        return self._dim

    def encode_texts(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        feeds = tokenize(self._tok_path, self._tok_cfg, texts)
        inputs = self._tok_cfg.get("inputs", ["input_ids", "attention_mask"])
        return l2_normalise(self._session.run({k: feeds[k] for k in inputs}))

    def unload(self) -> None:
        self._session.unload()


class OnnxClipEncoder:
    """A CLIP-family pack: image tower for photos, text tower for queries, one space."""

    def __init__(self, pack_dir: Path, manifest: dict[str, Any], threads: int) -> None:
        self._pack_id = str(manifest["pack_id"])
        self._dim = int(manifest["dim"])
        self._pre = dict(manifest["preprocessing"])
        self._vision = _LazySession(pack_dir / manifest["files"]["vision"], threads)
        # The text tower only ever encodes a query's few words, on a query thread next to the
        # sentence encoder: one short sequence runs faster on one thread than split over two.
        self._text = OnnxTextEncoder(pack_dir, manifest, 1)

    @property
    def pack_id(self) -> str:
        return self._pack_id

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def input_size(self) -> int:
        return int(self._pre["crop"])

    def load_pixels(self, path: str) -> npt.NDArray[np.float32]:
        return self.pixels(self.decode(path))

    def decode(self, path: str) -> Any:
        return load_image(path, int(self._pre["resize_shortest"]))

    def pixels(self, image: Any) -> npt.NDArray[np.float32]:
        return preprocess_image(image, self._pre)

    def encode_pixels(self, batch: npt.NDArray[np.float32]) -> Vectors:
        if len(batch) == 0:
            return np.zeros((0, self._dim), dtype=np.float32)
        return l2_normalise(self._vision.run({"pixel_values": np.ascontiguousarray(batch)}))

    def encode_texts(self, texts: Sequence[str]) -> Vectors:
        return self._text.encode_texts(texts)

    def prepare(self) -> None:
        self._vision.get()

    def unload(self) -> None:
        self._vision.unload()
        self._text.unload()
