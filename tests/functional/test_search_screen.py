"""Search screen: type, results from every session, open a result at its entry."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import EARLIER_ID, make_app, session_screen
from textual.widgets import DataTable, Input, Static

from workshop_tui.core.model import EntryKind
from workshop_tui.ui.screens.search import SearchScreen


async def search_for(app, pilot, text: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    await pilot.press(*text)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    return screen


async def test_search_and_open_a_result(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = await search_for(app, pilot, "LEAFLET right")
        table = screen.query_one("#search-results", DataTable)
        assert table.row_count == 1
        assert [str(c) for c in table.get_row_at(0)] == [
            "action",
            "Publish a leaflet for right holders",
            "IPR training programmes",
            "Group A",
            "2025-11-24",
            "Workshop 2025",
        ]
        assert "1 match(es)" in str(screen.query_one("#search-status", Static).content)
        await pilot.press("enter")  # the results table has the focus after Enter in the box
        await pilot.pause()
        await pilot.pause()
        session = session_screen(app)
        assert session.store.id == EARLIER_ID and session.read_only  # it has ended
        assert (session.topic_id, session.group) == ("training", "Group A")
        assert session.pane(EntryKind.ACTION).highlighted_id == "20250006-ac"


async def test_no_match_and_accents(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    store = app.store.open_session(EARLIER_ID)
    store.add_entry(EntryKind.CHALLENGE, "legal", "Group B", "Procédure de retenue en douane")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        screen = await search_for(app, pilot, "zzz")
        assert screen.query_one("#search-results", DataTable).row_count == 0
        assert "No entry matches" in str(screen.query_one("#search-status", Static).content)
        await pilot.press("ctrl+l")  # back to the box
        screen.query_one("#search-input", Input).value = ""
        await pilot.press(*"procedure retenue")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [h.text for h in screen.hits] == ["Procédure de retenue en douane"]


async def test_what_matched_is_visible_at_80_columns(tmp_path: Path) -> None:
    """The matching entry's text is on screen at 80x24 (the session title used to fill the
    width), and the line under the table shows the whole entry and where it comes from."""
    app = make_app(tmp_path, session_id=None)
    store = app.store.open_session(EARLIER_ID)
    long_text = "Informasi pencatatan merek " + "sangat panjang " * 8 + "akhir"
    store.add_entry(EntryKind.CHALLENGE, "legal", "Group B", long_text)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = await search_for(app, pilot, "informasi")
        table = screen.query_one("#search-results", DataTable)
        assert table.row_count == 1
        right_edge = 0
        for column in table.ordered_columns:
            right_edge += column.get_render_width(table)
            if str(column.label) == "Text":
                break
        assert right_edge <= 80
        shown = table.get_row_at(0)[1]
        assert str(shown).startswith("Informasi pencatatan merek")
        detail = str(screen.query_one("#search-detail", Static).content)
        assert long_text in detail and "Workshop 2025" in detail and "Group B" in detail
