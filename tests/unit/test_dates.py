"""Dates as people type them (core/dates.py): numeric, named, relative, and the locale's order."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from workshop_tui.core.action_form import validate_action_form
from workshop_tui.core.dates import date_order, describe_date, read_date

TODAY = dt.date(2026, 6, 1)  # a Monday
D = dt.date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30/06/2026", D(2026, 6, 30)),
        ("30.6.2026", D(2026, 6, 30)),
        ("30 Jun 2026", D(2026, 6, 30)),
        ("30 june 2026", D(2026, 6, 30)),
        ("June 30, 2026", D(2026, 6, 30)),
        ("2026-06-30", D(2026, 6, 30)),
        ("20260630", D(2026, 6, 30)),
        ("  2026-06-30 ", D(2026, 6, 30)),
        ("+2w", D(2026, 6, 15)),
        ("+ 10d", D(2026, 6, 11)),
        ("+1m", D(2026, 7, 1)),
        ("+1y", D(2027, 6, 1)),
        ("in 2 weeks", D(2026, 6, 15)),
        ("tomorrow", D(2026, 6, 2)),
        ("today", TODAY),
        ("end of month", D(2026, 6, 30)),
        ("End of next month", D(2026, 7, 31)),
        ("end of year", D(2026, 12, 31)),
        ("friday", D(2026, 6, 5)),
        ("Fri", D(2026, 6, 5)),
        ("monday", D(2026, 6, 8)),  # today's weekday: a week from today
        ("next friday", D(2026, 6, 5)),
    ],
)
def test_english_forms(typed: str, expected: dt.date) -> None:
    assert read_date(typed, today=TODAY, language="en") == expected


def test_month_end_offsets_stay_in_the_month() -> None:
    assert read_date("+1m", today=D(2026, 1, 31), language="en") == D(2026, 2, 28)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30 Juni 2026", D(2026, 6, 30)),
        ("jumat", D(2026, 6, 5)),
        ("besok", D(2026, 6, 2)),
        ("akhir bulan", D(2026, 6, 30)),
        ("akhir tahun depan", D(2027, 12, 31)),
        ("friday", D(2026, 6, 5)),  # English is always understood too
        ("03/04/2026", D(2026, 4, 3)),  # Indonesian writes the day first
    ],
)
def test_indonesian_agenda(typed: str, expected: dt.date) -> None:
    assert read_date(typed, today=TODAY, language="id") == expected


@pytest.mark.parametrize(
    ("language", "order", "expected"),
    [
        ("en", "MDY", D(2026, 3, 4)),  # Babel's "en" is the US: month first
        ("en-GB", "DMY", D(2026, 4, 3)),
        ("en_GB", "DMY", D(2026, 4, 3)),
        ("fr", "DMY", D(2026, 4, 3)),
        ("de", "DMY", D(2026, 4, 3)),
        ("xx-nonsense", "DMY", D(2026, 4, 3)),  # unknown: day first
    ],
)
def test_ambiguous_day_and_month_follow_the_agenda_language(
    language: str, order: str, expected: dt.date
) -> None:
    assert date_order(language) == order
    assert read_date("03/04/2026", today=TODAY, language=language) == expected
    # an unambiguous one reads the same everywhere
    assert read_date("30/06/2026", today=TODAY, language=language) == D(2026, 6, 30)


def test_year_first_locales() -> None:
    assert date_order("ja") == "YMD"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-02-31", "February 2026 has 28 days"),
        ("2026-13-01", "there is no month 13"),
        ("31/02/2026", "is not a date this app can read"),
        ("someday", "is not a date this app can read"),
        ("12", "write the day, month and year"),
        ("x" * 200, "too long for a date"),
    ],
)
def test_what_is_not_a_date_says_why(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_date(typed, today=TODAY, language="en")


def test_empty_is_no_date() -> None:
    assert read_date("   ", today=TODAY) is None


def test_the_form_accepts_a_past_due_date_and_normalises_typed_dates() -> None:
    result = validate_action_form(
        {"text": "Draft the procedure", "start": "1/5/2026", "due": "end of month"},
        today=TODAY,
        language="id",
    )
    assert not isinstance(result, dict)
    assert (result.fields.start, result.fields.due) == ("2026-05-01", "2026-06-30")
    past = validate_action_form({"text": "Draft", "due": "01/01/2020"}, today=TODAY)
    assert not isinstance(past, dict)  # warned in the editor, not refused
    assert past.fields.due == "2020-01-01"


def test_describe_date() -> None:
    assert describe_date(D(2026, 6, 30), "en") == "Tue 30 Jun 2026"


def test_core_import_does_not_load_dateparser() -> None:
    code = (
        "import sys, workshop_tui.core.action_form, workshop_tui.core.dates;"
        "print('dateparser' in sys.modules, 'babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
