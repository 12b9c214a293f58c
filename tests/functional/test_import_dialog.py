"""The import dialog: merge bundles in a worker, show the report or each bad file's reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Static

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.bundle import bundle_bytes
from workshop_tui.core.merge import MergeReport
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.screens.import_dialog import ImportDialog, open_import_dialog, parse_paths

AGENDA = Agenda(
    title="Import workshop",
    topics=(Topic("legal", "Legal framework"),),
    groups=(Group("Group A"), Group("Group B")),
)
NOT_DISMISSED = object()


class HostApp(App[None]):
    def __init__(self, dialog: ImportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = NOT_DISMISSED

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._keep)

    def _keep(self, result: list[MergeReport] | None) -> None:
        self.result = result


def scribe_bundles(tmp_path: Path) -> tuple[str, Path, Path]:
    """A session captured on two scribes' laptops, exported as two bundles."""
    first = Store(tmp_path / "laptop-a")
    session = first.create_session(AGENDA, title="Day 1")
    session.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "No ex officio power")
    second = Store(tmp_path / "laptop-b")
    other = second.add_session(session.session)
    other.add_entry(EntryKind.CHALLENGE, "legal", "Group B", "Recordation fees")
    other.add_entry(EntryKind.SOLUTION, "legal", "Group B", "Waive fees for SMEs")
    a = tmp_path / "group a.json"  # a space in the name: the input takes quoted paths
    a.write_bytes(bundle_bytes(session))
    b = tmp_path / "group-b.json"
    b.write_bytes(bundle_bytes(other))
    return session.id, a, b


