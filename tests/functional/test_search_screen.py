"""Search screen: type, results from every session, open a result at its entry."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import EARLIER_ID, make_app, session_screen
from textual.widgets import Input, Static

from workshop_tui.core.model import EntryKind
from workshop_tui.ui.screens.search import PREFS_KEY, SearchScreen
from workshop_tui.ui.widgets.table import RowTable


async def search_for(app, pilot, text: str) -> SearchScreen:  # type: ignore[no-untyped-def]
    """Type ``text`` and let the search run (Enter would open the first hit)."""
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*text)
    screen.run_search(screen.query_one("#search-input", Input).value)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_search_and_open_a_result(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = await search_for(app, pilot, "LEAFLET right")
        table = screen.query_one("#search-results", RowTable)
        assert table.row_count == 1
        assert [c.strip() for c in table.row_text(0)] == [
            "action",
            "Publish a leaflet for right holders",
            "IPR training programmes",
            "Group A",
            "2025-11-24",
        ]  # the session's title is left out at 120 columns: the line under the table has it
        assert "Workshop 2025" in str(screen.query_one("#search-detail", Static).render())
        assert "1 match" in str(screen.query_one("#search-status", Static).content)
        assert screen.focused is screen.query_one("#search-input", Input)
        await pilot.press("enter")  # Enter in the box opens the highlighted (first) hit
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
        assert screen.query_one("#search-results", RowTable).row_count == 0
        assert "No entry matches" in str(screen.query_one("#search-status", Static).content)
        await pilot.press("ctrl+l")  # back to the box
        screen.query_one("#search-input", Input).value = ""
        await pilot.press(*"procedure retenue")
        await pilot.press("enter")  # before the debounced search ran: opens the first hit
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert [h.text for h in screen.hits] == ["Procédure de retenue en douane"]
        assert session_screen(app).store.id == EARLIER_ID


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
        table = screen.query_one("#search-results", RowTable)
        assert table.row_count == 1
        right_edge = 0
        for column in table.columns:
            right_edge += column.width + table.gap
            if column.key == "text":
                break
        assert right_edge <= 80
        assert table.row_text(0)[1].startswith("Informasi pencatatan merek")
        detail = str(screen.query_one("#search-detail", Static).content)
        assert long_text in detail and "Workshop 2025" in detail and "Group B" in detail


async def test_arrows_in_the_box_pick_another_hit_and_the_place_is_kept(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = await search_for(app, pilot, "customs kind:action")
        assert len(screen.hits) >= 2 and all(h.kind == "action" for h in screen.hits)
        await pilot.press("down")  # the box keeps the focus
        assert screen.focused is screen.query_one("#search-input", Input)
        chosen = screen.hits[1]
        assert screen.query_one("#search-results", RowTable).current == chosen
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert session_screen(app).pane(EntryKind.ACTION).highlighted_id == chosen.entry_id
        app.pop_screen()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f5")  # a new search screen: query and hit come back
        await app.workers.wait_for_complete()
        await pilot.pause()
        again = app.screen
        assert isinstance(again, SearchScreen) and again is not screen
        assert again.query_one("#search-input", Input).value == "customs kind:action"
        assert again.query_one("#search-results", RowTable).current == chosen
    assert app.store.prefs.get(PREFS_KEY, {}, dict)["query"] == "customs kind:action"


async def test_a_bad_filter_says_why(tmp_path: Path) -> None:
    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = await search_for(app, pilot, "law kind:idea")
        assert "unknown kind 'idea'" in str(screen.query_one("#search-status", Static).content)


async def test_many_hits_are_counted_and_loaded_page_by_page(tmp_path: Path) -> None:
    import history_sample

    from workshop_tui.core.store import Store
    from workshop_tui.ui.app import WorkshopApp

    history_sample.build(tmp_path, 3, entries=120)  # 360 challenges
    app = WorkshopApp(store=Store(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        screen = await search_for(app, pilot, "challenge")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.hits) == 200 and screen.total == 360
        status = str(screen.query_one("#search-status", Static).content)
        assert "360 matches — the newest 200 shown" in status
        assert [h.started for h in screen.hits] == sorted(
            (h.started for h in screen.hits), reverse=True
        )
        screen.query_one("#search-results", RowTable).action_last()
        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.hits) == 360
        assert screen.query_one("#search-results", RowTable).cursor_row == 199  # stays put
        assert "360 matches" in str(screen.query_one("#search-status", Static).content)
