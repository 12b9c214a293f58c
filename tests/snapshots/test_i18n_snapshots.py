"""Every main screen in Bahasa Indonesia at 80×24 and 120×40 (issue 15, item 6).

Indonesian runs 20-30 % longer than English: these pictures are where a label cut without an
ellipsis shows. The session runs the Indonesian bundled agenda with fixed ids, titles and
timestamps; today is injected. Review a diff before ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from workshop_tui.core import bundled
from workshop_tui.core.agenda_yaml import load_agenda
from workshop_tui.core.model import ActionFields, ActionStatus, EntryKind, Priority, Session
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp

SIZES = [(80, 24), (120, 40)]
SESSION_ID = "00000000-0000-4000-8000-0000000000a1"
PAST_ID = "00000000-0000-4000-8000-0000000000a0"


def fixed_clock() -> float:
    return 1000.0


def build(data_dir: Path) -> Store:
    store = Store(data_dir)
    agenda = load_agenda("ipr-border-enforcement-id")
    past = store.add_session(
        Session(
            title="Lokakarya uji coba (Batam)",
            agenda=agenda,
            id=PAST_ID,
            started="2026-10-05T08:00:00.000000+00:00",
            ended="2026-10-09T16:00:00.000000+00:00",
        )
    )
    past.add_entry(EntryKind.CHALLENGE, "legal-framework", "Kelompok A", "Belum ada kewenangan")
    live = store.add_session(
        Session(
            title=agenda.title,
            agenda=agenda,
            id=SESSION_ID,
            started="2026-11-23T08:30:00.000000+00:00",
        )
    )
    topic, group = "legal-framework", "Kelompok A"
    c1 = live.add_entry(
        EntryKind.CHALLENGE, topic, group, "Belum ada dasar hukum tindakan ex officio"
    )
    c2 = live.add_entry(
        EntryKind.CHALLENGE, topic, group, "Biaya rekordasi memberatkan pemegang hak"
    )
    live.update_entry(c1.id, votes={group: 3})
    live.update_entry(c2.id, votes={group: 1})
    s1 = live.add_entry(
        EntryKind.SOLUTION,
        topic,
        group,
        "Usulkan perubahan Undang-Undang Kepabeanan",
        links=[c1.id],
    )
    live.add_entry(
        EntryKind.ACTION,
        topic,
        group,
        "Menyusun rancangan perubahan ketentuan tindakan ex officio",
        links=[s1.id],
        action=ActionFields(
            owner="Peserta 01",
            unit="Direktorat Peraturan",
            due="2027-03-31",
            priority=Priority.HIGH,
            status=ActionStatus.IN_PROGRESS,
        ),
    )
    live.add_entry(EntryKind.PARKING, topic, group, "Anggaran gudang penimbunan")
    return store


@pytest.fixture
def fixed_bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        bundled,
        "bundled_agendas",
        lambda: [
            ("ipr-border-enforcement", "National Workshop on Combating Counterfeiting and Piracy"),
            ("ipr-border-enforcement-id", load_agenda("ipr-border-enforcement-id").title),
        ],
    )


def make_app(data_dir: Path, *, open_session: bool = True) -> WorkshopApp:
    import datetime as dt

    return WorkshopApp(
        store=build(data_dir),
        session_id=SESSION_ID if open_session else None,
        clock=fixed_clock,
        today=lambda: dt.date(2026, 12, 1),
        language="id",
    )


def keys(*pressed: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        # a worker may be started by a message handled after the first wait (the action
        # editor reads its dates in one when their fields are filled): settle a few rounds
        for _round in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        pilot.app.clear_notifications()  # toasts come and go with time
        await pilot.pause()

    return run_before


size_param = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@size_param
def test_start_screen_id(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int], fixed_bundled: None
) -> None:
    app = make_app(tmp_path, open_session=False)
    assert snap_compare(app, terminal_size=size, run_before=keys())


@size_param
def test_session_screen_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys())


@size_param
def test_session_parking_lot_and_description_id(
    snap_compare: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("o", "3"))


@size_param
def test_help_screen_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f1"))


@size_param
def test_plenary_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2"))


@size_param
def test_plenary_charts_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f2", "c"))


@size_param
def test_action_list_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f3"))


@size_param
def test_action_editor_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("3", "a"))


@size_param
def test_sessions_browser_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("f4"))


@size_param
def test_search_id(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    typed, settled = keys("f5", *"rekordasi"), keys()

    async def run_before(pilot: Pilot[Any]) -> None:
        await typed(pilot)
        await pilot.pause(0.4)  # the search runs 0.25 s after the last key
        await settled(pilot)

    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=run_before)
