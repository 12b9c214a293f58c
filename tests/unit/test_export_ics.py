"""iCalendar export read back with the icalendar library, plus RFC 5545 line rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from export_sample import A1_TEXT, CJK, LONG_INDICATOR, NOW, Sample, build
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from workshop_tui.core.export import ExportOptions, export
from workshop_tui.core.export.actions_ics import escape_text, fold
from workshop_tui.core.export.markup import plain


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def test_one_vtodo_per_dated_action_with_its_fields(sample: Sample) -> None:
    payload = export(sample.session, "actions", "ics", ExportOptions(now=NOW))
    calendar = Calendar.from_ical(payload)
    todos = {str(t["UID"]): t for t in calendar.walk("VTODO")}
    dated = ["a4", "a2", "a1"]  # a3 has only a timeframe; a5 is deleted
    assert set(todos) == {f"{sample.ids[n]}@workshop-tui" for n in dated}

    a1 = todos[f"{sample.ids['a1']}@workshop-tui"]
    assert a1.decoded("DUE") == dt.date(2026, 12, 31)
    assert a1.decoded("DTSTART") == dt.date(2026, 12, 1)
    assert str(a1["SUMMARY"]) == A1_TEXT
    assert str(a1["STATUS"]) == "IN-PROCESS"
    assert int(a1["PRIORITY"]) == 1
    description = str(a1["DESCRIPTION"])
    assert "Owner: @SUM(A1:A2)" in description
    assert "Responsible unit: Legal unit" in description
    assert f"Success indicator: {LONG_INDICATOR}" in description
    assert a1.decoded("DTSTAMP") == dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)

    a2 = todos[f"{sample.ids['a2']}@workshop-tui"]
    assert str(a2["SUMMARY"]) == CJK and str(a2["STATUS"]) == "NEEDS-ACTION"
    assert "DTSTART" not in a2
    assert str(todos[f"{sample.ids['a4']}@workshop-tui"]["STATUS"]) == "CANCELLED"


def test_status_mapping(sample: Sample) -> None:
    for status, expected in [
        ("done", "COMPLETED"),
        ("open", "NEEDS-ACTION"),
        ("carried_over", "CANCELLED"),
    ]:
        entry = sample.session.get(sample.ids["a2"])
        assert entry.action is not None
        entry.action.status = type(entry.action.status)(status)
        sample.session.save_entry(entry)
        calendar = Calendar.from_ical(export(sample.session, "actions", "ics"))
        todo = next(t for t in calendar.walk("VTODO") if str(t["UID"]).startswith(sample.ids["a2"]))
        assert str(todo["STATUS"]) == expected


def test_lines_are_crlf_and_folded_at_75_octets(sample: Sample) -> None:
    payload = export(sample.session, "actions", "ics")
    assert payload.endswith(b"END:VCALENDAR\r\n")
    lines = payload.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # no bare LF anywhere
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long descriptions were folded
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 character


def test_fold_and_escape_units() -> None:
    long = "DESCRIPTION:" + "é" * 100
    folded = fold(long)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == long
    assert fold("SHORT:x") == "SHORT:x"
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_no_dated_actions_gives_an_empty_calendar(sample: Sample) -> None:
    for name in ("a1", "a2", "a4"):
        sample.session.delete_entry(sample.ids[name])
    calendar = Calendar.from_ical(export(sample.session, "actions", "ics"))
    assert calendar.walk("VTODO") == []
    assert str(calendar["VERSION"]) == "2.0"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_survives_escaping_and_folding(text: str) -> None:
    line = fold("SUMMARY:" + escape_text(text))
    assert all(len(part.encode("utf-8")) <= 75 for part in line.split("\r\n"))
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VTODO\r\nUID:1\r\n"
        f"DTSTAMP:20260101T000000Z\r\n{line}\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    todo = Calendar.from_ical(body.encode("utf-8")).walk("VTODO")[0]
    assert str(todo["SUMMARY"]) == plain(text)
