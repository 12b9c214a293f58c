"""Fixed sessions for the plenary / review / follow-up tests (unit, functional, snapshot).

Everything is deterministic: ids, timestamps and dates are fixed, so snapshots never show a
temporary path or the current date. ``TODAY`` is the date the tests inject.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
)
from workshop_tui.core.store import SessionStore, Store

TODAY = dt.date(2026, 6, 1)
EARLIER_ID = "e0000000-0000-4000-8000-000000000001"
NEW_ID = "f0000000-0000-4000-8000-000000000002"
GROUPS = ("Group A", "Group B", "Group C")


def agenda(title: str = "IPR border enforcement") -> Agenda:
    return Agenda(
        title=title,
        name="ipr-test",
        topics=(
            Topic("legal", "Legal framework", questions=("What is missing in the law?",)),
            Topic("recordation", "Information recordation at customs"),
            Topic("training", "IPR training programmes"),
        ),
        groups=tuple(Group(g) for g in GROUPS),
    )


def _stamp(day: str, n: int) -> str:
    return f"{day}T09:{n // 60:02d}:{n % 60:02d}.000000+00:00"


def _entry(
    day: str, n: int, kind: EntryKind, topic: str, group: str, text: str, **kw: object
) -> Entry:
    return Entry(
        id=f"{day[:4]}{n:04d}-{kind.value[:2]}",
        kind=kind,
        topic_id=topic,
        group=group,
        text=text,
        created=_stamp(day, n),
        position=float(n),
        **kw,  # type: ignore[arg-type]
    )


def fill_earlier(store: SessionStore) -> None:
    """The earlier workshop: challenges, solutions and five actions in different states."""
    day = "2025-11-24"
    e = [
        _entry(
            day,
            1,
            EntryKind.CHALLENGE,
            "legal",
            "Group A",
            "No ex officio powers for customs officers",
        ),
        _entry(
            day,
            2,
            EntryKind.SOLUTION,
            "legal",
            "Group A",
            "Amend the customs law",
            links=["20250001-ch"],
        ),
        _entry(
            day,
            3,
            EntryKind.ACTION,
            "legal",
            "Group A",
            "Draft an amendment to the customs law",
            links=["20250002-so"],
            action=ActionFields(
                owner="Ana",
                unit="Legal department",
                due="2026-03-31",
                indicator="Draft sent to ministry",
            ),
        ),
        _entry(
            day,
            4,
            EntryKind.ACTION,
            "recordation",
            "Group B",
            "Create a recordation database for trademarks",
            links=["20250001-ch"],
            action=ActionFields(
                owner="Bob", unit="IT unit", due="2026-09-30", indicator="Database online"
            ),
        ),
        _entry(
            day,
            5,
            EntryKind.ACTION,
            "training",
            "Group C",
            "Run two IPR training sessions for port officers",
            links=["20250001-ch"],
            action=ActionFields(
                owner="Chen",
                unit="Training academy",
                due="2026-02-28",
                indicator="40 officers trained",
            ),
        ),
        _entry(
            day,
            6,
            EntryKind.ACTION,
            "training",
            "Group A",
            "Publish a leaflet for right holders",
            links=["20250001-ch"],
            action=ActionFields(
                owner="Dina", unit="Training academy", status=ActionStatus.DONE, due="2026-01-15"
            ),
        ),
        _entry(
            day,
            7,
            EntryKind.ACTION,
            "recordation",
            "Group C",
            "Translate the recordation form",
            links=["20250001-ch"],
            action=ActionFields(
                owner="Eli", unit="IT unit", due="2026-12-31", indicator="Form published"
            ),
        ),
    ]
    store.save_entries(e)


def fill_current(store: SessionStore) -> None:
    """The plenary session: counts differ per cell, actions with quality problems, and two
    near-duplicate solutions from different groups."""
    day = "2026-05-25"
    e = [
        _entry(day, 1, EntryKind.CHALLENGE, "legal", "Group A", "Customs cannot act ex officio"),
        _entry(day, 2, EntryKind.CHALLENGE, "legal", "Group A", "Penalties are too low to deter"),
        _entry(
            day,
            3,
            EntryKind.SOLUTION,
            "legal",
            "Group A",
            "Amend the customs law to allow ex officio action",
            links=["20260001-ch"],
        ),
        _entry(
            day,
            4,
            EntryKind.SOLUTION,
            "legal",
            "Group B",
            "Amend customs law allowing ex officio action",
            links=[],
        ),
        _entry(day, 5, EntryKind.CHALLENGE, "legal", "Group B", "Judges rarely see IPR cases"),
        _entry(
            day,
            6,
            EntryKind.ACTION,
            "legal",
            "Group A",
            "Draft an amendment to article 12 of the customs law",
            links=["20260003-so"],
            action=ActionFields(
                owner="Ana",
                unit="Legal department",
                due="2026-09-30",
                indicator="Draft tabled",
                priority=Priority.HIGH,
            ),
        ),
        _entry(
            day,
            7,
            EntryKind.ACTION,
            "legal",
            "Group B",
            "Improve cooperation with the courts",
            action=ActionFields(unit="Legal department", priority=Priority.LOW),
        ),
        _entry(
            day,
            8,
            EntryKind.CHALLENGE,
            "recordation",
            "Group A",
            "Recordation applications are on paper",
        ),
        _entry(
            day,
            9,
            EntryKind.SOLUTION,
            "recordation",
            "Group C",
            "An online recordation form",
            links=[],
        ),
        _entry(
            day,
            10,
            EntryKind.ACTION,
            "recordation",
            "Group C",
            "Publish the online recordation form",
            links=["20260009-so"],
            action=ActionFields(
                owner="Eli",
                unit="IT unit",
                due="2026-04-30",
                indicator="Form online",
                level=ActionLevel.INSTITUTIONAL,
                status=ActionStatus.IN_PROGRESS,
            ),
        ),
        _entry(
            day,
            11,
            EntryKind.ACTION,
            "training",
            "Group B",
            "Raise awareness among officers",
            links=["20260008-ch"],
            action=ActionFields(
                owner="Chen", timeframe=Timeframe.SHORT, level=ActionLevel.INDIVIDUAL
            ),
        ),
        _entry(
            day, 12, EntryKind.CHALLENGE, "training", "Group C", "New officers get no IPR module"
        ),
    ]
    store.save_entries(e)


def build(data_dir: Path, *, follow_up: bool = True) -> tuple[Store, SessionStore, SessionStore]:
    """A store with the earlier session and the current one (a follow-up of it)."""
    store = Store(data_dir)
    earlier = store.add_session(
        Session(
            title="Workshop 2025",
            agenda=agenda(),
            id=EARLIER_ID,
            facilitator="Fiona",
            agenda_source="ipr-test",
            started="2025-11-24T08:00:00.000000+00:00",
            ended="2025-11-28T16:00:00.000000+00:00",
        )
    )
    fill_earlier(earlier)
    current = store.add_session(
        Session(
            title="Workshop 2026",
            agenda=agenda(),
            id=NEW_ID,
            facilitator="Fiona",
            agenda_source="ipr-test",
            started="2026-05-25T08:00:00.000000+00:00",
            follow_up_of=EARLIER_ID if follow_up else "",
        )
    )
    fill_current(current)
    return store, earlier, current
