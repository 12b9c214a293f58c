"""Served and projector apps (Pilot): nothing of the laptop reachable, exports as downloads,
and a projector that follows the facilitator's topic and view."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from session_fixtures import AGENDA
from textual.pilot import Pilot
from textual.widgets import Digits, Input, Static

from workshop_tui.core.export import default_filename
from workshop_tui.core.model import EntryKind
from workshop_tui.core.projector import PLENARY_VIEW, TOPIC_VIEW, VIEW_KEY, facilitator_place
from workshop_tui.core.store import Store
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.served import ServedHomeScreen


def make_store(tmp_path: Path) -> tuple[Store, str]:
    store = Store(tmp_path / "data")
    session = store.create_session(AGENDA, title="Served test")
    other = store.create_session(AGENDA, title="Another workshop")
    other_store = store.open_session(other.id)
    other_store.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Secret of another session")
    return store, session.id


async def settle(pilot: Pilot[Any]) -> None:
    """Every store write done, those that wait for a newer one of their kind sent first."""
    writer = getattr(pilot.app, "_store_writer", None)
    if writer is not None:
        writer.send_soon()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_served_app_reaches_no_other_session_and_no_file(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "SessionScreen"
        assert isinstance(app.screen_stack[0], ServedHomeScreen)  # no start screen under it
        for key in ("f4", "f5", "f6", "ctrl+f", "I"):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == "SessionScreen", key
        shown_keys = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
        assert not shown_keys & {"sessions", "search", "follow_up", "import_bundles"}
        # the action register reads every session: refused even when asked by name
        assert not await app.run_action("register")
        assert type(app.screen).__name__ == "SessionScreen"
        # closing the session (palette) shows the served home; Enter comes back to it
        app.screen.action_close_session()  # type: ignore[attr-defined]
        await settle(pilot)
        assert isinstance(app.screen, ServedHomeScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "SessionScreen"


async def test_a_scribe_browser_cannot_end_the_session(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, group="Group A", served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen: Any = app.screen
        titles = [c.title for c in screen.palette_commands()]
        assert not any(t.startswith("End session") for t in titles), titles
        screen.action_end_session()
        await settle(pilot)
        assert type(app.screen).__name__ == "SessionScreen"  # no confirmation asked
    assert not store.open_session(session_id).session.ended
    # the facilitator's browser can
    app = WorkshopApp(store=store, session_id=session_id, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.screen.palette_commands()]  # type: ignore[attr-defined]
        assert any(t.startswith("End session") for t in titles)


async def test_the_full_app_keeps_its_screens(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert type(app.screen).__name__ == "SessionsScreen"


async def test_a_served_export_is_a_download_named_like_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, session_id = make_store(tmp_path)
    session_store = store.open_session(session_id)
    session_store.add_entry(EntryKind.ACTION, "legal", "Group A", "Draft the procedure")
    monkeypatch.chdir(tmp_path)
    delivered: list[tuple[bytes, str | None]] = []

    def deliver_binary(path_or_file: Any, **kwargs: Any) -> str | None:
        assert isinstance(path_or_file, io.BytesIO)
        delivered.append((path_or_file.getvalue(), kwargs.get("save_filename")))
        return "key"

    app = WorkshopApp(store=store, session_id=session_id, served=True)
    app.deliver_binary = deliver_binary  # type: ignore[method-assign]
    before = sorted(tmp_path.rglob("*"))
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "DownloadExportDialog"
        # no path of this laptop anywhere in the dialog
        for field in dialog.query(Input):
            assert str(tmp_path) not in field.value and "/" not in field.value
        assert not dialog.query_one("#export-path").parent.display  # type: ignore[union-attr]
        target = str(dialog.query_one("#export-target", Static).render())
        name = default_filename(session_store.session, "actions", "csv")
        assert name in target and str(tmp_path) not in target
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [n for _, n in delivered] == [name]
    assert b"Draft the procedure" in delivered[0][0]
    assert sorted(tmp_path.rglob("*")) == before  # nothing written on the laptop


async def test_the_projector_follows_the_facilitator(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path)
    session_store = store.open_session(session_id)
    session_store.add_entry(EntryKind.CHALLENGE, "risk", "Group B", "Manifests arrive late")
    app = WorkshopApp(store=store, session_id=session_id, projector=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen: Any = app.screen
        assert type(screen).__name__ == "ProjectorScreen"
        assert str(screen.query_one("#projector-title", Static).render()) == "Legal framework"
        assert "Which TRIPS obligations are met?" in str(
            screen.query_one("#projector-questions", Static).render()
        )
        assert screen.query_one(Digits).value == "30:00"
        # the facilitator moves to the next topic and starts its timer (45 min)
        session_store.set_state(
            topic="risk",
            timers={
                "risk": {
                    "duration": 2700.0,
                    "state": "running",
                    "elapsed": 60.0,
                    "remaining": 2640.0,
                    "saved_at": time.time(),
                }
            },
        )
        screen._read()
        await settle(pilot)
        assert str(screen.query_one("#projector-title", Static).render()) == "Risk analysis"
        assert screen.query_one(Digits).value == "44:00"
        assert screen.query_one(Digits).has_class("-running")
        counts = [(c.group, c.challenges) for c in screen.shown.counts]
        assert counts == [("Group A", 0), ("Group B", 1)]
        # ... then opens the plenary
        session_store.set_state(**{VIEW_KEY: PLENARY_VIEW})
        screen._read()
        await settle(pilot)
        assert screen.has_class("-plenary")
        assert screen.query_one("#projector-grid").display
        assert not screen.query_one("#projector-topic-view").display
        # a projector changes nothing and opens none of the review screens
        for key in ("f2", "f3", "f4", "f5", "i", "x"):
            await pilot.press(key)
            await settle(pilot)
            assert type(app.screen).__name__ == "ProjectorScreen", key
    assert len(session_store.entries()) == 1


async def test_the_facilitator_app_steers_the_view(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id)
    session_store = store.open_session(session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert VIEW_KEY not in session_store.get_state()  # no view saved: the topic
        await pilot.press("f2")
        await settle(pilot)
        assert session_store.get_state().get(VIEW_KEY) == PLENARY_VIEW
        await pilot.press("escape")
        await settle(pilot)
        assert session_store.get_state().get(VIEW_KEY) == TOPIC_VIEW


async def test_a_scribe_app_never_steers(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path)
    app = WorkshopApp(store=store, session_id=session_id, group="Group B")
    session_store = store.open_session(session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
    assert VIEW_KEY not in session_store.get_state()


def test_hand_edited_state_falls_back_to_the_first_topic() -> None:
    ids = ["legal", "risk"]
    assert facilitator_place({}, ids) == ("legal", TOPIC_VIEW)
    assert facilitator_place({"topic": "gone", VIEW_KEY: "disco"}, ids) == ("legal", TOPIC_VIEW)
    assert facilitator_place({"topic": ["risk"], VIEW_KEY: 3}, ids) == ("legal", TOPIC_VIEW)
    assert facilitator_place({"topic": "risk", VIEW_KEY: PLENARY_VIEW}, ids) == (
        "risk",
        PLENARY_VIEW,
    )


async def test_a_browser_tabs_choices_stay_in_the_tab_not_in_the_laptops_prefs(
    tmp_path: Path,
) -> None:
    """Every browser tab is an app process on the facilitator's laptop: a scribe who sorts
    the action list or switches the language changes nothing the facilitator sees."""
    from workshop_tui.core.action_list import PREF_KEY
    from workshop_tui.ui.app import LANGUAGE_PREF

    store, session_id = make_store(tmp_path)
    Store(store.data_dir).prefs.set(LANGUAGE_PREF, "en")
    before = store.prefs_path.read_bytes()
    app = WorkshopApp(store=store, session_id=session_id, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f9")  # the language key
        await settle(pilot)
        await pilot.press("f3", "o")  # the action list, sorted another way
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        # the tab itself remembers both
        assert app.store.prefs.get(LANGUAGE_PREF, "") == "id"
        assert app.store.prefs.get_for(PREF_KEY, session_id, {}, dict).get("sort") != "due"
    assert store.prefs_path.read_bytes() == before
    laptop = Store(store.data_dir).prefs
    assert laptop.get(LANGUAGE_PREF, "") == "en"
    assert laptop.get_for(PREF_KEY, session_id, None, dict) is None
