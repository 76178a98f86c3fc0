"""Trove: find anything in your photos and documents by meaning, offline."""

__version__ = "0.1.0"
