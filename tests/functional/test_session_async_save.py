"""Captures are saved off the event loop: a slow disk never freezes typing (issue 3)."""

from __future__ import annotations

import errno
import threading
from pathlib import Path
from typing import Any

import pytest
from session_fixtures import Notes, new_app, new_session, pane_texts, saved, screen_of, type_text
from textual.pilot import Pilot

from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore, Store, StoreWriteError

SIZE = (120, 40)
C = EntryKind.CHALLENGE


def stored(data_dir: Path, session_id: str) -> list[str]:
    """Challenge texts on disk (a fresh Store: what another process would read)."""
    return [e.text for e in Store(data_dir).open_session(session_id).entries(kind=C)]


class Gate:
    """Makes the first ``SessionStore.add_entry`` wait (in its worker thread) until opened."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, fail: bool = False) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.calls = 0
        original = SessionStore.add_entry

        def slow_add(store: SessionStore, *args: Any, **kwargs: Any) -> Any:
            assert threading.current_thread() is not threading.main_thread()
            self.calls += 1
            if self.calls == 1:
                self.reached.set()
                assert self.opened.wait(20), "the test never opened the gate"
                if fail:
                    raise StoreWriteError(store.path, OSError(errno.ENOSPC, "No space left"))
            return original(store, *args, **kwargs)

        monkeypatch.setattr(SessionStore, "add_entry", slow_add)

    async def wait_reached(self, pilot: Pilot[Any]) -> None:
        for _ in range(200):
            if self.reached.is_set():
                return
            await pilot.pause(0.01)
        raise AssertionError("the save never started")


async def start_typing(pilot: Pilot[Any], text: str) -> None:
    await pilot.press("1", "i")
    pane = screen_of(pilot.app).pane(C)  # type: ignore[arg-type]
    assert pilot.app.focused is pane.capture_input
    pane.capture_input.insert_text_at_cursor(text)


async def test_typing_goes_on_while_a_slow_disk_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gate = Gate(monkeypatch)
        await start_typing(pilot, "first")
        await pilot.press("enter")
        await gate.wait_reached(pilot)  # the save is stuck in the disk now
        pane = screen_of(app).pane(C)
        assert pane.capture_input.value == ""
        await type_text(pilot, "second point")  # the UI keeps answering keys meanwhile
        assert pane.capture_input.value == "second point"
        assert app.focused is pane.capture_input
        assert not gate.opened.is_set()
        assert pane_texts(app, C) == [] and stored(tmp_path, session_id) == []
        await pilot.press("enter")  # queued behind the blocked one
        await pilot.pause()
        assert pane.capture_input.value == ""
        assert stored(tmp_path, session_id) == []
        gate.opened.set()
        await saved(pilot)
        assert pane_texts(app, C) == ["first", "second point"]  # in the order typed
        assert pane.highlighted_id == pane.entries[1].id
    assert stored(tmp_path, session_id) == ["first", "second point"]


async def test_a_failed_slow_save_gives_the_text_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gate = Gate(monkeypatch, fail=True)
        await start_typing(pilot, "Important point")
        await pilot.press("enter")
        await gate.wait_reached(pilot)
        pane = screen_of(app).pane(C)
        await type_text(pilot, " more")  # typed while the doomed save runs
        gate.opened.set()
        await saved(pilot)
        # the failed text comes back in front of what was typed since: nothing is lost
        assert pane.capture_input.value == "Important point more"
        assert pane.capture_input.cursor_position == len("Important point")
        errors = notes.messages("error")
        assert errors and "disk is full" in errors[0]
        assert pane_texts(app, C) == [] and stored(tmp_path, session_id) == []
        await pilot.press("enter")  # retry: the disk has room again
        await saved(pilot)
        assert pane_texts(app, C) == ["Important point more"]
    assert stored(tmp_path, session_id) == ["Important point more"]


async def test_undo_waits_for_the_save_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gate = Gate(monkeypatch)
        await start_typing(pilot, "Oops")
        await pilot.press("enter")
        await gate.wait_reached(pilot)
        await pilot.press("escape", "ctrl+z")  # the add is not saved yet: undo queues after it
        await pilot.pause()
        assert "Nothing to undo." not in notes.messages()
        gate.opened.set()
        await saved(pilot)
        assert pane_texts(app, C) == []
        assert any(m.startswith("Undone") for m in notes.messages())
    assert stored(tmp_path, session_id) == []
    tombstones = Store(tmp_path).open_session(session_id).entries(kind=C, include_deleted=True)
    assert [(e.text, e.deleted) for e in tombstones] == [("Oops", True)]
