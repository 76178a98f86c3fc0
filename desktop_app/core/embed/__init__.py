"""What runs encoders: onnxruntime sessions, tokenizers, preprocessing, the int8 fidelity check
(onnxruntime, tokenizers, Pillow and numpy only; never torch). Packs themselves live in
``core/packs``."""

from desktop_app.core.embed.api import ImageEncoder, PackInfo, TextEncoder
from desktop_app.core.embed.errors import ImageDecodeError, PackError

__all__ = [
    "ImageDecodeError",
    "ImageEncoder",
    "PackError",
    "PackInfo",
    "TextEncoder",
]
