"""Errors raised by model packs and encoders, each with a one-line human reason."""


class PackError(Exception):
    """A model pack is missing, damaged, tampered with or of an unknown format."""


class ImageDecodeError(Exception):
    """An image could not be decoded; the message says why in plain words."""
