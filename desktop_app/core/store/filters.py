"""LanceDB filter expressions built from values (never from a person's raw text), and the
file filter a query's `type:`, `in:`, date and place words make."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.fspath import is_under
from desktop_app.core.words import flat


def quote(value: str) -> str:
    """Quote a string literal for a LanceDB filter."""
    return "'" + value.replace("'", "''") + "'"


def is_in(column: str, values: Iterable[str]) -> str:
    return f"{column} IN ({', '.join(quote(v) for v in values)})"


def fold(text: str) -> str:
    """Lower case without accents, as words are folded (core.words): place:sao finds "São
    Paulo", place:koln "Köln", place:lodz "Łódź"."""
    return flat(text)


def _range(column: str, after: float | None, before: float | None) -> str:
    conds = [] if after is None else [f"{column} >= {float(after)!r}"]
    conds += [] if before is None else [f"{column} < {float(before)!r}"]
    return " AND ".join(conds)


@dataclass(frozen=True)
class FileFilter:
    """Which files a query admits: kinds and extensions (any of each), folders (a path prefix
    or a folder's name, any), places (folded names, any), and a time range on when a photo was
    taken (else the file's modification time). Empty fields admit everything."""

    kinds: tuple[str, ...] = ()
    extensions: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    after: float | None = None
    before: float | None = None

    def __bool__(self) -> bool:
        return bool(
            self.kinds
            or self.extensions
            or self.folders
            or self.places
            or self.after is not None
            or self.before is not None
        )

    @property
    def exact_in_sql(self) -> bool:
        """Does ``where`` admit exactly these files? (folder names and folded place names are
        checked in Python: SQL has no path rule and no accent folding)"""
        return not self.folders and not self.places

    def where(self, has_place: bool = True, loose: bool = False) -> str:
        """A files-table condition every admitted file meets (exactly these when
        ``exact_in_sql`` and not ``loose``). A ``loose`` one may admit more (a photo taken
        before the range but modified in it), and is cheaper on the indexes: a prefilter for
        results that are checked against the filter's files anyway."""
        conds: list[str] = []
        if self.kinds:
            conds.append(is_in("kind", self.kinds))
        if self.extensions:
            conds.append(is_in("ext", self.extensions))
        if self.folders:  # a prefix or a folder's name is a substring of the path
            conds.append(
                "("
                + " OR ".join(f"strpos(lower(path), {quote(_folder(f))}) > 0" for f in self.folders)
                + ")"
            )
        # Each condition is on a column as stored, so the files table's scalar indexes answer
        # it (IndexStore._build_scalar_indexes): at 1M files a full-text search among a
        # filter's files took 26-145 ms scanning the columns, 6-23 ms through the indexes.
        if self.places:  # neither NULL nor '' is greater than ''
            conds.append("place > ''" if has_place else "false")
        if self.after is not None or self.before is not None:
            # "taken_at IS NULL" is most rows of a large index: 18 ms of the index's time
            unknown = "" if loose else "taken_at IS NULL AND "
            conds.append(
                f"(({_range('taken_at', self.after, self.before)}) OR"
                f" ({unknown}{_range('mtime', self.after, self.before)}))"
            )
        return " AND ".join(conds) or "true"

    def admits(self, kind: str, ext: str, path: str, place: str, when: float) -> bool:
        """The exact rule, for one file."""
        if self.kinds and kind not in self.kinds:
            return False
        if self.extensions and ext not in self.extensions:
            return False
        if self.folders and not self.in_folders(path):
            return False
        if self.places and not self.at_place(place):
            return False
        if self.after is not None and when < self.after:
            return False
        return self.before is None or when < self.before

    def in_folders(self, path: str) -> bool:
        low = path.lower()
        parts = low.split(os.sep)[:-1]
        return any(is_under(low, _folder(f)) or _folder(f) in parts for f in self.folders)

    def at_place(self, place: str) -> bool:
        have = fold(place or "")
        return any(w in have for w in self.places)


def _folder(f: str) -> str:
    return f.lower().rstrip("/\\")
