"""One extractor per file family; each failure is an ExtractError with a human reason."""


class ExtractError(Exception):
    """A file could not be read; ``str(exc)`` says why in plain words."""
