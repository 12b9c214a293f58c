"""Progress report (export --what progress): sections per unit, md and html, escaping."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from plenary_sample import NEW_ID, TODAY, build

from workshop_tui.cli import main
from workshop_tui.core.export import ExportError, ExportOptions, export
from workshop_tui.core.export.progress import progress_items, render_progress
from workshop_tui.core.followup import record_review

AMEND, DATABASE, TRAINING, LEAFLET, FORM = (f"2025000{i}-ac" for i in (3, 4, 5, 6, 7))


def reviewed(tmp_path: Path):  # type: ignore[no-untyped-def]
    store, earlier, current = build(tmp_path)
    record_review(current, earlier, AMEND, "done", "sent | to <ministry>")
    record_review(current, earlier, DATABASE, "carried_over", "budget 2027")
    record_review(current, earlier, TRAINING, "in_progress", "one of two sessions held")
    return store, earlier, current


def test_sections_per_unit(tmp_path: Path) -> None:
    _, earlier, current = reviewed(tmp_path)
    items = {(i.unit, i.entry.id): i.section for i in progress_items(current, earlier, TODAY)}
    assert items == {
        ("Legal department", AMEND): "Done",
        ("IT unit", DATABASE): "Moved",  # carried over, due 2026-09-30 is ahead
        ("Training academy", TRAINING): "Overdue",  # in progress but due 2026-02-28
        ("Training academy", LEAFLET): "Done",
        ("IT unit", FORM): "Not reviewed",
    }


def test_carried_copy_due_date_decides_overdue(tmp_path: Path) -> None:
    _, earlier, current = reviewed(tmp_path)
    copy = next(e for e in current.entries() if e.action and e.action.carried_from)
    assert copy.action is not None
    current.update_entry(copy.id, action=replace(copy.action, due="2026-05-01"))
    item = next(i for i in progress_items(current, earlier, TODAY) if i.entry.id == DATABASE)
    assert (
        item.section == "Overdue"
        and item.status == "carried over → open"
        and item.due == "2026-05-01"
    )


def test_markdown_parses_with_sections_and_escaped_pipes(tmp_path: Path) -> None:
    _, earlier, current = reviewed(tmp_path)
    md = render_progress(current, earlier, "md", TODAY).decode()
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Progress — Workshop 2026",
        "IT unit",
        "Moved (1)",
        "Not reviewed (1)",
        "Legal department",
        "Done (1)",
        "Training academy",
        "Done (1)",
        "Overdue (1)",
    ]
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<td>sent | to &lt;ministry&gt;</td>" in rendered  # the pipe did not split the cell
    rows = sum(1 for t in tokens if t.type == "tr_open")
    assert rows == 5 + 5  # five header rows, five actions
    assert "as of June 1, 2026" in md


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_escaped_and_complete(tmp_path: Path) -> None:
    _, earlier, current = reviewed(tmp_path)
    page = render_progress(current, earlier, "html", TODAY).decode()
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags
    assert parser.tags.count("h2") == 3 and parser.tags.count("table") == 5
    assert "sent | to <ministry>" in "".join(parser.text)
    assert "&lt;ministry&gt;" in page


def test_registered_export_and_errors(tmp_path: Path) -> None:
    store, earlier, current = reviewed(tmp_path)
    md = export(current, "progress", "md", ExportOptions(now="2026-06-01T08:00:00+00:00"))
    assert md == render_progress(current, earlier, "md", TODAY)
    with pytest.raises(ExportError, match="does not follow up"):
        export(earlier, "progress", "md", ExportOptions(now="2026-06-01T08:00:00+00:00"))
    with pytest.raises(ExportError):
        render_progress(current, earlier, "csv", TODAY)


def test_cli_progress_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reviewed(tmp_path)
    assert main(["--data-dir", str(tmp_path), "export", NEW_ID[:8], "--what", "progress"]) == 0
    assert "# Progress — Workshop 2026" in capsys.readouterr().out
    out = tmp_path / "progress.html"
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path),
                "export",
                NEW_ID,
                "--what",
                "progress",
                "--format",
                "html",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert main(["--data-dir", str(tmp_path), "export", "e0000000", "--what", "progress"]) == 1
    assert "does not follow up" in capsys.readouterr().err
