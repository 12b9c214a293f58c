"""Export dialog: only the fields that apply are shown and Tab reaches each in order; the path
typed in "Save to" is the one written; a bundle's default name says whose it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_export_dialog import HostApp, _settle, make_store
from textual.widgets import Input, Select, Static

from workshop_tui.core.export import default_filename, machine_name
from workshop_tui.ui.app import WorkshopApp
from workshop_tui.ui.screens.export_dialog import ExportDialog

ACTION_FIELDS = [
    "export-what",
    "export-format",
    "export-topic",
    "export-group",
    "export-status",
    "export-level",
    "export-owner",
    "export-split",
    "export-path",
    "export-run",
    "export-cancel",
]
NO_FILTERS = ["export-what", "export-format", "export-path", "export-run", "export-cancel"]


async def tab_round(app: HostApp, pilot, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The ids Tab visits from the first field, each one checked to be on screen."""
    seen = []
    for _ in range(count):
        focused = app.focused
        assert focused is not None
        assert focused.display and focused.parent is not None and focused.parent.display
        region = focused.region
        assert region.height > 0 and app.screen.region.contains_region(region), focused.id
        seen.append(str(focused.id))
        await pilot.press("tab")
        await pilot.pause()
    return seen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tab_reaches_every_visible_field_in_order(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    store, session_id = make_store(tmp_path / "data")
    app = HostApp(ExportDialog(store, session_id, folder=tmp_path))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        dialog = app.dialog
        assert await tab_round(app, pilot, len(ACTION_FIELDS) + 1) == [
            *ACTION_FIELDS,
            "export-what",
        ]
        for what in ("report", "bundle"):
            dialog.query_one("#export-what", Select).value = what
            await pilot.pause()
            await pilot.pause()
            for hidden in ("#export-topic", "#export-owner", "#export-split"):
                assert not dialog.query_one(hidden).parent.display  # type: ignore[union-attr]
            dialog.query_one("#export-what", Select).focus()
            await pilot.pause()
            assert await tab_round(app, pilot, len(NO_FILTERS) + 1) == [*NO_FILTERS, "export-what"]
        dialog.query_one("#export-what", Select).value = "actions"
        await pilot.pause()
        await pilot.pause()
        assert dialog.query_one("#export-topic").parent.display  # type: ignore[union-attr]


async def test_a_typed_relative_path_goes_where_the_dialog_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started_in = tmp_path / "elsewhere"  # the folder the app was started from
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    folder = tmp_path / "exports"
    folder.mkdir()
    store, session_id = make_store(tmp_path / "data")
    app = HostApp(ExportDialog(store, session_id, folder=folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.dialog
        path = dialog.query_one("#export-path", Input)
        path.focus()
        path.value = ""
        await pilot.press(*"mine.csv")
        await pilot.pause()
        target = str(dialog.query_one("#export-target", Static).content)
        assert target == f"→ {folder / 'mine.csv'}"
        await pilot.press("enter")
        await _settle(app, pilot)
    assert app.result == [folder / "mine.csv"]
    assert (folder / "mine.csv").is_file()
    assert not (started_in / "mine.csv").exists()


async def test_a_typed_home_path_and_a_typed_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "reports").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    store, session_id = make_store(tmp_path / "data")
    app = HostApp(ExportDialog(store, session_id, folder=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.dialog
        dialog.query_one("#export-path", Input).value = "~/reports"  # a folder
        await pilot.pause()
        name = default_filename(dialog.session, "actions", "csv")
        assert str(dialog.query_one("#export-target", Static).content) == (
            f"→ {home / 'reports' / name}"
        )
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
    assert app.result == [home / "reports" / name]


def test_bundle_names_say_which_group_and_machine() -> None:
    class FakeSession:
        title = "IPR workshop"
        started = "2026-06-01T09:00:00+00:00"

    session = FakeSession()
    name = default_filename(session, "bundle", "json", group="Group A/ B", machine="Ana's PC")  # type: ignore[arg-type]
    assert name == "IPR_workshop-2026-06-01-bundle-Group_A_B-Ana_s_PC.json"
    everyone = default_filename(session, "bundle", "json", machine="lab-07")  # type: ignore[arg-type]
    assert everyone == "IPR_workshop-2026-06-01-bundle-all-groups-lab-07.json"
    hostile = default_filename(session, "bundle", "json", group="../../etc", machine="CON")  # type: ignore[arg-type]
    assert "/" not in hostile and hostile.endswith("-bundle-etc-_CON.json")
    assert "/" not in machine_name() and machine_name()
    # other exports keep their names
    assert default_filename(session, "actions", "csv") == "IPR_workshop-2026-06-01-actions.csv"  # type: ignore[arg-type]


async def test_the_dialog_names_a_scribes_bundle_after_the_locked_group(tmp_path: Path) -> None:
    store, session_id = make_store(tmp_path / "data")
    app = WorkshopApp(store=store, session_id=session_id, group="Group B")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-what", Select).value = "bundle"
        await pilot.pause()
        await pilot.pause()
        name = Path(dialog.query_one("#export-path", Input).value).name
        assert name.endswith(f"-bundle-Group_B-{machine_name()}.json")


async def test_an_action_plan_document_gets_its_sections_columns_and_paper(
    tmp_path: Path,
) -> None:
    """What `export --group-by owner --columns action,owner,due --landscape` does on the
    command line, from the dialog: shown only for a format that uses them."""
    store, session_id = make_store(tmp_path / "data")
    dialog = ExportDialog(store, session_id, folder=tmp_path)
    app = HostApp(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        layout_fields = ("#export-group-by", "#export-columns", "#export-paper")
        shown = lambda: [dialog.query_one(f).parent.display for f in layout_fields]  # type: ignore[union-attr]  # noqa: E731
        dialog.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        assert shown() == [False, False, False]  # data keeps every field
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert shown() == [True, True, False]  # a document, not printed
        dialog.query_one("#export-format", Select).value = "html"
        await pilot.pause()
        assert shown() == [True, True, True]
        dialog.query_one("#export-group-by", Select).value = "owner"
        dialog.query_one("#export-columns", Input).value = "action, owner, dew"
        dialog.query_one("#export-paper", Select).value = "landscape"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        error = str(dialog.query_one("#export-error", Static).content)
        assert "'dew'" in error and app.focused is dialog.query_one("#export-columns")
        assert not any(p.suffix == ".html" for p in tmp_path.iterdir())  # nothing written
        dialog.query_one("#export-columns", Input).value = "action, owner, due"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
    written = app.result
    assert isinstance(written, list) and len(written) == 1
    page = written[0].read_text(encoding="utf-8")
    assert "landscape" in page
    assert "<h2>Ana</h2>" in page or ">Ana<" in page  # a section per owner
    heads = page.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert "Due" in heads and "Status" not in heads  # the columns asked for, no others
