"""The export dialog: choose, write in a worker, notify; errors keep the dialog open."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Button, Input, Select, Static

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionFields, ActionStatus, EntryKind
from workshop_tui.core.store import Store
from workshop_tui.ui.screens.export_dialog import ExportDialog, LastExport

AGENDA = Agenda(
    title="Dialog workshop",
    topics=(Topic("legal", "Legal framework"), Topic("risk", "Risk analysis")),
    groups=(Group("Group A"), Group("Group B")),
)
NOT_DISMISSED = object()


def make_store(data_dir: Path) -> tuple[Store, str]:
    store = Store(data_dir)
    session = store.create_session(AGENDA, title="Dialog | test")
    session.add_entry(
        EntryKind.ACTION,
        "legal",
        "Group A",
        "=draft a procedure",
        action=ActionFields(owner="Ana", due="2026-12-31"),
    )
    session.add_entry(
        EntryKind.ACTION,
        "risk",
        "Group B",
        "<b>risk</b> profiles",
        action=ActionFields(owner="Ben", status=ActionStatus.DONE),
    )
    return store, session.id


class HostApp(App[None]):
    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = NOT_DISMISSED

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._keep)

    def _keep(self, result: list[Path] | None) -> None:
        self.result = result


async def _settle(app: App[None], pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_export_csv_with_a_filter(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith("-actions.csv")
        assert Path(path_input.value).parent == tmp_path
        dialog.query_one("#export-group", Select).value = "Group A"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        written = Path(path_input.value)
        assert app.result == [written]
        rows = list(
            csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"), newline=""))
        )
        assert [r["Action"] for r in rows] == ["'=draft a procedure"]
        assert any(f"Saved {written}" in n.message for n in app._notifications)


async def test_format_and_what_choices_follow_the_registry(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        fmt = dialog.query_one("#export-format", Select)
        fmt.value = "xlsx"
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value.endswith("-actions.xlsx")
        dialog.query_one("#export-what", Select).value = "report"
        await pilot.pause()
        await pilot.pause()
        assert fmt.value == "md"
        assert dialog.query_one("#export-path", Input).value.endswith("-report.md")
        assert dialog.query_one("#export-topic", Select).disabled
        assert dialog.query_one("#export-owner", Input).disabled
        fmt.value = "html"
        await pilot.pause()
        await pilot.click("#export-run")
        await _settle(app, pilot)
        [written] = app.result  # type: ignore[misc]
        assert written.suffix == ".html"
        page = written.read_text(encoding="utf-8")
        assert "&lt;b&gt;risk&lt;/b&gt; profiles" in page and "<b>risk</b>" not in page


async def test_a_typed_path_is_kept_and_an_error_keeps_the_dialog_open(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        path_input.value = str(blocker / "out.md")
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert path_input.value == str(blocker / "out.md")  # typed by the user: not replaced
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result is NOT_DISMISSED
        assert app.screen is dialog
        error = dialog.query_one("#export-error", Static)
        assert error.has_class("-shown") and "is not a folder" in str(error.content)
        assert any(n.severity == "error" for n in app._notifications)
        assert not dialog.query_one("#export-run", Button).disabled
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "data"]

        path_input.value = str(tmp_path / "fixed.md")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result == [tmp_path / "fixed.md"]


async def test_split_by_owner_into_a_folder(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog.query_one("#export-split", Select).value = "owner"
        await pilot.pause()
        folder = Path(dialog.query_one("#export-path", Input).value)
        assert folder.name.endswith("-by-owner")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert sorted(p.name for p in folder.iterdir()) == ["actions-Ana.csv", "actions-Ben.csv"]
        assert any("Saved 2 files" in n.message for n in app._notifications)


async def test_escape_cancels(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


async def test_opened_over_the_session_screen_of_the_real_app(tmp_path: Path) -> None:
    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.screens.export_dialog import open_export_dialog
    from workshop_tui.ui.screens.session import SessionScreen

    store, session_id = make_store(tmp_path / "data")
    app = WorkshopApp(store=store, session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        session_screen = app.screen
        assert isinstance(session_screen, SessionScreen)
        open_export_dialog(session_screen, session_id, folder=tmp_path)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-what", Select).value = "bundle"
        await pilot.pause()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is session_screen
        [bundle] = list(tmp_path.glob("*-bundle-all-groups-*.json"))
        assert '"workshop-tui-session"' in bundle.read_text(encoding="utf-8")

        open_export_dialog(session_screen, "no-such-session")
        await pilot.pause()
        assert app.screen is session_screen
        assert any("no session matches" in n.message for n in app._notifications)


async def test_ctrl_e_on_the_session_screen_opens_the_dialog_even_while_typing(
    tmp_path: Path,
) -> None:
    from workshop_tui.ui.app import WorkshopApp
    from workshop_tui.ui.screens.session import SessionScreen

    store, session_id = make_store(tmp_path / "data")
    app = WorkshopApp(store=store, session_id=session_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("i")  # start typing in the current pane's capture input
        assert isinstance(app.focused, Input)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_everything_fits_at_80x24(tmp_path: Path) -> None:
    """The path, the error and the Export button are on screen in a small terminal (with
    full-height fields they were below the bottom even at 100x30)."""
    store, session_id = make_store(tmp_path / "data")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen_region = app.screen.region
        dialog.query_one("#export-path", Input).value = str(blocker / "out.csv")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        for selector in ("#export-path", "#export-error", "#export-run", ".dialog-help"):
            region = dialog.query_one(selector).region
            assert region.height and screen_region.contains_region(region), selector


def test_default_export_folder_is_home_when_started_from_a_launcher(tmp_path: Path) -> None:
    from workshop_tui.ui.screens.export_dialog import default_export_folder

    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    assert default_export_folder(Path("/"), home) == home  # a launcher's cwd
    assert default_export_folder(work, home) == work  # a terminal in a project folder
    assert default_export_folder(tmp_path / "gone", home) == home  # deleted or not a folder


async def test_export_dialog_from_a_launcher_proposes_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started with cwd = / (a desktop launcher): the path starts in the home folder and the
    export is written there, not refused for /."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir("/")
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path = Path(dialog.query_one("#export-path", Input).value)
        assert path.parent == home
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result == [path]
    assert "Owner" in path.read_text(encoding="utf-8-sig").splitlines()[0]


async def test_an_existing_file_is_replaced_only_by_a_second_save(tmp_path: Path) -> None:
    """QA: ctrl+e, ctrl+s twice silently replaced the same -actions.csv."""
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        target = Path(dialog.query_one("#export-path", Input).value)
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result is NOT_DISMISSED
        assert target.read_text(encoding="utf-8") == "keep me"
        note = dialog.query_one("#export-error", Static)
        assert note.has_class("-shown") and note.has_class("-replace")
        assert str(note.content) == f"{target.name} exists — ctrl+s again to replace it"
        assert str(dialog.query_one("#export-run", Button).label) == "Replace"
        assert screen_has(app, note)

        # a change of any field asks again
        dialog.query_one("#export-group", Select).value = "Group A"
        await pilot.pause()
        assert not note.has_class("-shown")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert target.read_text(encoding="utf-8") == "keep me"
        assert note.has_class("-replace")

        await pilot.press("ctrl+s")  # the deliberate second save
        await _settle(app, pilot)
        assert app.result == [target]
        assert "Owner" in target.read_text(encoding="utf-8-sig").splitlines()[0]


def screen_has(app: App[None], widget: Static) -> bool:
    region = widget.region
    return bool(region.height) and app.screen.region.contains_region(region)


async def test_split_into_a_folder_with_existing_files_asks_first(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog.query_one("#export-split", Select).value = "owner"
        await pilot.pause()
        folder = Path(dialog.query_one("#export-path", Input).value)
        folder.mkdir()
        (folder / "actions-Ana.csv").write_text("old Ana", encoding="utf-8")
        (folder / "notes.txt").write_text("mine", encoding="utf-8")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result is NOT_DISMISSED
        assert sorted(p.name for p in folder.iterdir()) == ["actions-Ana.csv", "notes.txt"]
        note = str(dialog.query_one("#export-error", Static).content)
        assert note == (
            f"1 file exists in {folder.name}/ (actions-Ana.csv) — ctrl+s again to replace it; "
            "other files there are left alone"
        )
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result == [folder / "actions-Ana.csv", folder / "actions-Ben.csv"]
        assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
        assert "Ana" in (folder / "actions-Ana.csv").read_text(encoding="utf-8-sig")


async def test_at_80x24_the_end_of_the_path_and_the_full_path_are_visible(tmp_path: Path) -> None:
    """QA: at 80x24 'Save to' showed '/tmp/National_Workshop_on_Combating_Counterfeiting_and
    _Piracy-20': neither the date, the what nor the extension could be seen."""
    store, session_id = make_store(tmp_path / "data")
    session = store.open_session(session_id)
    session.session.title = "National Workshop on Combating Counterfeiting and Piracy"
    folder = tmp_path / "a-rather-long-folder-name" / "exports"
    folder.mkdir(parents=True)
    dialog = ExportDialog(store, session_id, folder=folder)
    dialog.session = session.session
    app = HostApp(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        expected = (
            folder / f"National_Workshop_on_Combating-{session.session.started[:10]}-actions.csv"
        )
        assert path_input.value == str(expected)
        # the field is narrower than the path: it is scrolled so that its end shows
        assert len(path_input.value) > path_input.content_region.width
        assert path_input.scroll_offset.x > 0
        target = dialog.query_one("#export-target", Static)
        assert str(target.content).replace("\n", "") == f"→ {expected}"
        assert screen_has(app, target)

        dialog.query_one("#export-format", Select).value = "xlsx"
        await pilot.pause()
        await pilot.pause()
        assert path_input.value.endswith("-actions.xlsx")
        assert path_input.scroll_offset.x > 0
        assert str(target.content).endswith("-actions.xlsx")

        dialog.query_one("#export-split", Select).value = "owner"
        await pilot.pause()
        assert str(target.content).startswith("→ one file per owner in ")


async def test_the_last_what_format_and_folder_are_proposed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store, session_id = make_store(tmp_path / "data")
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    dialog = ExportDialog(store, session_id)
    app = HostApp(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog.query_one("#export-what", Select).value = "report"
        await pilot.pause()
        await pilot.pause()
        dialog.query_one("#export-format", Select).value = "html"
        await pilot.pause()
        dialog.query_one("#export-path", Input).value = str(chosen / "my-report.html")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert app.result == [chosen / "my-report.html"]

        again = ExportDialog(store, session_id)
        app.push_screen(again, app._keep)
        await pilot.pause()
        await pilot.pause()
        assert again.query_one("#export-what", Select).value == "report"
        assert again.query_one("#export-format", Select).value == "html"
        assert not again.query_one("#export-topic", Select).parent.display  # no filters
        path = Path(again.query_one("#export-path", Input).value)
        assert path.parent == chosen and path.name.endswith("-report.html")
        await pilot.press("escape")
        await pilot.pause()

    # the next run of the app (same data folder) proposes them too: they are in prefs.json
    assert Store(tmp_path / "data").prefs.get("export.last", {}) == {
        "what": "report",
        "format": "html",
        "folder": str(chosen),
    }
    other = HostApp(ExportDialog(Store(tmp_path / "data"), session_id))
    async with other.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        fresh = other.dialog
        assert fresh.query_one("#export-what", Select).value == "report"
        assert fresh.query_one("#export-format", Select).value == "html"
        assert Path(fresh.query_one("#export-path", Input).value).parent == chosen

    # a folder that has gone (or a hand-edited value) is not proposed
    shutil.rmtree(chosen)
    third = HostApp(ExportDialog(Store(tmp_path / "data"), session_id))
    async with third.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert third.dialog.query_one("#export-what", Select).value == "actions"
        assert Path(third.dialog.query_one("#export-path", Input).value).parent == tmp_path


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "report",
        {"what": "report", "format": "html"},
        {"what": "report", "format": "exe", "folder": "/tmp"},
        {"what": 1, "format": "html", "folder": "/tmp"},
        {"what": "report", "format": "html", "folder": "relative/folder"},
        {"what": "report", "format": "html", "folder": "/tmp/\x00bad"},
    ],
)
def test_hand_edited_last_export_is_ignored(stored: object) -> None:
    assert LastExport.from_pref(stored) is None


def test_default_export_folder_prefers_documents_over_home(tmp_path: Path) -> None:
    from workshop_tui.ui.screens.export_dialog import default_export_folder

    home = tmp_path / "home"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        assert default_export_folder(Path("/"), home, documents) == documents
        assert default_export_folder(tmp_path / "gone", home, home / "missing") == home
        if not os.access(read_only, os.W_OK):  # root may write anywhere
            assert default_export_folder(read_only, home, documents) == documents
    finally:
        read_only.chmod(0o755)
