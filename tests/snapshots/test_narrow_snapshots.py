"""Snapshots at 80×24 and 120×40 of the screens issue 12 changed or added: the stacked session
panes (Solutions open), the plenary's parking-lot tab, the action list's filter list, the
export dialog (action list and report: filters hidden) and the import dialog's decisions.

Fixed data (``tests/unit/plenary_sample.py``) and fixed folders, so no temporary path, date or
machine name reaches the screen. Review a diff before ``--snapshot-update``.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from test_plenary_snapshots import keys, make_app, size_param
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))

import plenary_sample  # noqa: E402

from workshop_tui.core.model import EntryKind  # noqa: E402
from workshop_tui.core.store import Store  # noqa: E402
from workshop_tui.ui.screens.export_dialog import ExportDialog  # noqa: E402

SnapCompare = Callable[..., bool]


def parked_app(data_dir: Path) -> Any:
    app = make_app(data_dir)
    store = Store(data_dir).open_session(plenary_sample.NEW_ID)
    store.add_entry(EntryKind.PARKING, "legal", "Group A", "Who signs the MoU with the police?")
    store.add_entry(
        EntryKind.PARKING,
        "training",
        "Group C",
        "Budget for a training room at the port, to be raised with the finance directorate",
    )
    return app


@size_param
def test_session_with_solutions_open(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=keys("2"))


@size_param
def test_plenary_parking_lot(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(parked_app(tmp_path), terminal_size=size, run_before=keys("f2", "p"))


@size_param
def test_action_list_filter_picker(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    run = keys(
        "f3", "f", "right", "right", "right", "right", "right", "enter", "space", "down", "space"
    )
    assert snap_compare(make_app(tmp_path), terminal_size=size, run_before=run)


class ExportHost(App[None]):
    """The export dialog over a blank screen, proposing a fixed folder."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        plenary_sample.build(data_dir)
        self.dialog = ExportDialog(
            Store(data_dir), plenary_sample.NEW_ID, folder=Path("/home/facilitator/exports")
        )

    def on_mount(self) -> None:
        self.push_screen(self.dialog)


def choose(what: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("#export-what", Select).value = what
        await pilot.pause()
        await pilot.pause()
        await keys()(pilot)

    return run_before


@size_param
@pytest.mark.parametrize("what", ["actions", "report"])
def test_export_dialog(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int], what: str
) -> None:
    assert snap_compare(ExportHost(tmp_path), terminal_size=size, run_before=choose(what))
