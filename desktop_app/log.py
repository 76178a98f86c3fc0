"""Logging to a rotating file in the app's log folder: paths and reasons, never file contents."""

from __future__ import annotations

import logging
import logging.handlers

from desktop_app.paths import Paths

_configured = False


def setup_logging(paths: Paths, level: int = logging.INFO) -> None:
    global _configured
    if _configured:
        return
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("desktop_app")
    root.setLevel(level)
    root.addHandler(handler)
    _configured = True
