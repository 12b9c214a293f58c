"""Action list (F3): the view is kept per session, Esc steps out of the filters, and the
columns up to the warnings fit 80 columns."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import EARLIER_ID, make_app, session_screen
from plenary_helpers import column_texts as column
from textual.widgets import DataTable, Select, Static

from workshop_tui.ui.screens.actions import ActionsScreen


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
        actions_screen(app).query_one("#filter-unit", Select).value = "Legal department"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        session_screen(app)

        await pilot.press("f3")
        await pilot.pause()
        screen = actions_screen(app)
        assert screen.sort == "priority"
        assert screen.query_one("#filter-unit", Select).value == "Legal department"
        assert screen.filters() == {"unit": "Legal department"}
        title = str(screen.query_one("#actions-title", Static).content)
        assert "sorted by priority · unit=Legal department" in title
        table = screen.query_one("#actions-table", DataTable)
        assert column(table, 5) == ["high", "low"]  # filtered and sorted
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


async def test_escape_from_a_filter_dropdown_only_closes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3", "f", "enter")  # focus the filters, open the group dropdown
        await pilot.pause()
        screen = actions_screen(app)
        group = screen.query_one("#filter-group", Select)
        assert group.expanded
        await pilot.press("escape")  # closes the dropdown
        await pilot.pause()
        assert app.screen is screen and not group.expanded
        await pilot.press("escape")  # from a filter back to the table
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is screen.query_one("#actions-table", DataTable)
        await pilot.press("escape")  # and from the table back to the session
        await pilot.pause()
        session_screen(app)


async def test_columns_up_to_the_warnings_fit_80_columns(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        table = actions_screen(app).query_one("#actions-table", DataTable)
        shown = table.ordered_columns[:5]
        assert [str(c.label) for c in shown] == ["Status", "Due", "Owner", "Action", "Warnings"]
        assert sum(c.get_render_width(table) for c in shown) <= (
            table.scrollable_content_region.width
        )
        warnings = shown[4]
        assert warnings.width >= len("Warnings")
        # the count comes first, so a cut label still says how many there are
        assert column(table, 4)[3].startswith("5: no owner")
