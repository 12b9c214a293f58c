"""export_to_file: the history views' "x" (the action register, a comparison) — the name's
suffix picks the format, the file is written whole or not at all, and each outcome is said."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input

from workshop_tui.ui.widgets.export_path import ExportPathScreen
from workshop_tui.ui.widgets.table.export import export_to_file


def _export(app: App[None], default: str) -> None:
    export_to_file(
        app.screen,
        default=default,
        title="Export",
        prompt="File name (.md or .csv):",
        formats=("md", "csv"),
        wrong_suffix="{name}: choose a name ending in .md or .csv",
        render=lambda fmt: f"rows as {fmt}".encode(),
        written=lambda path: f"Wrote {path.name}",
    )


async def _answer(app: App[None], pilot, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, ExportPathScreen)
    app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    said = [n.message for n in app._notifications]
    app.clear_notifications()
    return said


async def test_suffix_picks_the_format_and_each_outcome_is_said(tmp_path: Path) -> None:
    app: App[None] = App()
    async with app.run_test() as pilot:
        _export(app, str(tmp_path / "rows.md"))
        assert await _answer(app, pilot, tmp_path / "rows.csv") == ["Wrote rows.csv"]
        assert (tmp_path / "rows.csv").read_bytes() == b"rows as csv"

        _export(app, str(tmp_path / "rows.md"))
        said = await _answer(app, pilot, tmp_path / "rows.pdf")
        assert said == ["rows.pdf: choose a name ending in .md or .csv"]
        assert not (tmp_path / "rows.pdf").exists()

        (tmp_path / "taken").write_text("a file, not a folder")
        _export(app, str(tmp_path / "rows.md"))
        said = await _answer(app, pilot, tmp_path / "taken" / "rows.md")
        assert len(said) == 1 and "taken" in said[0]  # the error names the place
        assert (tmp_path / "taken").read_text() == "a file, not a folder"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv", "taken"]

        _export(app, str(tmp_path / "rows.md"))
        await pilot.pause()
        await pilot.press("escape")  # cancelled: nothing written, nothing said
        await pilot.pause()
        assert not app._notifications
        assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv", "taken"]
