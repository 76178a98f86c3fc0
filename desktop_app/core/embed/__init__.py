"""Model packs at run time: onnxruntime, tokenizers, Pillow and numpy only (never torch)."""

from desktop_app.core.embed.api import ImageEncoder, PackInfo, TextEncoder
from desktop_app.core.embed.errors import ImageDecodeError, PackError
from desktop_app.core.embed.packs import PackManager

__all__ = [
    "ImageDecodeError",
    "ImageEncoder",
    "PackError",
    "PackInfo",
    "PackManager",
    "TextEncoder",
]
