"""The window's language: Qt translators for Trove's strings and Qt's own dialogs, chosen from
the system locale or the Language setting; ``translate`` is the one way a string is marked.

Strings are marked ``translate("Context", "Text {name}")`` with a literal context (not
``self.tr``), so a string keeps its translation when its code moves to another class; the
``{placeholders}`` are filled after translation with ``str.format``. pyside6-lupdate reads
these calls (it has no plural forms for Python: ``plural`` picks between two marked strings)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

# code -> the language's own name, as the Language choice lists it ("" is the system's)
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "ja": "日本語",
    "zh_CN": "简体中文",
}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a string for translation where it is defined; ``translate`` looks it up later.
    Qt's own returns ``object`` to type checkers; this one says it gives the text back."""
    return text


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """``text`` in the window's language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation)


def plural(n: int, one: str, many: str, **fields: object) -> str:
    """``one`` or ``many`` (both already translated), with ``{n}`` and ``fields`` filled in."""
    return (one if n == 1 else many).format(n=n, **fields)


def local_date(when: date | datetime) -> str:
    """A day as the window's language writes it ("07 Dec 2026", "07. Dez. 2026", "2026年12月7日");
    a datetime adds its hour and minute."""
    if isinstance(when, datetime):
        # Qt date-format letters: the translation orders them, QLocale names the month
        fmt = translate("Dates", "dd MMM yyyy HH:mm")
        moment = QDateTime(
            QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second)
        )
        return QLocale().toString(moment, fmt)
    return QLocale().toString(
        QDate(when.year, when.month, when.day), translate("Dates", "dd MMM yyyy")
    )


def system_language(ui_languages: list[str] | None = None) -> str:
    """The first of the system's preferred languages that Trove has, else English."""
    wanted = QLocale.system().uiLanguages() if ui_languages is None else ui_languages
    for tag in wanted:
        tag = tag.replace("-", "_")
        lang = tag.split("_")[0].lower()
        if lang == "zh":  # Simplified Chinese only: Traditional (TW, HK, Hant) reads English
            if not any(t in tag for t in ("TW", "HK", "MO", "Hant")):
                return "zh_CN"
            continue
        if lang in LANGUAGES:
            return lang
    return "en"


def chosen_language(setting: str) -> str:
    """The Language setting ("" follows the system) as one of LANGUAGES."""
    return setting if setting in LANGUAGES else system_language()


def install_translators(app: QCoreApplication, language: str, resources: Path) -> list[QTranslator]:
    """Load Trove's and Qt's translations for ``language`` into ``app`` (before any widget is
    made); the translators are returned so the caller keeps them alive."""
    if language != "en":  # English is the source; a chosen language also formats dates
        QLocale.setDefault(QLocale(language))
    loaded = []
    here = resources / "translations"
    for name, folders in (
        (f"trove_{language}", (here,)),
        # Qt's standard dialogs and buttons: bundled beside ours, else PySide6's own copy
        (
            f"qtbase_{language}",
            (here, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
        ),
    ):
        for folder in folders:
            t = QTranslator(app)
            if t.load(name, str(folder)):
                app.installTranslator(t)
                loaded.append(t)
                break
    return loaded
