"""Plenary shows dot votes: ● counts in the grid and side by side; `v` sorts side by side."""

from __future__ import annotations

from pathlib import Path

from plenary_helpers import cell_text as cell
from plenary_helpers import make_app
from rich.cells import cell_len
from textual.widgets import DataTable, Static, TabbedContent

from workshop_tui.core.capture import Capture
from workshop_tui.core.plenary import build_grid, side_by_side_order
from workshop_tui.ui.app import WorkshopApp

CUSTOMS = "20260001-ch"  # "Customs cannot act ex officio", legal × Group A, first in its pane
PENALTIES = "20260002-ch"  # "Penalties are too low to deter", legal × Group A, second


def voted_app(tmp_path: Path) -> WorkshopApp:
    app = make_app(tmp_path)
    capture = Capture(app.store.open_session(app.initial_session_id or ""))
    capture.vote(CUSTOMS, "Group A")
    capture.vote(PENALTIES, "Group A")
    capture.vote(PENALTIES, "Group A")
    return app


def side_columns(screen: object) -> list[str]:
    return [str(screen.query_one(f"#side-text-{i}", Static).content) for i in range(3)]  # type: ignore[attr-defined]


async def test_grid_cells_and_topic_total_show_votes(tmp_path: Path) -> None:
    app = voted_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#plenary-grid", DataTable)
        assert [cell(table, 0, c) for c in range(1, 5)] == ["2/1/1 ●3", "1/1/1", "0/0/0 !", "2 ●3"]
        assert cell(table, 1, 4) == "1"  # no votes: no mark
        # every column shows its cells whole within 80 columns
        widths = [c.get_render_width(table) for c in table.ordered_columns]
        assert sum(widths) <= table.scrollable_content_region.width
        for column in table.ordered_columns[1:]:
            for row in range(table.row_count):
                assert cell_len(cell(table, row, table.ordered_columns.index(column))) <= (
                    column.content_width if column.auto_width else column.width
                )


async def test_side_by_side_shows_votes_and_sorts_by_them_on_request(tmp_path: Path) -> None:
    app = voted_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2", "s")
        await pilot.pause()
        screen = app.screen
        group_a = side_columns(screen)[0]
        assert "• ●1 Customs cannot act ex officio" in group_a
        assert "• ●2 Penalties are too low to deter" in group_a
        assert group_a.index("Customs") < group_a.index("Penalties")  # the pane's order
        assert "v votes: pane order" in str(screen.query_one("#side-title", Static).content)

        await pilot.press("v")
        await pilot.pause()
        group_a = side_columns(screen)[0]
        assert group_a.index("Penalties") < group_a.index("Customs")  # most voted first
        assert "v votes: most voted first" in str(screen.query_one("#side-title", Static).content)
        await pilot.press("g", "v")  # from the grid, v shows the sorted side by side
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-side"
        group_a = side_columns(screen)[0]
        assert group_a.index("Customs") < group_a.index("Penalties")


def test_grid_and_order_from_the_core(tmp_path: Path) -> None:
    app = voted_app(tmp_path)
    store = app.store.open_session(app.initial_session_id or "")
    grid = build_grid(store)
    assert grid.cell("legal", "Group A").votes == 3
    assert grid.cell("legal", "Group B").votes == 0
    assert grid.topic_votes("legal") == 3
    entries = [store.get(CUSTOMS), store.get(PENALTIES)]
    assert [e.id for e in side_by_side_order(entries, by_votes=False)] == [CUSTOMS, PENALTIES]
    assert [e.id for e in side_by_side_order(entries, by_votes=True)] == [PENALTIES, CUSTOMS]
