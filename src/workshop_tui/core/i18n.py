"""Translations: gettext catalogs under ``workshop_tui/locale/<lang>/LC_MESSAGES``.

Every user-visible string is wrapped where it is written::

    from workshop_tui.core.i18n import _, N_, ngettext

    self.notify(_("Saved {count} entries").format(count=n))
    ngettext("{n} action", "{n} actions", n).format(n=n)
    LABEL = N_("Challenges")      # marked for extraction; translate with _(LABEL) when shown

Data is never translated: JSON keys, enum values, entry texts and ids stay as they are.
``_`` translates into the *UI* language (``set_language``); exporters ask for a
:class:`Translator` of the export's language with :func:`translator`.

The core imports no Textual; the UI, the CLI and the exporters all use this module.
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

DOMAIN = "workshop_tui"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DEFAULT_LANGUAGE = "en"
ENV_VAR = "WORKSHOP_TUI_LANG"


class Translator:
    """One language's catalog (English, the source language, has none)."""

    def __init__(self, language: str, catalog: _gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)


def normalize_language(code: str | None) -> str:
    """``id_ID.UTF-8`` → ``id``; ``in`` (old code for Indonesian) → ``id``; empty → ``""``."""
    if not code:
        return ""
    base = code.strip().split(".", 1)[0].split("@", 1)[0]
    base = base.replace("-", "_").split("_", 1)[0].lower()
    return {"in": "id", "ind": "id", "eng": "en"}.get(base, base)


def available_languages() -> list[str]:
    """Languages with a compiled catalog, plus English (the source)."""
    found = {DEFAULT_LANGUAGE}
    if LOCALE_DIR.is_dir():
        for child in LOCALE_DIR.iterdir():
            if (child / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
                found.add(child.name)
    return sorted(found)


@lru_cache(maxsize=8)
def translator(language: str | None) -> Translator:
    """The translator for ``language`` (English, i.e. identity, when there is no catalog)."""
    lang = normalize_language(language) or DEFAULT_LANGUAGE
    if lang == DEFAULT_LANGUAGE:
        return Translator(lang, _gettext.NullTranslations())
    catalog = _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)
    if isinstance(catalog, _gettext.GNUTranslations):
        return Translator(lang, catalog)
    return Translator(DEFAULT_LANGUAGE, catalog)


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for by the environment: ``WORKSHOP_TUI_LANG``, then the POSIX locale
    variables (``LC_ALL`` > ``LC_MESSAGES`` > ``LANG``), else English."""
    env = os.environ if environ is None else environ
    for var in (ENV_VAR, "LC_ALL", "LC_MESSAGES", "LANG"):
        value = normalize_language(env.get(var, ""))
        if value and value not in ("c", "posix"):
            return value
    return DEFAULT_LANGUAGE


#: each language's name in that language (the language menu); others come from Babel
LANGUAGE_NAMES = {"en": "English", "id": "Bahasa Indonesia"}


def language_name(language: str) -> str:
    """``id`` → ``Bahasa Indonesia``: a language's own name, for choosing it."""
    lang = normalize_language(language) or DEFAULT_LANGUAGE
    if lang in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[lang]
    try:
        from babel import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(lang).display_name or lang)
        except (UnknownLocaleError, ValueError):
            return lang
    except ImportError:  # pragma: no cover - babel is a dependency
        return lang


def ui_language(
    requested: str | None = None,
    remembered: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The UI language: ``--lang`` (``requested``) > ``WORKSHOP_TUI_LANG`` > the language chosen
    in the app (``remembered``, the ``ui.language`` preference) > ``LC_ALL``/``LC_MESSAGES``/
    ``LANG`` > English. Languages without a catalog fall back to English."""
    env = os.environ if environ is None else environ
    for candidate in (requested, env.get(ENV_VAR), remembered):
        lang = normalize_language(candidate)
        if lang and lang not in ("c", "posix"):
            return lang if lang in available_languages() else DEFAULT_LANGUAGE
    lang = system_language({k: v for k, v in env.items() if k != ENV_VAR})
    return lang if lang in available_languages() else DEFAULT_LANGUAGE


def format_date(value: _dt.date | None, language: str | None = None, style: str = "long") -> str:
    """A date as people of ``language`` (default: the UI's) write it: ``30 Juni 2026``,
    ``June 30, 2026``. ``style`` is Babel's (``short``, ``medium``, ``long``, ``full``) or a
    CLDR pattern. Babel loads on first use only (start-up does not pay for it)."""
    if value is None:
        return ""
    from babel import UnknownLocaleError
    from babel.dates import format_date as _babel_format_date

    lang = normalize_language(language) or current_language()
    try:
        return str(_babel_format_date(value, format=style, locale=lang))
    except (UnknownLocaleError, ValueError, LookupError):
        return str(_babel_format_date(value, format=style, locale=DEFAULT_LANGUAGE))


_current: Translator = translator(DEFAULT_LANGUAGE)


def set_language(language: str | None) -> str:
    """Switch the UI language; returns the language actually used (English when unknown)."""
    global _current
    _current = translator(language)
    return _current.language


def current_language() -> str:
    return _current.language


def ui_translator() -> Translator:
    """The translator of the UI language (what ``_`` uses)."""
    return _current


def _(message: str) -> str:
    """Translate ``message`` into the current UI language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation into the current UI language."""
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (class-level constants,
    labels tables); translate it with ``_(...)`` when it is shown."""
    return message
