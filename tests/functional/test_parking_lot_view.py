"""Parking lot and notes are per topic × group, said on screen; the plenary's Parking lot tab
lists every parked point of the session and opens it."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import column_of, make_app, session_screen
from rich.cells import cell_len
from textual.widgets import DataTable, Static, TabbedContent

from workshop_tui.core.model import EntryKind
from workshop_tui.core.plenary import parking_lot
from workshop_tui.ui.app import WorkshopApp


def parked_app(tmp_path: Path) -> WorkshopApp:
    app = make_app(tmp_path)
    store = app.store.open_session(app.initial_session_id or "")
    store.add_entry(EntryKind.PARKING, "training", "Group B", "Budget for the training room")
    store.add_entry(EntryKind.PARKING, "legal", "Group C", "Ask the ministry about the decree")
    store.add_entry(EntryKind.PARKING, "legal", "Group A", "Who signs the MoU with the police?")
    gone = store.add_entry(EntryKind.PARKING, "legal", "Group A", "deleted point")
    store.delete_entry(gone.id)
    store.add_entry(EntryKind.NOTE, "legal", "Group A", "a facilitator note, not parked")
    return app


def test_core_lists_every_parked_point_in_agenda_order(tmp_path: Path) -> None:
    app = parked_app(tmp_path)
    items = parking_lot(app.store.open_session(app.initial_session_id or ""))
    assert [(e.topic_id, e.group, e.text) for e in items] == [
        ("legal", "Group A", "Who signs the MoU with the police?"),
        ("legal", "Group C", "Ask the ministry about the decree"),
        ("training", "Group B", "Budget for the training room"),
    ]


async def test_the_parking_lot_tab_lists_every_point_and_opens_one(tmp_path: Path) -> None:
    app = parked_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "p")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(TabbedContent).active == "tab-parking"
        table = screen.query_one("#parking-table", DataTable)
        assert app.focused is table
        assert column_of(table, "text") == [
            "Who signs the MoU with the police?",
            "Ask the ministry about the decree",
            "Budget for the training room",
        ]
        assert column_of(table, "topic") == ["1", "1", "3"]
        heading = screen.query_one("#parking-heading", Static)
        assert "3 parked points from 3 topic × group cells" in str(heading.content)
        assert sum(c.get_render_width(table) for c in table.ordered_columns) <= (
            table.scrollable_content_region.width
        )
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        await pilot.pause()
        session = session_screen(app)
        assert (session.topic_id, session.group) == ("training", "Group B")


async def test_parking_lot_and_notes_say_they_belong_to_the_topic_and_group(
    tmp_path: Path,
) -> None:
    app = parked_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session = session_screen(app)
        await pilot.press("o")  # show the parking lot and notes
        await pilot.pause()
        for kind in (EntryKind.PARKING, EntryKind.NOTE):
            pane = session.pane(kind)
            assert pane.border_subtitle == "this topic × group"
            assert cell_len(str(pane.border_subtitle)) < pane.outer_size.width - 4
        assert session.pane(EntryKind.CHALLENGE).border_subtitle == ""
