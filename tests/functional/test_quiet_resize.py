"""QuietResizeScreen: not laid out again at the size it was just laid out at, and laid out
at every real resize (ui/quiet_resize.py)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

from workshop_tui.ui.quiet_resize import QuietResizeScreen


class Boxed(QuietResizeScreen):
    def compose(self) -> ComposeResult:
        yield Static("left", id="left")


class BoxApp(App[None]):
    CSS = "#left { width: 50%; }"

    def on_mount(self) -> None:
        self.push_screen(Boxed())


async def test_a_resize_to_the_laid_out_size_is_skipped_and_a_real_one_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    layouts: list[Size] = []
    original = Screen._refresh_layout

    def counted(screen: Screen[Any], size: Size | None = None, scroll: bool = False) -> None:
        if isinstance(screen, Boxed):
            layouts.append(size or screen.outer_size)
        original(screen, size, scroll)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = BoxApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Boxed)
        assert screen.query_one("#left").size.width == 40
        layouts.clear()
        screen._screen_resized(Size(80, 24))  # what the first layout's Resize asks for
        assert layouts == []
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert Size(100, 30) in layouts
        assert screen.query_one("#left").size.width == 50
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.query_one("#left").size.width == 40
