"""When to suggest a multilingual model: the document model for the library's languages or the
system's, the photo model for the languages of queries or the system's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.core.packs.get.hub import HubPreset


@dataclass(frozen=True)
class LanguageHint:
    """The document (or photo) pack does not understand most of the library's languages (or of
    the queries typed, or the system's): the multilingual model would. Nothing is downloaded
    until the person asks."""

    languages: tuple[str, ...]  # ISO 639-1: those the active pack does not declare
    from_locale: bool  # the system's language is among them (the library may not say yet)
    preset: str  # the model offered
    download_mb: int
    pack_mb: int
    kind: str = "documents"  # which pack: "documents" or "photos"


def language_hint(
    index_languages: Sequence[str],
    locale_language: str,
    pack_languages: Sequence[str],
    offered: HubPreset,
    installed: Iterable[str],
    kind: str = "documents",
) -> LanguageHint | None:
    """A hint when more than half of ``index_languages`` (those the index records; for photos,
    those of the queries the photo pack could not read), or the system locale's language, are
    not among the active pack's and the offered pack understands them; none when the offered
    pack is installed already (choosing it is the person's)."""
    if offered.name in set(installed):
        return None
    pack = set(pack_languages)
    known = set(offered.languages)
    langs = [x for x in dict.fromkeys(index_languages) if x]
    foreign = [x for x in langs if x not in pack and x in known]
    mostly = len(foreign) * 2 > len(langs)
    locale = locale_language if locale_language not in pack and locale_language in known else ""
    if not mostly and not locale:
        return None
    shown = tuple(dict.fromkeys(([locale] if locale else []) + foreign))
    return LanguageHint(
        shown, bool(locale), offered.name, offered.download_mb, offered.pack_mb, kind
    )
