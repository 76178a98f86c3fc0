"""Generate resources/sample: the small folder `trove --self-test` indexes and searches."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fixtures import make_photo  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample"
DOCS = {
    "hardware-receipt.txt": "Hardware store receipt\n\nTwo hammers, a box of nails and wood glue. Total 42.50.\n",
    "sourdough.md": "# Sourdough\n\nMix the starter with flour and water, let the dough rise overnight, then bake.\n",
    "lisbon-trip.txt": "Train timetable: departures to Lisbon leave every hour from platform four.\n",
}


def main() -> int:
    SAMPLE.mkdir(parents=True, exist_ok=True)
    for name, text in DOCS.items():
        (SAMPLE / name).write_text(text, encoding="utf-8")
    make_photo(SAMPLE / "sunset.jpg", seed=21, size=(320, 240), quality=80)
    make_photo(SAMPLE / "forest.jpg", seed=22, size=(320, 240), quality=80)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
