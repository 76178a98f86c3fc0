"""Model registry and the export + int8 quantization tooling (needs the `export` extra)."""
