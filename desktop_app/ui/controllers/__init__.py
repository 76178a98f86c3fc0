"""Controllers between the window and the engine: the policy for folders, model packs, pausing,
searching, settings and indexing status. Each takes the engine host and the settings, runs
its work through the host (never on the GUI thread) and says what happened in signals; the
window only composes panels and connects those signals."""

from __future__ import annotations

from collections.abc import Callable

SaveSettings = Callable[[], None]  # writes the settings file; the window says when it fails
