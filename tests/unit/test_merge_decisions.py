"""Import says what it decided: kept newer local edits and deletions are counted and named
(topic · group · first words), not counted as "unchanged"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_merge import T0, entry, session, stamp, write_bundle

from workshop_tui.cli import main
from workshop_tui.core.merge import import_bundles
from workshop_tui.core.store import Store

LONG = "Customs cannot act ex officio against suspected counterfeit goods at the border"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data")
    store.add_session(session())
    return store


def scenario(store: Store, tmp_path: Path) -> Path:
    """The facilitator has three entries; scribe B edited two of them earlier than the
    facilitator's own later edits, deleted a third, and left a fourth as it was handed out."""
    original = [
        entry("e1", 0, LONG),
        entry("e2", 0, "Penalties are too low"),
        entry("e3", 0, "Paper recordation forms", group="Group B"),
        entry("e4", 0, "Untouched point"),
    ]
    original = [replace(e, updated=T0) for e in original]  # as first written
    store.open_session("s-1").save_entries(
        [
            replace(original[0], text=LONG + " (facilitator)", updated=stamp(20)),
            replace(original[1], text="Penalties are far too low", updated=stamp(20)),
            original[2],
            original[3],
        ]
    )
    return write_bundle(
        tmp_path / "scribe-b.json",
        session(),
        [
            replace(original[0], text="B's older edit", updated=stamp(10)),
            replace(original[1], text="B's older edit too", updated=stamp(10)),
            replace(original[2], deleted=True, updated=stamp(15)),
            original[3],
        ],
    )


def test_the_report_counts_and_names_each_decision(store: Store, tmp_path: Path) -> None:
    [report] = import_bundles(store, [scenario(store, tmp_path)])
    assert (report.kept_local, report.deleted, report.unchanged) == (2, 1, 1)
    line = report.line()
    assert "2 kept the newer local edit" in line
    assert "1 deleted by scribe-b.json" in line
    assert line.endswith("1 unchanged")
    assert report.detail_lines() == [
        "kept the newer local edit: Legal framework · Group A · "
        "“Customs cannot act ex officio against suspected counterfeit…”",
        "kept the newer local edit: Legal framework · Group A · “Penalties are far too low”",
        "deleted by scribe-b.json: Legal framework · Group B · “Paper recordation forms”",
    ]
    kept = {e.id: e.text for e in store.open_session("s-1").entries()}
    assert kept["e1"].endswith("(facilitator)") and "e3" not in kept
    # importing it again decides nothing new: the deletion is done, the local edits still win
    [again] = import_bundles(store, [tmp_path / "scribe-b.json"])
    assert (again.kept_local, again.deleted, again.unchanged) == (2, 0, 2)


def test_cli_verbose_lists_the_decisions(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scenario(store, tmp_path)
    assert main(["--data-dir", str(tmp_path / "data"), "import", "-v", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "2 kept the newer local edit, 1 unchanged" in out[0]
    assert out[1:] == [
        "  kept the newer local edit: Legal framework · Group A · "
        "“Customs cannot act ex officio against suspected counterfeit…”",
        "  kept the newer local edit: Legal framework · Group A · “Penalties are far too low”",
        "  deleted by scribe-b.json: Legal framework · Group B · “Paper recordation forms”",
    ]
    # without --verbose: the summary line only
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


async def test_the_import_dialog_lists_the_decisions(store: Store, tmp_path: Path) -> None:
    from textual.app import App
    from textual.widgets import Static

    from workshop_tui.ui.screens.import_dialog import ImportDialog

    path = scenario(store, tmp_path)
    dialog = ImportDialog(store, folder=tmp_path)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(dialog)

    app = Host()
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*path.name, "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = str(dialog.query_one("#import-result", Static).content).splitlines()
        assert "1 deleted by scribe-b.json, 2 kept the newer local edit, 1 unchanged" in shown[0]
        assert shown[1:] == [
            "  kept the newer local edit: Legal framework · Group A · "
            "“Customs cannot act ex officio against suspected counterfeit…”",
            "  kept the newer local edit: Legal framework · Group A · “Penalties are far too low”",
            "  deleted by scribe-b.json: Legal framework · Group B · “Paper recordation forms”",
        ]
        assert any("2 kept the newer local edit" in n.message for n in app._notifications)
