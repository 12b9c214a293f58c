"""Start screen, help screen and command palette with Pilot (screen and store)."""

from __future__ import annotations

import shutil
from pathlib import Path

from session_fixtures import AGENDA, Notes, capture, new_app, new_session, pane_texts, screen_of
from textual.widgets import Input, OptionList

from workshop_tui.core.agenda_yaml import DEFAULT_AGENDA, bundled_agenda_path, bundled_agendas
from workshop_tui.core.model import EntryKind, now_iso
from workshop_tui.core.store import Store
from workshop_tui.ui.commands import WorkshopCommands, palette_commands_for
from workshop_tui.ui.screens.help import HelpScreen
from workshop_tui.ui.screens.session import SessionScreen
from workshop_tui.ui.screens.start import StartScreen

SIZE = (120, 40)


def option_ids(option_list: OptionList) -> list[str]:
    return [option_list.get_option_at_index(i).id or "" for i in range(option_list.option_count)]


async def test_start_lists_agendas_and_starts_a_bundled_one(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        agendas = app.screen.query_one("#agendas", OptionList)
        names = [name for name, _ in bundled_agendas()]
        assert option_ids(agendas)[: len(names)] == [f"agenda:{n}" for n in names]
        agendas.highlighted = names.index(DEFAULT_AGENDA)
        agendas.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_of(app)
        assert not screen.read_only
        assert screen.agenda.name == DEFAULT_AGENDA
        await capture(pilot, EntryKind.CHALLENGE, "First capture")
    listing = Store(tmp_path).list_sessions()
    assert len(listing.sessions) == 1 and listing.sessions[0].challenges == 1


async def test_open_an_agenda_file_by_path_and_list_it_as_recent(tmp_path: Path) -> None:
    agenda_file = tmp_path / "my-workshop.yaml"
    shutil.copy(bundled_agenda_path(DEFAULT_AGENDA), agenda_file)
    data = tmp_path / "data"
    app = new_app(data)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("o")
        field = app.screen.query_one("#agenda-path", Input)
        assert app.focused is field
        field.value = str(agenda_file)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        app.screen.action_close_session()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        agendas = app.screen.query_one("#agendas", OptionList)
        assert "recent:0" in option_ids(agendas)
        sessions = app.screen.query_one("#sessions", OptionList)
        assert len([i for i in option_ids(sessions) if i.startswith("session:")]) == 1
    assert Store(data).recent_agendas() == [str(agenda_file.resolve())]


async def test_bad_agenda_path_and_bad_agenda_file_are_reported(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    data = tmp_path / "data"
    app = new_app(data)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("o")
        field = app.screen.query_one("#agenda-path", Input)
        field.value = str(tmp_path / "missing.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert any("No such file" in m for m in notes.messages("error"))
        field.value = str(broken)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("broken.yaml" in m for m in notes.messages("error"))
        assert isinstance(app.screen, StartScreen)
        assert field.value == str(broken)  # kept to fix a typo
    assert Store(data).list_sessions().sessions == []


async def test_resume_in_progress_and_review_past_session_read_only(tmp_path: Path) -> None:
    running = new_session(tmp_path, title="Day 2 running")
    ended = new_session(tmp_path, title="Day 1 done")
    past = Store(tmp_path).open_session(ended)
    past.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Archived challenge")
    past.update_session(ended=now_iso())
    app = new_app(tmp_path)
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        sessions = app.screen.query_one("#sessions", OptionList)
        assert option_ids(sessions) == [
            f"session:{running}",
            f"session:{ended}",
        ]  # in progress first
        await pilot.press("s", "down", "enter")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.read_only and pane_texts(app, EntryKind.CHALLENGE) == ["Archived challenge"]
        await pilot.press("1", "x")  # read-only: Delete is not offered and does nothing
        await pilot.pause()
        assert pane_texts(app, EntryKind.CHALLENGE) == ["Archived challenge"]
        assert not Store(tmp_path).open_session(ended).entries(kind=EntryKind.CHALLENGE)[0].deleted
        assert not notes.messages("error")
        screen.action_close_session()
        await pilot.pause()
        await pilot.press("s", "up", "enter")
        await pilot.pause()
        assert not screen_of(app).read_only
        assert screen_of(app).store.id == running
    archived = Store(tmp_path).open_session(ended).entries()
    assert [(e.text, e.deleted) for e in archived] == [("Archived challenge", False)]


async def test_help_lists_bindings_of_the_current_screen_grouped(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = [str(label.content) for label in app.screen.query(".help-section")]
        assert sections[:4] == [
            "Session screen",
            "In a pane's list (the selected entry)",
            "In a pane's input",
            "In the topics list",
        ]
        assert "Everywhere" in sections
        assert sections[-1] == "Command palette"
        assert len(app.screen.query(".help-table")) == len(sections) - 1
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    # the state was saved while navigating, nothing else written
    assert Store(tmp_path).open_session(session_id).entries() == []


async def test_help_rows_name_every_described_binding(tmp_path: Path) -> None:
    from workshop_tui.ui.screens.help import binding_sections

    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sections = dict(binding_sections(app.screen))
        session_ids = {b.id for b in sections["Session screen"]}
        assert {
            "session.undo",
            "session.group_next",
            "session.topic_next",
            "session.quit",
        } <= session_ids
        entry_ids = {b.id for b in sections["In a pane's list (the selected entry)"]}
        assert {"entry.vote", "entry.link", "entry.delete", "entry.move_up"} <= entry_ids
        for bindings in sections.values():
            for binding in bindings:
                assert binding.id and binding.description, binding


async def test_command_palette_offers_screen_commands_and_runs_them(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        provider = WorkshopCommands(screen)
        titles = [c.title for c in palette_commands_for(provider)]
        assert f"Go to topic 2: {AGENDA.topics[1].title}" in titles
        assert "Switch to group: Group B" in titles
        assert "Undo" in titles and "Group" in titles
        hits = [hit async for hit in provider.search("risk analysis")]
        assert hits and "Risk analysis" in str(hits[0].text)
        command = next(
            c for c in palette_commands_for(provider) if c.title.startswith("Go to topic 2")
        )
        command.run()
        await pilot.pause()
        assert screen.topic_id == "risk"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is not screen  # the palette opened
        await pilot.press("escape")
        await pilot.pause()
    assert Store(tmp_path).open_session(session_id).get_state()["topic"] == "risk"


async def test_theme_toggle(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.current_theme.dark is not dark


async def test_start_screen_palette_starts_and_resumes(tmp_path: Path) -> None:
    running = new_session(tmp_path, title="Day 2 running")
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        provider = WorkshopCommands(app.screen)
        titles = [c.title for c in palette_commands_for(provider)]
        assert "Resume session: Day 2 running" in titles
        assert any(t.startswith("Start session: ") for t in titles)
        assert "Agendas" in titles and "Refresh" in titles  # the screen's keys
        resume = next(c for c in palette_commands_for(provider) if c.title.startswith("Resume"))
        resume.run()
        await pilot.pause()
        assert screen_of(app).store.id == running


async def test_the_agendas_are_listed_while_a_long_history_is_still_being_read(
    tmp_path: Path,
) -> None:
    """A copied or crashed data folder rebuilds its catalog from every session file (seconds
    with a long history): the agendas are there to start a session meanwhile."""
    import threading

    new_session(tmp_path)
    app = new_app(tmp_path)
    release = threading.Event()
    reading = threading.Event()
    listed = app.store.list_sessions

    def slow_listing():  # type: ignore[no-untyped-def]
        reading.set()
        release.wait(30)
        return listed()

    app.store.list_sessions = slow_listing  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        while not reading.is_set():
            await pilot.pause()
        await pilot.pause()
        agendas = app.screen.query_one("#agendas", OptionList)
        assert f"agenda:{DEFAULT_AGENDA}" in option_ids(agendas)
        sessions = app.screen.query_one("#sessions", OptionList)
        assert str(sessions.get_option_at_index(0).prompt) == "Reading the sessions…"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert option_ids(sessions)[0].startswith("session:")
