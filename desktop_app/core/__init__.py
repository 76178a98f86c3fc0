"""Trove's engine: pure Python, no Qt (checked by import-linter)."""
