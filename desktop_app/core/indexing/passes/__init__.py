"""Passes after the first: each a loop of slices (what is pending, run a slice, give way)."""
