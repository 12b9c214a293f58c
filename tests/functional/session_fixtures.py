"""Shared helpers for the session-screen Pilot tests: a small agenda, typing, reading panes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from workshop_tui.core.agenda import Agenda, Group, Participant, Topic
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.session import SessionScreen
from workshop_tui.ui.widgets.entries import EntryPane

AGENDA = Agenda(
    title="Border enforcement test workshop",
    name="test-agenda",
    topics=(
        Topic(
            "legal",
            "Legal framework",
            description="Powers customs has at the border.",
            questions=("Which TRIPS obligations are met?", "What is missing?"),
            timebox=30,
        ),
        Topic("risk", "Risk analysis", description="Targeting shipments.", timebox=45),
    ),
    groups=(Group("Group A"), Group("Group B")),
    participants=(Participant("Amina Diallo", "Customs HQ", "Group A"),),
)

KEY_OF_KIND = {
    EntryKind.CHALLENGE: "1",
    EntryKind.SOLUTION: "2",
    EntryKind.ACTION: "3",
    EntryKind.PARKING: "4",
    EntryKind.NOTE: "5",
}


def new_app(data_dir: Path, *, session_id: str | None = None, **options: Any) -> WorkshopApp:
    return WorkshopApp(store=Store(data_dir), session_id=session_id, **options)


def new_session(data_dir: Path, **options: Any) -> str:
    return Store(data_dir).create_session(AGENDA, **options).id


def screen_of(app: WorkshopApp) -> SessionScreen:
    assert isinstance(app.screen, SessionScreen), type(app.screen)
    return app.screen


def pane_texts(app: WorkshopApp, kind: EntryKind) -> list[str]:
    """The entry texts the pane shows, in screen order."""
    return [e.text for e in screen_of(app).pane(kind).entries]


def shown_lines(app: WorkshopApp, kind: EntryKind) -> list[str]:
    """What the pane's list renders, one string per entry (label + body as on screen)."""
    pane: EntryPane = screen_of(app).pane(kind)
    out = []
    for index in range(pane.entry_list.option_count):
        prompt = pane.entry_list.get_option_at_index(index).prompt
        grid = prompt.renderable  # type: ignore[union-attr]  # a CachedVisual of an EntryPrompt
        cells = [str(cell) for cell in grid.cells]
        out.append(" ".join(cells))
    return out


async def type_text(pilot: Pilot[Any], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def capture(pilot: Pilot[Any], kind: EntryKind, text: str, *, typed: bool = False) -> None:
    """Focus the pane by its number key, go to its input, enter ``text`` and press Enter.

    With ``typed`` every character is a key press; otherwise the text is pasted into the
    input except its last character, which is typed (key presses are slow on a busy CI).
    """
    app = pilot.app
    focused = app.focused
    if focused is not None and focused.has_class("capture-input"):
        await pilot.press("escape")
    await pilot.press(KEY_OF_KIND[kind])
    pane = screen_of(app).pane(kind)  # type: ignore[arg-type]
    if app.focused is not pane.capture_input:
        await pilot.press("i")
    assert app.focused is pane.capture_input
    if typed:
        await type_text(pilot, text)
    else:
        pane.capture_input.insert_text_at_cursor(text[:-1])
        await type_text(pilot, text[-1:])
    await pilot.press("enter")
    await saved(pilot)


async def saved(pilot: Pilot[Any]) -> None:
    """Wait until every queued store write (they run in thread workers) is done and shown;
    a write that waits for a newer one of its kind (the screen position) is sent first."""
    await pilot.pause()
    writer = getattr(pilot.app, "_store_writer", None)
    if writer is not None:
        writer.send_soon()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot[Any], done: Any, tries: int = 200) -> bool:
    """Pause (the app handles what is queued, then the screen is redrawn) until ``done()`` is
    true, at most ``tries`` times; True when it came true. For what the app finishes in later
    messages (a recompose, a call_later): a loaded machine takes more turns, never a sleep."""
    for _ in range(tries):
        if done():
            return True
        await pilot.pause()
    return bool(done())


async def select(pilot: Pilot[Any], kind: EntryKind, index: int) -> None:
    """Focus the pane's list and highlight entry ``index`` (0-based, screen order)."""
    app = pilot.app
    focused = app.focused
    if focused is not None and focused.has_class("capture-input"):
        await pilot.press("escape")
    pane = screen_of(app).pane(kind)  # type: ignore[arg-type]
    pane.entry_list.focus()
    await pilot.pause()
    pane.entry_list.highlighted = index
    await pilot.pause()


class Notes:
    """Records notifications: (message, severity)."""

    def __init__(self, app: WorkshopApp) -> None:
        self.seen: list[tuple[str, str]] = []
        original = app.notify

        def record(message: str, *args: Any, **kwargs: Any) -> None:
            self.seen.append((str(message), str(kwargs.get("severity", "information"))))
            original(message, *args, **kwargs)

        app.notify = record  # type: ignore[method-assign]

    def messages(self, severity: str | None = None) -> list[str]:
        return [m for m, s in self.seen if severity is None or s == severity]
