"""Unit tests of the domain model."""

from __future__ import annotations

import datetime as dt

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    Entry,
    EntryKind,
    Priority,
    Session,
    Timeframe,
    now_iso,
    parse_date,
)
from workshop_tui.core.summary import summarise

AGENDA = Agenda(title="W", topics=(Topic("t1", "Topic 1"),), groups=(Group("A"),))


def test_now_iso_strictly_increases() -> None:
    stamps = [now_iso() for _ in range(200)]
    assert stamps == sorted(set(stamps))
    assert dt.datetime.fromisoformat(stamps[0]).tzinfo is not None


def test_entry_round_trip_with_action() -> None:
    fields = ActionFields(
        owner="Officer 03",
        unit="Risk management unit",
        level=ActionLevel.INDIVIDUAL,
        due="2027-01-15",
        timeframe=Timeframe.SHORT,
        priority=Priority.HIGH,
        status=ActionStatus.IN_PROGRESS,
        indicator="profile in use at 3 ports",
        partners=["police", "right holders"],
    )
    e = Entry(
        EntryKind.ACTION,
        "t1",
        "A",
        "Draft a risk profile",
        action=fields,
        links=["x"],
        votes={"A": 2},
    )
    again = Entry.from_dict(e.to_dict())
    assert again == e
    assert again.action is not None and again.action.due_date == dt.date(2027, 1, 15)
    assert again.vote_count == 2


def test_action_entry_gets_default_fields_and_others_none() -> None:
    assert Entry(EntryKind.ACTION, "t1", "A", "x").action == ActionFields()
    assert Entry(EntryKind.CHALLENGE, "t1", "A", "x").action is None


def test_touched_bumps_updated_only() -> None:
    e = Entry(EntryKind.CHALLENGE, "t1", "A", "x")
    t = e.touched(text="y")
    assert (t.text, t.created, t.id) == ("y", e.created, e.id)
    assert t.updated > e.updated and e.text == "x"


@pytest.mark.parametrize("text", ["in progress", "In-Progress", "IN_PROGRESS", " in progress "])
def test_status_parse_accepts_spellings(text: str) -> None:
    assert ActionStatus.parse(text) is ActionStatus.IN_PROGRESS


def test_status_parse_rejects_unknown_with_choices() -> None:
    with pytest.raises(ValueError, match="unknown status 'finished'.*open, in progress, done"):
        ActionStatus.parse("finished")


def test_parse_date() -> None:
    assert parse_date("2026-12-31") == dt.date(2026, 12, 31)
    assert parse_date("  ") is None
    for bad in ("2026-02-31", "31/02/2026", "tomorrow"):
        with pytest.raises(ValueError, match="not a valid date"):
            parse_date(bad)


def test_session_round_trip_keeps_agenda_snapshot() -> None:
    s = Session(title="Day 1", agenda=AGENDA, facilitator="F", follow_up_of="abc")
    again = Session.from_dict(s.to_dict())
    assert again == s and again.agenda.topic("t1").title == "Topic 1"


def test_summary_ignores_tombstones() -> None:
    s = Session(title="x", agenda=AGENDA)
    entries = [
        Entry(EntryKind.CHALLENGE, "t1", "A", "c"),
        Entry(EntryKind.CHALLENGE, "t1", "A", "gone", deleted=True),
        Entry(EntryKind.SOLUTION, "t1", "A", "s"),
        Entry(EntryKind.ACTION, "t1", "A", "a"),
        Entry(EntryKind.ACTION, "t1", "A", "b", action=ActionFields(status=ActionStatus.DONE)),
    ]
    summary = summarise(s, entries)
    assert (summary.challenges, summary.solutions, summary.actions, summary.open_actions) == (
        1,
        1,
        2,
        1,
    )
