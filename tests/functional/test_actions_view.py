"""Action list (F3): the view is kept per session, Esc steps out of the filters, and the
columns up to the warnings fit 80 columns."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import (
    EARLIER_ID,
    NEW_ID,
    TODAY,
    choose,
    column_of,
    make_app,
    session_screen,
)
from textual.widgets import Static

from workshop_tui.core.action_list import PREF_KEY
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.actions import ActionsScreen
from workshop_tui.ui.widgets.action_filters import FilterChip, FilterPicker
from workshop_tui.ui.widgets.table import RowTable


def actions_screen(app: object) -> ActionsScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ActionsScreen), type(screen)
    return screen


async def test_sort_and_filters_are_kept_for_the_session(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "o")  # sort by priority
        await pilot.pause()
        choose(actions_screen(app), "unit", "Legal department")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        session_screen(app)

        await pilot.press("f3")
        await pilot.pause()
        screen = actions_screen(app)
        assert screen.sort == "priority"
        assert screen.query_one("#filter-unit", FilterChip).values == ["Legal department"]
        assert screen.filters() == {"unit": ["Legal department"]}
        title = str(screen.query_one("#actions-title", Static).content)
        assert "sorted by priority · unit: Legal department" in title
        table = screen.query_one("#actions-table", RowTable)
        assert column_of(table, "prio") == ["high", "low"]  # filtered and sorted
        # cleared filters are remembered too
        await pilot.press("c", "escape")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert actions_screen(app).filters() == {}
        assert actions_screen(app).sort == "priority"
        await pilot.press("escape")
        await pilot.pause()

        # another session has its own view
        app.open_session(EARLIER_ID, read_only=True)
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert actions_screen(app).sort == "due"


async def test_sort_and_several_values_per_filter_come_back_in_the_next_run(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "o")  # sort by priority
        await pilot.pause()
        # status: open + in progress, through the filter's tick list
        screen = actions_screen(app)
        screen.query_one("#filter-status", FilterChip).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(FilterPicker).is_open
        await pilot.press("space", "down", "space", "enter")  # open, in progress
        await pilot.pause()
        assert app.screen is screen
        assert screen.filters() == {"status": ["open", "in_progress"]}
        choose(screen, "group", "Group B", "Group C")
        await pilot.pause()
        table = screen.query_one("#actions-table", RowTable)
        assert sorted(column_of(table, "action")) == [
            "Improve cooperation with the courts",  # open, Group B
            "Publish the online recordation form",  # in progress, Group C
            "Raise awareness among officers",  # open, Group B
        ]
        choose(screen, "status", "in_progress")
        await pilot.pause()
        assert column_of(table, "action") == ["Publish the online recordation form"]
        choose(screen, "status", "open", "in_progress")
        await pilot.pause()
        assert "group: Group B, Group C · status: open, in progress" in str(
            screen.query_one("#actions-title", Static).content
        )
        await app.workers.wait_for_complete()

    # a new run of the app on the same data folder
    again = WorkshopApp(store=Store(tmp_path), session_id=NEW_ID, today=lambda: TODAY)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = actions_screen(again)
        assert screen.sort == "priority"
        assert screen.filters() == {
            "group": ["Group B", "Group C"],
            "status": ["open", "in_progress"],
        }
        assert len(column_of(screen.query_one("#actions-table", RowTable), "action")) == 3
    saved_view = Store(tmp_path).prefs.get_for(PREF_KEY, NEW_ID, {})
    assert saved_view == {
        "sort": "priority",
        "filters": {"group": ["Group B", "Group C"], "status": ["open", "in_progress"]},
    }


async def test_escape_from_a_filter_list_only_closes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "f", "enter")  # focus the filters, open the group's list
        await pilot.pause()
        assert app.screen.query_one(FilterPicker).is_open
        await pilot.press("escape")  # closes the list
        await pilot.pause()
        screen = actions_screen(app)
        assert app.screen is screen
        await pilot.press("escape")  # from a filter back to the table
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is screen.query_one("#actions-table", RowTable)
        await pilot.press("escape")  # and from the table back to the session
        await pilot.pause()
        session_screen(app)


async def test_columns_up_to_the_warnings_fit_80_columns(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        table = actions_screen(app).query_one("#actions-table", RowTable)
        shown = table.columns[:6]
        assert [c.label for c in shown] == [
            "Status",
            "Due",
            "Prio",
            "Owner",
            "Action",
            "Warnings",
        ]
        assert sum(c.width + table.gap for c in shown) - table.gap <= (
            table.scrollable_content_region.width
        )
        warnings = shown[5]
        assert warnings.width >= len("Warnings")
        # the count comes first, so a cut label still says how many there are
        assert column_of(table, "warnings")[3].startswith("5: no owner")
        # sorted by due date, the priority is on screen
        assert column_of(table, "prio") == ["med", "high", "med", "low"]


async def test_topic_and_group_have_columns_when_the_screen_is_wide(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        table = actions_screen(app).query_one("#actions-table", RowTable)
        keys = [c.key for c in table.columns]
        assert keys[:8] == [
            "status",
            "due",
            "prio",
            "owner",
            "topic",
            "group",
            "action",
            "warnings",
        ]
        visible = table.columns[:8]
        assert sum(c.width + table.gap for c in visible) - table.gap <= (
            table.scrollable_content_region.width
        )
        assert set(column_of(table, "group")) <= {"Group A", "Group B", "Group C"}
        assert set(column_of(table, "topic")) <= {"1", "2", "3"}


async def test_a_tick_and_enter_in_one_burst_both_count(tmp_path: Path) -> None:
    """ "Space Enter" arriving in one read (tmux send-keys, a fast typist): Enter is a
    priority key of the tick list and reached it before the Space had ticked anything, so
    the filter closed unchanged."""
    from test_key_bursts import burst

    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = actions_screen(app)
        screen.query_one("#filter-group", FilterChip).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(FilterPicker).is_open
        burst(app, ["space", "enter", "enter"])  # the second Enter lands on the table
        for _ in range(5):
            await pilot.pause()
        assert app.screen is screen
        assert screen.filters() == {"group": ["Group A"]}
        assert set(column_of(screen.query_one("#actions-table", RowTable), "group")) == {"Group A"}
