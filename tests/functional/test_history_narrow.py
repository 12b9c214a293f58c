"""The history tables at 80 columns (issue 17): F4, the action register and search fold
their columns to the screen's width — no sideways scrolling, every column shown is drawn in
full, what is left out is in the box under the table — and F4's footer keeps Back and Help."""

from __future__ import annotations

from pathlib import Path

import plenary_helpers  # noqa: F401 - puts tests/unit on sys.path (history_sample)
import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.review import PREFS_KEY, SessionsScreen
from workshop_tui.ui.widgets.table import RowTable
from workshop_tui.ui.widgets.table.history import history_cell

import history_sample  # noqa: E402  isort: skip


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("history")
    history_sample.build(data, 12, entries=12)
    Store(data).list_sessions()
    return data


def _app(data: Path) -> WorkshopApp:
    store = Store(data)
    store.prefs.set(PREFS_KEY, {})
    return WorkshopApp(store=store)


async def _settle(app: WorkshopApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


def _fits(table: RowTable) -> None:  # type: ignore[type-arg]
    """Every column inside the table's width: nothing to scroll sideways to."""
    assert table.virtual_size.width <= table.scrollable_content_region.width
    assert table.max_scroll_x == 0
    assert not table.show_horizontal_scrollbar


def _footer_fits(screen: object, *descriptions: str) -> None:
    keys = {k.description: k for k in screen.query(FooterKey)}  # type: ignore[attr-defined]
    limit = keys["palette"].region.x
    for description in descriptions:
        region = keys[description].region
        assert region.width and region.right <= limit, (description, region, limit)


async def test_sessions_browser_folds_its_columns_at_80(history: Path) -> None:
    app = _app(history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SessionsScreen)
        table = screen.query_one("#sessions-table", RowTable)
        _fits(table)
        keys = [c.key for c in table.columns]
        assert keys[:3] == ["state", "title", "started"]
        assert "challenges" in keys and "open" in keys
        left_out = {"agenda", "facilitator", "location", "groups"} - set(keys)
        assert "agenda" in left_out  # 28 cells: no room beside a readable title
        for offset in range(table.row_count):
            summary = table.rows[offset]
            drawn = table.render_line(offset + 1).text
            for key in keys[1:]:
                assert str(history_cell(summary, key)) in drawn, (key, drawn)
        # the detail box has what the table leaves out
        current = table.current
        assert current is not None
        detail = str(screen.query_one("#session-detail", Static).render())
        shown = {
            "agenda": current.agenda_title,
            "facilitator": current.facilitator,
            "location": current.location,
            "groups": ", ".join(current.groups),
        }
        for key in left_out:
            assert shown[key] in detail, (key, detail)
        _footer_fits(screen, "Back", "Help", "Reopen", "Compare", "Actions")
        # wider: every column again
        await pilot.resize_terminal(160, 30)
        await _settle(app, pilot)
        assert [c.key for c in table.columns][-1] == "groups"
        _fits(table)


async def test_register_and_search_fold_their_columns_at_80(history: Path) -> None:
    app = _app(history)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await _settle(app, pilot)
        await pilot.press("a")
        await _settle(app, pilot)
        table = app.screen.query_one("#register-table", RowTable)
        assert table.row_count
        _fits(table)
        keys = [c.key for c in table.columns]
        assert keys == ["status", "overdue", "text", "owner", "due"]
        text = next(c for c in table.columns if c.key == "text")
        assert text.width >= 30
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press(*"challenge")
        app.screen.run_search("challenge")  # type: ignore[attr-defined]
        await _settle(app, pilot)
        table = app.screen.query_one("#search-results", RowTable)
        assert table.row_count
        _fits(table)
        assert [c.key for c in table.columns] == ["kind", "text", "topic"]
