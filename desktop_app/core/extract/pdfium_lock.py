"""The one lock every PDFium call in the process takes: PDFium is not thread-safe, not even
across documents (pypdfium2's documentation), and text extraction, text in scans and the
window's page thumbnails all read PDFs on threads of their own."""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()  # re-entrant: a helper holding it may call another that takes it
