"""The action list's tick list (F3, a filter, Enter): a drop-down inside the screen that
takes every key while it is open, as a modal would, with the focus left on its filter."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import column_of, make_app
from textual.widgets import OptionList

from workshop_tui.ui.screens.actions import ActionsScreen
from workshop_tui.ui.widgets.action_filters import FilterChip, FilterPicker
from workshop_tui.ui.widgets.table import RowTable
from workshop_tui.ui.widgets.table.info import InfoBox


async def _open_group_filter(pilot: object) -> tuple[ActionsScreen, FilterPicker]:
    await pilot.press("f3", "f", "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ActionsScreen)
    picker = screen.query_one(FilterPicker)
    assert picker.is_open and picker.display
    return screen, picker


async def test_the_list_takes_every_key_and_the_filter_keeps_the_focus(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen, picker = await _open_group_filter(pilot)
        chip = screen.query_one("#filter-group", FilterChip)
        assert app.focused is chip
        listing = picker.query_one(OptionList)
        assert not listing.can_focus
        # the list's keys move and tick; the screen's and the app's do nothing behind it
        await pilot.press("down", "space", "o", "e", "f2", "q")
        await pilot.pause()
        assert app.screen is screen and picker.is_open
        assert screen.sort == "due"
        assert listing.highlighted == 1
        assert set(listing.selected) == {"Group B"}
        await pilot.press("c", "home", "space", "end", "space")
        await pilot.pause()
        assert set(listing.selected) == {"Group A", "Group C"}
        await pilot.press("enter")
        await pilot.pause()
        assert not picker.is_open and not picker.display
        assert app.focused is chip
        assert screen.filters() == {"group": ["Group A", "Group C"]}
        table = screen.query_one("#actions-table", RowTable)
        assert set(column_of(table, "group")) == {"Group A", "Group C"}
        assert "group: Group A, Group C" in str(screen.query_one("#actions-title", InfoBox).content)


async def test_one_picker_serves_every_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen, picker = await _open_group_filter(pilot)
        assert [str(o.prompt) for o in picker.listing.options] == ["Group A", "Group B", "Group C"]
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filters() == {}  # nothing ticked: nothing changed
        status = screen.query_one("#filter-status", FilterChip)
        status.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query(FilterPicker).results() and len(screen.query(FilterPicker)) == 1
        assert picker.is_open and picker.chip is status
        assert picker.border_title == status.title_text
        assert "open" in [str(o.value) for o in picker.listing.options]
        # under its chip, kept inside the screen
        assert picker.region.right <= screen.region.right


async def test_a_click_on_the_table_applies_the_ticks(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen, picker = await _open_group_filter(pilot)
        await pilot.press("space")  # Group A
        await pilot.pause()
        table = screen.query_one("#actions-table", RowTable)
        await pilot.click(table, offset=(5, table.size.height - 2))
        await pilot.pause()
        await pilot.pause()
        assert not picker.is_open
        assert app.focused is table
        assert screen.filters() == {"group": ["Group A"]}


async def test_a_click_on_a_value_ticks_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen, picker = await _open_group_filter(pilot)
        chip = screen.query_one("#filter-group", FilterChip)
        await pilot.click(picker.listing, offset=(6, 2))  # the second value: Group B
        await pilot.pause()
        assert set(picker.listing.selected) == {"Group B"}
        assert picker.is_open and app.focused is chip
        await pilot.press("enter")
        await pilot.pause()
        assert screen.filters() == {"group": ["Group B"]}
