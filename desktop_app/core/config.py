"""EngineConfig: what the engine is told by the app (folders, packs, the person's settings)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EngineConfig:
    index_dir: Path
    pack_dirs: tuple[Path, ...]  # the user's packs folder first, then bundled packs
    roots: tuple[str, ...] = ()
    exclude_patterns: tuple[str, ...] = ()
    include_hidden: bool = False
    active_image_pack: str | None = None  # None: the best installed image pack
    document_pack: str | None = None  # None: the installed sentence pack
    threads: int = 0  # 0: choose from the core count
    ocr: bool = True  # read the text in photos and scanned pages after the first pass
    pack_checks_file: Path | None = None  # remembers each int8 tower's check on this machine
    own_dirs: tuple[Path, ...] = ()  # the app's folders (packs, logs, settings): never indexed
