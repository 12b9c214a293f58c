"""Session report (Markdown and HTML): metadata, per topic × group content, counts, the
action table; deleted entries and facilitator notes never appear."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_sample import (
    A1_TEXT,
    CJK,
    DELETED,
    FORMULA,
    GROUP_A,
    GROUP_B,
    NOTE,
    NOW,
    RTL,
    SCRIPT,
    Sample,
    build,
)
from html_read import PageReader, assert_self_contained, read_page
from markdown_it import MarkdownIt

from workshop_tui.core.export import ExportOptions, export
from workshop_tui.core.export.plan import COLUMN_BY_NAME
from workshop_tui.core.export.report import REPORT_PLAN_COLUMNS


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def md_page(sample: Sample) -> PageReader:
    markdown = export(sample.session, "report", "md", ExportOptions(now=NOW)).decode("utf-8")
    return read_page(MarkdownIt("commonmark").enable("table").render(markdown))


def html_page(sample: Sample) -> PageReader:
    return read_page(
        export(sample.session, "report", "html", ExportOptions(now=NOW)).decode("utf-8")
    )


@pytest.fixture(params=["md", "html"])
def page(request: pytest.FixtureRequest, sample: Sample) -> PageReader:
    return md_page(sample) if request.param == "md" else html_page(sample)


def test_report_is_safe(page: PageReader) -> None:
    assert_self_contained(page)
    text = "".join(page.text)
    assert DELETED not in text and NOTE not in text
    assert "<script>alert(1)</script>" in text  # shown as text, not run


def test_report_structure(page: PageReader) -> None:
    headings = [text for _, text in page.headings]
    assert headings[0] == "Workshop | day 5"
    assert headings[1] == "Participants and groups"
    for title in (
        "Legal framework",
        "Operational procedures",
        "Risk analysis",
        "Summary",
        "All actions",
    ):
        assert title in headings
    legal = headings.index("Legal framework")
    assert headings[legal + 1 : legal + 3] == [GROUP_A, GROUP_B]
    text = "".join(page.text)
    for fact in (
        "IPR border enforcement",
        "Regional office <RO>",
        "Customs academy",
        "Fatima",
        "November 23, 2026",  # dates in the export language (docs/translating.md)
    ):
        assert fact in text
    assert "Ana, Bob" in text and "ليلى" in text


def test_report_lists_challenges_with_votes_solutions_actions(page: PageReader) -> None:
    items = page.items
    assert f"{FORMULA} — 3 votes" in items
    assert SCRIPT in items  # no votes: no count
    assert f"+1 {RTL} — 1 vote\nanswers: {FORMULA}" in items
    action = next(i for i in items if i.startswith(A1_TEXT))
    assert action.endswith(
        "@SUM(A1:A2) (Legal unit) · due December 31, 2026 · high priority · in progress"
    )
    assert any(i.startswith(CJK) and "李雷 (Port office)" in i for i in items)
    assert "Parking: customs IT system" in items
    assert "What is missing?" in items


def test_report_summary_counts_and_action_table(page: PageReader) -> None:
    summary = next(t for t in page.tables if t[0][:3] == ["Topic", "Group", "Challenges"])
    rows = {(r[0], r[1]): r[2:] for r in summary[1:]}
    assert rows[("Legal framework", GROUP_A)] == ["2", "1", "2", "1"]
    assert rows[("Operational procedures", GROUP_B)] == ["0", "0", "1", "1"]
    assert rows[("Risk analysis", GROUP_A)] == ["0", "0", "0", "0"]
    assert rows[("Total", "")] == ["2", "1", "4", "2"]
    actions = page.tables[-1]
    assert actions[0] == [COLUMN_BY_NAME[k].header for k in REPORT_PLAN_COLUMNS]
    # (Markdown cannot keep the leading tab of the last action; HTML does.)
    firsts = [r[1].lstrip("\t") for r in actions[1:]]
    assert firsts == ["Train officers", CJK, A1_TEXT, f"Tab-led action {SCRIPT}"]
    assert [r[0] for r in actions[1:]] == ["1", "2", "3", "4"]
    a1 = actions[3]
    assert a1[7] == f"Legal framework · {GROUP_A}"
    assert a1[5] == "Dec 31, 2026"  # as the workshop's language (English) writes dates


def test_html_report_is_one_printable_page(sample: Sample) -> None:
    text = export(sample.session, "report", "html").decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and "@media print" in text
    assert "<script>" not in text


def test_report_of_an_empty_session(tmp_path: Path) -> None:
    from export_sample import agenda

    from workshop_tui.core.store import Store

    session = Store(tmp_path).create_session(agenda())
    page = read_page(export(session, "report", "html").decode("utf-8"))
    assert "Nothing captured." in "".join(page.text)
    assert "No actions." in "".join(page.text)
