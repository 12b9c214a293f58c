"""Snapshots of the projector view (topic and plenary) at 80×24 and 120×40.

Fixed data and a fixed clock: the timer is not started, so it shows the topic's timebox.
Review a diff before ``--snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_snapshots import SIZES, build_store, fixed_clock
from textual.pilot import Pilot

from workshop_tui.core.projector import PLENARY_VIEW, VIEW_KEY
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def projector_app(tmp_path: Path, **state: Any) -> WorkshopApp:
    store, session_id = build_store(tmp_path)
    if state:
        store.open_session(session_id).set_state(**state)
    return WorkshopApp(store=store, session_id=session_id, projector=True, clock=fixed_clock)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_topic_view(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = projector_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_projector_plenary_view(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = projector_app(tmp_path, topic="risk-analysis", **{VIEW_KEY: PLENARY_VIEW})
    assert snap_compare(app, terminal_size=size, run_before=settle)


async def test_a_projector_writes_nothing(tmp_path: Path) -> None:
    app = projector_app(tmp_path)
    store: Store = app.store
    before = {p.name: p.read_bytes() for p in (tmp_path / "sessions").iterdir()}
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    after = {p.name: p.read_bytes() for p in (tmp_path / "sessions").iterdir()}
    assert after == before and store is app.store