async def _settle(app: App[None], pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_import_two_bundles_shows_the_report(tmp_path: Path) -> None:
    session_id, a, b = scribe_bundles(tmp_path)
    target = Store(tmp_path / "facilitator")
    dialog = ImportDialog(target, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert app.focused is dialog.query_one("#import-paths", Input)
        await pilot.press(*f'"{a.name}" group-b.json')
        await pilot.press("enter")
        await _settle(app, pilot)
        shown = str(dialog.query_one("#import-result", Static).content)
        assert f"{a}: new session {session_id[:8]} 'Day 1' — 1 added" in shown
        assert f"{b}: merged into {session_id[:8]} 'Day 1' — 2 added" in shown
        assert any("3 added" in n.message for n in app._notifications)
        assert app.focused is dialog.query_one("#import-close", Button)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.result, list) and [r.added for r in app.result] == [1, 2]
    entries = Store(target.data_dir).open_session(session_id).entries()
    assert sorted(e.group for e in entries) == ["Group A", "Group B", "Group B"]


async def test_a_wrong_field_is_shown_with_its_path_and_nothing_is_imported(
    tmp_path: Path,
) -> None:
    _, a, _ = scribe_bundles(tmp_path)
    document = json.loads(a.read_text(encoding="utf-8"))
    document["entries"][0]["links"] = "oops"
    a.write_text(json.dumps(document), encoding="utf-8")
    target = Store(tmp_path / "facilitator")
    dialog = ImportDialog(target, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        dialog.query_one("#import-paths", Input).value = f'"{a}"'
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        shown = str(dialog.query_one("#import-result", Static).content)
        line = f"{a}: entries[0].links: expected a list of entry ids, got a string"
        assert shown == "Nothing was imported; fix this in the bundle and import again:\n" + line
        [note] = [n for n in app._notifications if n.severity == "error"]
        assert note.message == line
    assert target.session_ids() == []


async def test_a_bad_file_is_reported_and_nothing_is_imported(tmp_path: Path) -> None:
    _, a, _ = scribe_bundles(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2", encoding="utf-8")
    target = Store(tmp_path / "facilitator")
    dialog = ImportDialog(target, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        dialog.query_one("#import-paths", Input).value = f'"{a}" broken.json missing.json'
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        result = dialog.query_one("#import-result", Static)
        shown = str(result.content)
        assert shown.startswith("Nothing was imported; fix these 2 problems in the bundles")
        assert f"{broken}: is not valid JSON" in shown
        assert f"{tmp_path / 'missing.json'}: no such file" in shown
        assert result.has_class("-error")
        assert not dialog.query_one("#import-run", Button).disabled  # fix the paths, try again
        assert any(n.severity == "error" for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None
    assert target.session_ids() == []


async def test_empty_or_unclosed_quote_is_explained_without_a_worker(tmp_path: Path) -> None:
    dialog = ImportDialog(Store(tmp_path / "data"), folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Give one or more bundle files" in str(
            dialog.query_one("#import-result", Static).content
        )
        dialog.query_one("#import-paths", Input).value = '"unclosed.json'
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot read the paths" in str(dialog.query_one("#import-result", Static).content)
        assert app.result is NOT_DISMISSED


def test_parse_paths(tmp_path: Path) -> None:
    assert parse_paths("a.json '/x y/b.json'", tmp_path) == [
        tmp_path / "a.json",
        Path("/x y/b.json"),
    ]
    assert parse_paths("~/c.json", tmp_path) == [Path("~/c.json").expanduser()]
    with pytest.raises(ValueError):
        parse_paths("   ", tmp_path)


async def test_from_a_session_the_bundles_can_go_into_it(tmp_path: Path) -> None:
    _, a, _ = scribe_bundles(tmp_path)  # a bundle of another session
    target = Store(tmp_path / "facilitator")
    mine = target.create_session(AGENDA, title="Plenary").id
    dialog = ImportDialog(target, folder=tmp_path, session_id=mine)
    app = HostApp(dialog)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        dialog.query_one("#import-paths", Input).value = f'"{a}"'
        dialog.query_one("#import-into", Checkbox).value = True
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert f"merged into {mine[:8]} 'Plenary' — 1 added" in str(
            dialog.query_one("#import-result", Static).content
        )
    assert target.session_ids() == [mine]
    assert [e.text for e in Store(target.data_dir).open_session(mine).entries()] == [
        "No ex officio power"
    ]


class ListScreen(Screen[None]):
    """Stands in for the start/session screen: counts redraws from the store."""

    def __init__(self) -> None:
        super().__init__()
        self.redraws = 0

    def compose(self) -> ComposeResult:
        yield Static("sessions")

    def refresh_all(self) -> None:
        self.redraws += 1


class StoreApp(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.list_screen = ListScreen()

    def on_mount(self) -> None:
        self.push_screen(self.list_screen)


async def test_open_import_dialog_redraws_the_screen_after_an_import(tmp_path: Path) -> None:
    session_id, a, _ = scribe_bundles(tmp_path)
    app = StoreApp(Store(tmp_path / "facilitator"))
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        open_import_dialog(app.list_screen, folder=tmp_path)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        assert not dialog.query("#import-into")  # no current session: no "into" choice
        await pilot.press("escape")  # nothing imported: no redraw
        await pilot.pause()
        assert app.list_screen.redraws == 0
        open_import_dialog(app.list_screen, folder=tmp_path)
        await pilot.pause()
        app.screen.query_one("#import-paths", Input).value = f'"{a}"'
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.list_screen
        assert app.list_screen.redraws == 1
    assert Store(tmp_path / "facilitator").session_ids() == [session_id]


async def test_open_import_dialog_without_a_store_notifies(tmp_path: Path) -> None:
    app = App[None]()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_import_dialog(app.screen)
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
        assert any("Import needs the workshop data folder" in n.message for n in app._notifications)


async def test_open_import_dialog_on_a_damaged_session_notifies(tmp_path: Path) -> None:
    """Opened from a session whose file is damaged: a notification, no traceback."""
    store = Store(tmp_path / "data")
    session_id = store.create_session(AGENDA, title="Broken").id
    (tmp_path / "data" / "sessions" / f"{session_id}.json").write_text("garbage{{{")
    app = StoreApp(Store(tmp_path / "data"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        open_import_dialog(app.list_screen, session_id, folder=tmp_path)
        await pilot.pause()
        assert app.screen is app.list_screen
        assert any("not valid JSON" in n.message for n in app._notifications)


async def test_start_screen_i_imports_and_lists_the_merged_session(tmp_path: Path) -> None:
    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.screens.start import StartScreen

    session_id, a, b = scribe_bundles(tmp_path)
    target = Store(tmp_path / "facilitator")
    app = WorkshopApp(store=target)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-paths", Input).value = f'"{a}" "{b}"'
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert "2 added" in str(dialog.query_one("#import-result", Static).content)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, StartScreen)
        assert [s.id for s in app.screen.data.sessions] == [session_id]
    assert len(Store(target.data_dir).open_session(session_id).entries()) == 3


async def test_session_screen_import_merges_into_the_open_session(tmp_path: Path) -> None:
    from session_fixtures import pane_texts

    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.screens.session import SessionScreen

    session_id, a, b = scribe_bundles(tmp_path)
    target = Store(tmp_path / "facilitator")
    target.add_session(Store(tmp_path / "laptop-a").open_session(session_id).session)
    app = WorkshopApp(store=target, session_id=session_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        assert isinstance(app.screen, SessionScreen)
        app.screen.set_focus(None)
        await pilot.press("I")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-paths", Input).value = f'"{a}" "{b}"'
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert isinstance(app.screen, SessionScreen)
        assert pane_texts(app, EntryKind.CHALLENGE) == ["No ex officio power"]
    assert len(Store(target.data_dir).open_session(session_id).entries()) == 3


async def test_a_long_report_keeps_the_buttons_on_an_80x24_screen(tmp_path: Path) -> None:
    """Eight bundles give eight report lines or more: the report scrolls, the buttons and the
    key hint stay on screen (they were pushed below the bottom)."""
    from workshop_tui.ui import app as app_module

    class StyledHost(HostApp):
        CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    _, a, _ = scribe_bundles(tmp_path)
    names = []
    for number in range(8):
        copy = tmp_path / f"scribe-{number}.json"
        copy.write_bytes(a.read_bytes())
        names.append(copy.name)
    dialog = ImportDialog(Store(tmp_path / "facilitator"), folder=tmp_path)
    app = StyledHost(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog.query_one("#import-paths", Input).value = " ".join(names)
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert str(dialog.query_one("#import-result", Static).content).count("scribe-") == 8
        screen_region = app.screen.region
        for selector in ("#import-run", "#import-close", ".dialog-help"):
            region = dialog.query(selector).last().region
            assert region.height and screen_region.contains_region(region), selector
