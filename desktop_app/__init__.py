"""Trove: find anything in your photos and documents by meaning, offline."""

import os as _os

# onnxruntime 1.32 reports usage to Microsoft's collector (a DNS lookup of
# mobile.events.data.microsoft.com from the first session on): nothing may leave the
# computer. The switch is read when onnxruntime is imported, so it is set here, before any
# module of the app can import it; `core.embed.encoders.new_session` also turns it off.
_os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

__version__ = "0.1.0"
