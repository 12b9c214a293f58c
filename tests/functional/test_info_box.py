"""InfoBox (the title line and detail box beside the history tables): it redraws in place and
lays the screen out again only when its height changes."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult

from workshop_tui.ui.widgets.table.info import InfoBox


class BoxApp(App[None]):
    CSS = """
    #title { height: 1; }
    #detail { height: auto; max-height: 3; }
    """

    def compose(self) -> ComposeResult:
        yield InfoBox("Sessions", id="title")
        yield InfoBox(id="detail")


def _layouts(box: InfoBox) -> list[bool]:
    """Record the layout flag of every refresh the box asks for."""
    asked: list[bool] = []
    refresh = box.refresh

    def spy(*regions: Any, **kwargs: Any) -> Any:
        asked.append(bool(kwargs.get("layout")))
        return refresh(*regions, **kwargs)

    box.refresh = spy  # type: ignore[method-assign]
    return asked


async def test_layout_only_when_the_height_changes() -> None:
    app = BoxApp()
    async with app.run_test(size=(40, 10)) as pilot:
        detail = app.query_one("#detail", InfoBox)
        detail.show(Text("one line"))
        await pilot.pause()
        assert detail.size.height == 1
        asked = _layouts(detail)
        detail.show(Text("another line"))  # same height: drawn in place
        await pilot.pause()
        assert asked == [False]
        assert "another line" in detail.render_line(0).text
        detail.show(Text("another line"))  # unchanged: nothing at all
        assert asked == [False]
        detail.show(Text("first\nsecond"))  # taller: the screen is laid out again
        await pilot.pause()
        assert asked[-1] is True
        assert detail.size.height == 2
        detail.show("a\nb\nc\nd\ne")  # capped by max-height 3
        await pilot.pause()
        assert detail.size.height == 3
        asked.clear()
        detail.show("1\n2\n3\n4")  # still at the cap: in place
        await pilot.pause()
        assert True not in asked
        assert detail.render_line(2).text.startswith("3")
        wrapped = "word " * 20  # one line that wraps to three at 40 columns
        detail.show("x")
        await pilot.pause()
        detail.show(wrapped)
        await pilot.pause()
        assert detail.size.height == 3


async def test_a_fixed_height_line_never_asks_for_a_layout() -> None:
    app = BoxApp()
    async with app.run_test(size=(40, 10)) as pilot:
        title = app.query_one("#title", InfoBox)
        asked = _layouts(title)
        title.show(Text.assemble(("Sessions", "bold"), " · 182 of 1001"))
        await pilot.pause()
        assert asked == [False]
        assert "182 of 1001" in title.render_line(0).text


async def test_markup_is_shown_as_typed() -> None:
    app = BoxApp()
    async with app.run_test(size=(40, 10)) as pilot:
        detail = app.query_one("#detail", InfoBox)
        detail.show("[bold]Jakarta[/] workshop")
        await pilot.pause()
        assert "[bold]Jakarta[/] workshop" in detail.render_line(0).text
