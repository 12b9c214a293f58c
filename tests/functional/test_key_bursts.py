"""Keys that arrive in one burst (a fast typist, a paste, tmux send-keys) land where the key
before them moved: "3iDraft" types into the Actions input, "]iText" into the next group."""

from __future__ import annotations

import asyncio
from pathlib import Path

from session_fixtures import new_app, new_session, pane_texts, saved, screen_of
from textual import events

from workshop_tui.core.model import EntryKind
from workshop_tui.ui.app import WorkshopApp

SIZE = (80, 24)


CHARACTERS = {"space": " ", "enter": "\r", "escape": "\x1b", "right_square_bracket": "]"}


def burst(app: WorkshopApp, keys: list[str]) -> None:
    """Queue every key at once, as the terminal driver does with one read of several bytes
    (Pilot.press waits for the app to be idle after each key, which hides the problem)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
        event.set_sender(app)
        driver.send_message(event)


def typed(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


async def test_a_pane_digit_then_typing_in_one_burst(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, ["3", "i", *typed("Draft amendment"), "enter"])
        await saved(pilot)
        burst(app, ["escape", "2", "i", *typed("Sol one"), "enter"])
        await saved(pilot)
        assert pane_texts(app, EntryKind.ACTION) == ["Draft amendment"]
        assert pane_texts(app, EntryKind.SOLUTION) == ["Sol one"]
        assert pane_texts(app, EntryKind.CHALLENGE) == []


async def test_a_group_switch_then_typing_in_one_burst(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, ["right_square_bracket", "i", *typed("In group B"), "enter"])
        await saved(pilot)
        screen = screen_of(app)
        assert screen.group == "Group B"
        assert pane_texts(app, EntryKind.CHALLENGE) == ["In group B"]
        # while typing, the same keys are text
        burst(app, [*typed("3 officers [x]"), "enter"])  # Enter stayed in the input
        await saved(pilot)
        assert screen.group == "Group B"
        assert pane_texts(app, EntryKind.CHALLENGE) == ["In group B", "3 officers [x]"]


async def test_two_group_switches_in_one_burst_settle(tmp_path: Path) -> None:
    """]] in one read: the tabs follow the screen, they never switch it back (the tab's
    activation message used to call set_group again, and the two switches chased each other)."""
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        switches: list[str] = []
        original = screen.set_group

        def recording(group: str) -> None:
            switches.append(group)
            original(group)

        screen.set_group = recording  # type: ignore[method-assign]
        burst(app, ["right_square_bracket", "right_square_bracket", "i", *typed("Back"), "enter"])
        # bounded: the loop this guards against never lets the app go idle
        await asyncio.wait_for(saved(pilot), timeout=20)
        assert switches == ["Group B", "Group A"]  # the two keys, nothing more
        assert screen.group == "Group A"
        assert pane_texts(app, EntryKind.CHALLENGE) == ["Back"]
        assert screen.query_one("#group-tabs").active == "group-0"  # type: ignore[attr-defined]
