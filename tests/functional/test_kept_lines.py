"""KeptLinesOptionList: only what changed is drawn again, and what is drawn is always right.

The lists of the session screen keep their drawn lines across option changes
(ui/widgets/kept_lines.py); these check every path of ``replace_options`` against what the
screen really shows (the compositor's lines), the click targets drawn into the lines, and
the highlight repainting only the two options concerned.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from workshop_tui.ui.widgets.kept_lines import KeptLinesOptionList


class ListApp(App[None]):
    CSS = "KeptLinesOptionList { height: 8; width: 30; border: none; padding: 0; }"

    def compose(self) -> ComposeResult:
        yield KeptLinesOptionList()


def options(*texts: str) -> list[Option]:
    return [Option(text, id=text) for text in texts]


def shown_lines(app: App[Any]) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


def line_style(app: App[Any], y: int) -> Any:
    strip = app.screen._compositor.render_strips()[y]
    style = next(iter(strip)).style
    return (style.color, style.bgcolor) if style else None


def check_indexes(listing: KeptLinesOptionList) -> None:
    """Textual's own maps agree with the list (a click or an id finds the right option)."""
    for index, option in enumerate(listing.options):
        assert listing.get_option_index(option.id or "") == index
        assert listing.get_option(option.id or "") is option
        drawn = listing._get_option_render(option, listing.get_visual_style("option-list--option"))
        assert drawn[0].text.strip()
        metas = {segment.style.meta.get("option") for segment in drawn[0] if segment.style}
        assert metas == {index}, "the click target drawn into the line is its place"


async def test_the_same_options_are_left_alone() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        shown = options("alpha", "beta", "gamma")
        listing.set_options(shown)
        listing.highlighted = 2
        await pilot.pause()
        assert listing.replace_options(list(shown)) is False  # nothing touched
        await pilot.pause()
        assert listing.highlighted == 2
        assert shown_lines(app)[:3] == ["alpha", "beta", "gamma"]


async def test_appended_options_are_added_and_the_rest_stays() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        shown = options("alpha", "beta")
        listing.set_options(shown)
        listing.highlighted = 1
        await pilot.pause()
        listing.replace_options([*shown, *options("gamma", "delta")])
        await pilot.pause()
        assert listing.option_count == 4
        assert listing.highlighted == 1
        assert shown_lines(app)[:4] == ["alpha", "beta", "gamma", "delta"]
        check_indexes(listing)


async def test_changed_options_of_equal_height_are_swapped_in_place() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        listing.set_options(options("alpha", "beta", "gamma"))
        listing.highlighted = 0
        await pilot.pause()
        new = options("alpha", "BETA", "gamma")
        listing.replace_options([listing.options[0], new[1], listing.options[2]])
        await pilot.pause()
        assert shown_lines(app)[:3] == ["alpha", "BETA", "gamma"]
        assert listing.highlighted == 0
        check_indexes(listing)


async def test_a_reordering_keeps_every_option_findable() -> None:
    """Sorting a pane by votes: the same options at other places."""
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        first = options("alpha", "beta", "gamma", "delta")
        listing.set_options(first)
        await pilot.pause()
        listing.replace_options([first[3], first[1], first[0], first[2]])
        await pilot.pause()
        assert shown_lines(app)[:4] == ["delta", "beta", "alpha", "gamma"]
        check_indexes(listing)
        # and back: every drawing is found again at its own place
        listing.replace_options(first)
        await pilot.pause()
        assert shown_lines(app)[:4] == ["alpha", "beta", "gamma", "delta"]
        check_indexes(listing)


async def test_an_option_of_another_height_sets_the_list_anew() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        listing.set_options(options("alpha", "beta", "gamma"))
        await pilot.pause()
        long = Option("a much longer text that wraps over two lines", id="long")
        listing.replace_options([listing.options[0], long, listing.options[2]])
        await pilot.pause()
        lines = shown_lines(app)
        assert lines[0] == "alpha"
        assert lines[1].startswith("a much longer text")
        assert lines[2] and lines[3] == "gamma"
        check_indexes(listing)


async def test_moving_the_highlight_repaints_the_option_left_and_the_one_reached() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        listing.set_options(options("alpha", "beta", "gamma"))
        listing.highlighted = 0
        await pilot.pause()
        normal = line_style(app, 2)
        highlighted = line_style(app, 0)
        assert highlighted != normal
        repainted: list[int] = []
        original = listing.render_line

        def counting(y: int) -> Any:
            repainted.append(y)
            return original(y)

        listing.render_line = counting  # type: ignore[method-assign]
        listing.highlighted = 2
        await pilot.pause()
        assert sorted(set(repainted)) == [0, 2], "only the two options concerned"
        assert line_style(app, 0) == normal
        assert line_style(app, 2) == highlighted


async def test_forget_drawings_draws_every_option_again() -> None:
    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        listing.set_options(options("alpha", "beta"))
        await pilot.pause()
        assert len(listing._kept) > 0
        listing.forget_drawings()
        assert len(listing._kept) == 0
        await pilot.pause()
        assert shown_lines(app)[:2] == ["alpha", "beta"]


async def test_the_scrollbar_drawn_from_what_it_kept_matches_a_fresh_drawing() -> None:
    """KeptScrollBar: back at a place it drew before, the bar is drawn as Textual draws it."""
    from textual.scrollbar import ScrollBar

    from workshop_tui.ui.widgets.kept_lines import KeptScrollBar

    app = ListApp()
    async with app.run_test() as pilot:
        listing = app.query_one(KeptLinesOptionList)
        listing.set_options(options(*(f"option {n}" for n in range(40))))
        await pilot.pause()
        bar = listing.vertical_scrollbar
        assert isinstance(bar, KeptScrollBar)
        region = bar.size.region

        def as_text(strips: list[Any]) -> list[str]:
            return [
                "".join(f"{s.text}{s.style.bgcolor if s.style else ''}" for s in strip)
                for strip in strips
            ]

        def drawn() -> list[str]:
            return as_text(bar.render_lines(region))

        def fresh() -> list[str]:  # what Textual's own scrollbar draws there
            return as_text(ScrollBar.render_lines(bar, region))

        top = drawn()
        listing.highlighted = 39  # scrolls to the end
        await pilot.pause()
        bottom = drawn()
        assert bottom != top
        assert bottom == fresh()
        listing.highlighted = 0
        await pilot.pause()
        assert drawn() == top == fresh()
