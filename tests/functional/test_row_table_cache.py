"""RowTable's line cache (``cache_lines=True``, the action list): a line is drawn once and
kept until the rows, the columns or the styles change; the cursor row is drawn apart."""

from __future__ import annotations

from textual.app import App, ComposeResult

from workshop_tui.ui.widgets.table import Column, RowTable


class Rows(App[None]):
    def __init__(self, cache_lines: bool) -> None:
        super().__init__()
        self.calls: list[tuple[str, str]] = []
        self.cache_lines = cache_lines

    def cell(self, row: dict[str, str], key: str) -> str:
        self.calls.append((row["id"], key))
        return row[key]

    def compose(self) -> ComposeResult:
        yield RowTable(self.cell, id="rows", cache_lines=self.cache_lines)


def texts(table: RowTable[dict[str, str]]) -> list[str]:
    return [table.render_line(y).text.rstrip() for y in range(1, table.row_count + 1)]


async def test_lines_are_drawn_once_until_the_rows_change() -> None:
    app = Rows(cache_lines=True)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one("#rows", RowTable)
        table.set_columns([Column("id", "Id", 3), Column("text", "Text", 10)])
        table.set_rows([{"id": "a", "text": "first"}, {"id": "b", "text": "second"}])
        await pilot.pause()
        assert texts(table) == ["a   first", "b   second"]
        app.calls.clear()
        assert texts(table) == ["a   first", "b   second"]
        assert app.calls == []  # from the cache
        table.move_cursor(1)  # the rows under the old and the new cursor are drawn again
        await pilot.pause()
        texts(table)
        assert {row for row, _key in app.calls} == {"a", "b"}
        app.calls.clear()
        texts(table)
        assert app.calls == []
        table.set_rows([{"id": "a", "text": "changed"}, {"id": "b", "text": "second"}])
        await pilot.pause()
        assert texts(table) == ["a   changed", "b   second"]
        assert table.has_focus
        app.calls.clear()
        app.set_focus(None)  # the cursor's colour follows the focus: drawn again
        await pilot.pause()
        assert not table.has_focus
        texts(table)
        assert ("b", "text") in app.calls


async def test_without_the_cache_every_draw_asks_the_cells() -> None:
    app = Rows(cache_lines=False)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one("#rows", RowTable)
        table.set_columns([Column("id", "Id", 3), Column("text", "Text", 10)])
        table.set_rows([{"id": "a", "text": "first"}])
        await pilot.pause()
        texts(table)
        app.calls.clear()
        assert texts(table) == ["a   first"]
        assert app.calls == [("a", "id"), ("a", "text")]


async def test_a_row_shown_again_after_new_rows_is_not_drawn_again() -> None:
    """A filter change gives the table the same row objects in another selection: a row's
    line is kept by the row (and how it looks: stripe or cursor), not by its place."""
    app = Rows(cache_lines=True)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one("#rows", RowTable)
        table.set_columns([Column("id", "Id", 3), Column("text", "Text", 10)])
        a, b, c = ({"id": k, "text": k * 3} for k in "abc")
        table.set_rows([a, b, c])
        await pilot.pause()
        texts(table)
        app.calls.clear()
        table.set_rows([a, c])  # b filtered out: c moves up to an odd place
        await pilot.pause()
        assert texts(table) == ["a   aaa", "c   ccc"]
        assert {row for row, _key in app.calls} == {"c"}  # a: same place, same look
        app.calls.clear()
        table.set_rows([a, b, c])
        await pilot.pause()
        texts(table)
        assert app.calls == []  # every row as it was drawn before
        table.set_rows([a, {"id": "b", "text": "new"}, c])  # another object: drawn
        await pilot.pause()
        assert texts(table) == ["a   aaa", "b   new", "c   ccc"]
        assert {row for row, _key in app.calls} == {"b"}
        table.clear_line_cache()  # what the cells show changed otherwise (warnings)
        app.calls.clear()
        texts(table)
        assert {row for row, _key in app.calls} == {"a", "b", "c"}


async def test_its_scrollbars_keep_their_drawings() -> None:
    """A filter change back and forth moves the bar between two places: each is drawn once
    (ui.widgets.kept_lines.KeptScrollBar), and drawn as Textual draws it."""
    from textual.scrollbar import ScrollBar

    from workshop_tui.ui.widgets.kept_lines import KeptScrollBar

    app = Rows(cache_lines=True)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one("#rows", RowTable)
        table.set_columns([Column("id", "Id", 3), Column("text", "Text", 60)])
        many = [{"id": str(n), "text": f"row {n}"} for n in range(50)]
        table.set_rows(many)
        await pilot.pause()
        bar = table.vertical_scrollbar
        assert isinstance(bar, KeptScrollBar)
        assert isinstance(table.horizontal_scrollbar, KeptScrollBar)

        def drawn(fresh: bool) -> list[str]:
            draw = ScrollBar.render_lines if fresh else type(bar).render_lines
            return [
                "".join(f"{s.text}{s.style.bgcolor if s.style else ''}" for s in strip)
                for strip in draw(bar, bar.size.region)
            ]

        long = drawn(False)
        table.set_rows(many[:20])
        await pilot.pause()
        assert drawn(False) != long
        table.set_rows(many)
        await pilot.pause()
        assert drawn(False) == long == drawn(True)
