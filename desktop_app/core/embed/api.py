"""The encoder interfaces the rest of the engine codes against (implemented by model packs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]  # (n, dim), rows L2-normalised


@dataclass(frozen=True)
class PackInfo:
    """What the app knows about an installed model pack (read from its manifest)."""

    name: str  # e.g. 'minilm-l6', 'clip-vit-b32'
    pack_id: str  # name plus a short content hash; recorded on every vector row
    family: str  # 'sentence' | 'clip' | 'siglip'
    dim: int
    towers: tuple[str, ...]  # ('text',) or ('vision', 'text')
    precision: str  # 'int8' | 'fp32'
    licence: str
    source: str
    path: str
    bundled: bool = False


class TextEncoder(Protocol):
    """Turns passages or queries into vectors (document encoder, or a CLIP text tower)."""

    @property
    def pack_id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    @property
    def unrelated(self) -> tuple[float, float] | None:
        """Mean and standard deviation of the cosine between unrelated texts, measured when
        the pack was built (None when unknown): where an off-topic query's scores lie."""
        ...

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the pack understands (ISO 639-1), as its manifest declares them."""
        ...

    def encode_texts(self, texts: Sequence[str]) -> Vectors:
        """Passages: float32 (n, dim), L2-normalised (with the pack's passage prefix, if any)."""
        ...

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        """Queries, as ``encode_texts`` but with the pack's query prefix (E5, BGE); never pads
        short queries to full length."""
        ...


class ImageEncoder(Protocol):
    """A CLIP-family pack: the image tower plus the text tower of the same space."""

    @property
    def pack_id(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def load_pixels(self, path: str) -> npt.NDArray[np.float32]:
        """Decode (JPEG draft mode, EXIF orientation) and preprocess one image to (3, H, W).

        Safe to call from several threads at once: this is the extract pool's work.
        Raises ``ImageDecodeError`` (core.embed.errors) with a human reason on bad files.
        """
        ...

    def decode(self, path: str) -> Any:
        """The first half of ``load_pixels``: the decoded PIL image, at this pack's input size
        or a little above (other per-photo facts, such as the perceptual hash, reuse it)."""
        ...

    def pixels(self, image: Any) -> npt.NDArray[np.float32]:
        """The second half of ``load_pixels``: preprocess a decoded image to (3, H, W)."""
        ...

    def encode_pixels(self, batch: npt.NDArray[np.float32]) -> Vectors:
        """Run the image tower on a (n, 3, H, W) batch; L2-normalised output.

        Safe to call from several threads at once (indexing encodes two halves of a batch)."""
        ...

    def prepare(self) -> None:
        """Load the image tower now (indexing overlaps this with the first decodes)."""
        ...

    def encode_texts(self, texts: Sequence[str]) -> Vectors:
        """Run the text tower: queries into the image space."""
        ...

    @property
    def unrelated(self) -> tuple[float, float] | None:
        """As for TextEncoder; None for image packs (text-to-image scores have no such scale)."""
        ...

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages its text tower understands (ISO 639-1), as its manifest declares."""
        ...


@dataclass(frozen=True)
class PackProgress:
    """How far getting an image pack has come (download, check, convert, test, install)."""

    step: str  # 'download' | 'check' | 'convert' | 'test' | 'install' | 'done'
    message: str
    done: int = 0  # bytes so far (download)
    total: int = 0
    rate: float = 0.0  # bytes per second over the last seconds
    seconds_left: float | None = None

    def line(self) -> str:
        """One line a person reads: bytes, rate, time left and the step."""
        if self.step != "download" or not self.total:
            return self.message
        parts = [f"{_mb(self.done)} of {_mb(self.total)}"]
        if self.rate > 0:
            parts.append(f"{self.rate / 1e6:.1f} MB/s")
        if self.seconds_left is not None:
            parts.append(f"about {_duration(self.seconds_left)} left")
        return f"{self.message}: " + " · ".join(parts)


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB" if n < 10e6 else f"{n / 1e6:,.0f} MB"


def _duration(seconds: float) -> str:
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"
