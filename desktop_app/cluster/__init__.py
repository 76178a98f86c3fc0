"""A library larger than one computer: Trove's extractors and packs on a Ray cluster, writing a
Trove index as Lance datasets on shared or object storage (the `[cluster]` extra; the app never
imports this package)."""
