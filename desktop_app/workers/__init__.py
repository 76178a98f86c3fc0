"""QtCore-only workers: threads and queued signals between the engine and the window."""
