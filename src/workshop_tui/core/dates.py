"""Dates as people type them: ``30/06/2026``, ``30.6.2026``, ``30 Jun 2026``, ``2026-06-30``,
``tomorrow``, ``friday``, ``in 2 weeks``, ``+2w``, ``end of month``.

Parsing is done by `dateparser` (a well-kept library that knows month and weekday names in
many languages, the agenda's and English); a thin layer here adds the short relative forms it
lacks (``+3d``, ``+2w``, ``+1m``, ``+1y``; ``end of month`` / ``end of next month`` /
``end of year``, also in Indonesian: ``akhir bulan``, ``akhir tahun``).

Which number is the day in ``03/04/2026`` follows the agenda's language and region through
Babel's short date pattern for that locale: ``en`` (Babel's default region, the US) reads it
as 4 March; ``en-GB``, ``id``, ``fr``, ``de`` as 3 April; ``ja`` and ``zh`` put the year first.
A date that cannot be ambiguous (``30/06/2026``) is read the same everywhere. Weekday names
and ``next monday`` mean the next such day (today's weekday means a week from today).

`dateparser` and Babel are imported on first use: start-up does not pay for them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Any

from workshop_tui.core.i18n import _, normalize_language

#: the date orders dateparser understands
ORDERS = ("DMY", "MDY", "YMD")
MAX_DATE_CHARS = 60  # a typed date longer than this is not a date

_OFFSET = re.compile(r"\+\s*(\d{1,3})\s*([dwmy])", re.IGNORECASE)
_END_OF = {
    "end of month": (0, "month"),
    "end of the month": (0, "month"),
    "end of this month": (0, "month"),
    "end of next month": (1, "month"),
    "end of year": (0, "year"),
    "end of the year": (0, "year"),
    "end of this year": (0, "year"),
    "end of next year": (1, "year"),
    "akhir bulan": (0, "month"),
    "akhir bulan ini": (0, "month"),
    "akhir bulan depan": (1, "month"),
    "akhir tahun": (0, "year"),
    "akhir tahun ini": (0, "year"),
    "akhir tahun depan": (1, "year"),
}
_ISO_SHAPE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@lru_cache(maxsize=32)
def date_order(language: str | None) -> str:
    """``"DMY"``, ``"MDY"`` or ``"YMD"`` for a language code such as ``en``, ``en-GB``, ``id``
    (Babel's short date pattern for the locale; day-first when the locale is unknown)."""
    from babel import Locale, UnknownLocaleError

    code = (language or "en").strip().replace("-", "_")
    try:
        pattern = Locale.parse(code).date_formats["short"].pattern
    except (UnknownLocaleError, ValueError, TypeError, KeyError):
        try:
            pattern = Locale.parse(normalize_language(code) or "en").date_formats["short"].pattern
        except (UnknownLocaleError, ValueError, TypeError, KeyError):
            return "DMY"
    first: dict[str, int] = {}
    for letter in ("d", "M", "y"):
        index = pattern.find(letter)
        first[letter] = index if index >= 0 else 99
    order = "".join(
        {"d": "D", "M": "M", "y": "Y"}[letter] for letter in sorted(first, key=first.__getitem__)
    )
    return order if order in ORDERS else "DMY"


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _relative(text: str, today: dt.date) -> dt.date | None:
    """The forms dateparser does not read: ``+2w`` and friends, ``end of month``."""
    offset = _OFFSET.fullmatch(text)
    if offset:
        count, unit = int(offset.group(1)), offset.group(2).lower()
        if unit == "d":
            return today + dt.timedelta(days=count)
        if unit == "w":
            return today + dt.timedelta(weeks=count)
        return _add_months(today, count * (12 if unit == "y" else 1))
    end = _END_OF.get(" ".join(text.lower().split()))
    if end is not None:
        ahead, unit = end
        if unit == "year":
            return dt.date(today.year + ahead, 12, 31)
        first = _add_months(today.replace(day=1), ahead)
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return None


def _check_iso_shape(text: str) -> None:
    """``2026-02-31`` → a message naming the month's length (more helpful than "invalid")."""
    shape = _ISO_SHAPE.fullmatch(text)
    if not shape:
        return
    year, month, day = (int(part) for part in shape.groups())
    if not 1 <= month <= 12:
        raise ValueError(
            _("{text} is not a valid date: there is no month {month}").format(
                text=text, month=f"{month:02d}"
            )
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise ValueError(
            _("{text} is not a valid date: {month} {year} has {days} days").format(
                text=text, month=calendar.month_name[month], year=year, days=days
            )
        )


def _languages(language: str | None) -> list[str]:
    """dateparser's languages to try: the agenda's (when dateparser knows it), then English."""
    from dateparser.languages.loader import default_loader

    wanted = normalize_language(language)
    known = set(default_loader.get_locale_map().keys())
    return [code for code in dict.fromkeys([wanted, "en"]) if code and code in known] or ["en"]


def read_date(text: str, *, today: dt.date, language: str | None = "en") -> dt.date | None:
    """The date ``text`` means (``None`` for an empty text); raise ValueError saying why not.

    ``today`` anchors the relative forms; ``language`` (the agenda's) decides the day/month
    order of an ambiguous numeric date and which month and weekday names are read.
    """
    text = " ".join(text.split())
    if not text:
        return None
    if len(text) > MAX_DATE_CHARS:
        raise ValueError(_("that is too long for a date"))
    _check_iso_shape(text)
    relative = _relative(text, today)
    if relative is not None:
        return relative
    if re.fullmatch(r"\d{8}", text):  # 20260630, the compact ISO form
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    if re.fullmatch(r"[\d\s]+", text):  # "12", "30062026": too easy to misread
        raise ValueError(
            _("“{text}” is not a date: write the day, month and year").format(text=text)
        )
    import dateparser

    settings: dict[str, Any] = {
        "DATE_ORDER": date_order(language),
        "PREFER_DATES_FROM": "future",
        "PREFER_DAY_OF_MONTH": "first",
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["relative-time", "absolute-time", "custom-formats"],
    }
    try:
        found = dateparser.parse(text, languages=_languages(language), settings=settings)
    except (ValueError, OverflowError, TypeError):
        found = None
    if found is None:
        raise ValueError(
            _(
                "“{text}” is not a date this app can read "
                "(e.g. 30/06/2026, 30 Jun 2026, 2026-06-30, friday, +2w, end of month)"
            ).format(text=text)
        )
    return found.date()


def describe_date(day: dt.date, language: str | None = None) -> str:
    """``Tue 30 Jun 2026`` in ``language`` (the UI language when None; English fallback)."""
    from babel.dates import format_date

    from workshop_tui.core.i18n import current_language

    try:
        return str(format_date(day, "EEE d MMM y", locale=language or current_language()))
    except (ValueError, LookupError):
        return day.strftime("%a %d %b %Y")
