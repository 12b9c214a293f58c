"""Snapshots of the start, session and help screens at 80×24 and 120×40.

The data is fixed (titles, timestamps, entries) and nothing on these screens shows an id, a
clock time or the data folder, so the SVGs are the same on every run. Review a diff before
``--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from workshop_tui.core import bundled
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionFields, ActionStatus, EntryKind, Session
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp

SIZES = [(80, 24), (120, 40)]
STARTED = "2026-11-23T08:30:00.000000+00:00"

AGENDA = Agenda(
    title="National Workshop on Combating Counterfeiting and Piracy",
    name="ipr-border-enforcement",
    topics=(
        Topic(
            "legal-framework",
            "Legal framework",
            description="Whether national law gives customs the border-measure powers TRIPS requires.",
            questions=(
                "Which TRIPS border-measure obligations are met?",
                "Where does the law leave officers without a clear power?",
            ),
            timebox=90,
        ),
        Topic("operational-procedures", "Operational procedures", timebox=90),
        Topic("risk-analysis", "Risk analysis and targeting", timebox=75),
        Topic("ipr-training", "IPR training programmes", timebox=60),
    ),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)


def fixed_clock() -> float:
    return 1000.0


def build_store(data_dir: Path) -> tuple[Store, str]:
    """Two sessions: one in progress with entries, one ended."""
    store = Store(data_dir)
    past = store.add_session(
        Session(
            title="Pilot workshop (Batam)",
            agenda=AGENDA,
            id="00000000-0000-4000-8000-000000000001",
            started="2026-10-05T08:00:00.000000+00:00",
            ended="2026-10-09T16:00:00.000000+00:00",
        )
    )
    past.add_entry(EntryKind.CHALLENGE, "legal-framework", "Group A", "No ex officio power")
    live = store.add_session(
        Session(
            title=AGENDA.title,
            agenda=AGENDA,
            id="00000000-0000-4000-8000-000000000002",
            started=STARTED,
        )
    )
    topic, group = "legal-framework", "Group A"
    c1 = live.add_entry(
        EntryKind.CHALLENGE, topic, group, "No ex officio power to detain suspect goods"
    )
    c2 = live.add_entry(EntryKind.CHALLENGE, topic, group, "Recordation fees deter right holders")
    live.add_entry(EntryKind.CHALLENGE, topic, group, "Kurangnya koordinasi 协调不足 🚢")
    live.update_entry(c1.id, votes={"Group A": 3})
    live.update_entry(c2.id, votes={"Group A": 1})
    s1 = live.add_entry(EntryKind.SOLUTION, topic, group, "Amend the customs code", links=[c1.id])
    live.add_entry(EntryKind.SOLUTION, topic, group, "Waive fees for the first year", links=[c2.id])
    live.add_entry(
        EntryKind.ACTION,
        topic,
        group,
        "Draft amendment on ex officio action",
        links=[s1.id],
        action=ActionFields(owner="Legal Unit", due="2027-03-31", status=ActionStatus.IN_PROGRESS),
    )
    live.add_entry(EntryKind.PARKING, topic, group, "Budget for detention warehouses")
    store.remember_agenda("/srv/agendas/customs-2027.yaml")
    return store, live.id


@pytest.fixture
def fixed_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled list grows as agendas are added; the snapshot shows a fixed one."""
    monkeypatch.setattr(
        bundled,
        "bundled_agendas",
        lambda: [
            ("ipr-border-enforcement", AGENDA.title),
            ("team-retrospective", "Team retrospective"),
        ],
    )


async def settle(pilot: Pilot[Any]) -> None:
    for _round in range(3):  # a worker may be started by a message handled after a wait
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int], fixed_bundled: None
) -> None:
    store, _ = build_store(tmp_path)
    app = WorkshopApp(store=store, clock=fixed_clock)
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_session_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    store, session_id = build_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, clock=fixed_clock)
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_session_screen_parking_lot_and_link(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    store, session_id = build_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, clock=fixed_clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("o", "2", "l")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    store, session_id = build_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, clock=fixed_clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_session_screen_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    store, session_id = build_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, clock=fixed_clock)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
