"""Arrow schemas of the index tables and the index's schema version."""

from __future__ import annotations

from typing import Any

# 2: files.place, files.dhash, files.ocr_hash and chunks.source; 3: files.card; 4: words in
# every language (core.words): files.search_text and passages' terms hold the index's forms,
# passages record their language
SCHEMA_VERSION = 4

FILE_FIELDS: tuple[tuple[str, str], ...] = (
    ("file_id", "string"),
    ("path", "string"),
    ("root", "string"),
    ("name", "string"),
    ("kind", "string"),
    ("ext", "string"),
    ("size", "int64"),
    ("mtime", "float64"),
    ("content_hash", "string"),
    ("status", "string"),
    ("problem", "string"),
    ("taken_at", "float64"),
    ("camera", "string"),
    ("gps_lat", "float64"),
    ("gps_lon", "float64"),
    ("width", "int32"),
    ("height", "int32"),
    ("text_preview", "string"),
    ("indexed_at", "float64"),
    # name, folder words, camera, place in the index's word forms (core.words.terms): what
    # full-text search sees
    ("search_text", "string"),
    ("place", "string"),  # nearest city of the photo's GPS position: "Lisbon, Portugal"
    ("dhash", "int64"),  # 64-bit perceptual (difference) hash of a photo, for near-duplicates
    # content_hash of the file when the text in it was last read by OCR (NULL: not yet); not
    # in FileRecord, so the first pass's writes keep it; a changed file no longer matches
    ("ocr_hash", "string"),
    # what a search result shows of the file (the brief columns), as one JSON object: a large
    # index reads a page of hits by row id, and each column read is a random read per row
    # (60 rows of 14 columns ~20-40 ms at 1M files on an AVX2 laptop, of one column ~5 ms)
    ("card", "string"),
)


def _pa(kind: str) -> Any:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "int64": pa.int64(),
        "int32": pa.int32(),
        "float64": pa.float64(),
    }[kind]


def files_schema() -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(n, _pa(t)) for n, t in FILE_FIELDS])


def chunks_schema(dim: int) -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("chunk_id", pa.string()),
            pa.field("file_id", pa.string()),
            pa.field("ordinal", pa.int32()),
            pa.field("page", pa.int32()),  # -1: no pages
            pa.field("start", pa.int32()),
            pa.field("end", pa.int32()),
            pa.field("text", pa.string()),
            pa.field("pack_id", pa.string()),
            pa.field("vector", pa.list_(pa.float32(), dim)),
            pa.field("source", pa.string()),  # "": the file's text; "ocr": read from pixels
            pa.field("lang", pa.string()),  # the document's language (ISO 639-1), "" unknown
            pa.field("terms", pa.string()),  # the text's words as the index has them
        ]
    )


def words_schema() -> Any:
    """Passages stored with their words only, before their vectors: full-text searchable."""
    import pyarrow as pa

    return pa.schema([f for f in chunks_schema(1) if f.name not in ("vector", "pack_id")])


def images_schema(dim: int) -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("file_id", pa.string()),
            pa.field("pack_id", pa.string()),
            pa.field("vector", pa.list_(pa.float32(), dim)),
        ]
    )


def problems_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("path", pa.string()),
            pa.field("reason", pa.string()),
            pa.field("when", pa.float64()),
        ]
    )


def meta_schema() -> Any:
    import pyarrow as pa

    return pa.schema([pa.field("key", pa.string()), pa.field("value", pa.string())])
