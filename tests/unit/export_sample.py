"""A session full of hostile text, shared by the export tests.

Formulas, ``<script>``, pipes, newlines, emoji, Arabic/Hebrew (right-to-left) and CJK text,
plus a deleted action and a facilitator note that no export except the bundle may show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Participant, Topic
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    EntryKind,
    Priority,
    Timeframe,
)
from workshop_tui.core.store import SessionStore, Store

NOW = "2026-11-27T10:00:00.000000+00:00"

FORMULA = '=HYPERLINK("http://evil.example/x","click me")'
SCRIPT = "<script>alert(1)</script> | pipe\nsecond line 🚀"
RTL = "حل: مرحبا بالعالم — פתרון: שלום"
A1_TEXT = "-2 draft a recordation procedure | for trademarks\nwith a review step 😀"
CJK = "制定商标备案程序"
DELETED = "DELETED ACTION MUST NOT APPEAR"
NOTE = "PRIVATE FACILITATOR NOTE"
LONG_INDICATOR = (
    "<b>indicator</b>, with; commas\\ and a long explanation that goes on well past "
    "seventy-five octets — ünïcödé ✓ 到期"
)

GROUP_A = "Group A"
GROUP_B = "مجموعة ب"


def agenda() -> Agenda:
    return Agenda(
        title="IPR border enforcement",
        name="ipr-test",
        organiser="Regional office <RO>",
        venue="Customs academy",
        start_date="2026-11-23",
        end_date="2026-11-27",
        topics=(
            Topic("legal", "Legal framework", "TRIPS | national law", ("What is missing?",)),
            Topic("ops", "Operational procedures"),
            Topic("risk", "Risk analysis"),
        ),
        groups=(Group(GROUP_A, ("Ana", "Bob")), Group(GROUP_B, ("ليلى",))),
        participants=(
            Participant("Ana", "Customs HQ", GROUP_A),
            Participant("ليلى", "Port office", GROUP_B),
        ),
    )


@dataclass
class Sample:
    store: Store
    session: SessionStore
    ids: dict[str, str]


def build(data_dir: Path) -> Sample:
    """Create the sample session in ``data_dir``."""
    store = Store(data_dir)
    session = store.create_session(agenda(), title="Workshop | day 5", facilitator="Fatima")
    ids: dict[str, str] = {}

    def add(name: str, kind: EntryKind, topic: str, group: str, text: str, **kw: object) -> None:
        ids[name] = session.add_entry(kind, topic, group, text, **kw).id  # type: ignore[arg-type]

    add("c1", EntryKind.CHALLENGE, "legal", GROUP_A, FORMULA, votes={GROUP_A: 3})
    add("c2", EntryKind.CHALLENGE, "legal", GROUP_A, SCRIPT)
    add(
        "s1",
        EntryKind.SOLUTION,
        "legal",
        GROUP_A,
        "+1 " + RTL,
        links=[ids["c1"]],
        votes={GROUP_A: 1},
    )
    add(
        "a1",
        EntryKind.ACTION,
        "legal",
        GROUP_A,
        A1_TEXT,
        links=[ids["s1"]],
        action=ActionFields(
            owner="@SUM(A1:A2)",
            unit="Legal unit",
            start="2026-12-01",
            due="2026-12-31",
            priority=Priority.HIGH,
            status=ActionStatus.IN_PROGRESS,
            indicator=LONG_INDICATOR,
            verification="audit report",
            partners=["Right holders", "Police"],
        ),
    )
    add(
        "a2",
        EntryKind.ACTION,
        "ops",
        GROUP_B,
        CJK,
        action=ActionFields(
            owner="李雷", unit="Port office", due="2026-10-01", priority=Priority.LOW
        ),
    )
    add(
        "a3",
        EntryKind.ACTION,
        "legal",
        GROUP_A,
        "\tTab-led action " + SCRIPT,
        links=[ids["c2"]],
        action=ActionFields(
            timeframe=Timeframe.SHORT,
            status=ActionStatus.DONE,
            level=ActionLevel.INDIVIDUAL,
        ),
    )
    add(
        "a4",
        EntryKind.ACTION,
        "ops",
        GROUP_A,
        "Train officers",
        action=ActionFields(
            owner="Ana",
            unit="Legal unit",
            due="2026-10-01",
            priority=Priority.HIGH,
            status=ActionStatus.DROPPED,
        ),
    )
    add(
        "a5",
        EntryKind.ACTION,
        "legal",
        GROUP_A,
        DELETED,
        action=ActionFields(owner="Ana", due="2026-09-01"),
    )
    session.delete_entry(ids["a5"])
    add("p1", EntryKind.PARKING, "legal", GROUP_B, "Parking: customs IT system")
    add("n1", EntryKind.NOTE, "legal", GROUP_A, NOTE)
    return Sample(store, session, ids)


#: the action ids in export order: due date (undated last), then priority high first
ORDER = ["a4", "a2", "a1", "a3"]
