"""`trove --self-test`: index the bundled sample in a temporary home, search it, report."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from desktop_app.commands.common import CommandError


def run_self_test() -> int:
    from desktop_app import __version__
    from desktop_app.core.engine import EngineConfig, EngineError, TroveEngine
    from desktop_app.paths import Paths

    real = Paths.from_env()
    sample = real.resources / "sample"
    if not sample.is_dir():
        raise CommandError(f"the bundled sample folder is missing ({sample})")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="trove-selftest-") as tmp:
        home = Path(tmp)
        folder = home / "sample"
        shutil.copytree(sample, folder)
        pack_dirs = (real.packs_dir, real.bundled_packs)
        engine = TroveEngine(EngineConfig(home / "index", pack_dirs, roots=(str(folder),)))
        try:
            engine.open()
            summary = engine.index()
            result = engine.search("nails for woodwork", limit=3)
            status = engine.status()
        except EngineError as exc:
            raise CommandError(f"self-test failed: {exc}") from exc
        finally:
            engine.close()
    top = os.path.basename(result.hits[0].path) if result.hits else "(nothing)"
    from desktop_app.core.extract import ocr
    from desktop_app.core.extract.places import place_for

    place = place_for(38.7223, -9.1393)  # the bundle carries the place names
    can_ocr = ocr.available()  # ... and the OCR models
    from desktop_app.core.store.firststage import self_check

    prescan = self_check()  # ... and FAISS, which scans large indexes
    # the receipt is found by its words alone too: the self-test is of search by meaning
    ok = (
        status.document_pack is not None
        and top == "hardware-receipt.txt"
        and summary.failed == 0
        and "Lisbon" in place
        and can_ocr
        and prescan
    )
    print(f"Trove {__version__} self-test")
    print(f"  document pack: {status.document_pack or 'none'}")
    print(f"  image pack:    {status.image_pack or 'none'}")
    print(
        f"  indexed {summary.added} files ({summary.embedded} vectors) with {summary.failed} problems"
    )
    print(f"  'nails for woodwork' -> {top} ({result.elapsed_ms:.0f} ms)")
    print(f"  place of 38.7223, -9.1393 -> {place or '(none)'}")
    print(f"  text in pictures: {'models present' if can_ocr else 'OCR models missing'}")
    print(f"  first stage of large indexes: {'ok' if prescan else 'unavailable'}")
    print(f"  {'PASS' if ok else 'FAIL'} in {time.monotonic() - started:.1f} s")
    if status.document_pack is None:
        print("  no document pack is installed: run `trove models build minilm-l6`")
    return 0 if ok else 1
