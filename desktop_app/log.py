"""Logging to a rotating file in the app's log folder: paths and reasons, never file contents."""

from __future__ import annotations

import logging
import logging.handlers

from desktop_app.paths import Paths

_handler: logging.Handler | None = None
_handler_path: str = ""


def setup_logging(paths: Paths, level: int = logging.INFO) -> None:
    """Send desktop_app's log to ``paths.log_file`` (1 MB x 3); safe to call again."""
    global _handler, _handler_path
    root = logging.getLogger("desktop_app")
    if _handler is not None and _handler_path == str(paths.log_file):
        return
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.setLevel(level)
    root.addHandler(handler)
    _handler, _handler_path = handler, str(paths.log_file)
