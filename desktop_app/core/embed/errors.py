"""Errors raised by model packs and encoders, each with a one-line human reason."""

from desktop_app.core.imaging import ImageDecodeError

__all__ = ["ImageDecodeError", "PackError"]


class PackError(Exception):
    """A model pack is missing, damaged, tampered with or of an unknown format."""
