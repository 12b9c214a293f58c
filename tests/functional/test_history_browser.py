"""Sessions browser (F4) over a long history: every cell drawn at full width, Home/End,
sort keys, date filters, and the place kept across visits and runs."""

from __future__ import annotations

from pathlib import Path

import plenary_helpers  # noqa: F401 - puts tests/unit on sys.path (history_sample)
import pytest
from textual.widgets import Input, Static

from workshop_tui.core.store import Store
from workshop_tui.core.summary import SessionSummary
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.review import PREFS_KEY, SessionsScreen
from workshop_tui.ui.screens.session import SessionScreen
from workshop_tui.ui.widgets.table import RowTable
from workshop_tui.ui.widgets.table.history import date_span

import history_sample  # noqa: E402  isort: skip


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("history")
    history_sample.build(data, 40, entries=120)  # 3-digit counts: a squashed column shows
    Store(data).list_sessions()
    return data


def _app(data: Path, keep_place: bool = False) -> WorkshopApp:
    store = Store(data)
    if not keep_place:  # the tests share one history: each starts from a fresh browser
        store.prefs.set(PREFS_KEY, {})
    return WorkshopApp(store=store)


async def _open_f4(app: WorkshopApp, pilot) -> SessionsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f4")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, SessionsScreen)
    return app.screen


def _expected_cells(s: SessionSummary) -> dict[str, str]:
    return {
        "title": s.title,
        "started": date_span(s),
        "challenges": str(s.challenges),
        "solutions": str(s.solutions),
        "actions": str(s.actions),
        "open": str(s.open_actions),
        "facilitator": s.facilitator,
        "location": s.location,
        "groups": str(len(s.groups)),
    }


def _check_every_cell(screen: SessionsScreen) -> None:
    """Every visible row, as the table draws it, holds every value in full."""
    table = screen.query_one("#sessions-table", RowTable)
    keys = [c.key for c in table.columns]
    drawn = [table.render_line(y).text for y in range(table.size.height)]
    top = round(table.scroll_y)
    visible = min(table.row_count - top, table.size.height - 1)
    assert visible > 5
    for offset in range(visible):
        summary = table.rows[top + offset]
        cells = dict(zip(keys, (c.strip() for c in table.row_text(top + offset)), strict=True))
        for key, value in _expected_cells(summary).items():
            assert cells[key] == value, (key, cells[key], value)
            assert value in drawn[offset + 1], (key, value, drawn[offset + 1])
        assert cells["state"] == ("✓" if summary.ended else "●")


async def test_twenty_openings_draw_every_cell_at_full_width(history: Path) -> None:
    app = _app(history)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        for attempt in range(20):
            if attempt % 2:  # from a session too, as the issue reported
                app.open_session(history_sample.session_id(attempt), read_only=True)
                await pilot.pause()
                assert isinstance(app.screen, SessionScreen)
            screen = await _open_f4(app, pilot)
            _check_every_cell(screen)
            await pilot.press("escape")
            await pilot.pause()
            if attempt % 2:
                app.pop_screen()
                await pilot.pause()


async def test_home_end_sort_keys_and_header_click(history: Path) -> None:
    app = _app(history)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _open_f4(app, pilot)
        table = screen.query_one("#sessions-table", RowTable)
        assert table.row_count == 40
        await pilot.press("end")
        assert table.cursor_row == 39 and table.current == screen.shown[-1]
        assert round(table.scroll_x) == 0  # End goes down, not sideways
        _check_every_cell(screen)
        await pilot.press("home")
        assert table.cursor_row == 0
        assert screen.sort == "started" and screen.descending
        await pilot.press("s")  # next column: ended
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.sort == "ended"
        await pilot.press("s")  # facilitator, A→Z first
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.sort == "facilitator" and not screen.descending
        names = [s.facilitator for s in screen.shown]
        assert names == sorted(names)
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [s.facilitator for s in screen.shown] == sorted(names, reverse=True)
        assert "sort: Facilitator ↓" in str(screen.query_one("#sessions-title", Static).content)
        table.post_message(RowTable.HeaderClicked(table, "open"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.sort == "open" and screen.descending
        opens = [s.open_actions for s in screen.shown]
        assert opens == sorted(opens, reverse=True)


async def test_date_words_and_state_filters(history: Path) -> None:
    app = _app(history)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _open_f4(app, pilot)
        await pilot.press("slash", *"2024-06-01..2024-09-30")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen.shown
        assert shown and all(
            s.started[:10] <= "2024-09-30" and (s.ended or s.started)[:10] >= "2024-06-01"
            for s in shown
        )
        screen.query_one("#sessions-text", Input).value = "2024-13"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.shown == shown  # a date being typed keeps the last rows
        screen.query_one("#sessions-text", Input).value = "batam"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.shown and {s.location for s in screen.shown} == {"Batam port"}


async def test_place_is_kept_back_from_a_session_and_in_the_next_run(history: Path) -> None:
    app = _app(history)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _open_f4(app, pilot)
        await pilot.press("slash", *"siti", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("s", "s")  # ended, facilitator
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "down")
        chosen = screen.query_one("#sessions-table", RowTable).current
        assert chosen is not None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.store.id == chosen.id
        app.pop_screen()
        await pilot.pause()
        await pilot.press("escape")  # closes F4
        await pilot.pause()
        again = await _open_f4(app, pilot)  # a new browser: the place comes from prefs
        assert again is not screen
        assert again.query_one("#sessions-text", Input).value == "siti"
        assert again.sort == "facilitator"
        assert again.query_one("#sessions-table", RowTable).current == chosen
    assert Store(history).prefs.get(PREFS_KEY, {}, dict)["cursor"] == chosen.id
    app = _app(history, keep_place=True)  # the next run
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _open_f4(app, pilot)
        assert screen.query_one("#sessions-table", RowTable).current == chosen
        assert screen.query_one("#sessions-text", Input).value == "siti"


async def test_read_only_header_shows_the_dates_not_a_timer_at_80x24(tmp_path: Path) -> None:
    from plenary_helpers import EARLIER_ID, make_app, session_screen

    from workshop_tui.ui.widgets.timer import TimerDisplay
    from workshop_tui.ui.widgets.topics.header import SessionHeader

    app = make_app(tmp_path, session_id=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_session(EARLIER_ID, read_only=True)
        await pilot.pause()
        screen = session_screen(app)
        assert not screen.query_one(TimerDisplay).display
        line = screen.query_one(SessionHeader).plain
        assert "2025-11-24→11-28" in line and "READ-ONLY" in line
