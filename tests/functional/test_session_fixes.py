"""Session screen: fixes from the QA trial (wrapping, editor save failures, digit keys,
header, read-only footer, damaged-file notice, export folder). Each test checks the screen
and the store."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from rich.cells import cell_len
from session_fixtures import (
    Notes,
    capture,
    new_app,
    new_session,
    pane_texts,
    saved,
    screen_of,
    select,
    type_text,
)
from textual.widgets import Input, OptionList, Static

from workshop_tui.core.agenda_yaml import DEFAULT_AGENDA, load_agenda
from workshop_tui.core.model import EntryKind, now_iso
from workshop_tui.core.store import Store, StoreWriteError
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.widgets.action_form import ActionEditor

C, S, A = EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION

LONG_CHINESE = "海关缺乏权利依职权扣留涉嫌侵犯知识产权的货物且权利人备案制度尚未建立完善"
LONG_URL = "https://www.wipo.int/enforcement/en/border-measures/recordation-guidelines-2026.html"


def drawn_text(entry_list: OptionList) -> list[str]:
    """What the list draws for each option (all its lines, as on screen, at the pane's width)."""
    style = entry_list.get_visual_style("option-list--option")
    out = []
    for option in entry_list.options:
        strips = entry_list._get_option_render(option, style)
        out.append("\n".join(strip.text for strip in strips))
    return out


def squeezed(text: str) -> str:
    return "".join(text.split())


async def test_long_cjk_text_and_urls_wrap_in_the_pane_at_80x24(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await capture(pilot, C, LONG_CHINESE)
        await capture(pilot, S, LONG_URL)
        await capture(pilot, A, f"Publish {LONG_URL} for 海关与权利人")
        await pilot.pause()
        screen = screen_of(app)
        for kind, text in ((C, LONG_CHINESE), (S, LONG_URL), (A, f"Publish {LONG_URL}")):
            # at 80 columns the panes are stacked: open each one (its digit) to read it
            await pilot.press("escape", {C: "1", S: "2", A: "3"}[kind])
            await pilot.pause()
            entry_list = screen.pane(kind).entry_list
            [drawn] = drawn_text(entry_list)
            assert "…" not in drawn, (kind, drawn)
            assert squeezed(text) in squeezed(drawn), (kind, drawn)
            assert drawn.count("\n") >= 1  # wrapped onto several lines, within the pane
            width = entry_list.scrollable_content_region.width
            assert all(cell_len(line) <= width for line in drawn.splitlines())
        assert pane_texts(app, C) == [LONG_CHINESE]
    stored = Store(tmp_path).open_session(session_id)
    assert [e.text for e in stored.entries(kind=C)] == [LONG_CHINESE]
    assert [e.text for e in stored.entries(kind=S)] == [LONG_URL]


async def test_a_failed_action_save_keeps_the_editor_open_with_the_typed_fields(
    tmp_path: Path,
) -> None:
    """Disk full while saving an action's fields from the session screen: the reason is
    shown, the editor stays open with what was typed; ctrl+s once the disk is back saves."""
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await capture(pilot, A, "Draft a recordation procedure")
        await select(pilot, A, 0)
        await pilot.press("enter")
        await saved(pilot)
        editor = app.screen
        assert isinstance(editor, ActionEditor)
        editor.query_one("#field-owner", Input).value = "Amina Diallo"
        editor.query_one("#field-due", Input).value = "2026-03-31"
        real = screen.capture.set_action

        def disk_full(*args: object, **kwargs: object) -> object:
            raise StoreWriteError(tmp_path / "s.json", OSError(errno.ENOSPC, "No space left"))

        screen.capture.set_action = disk_full  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is editor  # still open, nothing typed is lost
        assert editor.query_one("#field-owner", Input).value == "Amina Diallo"
        assert editor.query_one("#field-due", Input).value == "2026-03-31"
        assert notes.messages("error")
        fields = Store(tmp_path).open_session(session_id).entries(kind=A)[0].action
        assert fields is not None and fields.owner == ""
        screen.capture.set_action = real  # type: ignore[method-assign]
        await pilot.press("ctrl+s")
        await saved(pilot)
        assert app.screen is screen
        drawn = squeezed(drawn_text(screen.pane(A).entry_list)[0])
        assert squeezed("Amina Diallo · due 2026-03-31 · open") in drawn
    fields = Store(tmp_path).open_session(session_id).entries(kind=A)[0].action
    assert fields is not None and (fields.owner, fields.due) == ("Amina Diallo", "2026-03-31")


async def test_digits_switch_panes_and_are_never_typed_unless_typing(tmp_path: Path) -> None:
    """The session opens on the Challenges list; 1-5 switch panes, i / + / Enter on an empty
    list start typing, Esc leaves the input; alt+1..5 switch panes while typing."""
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert app.focused is screen.pane(C).entry_list  # the list, not the input
        await pilot.press("2")  # switches: nothing typed anywhere
        assert app.focused is screen.pane(S).entry_list
        await pilot.press("1", "i")
        assert app.focused is screen.pane(C).capture_input
        await type_text(pilot, "Backlog 2026")  # digits typed while typing are text
        await pilot.press("enter")
        await saved(pilot)
        assert app.focused is screen.pane(C).capture_input  # ready for the next one
        await pilot.press("alt+2")  # switches pane while typing, types nothing
        assert app.focused is screen.pane(S).entry_list
        assert screen.pane(C).capture_input.value == ""
        await pilot.press("enter")  # Enter on an empty list starts typing
        assert app.focused is screen.pane(S).capture_input
        await type_text(pilot, "Hire staff")
        await pilot.press("enter", "escape", "3", "plus")
        assert app.focused is screen.pane(A).capture_input
        await type_text(pilot, "Budget")
        await pilot.press("enter", "alt+1")
        await saved(pilot)
        assert app.focused is screen.pane(C).entry_list
        for kind in (C, S, A):
            assert screen.pane(kind).capture_input.value == ""
        assert pane_texts(app, C) == ["Backlog 2026"]
        assert pane_texts(app, S) == ["Hire staff"]
        assert pane_texts(app, A) == ["Budget"]
        # deleting the last entry keeps the list focused (a digit still switches)
        await select(pilot, A, 0)
        await pilot.press("x", "1")
        await saved(pilot)
        assert app.focused is screen.pane(C).entry_list
    stored = Store(tmp_path).open_session(session_id)
    assert [e.text for e in stored.entries(kind=C)] == ["Backlog 2026"]
    assert [e.text for e in stored.entries(kind=S)] == ["Hire staff"]
    assert [e.text for e in stored.entries(kind=A)] == []


async def test_keys_typed_right_after_i_go_into_the_input(tmp_path: Path) -> None:
    """A burst (a fast typist, keys queued behind a busy event loop): "i" then text and
    Enter, all already on their way to the list, make one entry with exactly that text."""
    from textual import events

    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        entry_list = screen.pane(C).entry_list
        assert app.focused is entry_list
        for key, char in [("i", "i"), ("a", "a"), ("2", "2"), ("enter", None), ("x", "x")]:
            entry_list.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert pane_texts(app, C) == ["a2"]
        assert screen.pane(C).capture_input.value == "x"
        assert app.focused is screen.pane(C).capture_input
    assert [e.text for e in Store(tmp_path).open_session(session_id).entries(kind=C)] == ["a2"]


def screen_line(app: WorkshopApp, y: int) -> str:
    """Row ``y`` of the screen as drawn."""
    return app.screen._compositor.render_strips()[y].text


@pytest.mark.parametrize(
    ("size", "read_only", "wanted"),
    [
        ((100, 30), False, ["5/7 Information-sharing among customs officers", "votes 5/5"]),
        ((100, 30), True, ["READ-ONLY 5/7 Information-sharing among customs officers"]),
        ((80, 24), False, ["5/7 Information-sharing", "votes 5/5", "Timer"]),
        # an ended session's unused timer is hidden: the session's dates take its place
        ((80, 24), True, ["READ-ONLY 5/7 Information-sharing"]),
    ],
)
async def test_header_shows_read_only_topic_and_votes_before_the_session_title(
    tmp_path: Path, size: tuple[int, int], read_only: bool, wanted: list[str]
) -> None:
    store = Store(tmp_path)
    session = store.create_session(load_agenda(DEFAULT_AGENDA))
    session.set_state(topic=session.session.agenda.topics[4].id)
    if read_only:
        session.update_session(ended=now_iso())
    app = new_app(tmp_path, session_id=session.id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.read_only is read_only
        line = screen_line(app, screen.query_one("#session-bar").region.y)
        for part in wanted:
            assert part in line, (part, line)
        if read_only:
            assert session.session.started[:10] in line and "Timer" not in line, line
        if not read_only:
            assert line.index("votes") > line.index("Information")  # topic, then votes


async def test_footer_keeps_f1_help_beside_the_palette_at_80_columns(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for kind in (C, S, A):
            await capture(pilot, kind, f"first {kind.value}")
            footer = screen_line(app, 23)
            assert "f1 Help" in footer and "^p palette" in footer, (kind, "typing", footer)
            await select(pilot, kind, 0)
            footer = screen_line(app, 23)
            assert "f1 Help" in footer and "^p palette" in footer, (kind, footer)
            assert "x Delete" in footer
        assert "l Link" in footer  # the Actions list: its own keys are there too
    stored = Store(tmp_path).open_session(session_id)
    assert [e.text for e in stored.entries(kind=A)] == ["first action"]


async def test_a_read_only_session_offers_no_editing_keys(tmp_path: Path) -> None:
    """Footer, help and palette list only what works in an ended session."""
    from workshop_tui.ui.commands import WorkshopCommands, palette_commands_for
    from workshop_tui.ui.screens.help import HelpScreen

    session_id = new_session(tmp_path)
    store = Store(tmp_path).open_session(session_id)
    store.add_entry(C, "legal", "Group A", "Old challenge")
    store.add_entry(S, "legal", "Group A", "Old solution")
    store.update_session(ended=now_iso())
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.read_only
        await select(pilot, S, 0)
        footer = screen_line(app, 23)
        for hidden in ("Edit", "Delete", "Vote", "Link", "Undo"):
            assert hidden not in footer, (hidden, footer)
        assert "f1 Help" in footer
        titles = [c.title for c in palette_commands_for(WorkshopCommands(screen))]
        assert not [t for t in titles if t.startswith(("Delete", "Vote", "Edit", "Link", "Undo"))]
        assert any(t.startswith("Sort pane by votes") for t in titles)  # changes only the view
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = " ".join(
            str(cell)
            for static in app.screen.query(".help-table").results(Static)
            for column in static.content.columns  # type: ignore[attr-defined]
            for cell in column.cells
        )
        assert "Sort the pane by votes" in help_text
        for hidden in ("Delete the entry", "dot votes", "Undo the last change", "Link to"):
            assert hidden not in help_text, hidden
        await pilot.press("escape")
        await pilot.pause()
        for key in ("x", "v", "e", "i", "ctrl+z"):
            await pilot.press(key)
        await pilot.pause()
        assert pane_texts(app, S) == ["Old solution"]
    entries = Store(tmp_path).open_session(session_id).entries(include_deleted=True)
    assert [(e.text, e.deleted, e.votes) for e in entries] == [
        ("Old challenge", False, {}),
        ("Old solution", False, {}),
    ]


async def test_help_lists_link_and_vote_though_the_first_pane_has_no_link(
    tmp_path: Path,
) -> None:
    """The help lists a pane key if any pane offers it (Link: solutions and actions)."""
    from workshop_tui.ui.screens.help import binding_sections

    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        sections = dict(binding_sections(screen_of(app)))
        pane_keys = {b.description for b in sections["In a pane's list (the selected entry)"]}
        assert {"Edit", "Delete", "Vote", "Link", "Action fields", "Add"} <= pane_keys
        assert "Undo" in {b.description for b in sections["Session screen"]}


async def test_a_damaged_session_file_is_reported_once_not_at_every_poll(tmp_path: Path) -> None:
    session_id = new_session(tmp_path)
    app = new_app(tmp_path, session_id=session_id)
    notes = Notes(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await capture(pilot, C, "Kept on screen")
        screen = screen_of(app)
        path = Store(tmp_path).session_path(session_id)
        good = path.read_bytes()
        path.write_bytes(b'{"session": {')  # another program damaged it
        for _ in range(4):  # four polls (and redraws) while it stays damaged
            screen._check_disk()
            await app.workers.wait_for_complete()
            screen.refresh_all()
            await pilot.pause()
        damaged = [m for m in notes.messages("error") if "left untouched" in m]
        assert len(damaged) == 1, notes.seen
        assert pane_texts(app, C) == ["Kept on screen"]
        path.write_bytes(good)  # fixed: readable again, then damaged again -> told again
        screen.refresh_all()
        await pilot.pause()
        assert any("read again" in m for m in notes.messages())
        path.write_bytes(b"[")
        screen.refresh_all()
        screen.refresh_all()
        await pilot.pause()
        assert len([m for m in notes.messages("error") if "left untouched" in m]) == 2
        assert path.read_bytes() == b"["  # never overwritten
        path.write_bytes(good)
    assert [e.text for e in Store(tmp_path).open_session(session_id).entries(kind=C)] == [
        "Kept on screen"
    ]
