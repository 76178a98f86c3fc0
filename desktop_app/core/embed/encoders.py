"""onnxruntime encoders built from model packs: lazy, thread-capped, L2-normalised output."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.embed.api import Vectors
from desktop_app.core.embed.fidelity import (
    Fidelity,
    FidelityLog,
    compare,
    line_for,
    notice,
    passes,
    reference_inputs,
    reference_outputs,
)
from desktop_app.core.embed.graphs import text_graph, vision_graph
from desktop_app.core.embed.preprocess import preprocess_image
from desktop_app.core.imaging import load_image

log = logging.getLogger(__name__)


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
    if cfg.get("lowercase"):  # the model saw only lowercased text in training (SigLIP 2)
        texts = [t.lower() for t in texts]
    encs = tok.encode_batch([t if t.strip() else " " for t in texts])
    ids = np.asarray([e.ids for e in encs], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in encs], dtype=np.int64)
    return {"input_ids": ids, "attention_mask": mask}


@dataclass(frozen=True)
class TowerCheck:
    """How to test one int8 tower against its fp32 reference when it loads (core.embed.fidelity)."""

    pack_id: str
    tower: str
    expected: npt.NDArray[np.float32]
    probe: Callable[[Any], npt.NDArray[np.float32]]  # runs the reference inputs on a session
    line: tuple[float, float]
    log: FidelityLog
    fallback: Path | None  # the pack's fp32 graph of this tower, if it ships one


class _Sessions:
    """Sessions of one graph, made on first use under a lock; unload() frees them.

    Up to ``copies`` of them: a caller gets a session no one is running, a new one while all
    are busy and fewer than ``copies`` exist, else the least busy (a session may be shared,
    callers of one run side by side). Passages encoded on two lanes run faster on two
    one-thread sessions than on one shared: 2 AVX2 cores, 600 real passages, eight
    interleaved rounds, 56.9 vs 52.0 passages/s. A query alone only ever makes the first.

    With a ``check``, the first load on a machine compares the int8 graph's output with the
    pack's fp32 reference and, below the line, answers with the pack's fp32 graph instead;
    later copies follow the verdict remembered.
    """

    def __init__(
        self, path: Path, threads: int, check: TowerCheck | None = None, copies: int = 1
    ) -> None:
        self.path = path
        self.threads = threads
        self._check = check
        self._copies = max(1, copies)
        self._sessions: list[Any] = []
        self._busy: list[int] = []
        self._lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Any]:
        with self._lock:
            free = [i for i, n in enumerate(self._busy) if n == 0]
            if free:
                i = free[0]
            elif len(self._sessions) < self._copies:
                self._sessions.append(self._load())
                self._busy.append(0)
                i = len(self._sessions) - 1
            else:
                i = min(range(len(self._busy)), key=self._busy.__getitem__)
            self._busy[i] += 1
            sessions, session = self._sessions, self._sessions[i]
        try:
            yield session
        finally:
            with self._lock:
                if sessions is self._sessions:  # not unloaded meanwhile
                    self._busy[i] -= 1

    def loaded(self) -> int:
        with self._lock:
            return len(self._sessions)

    def _load(self) -> Any:
        from desktop_app.core.embed.runtime import new_session, session_options

        # onnxruntime's default graph optimisation (all levels) applies
        opts = session_options(self.threads)
        check = self._check
        if check is None:
            return new_session(self.path, opts)
        verdict = check.log.remembered(check.pack_id, check.tower)
        if verdict is not None and verdict.runs == "fp32" and check.fallback is not None:
            return new_session(check.fallback, opts)
        session = new_session(self.path, opts)
        if verdict is None:
            mean, low = compare(check.expected, check.probe(session))
            ok = passes(mean, low, check.line)
            runs = "int8"
            if not ok and check.fallback is not None:
                session, runs = new_session(check.fallback, opts), "fp32"
            verdict = Fidelity(check.pack_id, check.tower, round(mean, 6), round(low, 6), ok, runs)
            check.log.record(verdict)
            if not ok:
                log.warning("%s", notice(verdict, check.pack_id.split("@")[0]))
        return session

    def unload(self) -> None:
        with self._lock:
            self._sessions, self._busy = [], []


def pack_languages(manifest: dict[str, Any]) -> tuple[str, ...]:
    """The languages a pack declares; packs from before the declaration are English models
    (all-MiniLM-L6-v2, CLIP)."""
    langs = manifest.get("languages")
    if isinstance(langs, list) and langs:
        return tuple(str(x) for x in langs)
    return ("en",)


def _check_for(
    pack_dir: Path,
    manifest: dict[str, Any],
    tower: str,
    log_: FidelityLog | None,
    probe: Callable[[Any, Any], npt.NDArray[np.float32]],
) -> TowerCheck | None:
    """The load-time check of an int8 tower, or None (fp32 pack, no reference, no log)."""
    if log_ is None or str(manifest.get("precision", "int8")) != "int8":
        return None
    if str(manifest["files"][tower]).endswith(".fp32.onnx"):
        return None  # this tower was kept at full precision when the pack was assembled
    inputs = reference_inputs(manifest, tower)
    if inputs is None:
        return None
    fallback = manifest["files"].get(f"{tower}_fp32")
    return TowerCheck(
        pack_id=str(manifest["pack_id"]),
        tower=tower,
        expected=reference_outputs(manifest, tower),
        probe=lambda session: probe(session, inputs),
        line=line_for(manifest),
        log=log_,
        fallback=pack_dir / fallback if fallback else None,
    )


class OnnxTextEncoder:
    """A sentence pack, or the text tower of a CLIP pack."""

    def __init__(
        self,
        pack_dir: Path,
        manifest: dict[str, Any],
        threads: int,
        fidelity: FidelityLog | None = None,
        copies: int = 1,
    ) -> None:
        """``threads`` per call; up to ``copies`` calls run side by side on sessions of their own."""
        self._pack_id = str(manifest["pack_id"])
        self._dim = int(manifest["dim"])
        self._tok_path = pack_dir / manifest["files"]["tokenizer"]
        self._tok_cfg = dict(manifest["tokenizer"])
        rel = manifest.get("relevance")
        self._unrelated = (
            (float(rel["unrelated_mean"]), float(rel["unrelated_std"]))
            if isinstance(rel, dict)
            and "unrelated_mean" in rel
            and "vision" not in manifest["towers"]
            else None
        )
        self._languages = pack_languages(manifest)
        # what the model was trained to see before a query and before a passage (E5's
        # "query: " / "passage: ", BGE's instruction before queries); none for most packs
        raw = manifest.get("prefixes")
        prefixes: dict[str, Any] = raw if isinstance(raw, dict) else {}
        self._query_prefix = str(prefixes.get("query", ""))
        self._passage_prefix = str(prefixes.get("passage", ""))
        self._graph = text_graph(manifest)
        check = _check_for(
            pack_dir,
            manifest,
            "text",
            fidelity,
            lambda session, texts: self._graph.run(session, self._feeds(texts)),
        )
        self._sessions = _Sessions(pack_dir / manifest["files"]["text"], threads, check, copies)

    @property
    def pack_id(self) -> str:
        return self._pack_id

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def unrelated(self) -> tuple[float, float] | None:
        return self._unrelated

    @property
    def languages(self) -> tuple[str, ...]:
        return self._languages

    def encode_texts(self, texts: Sequence[str]) -> Vectors:
        """Passages (documents' text, text read from pictures)."""
        return self._encode(texts, self._passage_prefix)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        """What a person typed, to be compared with passages."""
        return self._encode(texts, self._query_prefix)

    def _encode(self, texts: Sequence[str], prefix: str) -> Vectors:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        feeds = self._feeds([prefix + t for t in texts] if prefix else texts)
        with self._sessions.use() as session:
            return l2_normalise(self._graph.run(session, feeds))

    def _feeds(self, texts: Sequence[str]) -> dict[str, npt.NDArray[np.int64]]:
        return tokenize(self._tok_path, self._tok_cfg, texts)

    def unload(self) -> None:
        self._sessions.unload()


class OnnxClipEncoder:
    """A CLIP-family pack: image tower for photos, text tower for queries, one space."""

    def __init__(
        self,
        pack_dir: Path,
        manifest: dict[str, Any],
        threads: int,
        fidelity: FidelityLog | None = None,
    ) -> None:
        self._pack_id = str(manifest["pack_id"])
        self._dim = int(manifest["dim"])
        self._pre = dict(manifest["preprocessing"])
        self._graph = vision_graph(manifest)
        check = _check_for(
            pack_dir,
            manifest,
            "vision",
            fidelity,
            lambda session, pixels: self._graph.run(session, pixels),
        )
        self._vision = _Sessions(pack_dir / manifest["files"]["vision"], threads, check)
        # The text tower only ever encodes a query's few words, on a query thread next to the
        # sentence encoder: one short sequence runs faster on one thread than split over two.
        self._text = OnnxTextEncoder(pack_dir, manifest, 1, fidelity)

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
        with self._vision.use() as session:
            return l2_normalise(self._graph.run(session, np.ascontiguousarray(batch)))

    def encode_texts(self, texts: Sequence[str]) -> Vectors:
        return self._text.encode_texts(texts)

    @property
    def unrelated(self) -> tuple[float, float] | None:
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        return self._text.languages

    def prepare(self) -> None:
        with self._vision.use():
            pass

    def unload(self) -> None:
        self._vision.unload()
        self._text.unload()
