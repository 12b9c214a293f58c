"""core.i18n: which language, translators per language, dates in the export's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from workshop_tui.core import i18n


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("requested", "remembered", "environ", "expected"),
    [
        (None, None, {}, "en"),
        (None, None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, None, {"LANG": "en_US.UTF-8", "LC_MESSAGES": "id_ID"}, "id"),
        (None, None, {"LC_ALL": "C", "LANG": "id_ID.UTF-8"}, "id"),
        (None, None, {"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        (None, "en", {"LANG": "id_ID.UTF-8"}, "en"),  # chosen in the app beats the locale
        (None, "en", {"WORKSHOP_TUI_LANG": "id"}, "id"),  # the variable beats the app's choice
        ("en", None, {"WORKSHOP_TUI_LANG": "id"}, "en"),  # --lang beats everything
        ("id", None, {}, "id"),
        ("in", None, {}, "id"),  # the old code for Indonesian
        ("xx", None, {"LANG": "id_ID"}, "en"),  # no catalog: English
        (None, None, {"LANG": "fr_FR.UTF-8"}, "en"),
    ],
)
def test_ui_language_order(
    requested: str | None, remembered: str | None, environ: dict[str, str], expected: str
) -> None:
    assert i18n.ui_language(requested, remembered, environ) == expected


def test_switching_the_ui_language() -> None:
    assert i18n.set_language("id") == "id"
    assert i18n.current_language() == "id"
    assert i18n._("Quit") == "Keluar"
    assert i18n.set_language("klingon") == "en"
    assert i18n._("Quit") == "Quit"


def test_translator_is_independent_of_the_ui_language() -> None:
    i18n.set_language("en")
    t = i18n.translator("id")
    assert t.language == "id"
    assert t.gettext("Quit") == "Keluar"
    assert i18n._("Quit") == "Quit"


def test_plural_forms() -> None:
    en = i18n.translator("en")
    assert en.ngettext("{n} action", "{n} actions", 1) == "{n} action"
    assert en.ngettext("{n} action", "{n} actions", 2) == "{n} actions"
    # Indonesian has one form: the same text for 1 and 5, the catalog's only msgstr
    from workshop_tui import i18n_tools

    t = i18n.translator("id")
    catalog = i18n_tools.read_catalog(i18n_tools.po_path("id"), "id")
    assert catalog.num_plurals == 1
    for message in catalog:
        if message.id and message.pluralizable:
            singular, plural = message.id
            assert t.ngettext(singular, plural, 1) == t.ngettext(singular, plural, 5)
            assert t.ngettext(singular, plural, 5) == message.string[0]


def test_dates_in_the_export_language() -> None:
    day = dt.date(2026, 6, 30)
    assert i18n.format_date(day, "id") == "30 Juni 2026"
    assert i18n.format_date(day, "en") == "June 30, 2026"
    assert i18n.format_date(None, "id") == ""
    assert i18n.format_date(day, "zz-unknown") == "June 30, 2026"


def test_language_names() -> None:
    assert i18n.language_name("id") == "Bahasa Indonesia"
    assert i18n.language_name("en_GB") == "English"
    assert i18n.available_languages() == sorted({"en", "id", *i18n.available_languages()})


def test_the_indonesian_agenda_mirrors_the_english_one() -> None:
    from workshop_tui.core.agenda_yaml import load_agenda

    english = load_agenda("ipr-border-enforcement")
    indonesian = load_agenda("ipr-border-enforcement-id")
    assert indonesian.language == "id"
    assert [(t.id, t.timebox, len(t.questions)) for t in indonesian.topics] == [
        (t.id, t.timebox, len(t.questions)) for t in english.topics
    ]
    assert len(indonesian.participants) == len(english.participants)
    assert len(indonesian.schedule) == len(english.schedule)
    assert "Hak Kekayaan Intelektual (HKI)" in indonesian.description
    assert "rekordasi" in " ".join(t.description for t in indonesian.topics).lower()
