"""Markdown and HTML action lists, read back with markdown-it-py (GFM tables) and
html.parser: every cell renders exactly as typed, nothing hostile survives as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_sample import (
    A1_TEXT,
    CJK,
    FORMULA,
    LONG_INDICATOR,
    NOW,
    ORDER,
    RTL,
    SCRIPT,
    Sample,
    build,
)
from html_read import assert_self_contained, read_page
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from workshop_tui.core.export import ActionFilter, ExportOptions, Layout, export
from workshop_tui.core.export.markup import md_text, plain
from workshop_tui.core.export.plan import ALL_COLUMNS, COLUMN_BY_NAME, DEFAULT_COLUMNS

#: ``--columns all``: every field, as the tests below read them
HEADERS = [COLUMN_BY_NAME[n].header for n in ALL_COLUMNS]
ALL = Layout(columns=("all",))


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def render_md(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def stripped(text: str) -> str:
    """Markdown cannot keep leading/trailing blanks of a line."""
    return "\n".join(line.strip() for line in text.split("\n"))


def check_action_table(sample: Sample, table: list[list[str]], strip: bool) -> None:
    assert table[0] == HEADERS
    rows = [dict(zip(HEADERS, r, strict=True)) for r in table[1:]]
    assert [r["Id"] for r in rows] == [sample.ids[n] for n in ORDER]
    fix = stripped if strip else (lambda t: t)
    a1 = rows[ORDER.index("a1")]
    assert a1["Action"] == A1_TEXT
    assert a1["Owner"] == "@SUM(A1:A2)"
    assert a1["Challenge(s)"] == FORMULA
    assert a1["Solution(s)"] == "+1 " + RTL
    assert a1["Success indicator"] == LONG_INDICATOR
    assert a1["Partners"] == "Right holders, Police"
    assert a1["Session"] == "Workshop | day 5"
    a3 = rows[ORDER.index("a3")]
    assert a3["Action"] == fix("\tTab-led action " + SCRIPT)
    assert a3["Challenge(s)"] == SCRIPT
    assert rows[ORDER.index("a2")]["Action"] == CJK


def test_markdown_table_round_trips_through_a_gfm_parser(sample: Sample) -> None:
    options = ExportOptions(now=NOW, layout=ALL)
    markdown = export(sample.session, "actions", "md", options).decode("utf-8")
    page = read_page(render_md(markdown))
    assert_self_contained(page)
    assert page.headings[0] == ("h1", "Action plan — Workshop | day 5")
    assert len(page.tables) == 1
    check_action_table(sample, page.tables[0], strip=True)


def test_markdown_table_has_one_line_per_row(sample: Sample) -> None:
    markdown = export(sample.session, "actions", "md").decode("utf-8")
    table_lines = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(table_lines) == 2 + len(ORDER)  # header, delimiter, one line per action
    assert all(
        line.count(" | ") == len(DEFAULT_COLUMNS) - 1 for line in table_lines if "---" not in line
    )


@pytest.mark.parametrize(
    "text",
    [
        "a | b",
        "ends with a backslash \\",
        "\\| escaped already",
        "# not a heading",
        "- not a list",
        "1. not ordered",
        "> not a quote",
        "*not emphasis* _nor this_ `nor code` [nor](a link) ~~nor strike~~",
        "<img src=x onerror=alert(1)> &amp; &#60;",
        "line one\nline two\r\nline three",
        "עברית 🙂 中文",
    ],
)
def test_md_text_renders_as_typed(text: str) -> None:
    html = render_md(f"- {md_text(text)}\n\n| h |\n|---|\n| {md_text(text)} |\n")
    page = read_page(html)
    assert_self_contained(page)
    expected = stripped(text.replace("\r\n", "\n"))
    assert page.items == [expected]
    assert page.tables[0][1] == [expected]


def test_html_page_is_standalone_and_escaped(sample: Sample) -> None:
    options = ExportOptions(now=NOW, layout=ALL)
    page_text = export(sample.session, "actions", "html", options).decode("utf-8")
    assert page_text.startswith("<!DOCTYPE html>")
    assert "<script>" not in page_text
    assert "@media print" in page_text
    page = read_page(page_text)
    assert_self_contained(page)
    assert [tag for tag, _ in page.tags].count("style") == 1
    check_action_table(sample, page.tables[0], strip=False)
    cells = [attrs for tag, attrs in page.tags if tag == "td"]
    assert cells and all(attrs.get("dir") == "auto" for attrs in cells)  # RTL text reads right


def test_html_page_shows_the_filter(sample: Sample) -> None:
    options = ExportOptions(
        filters=ActionFilter(topics=("legal",), owners=("",)), now=NOW, layout=ALL
    )
    page = read_page(export(sample.session, "actions", "html", options).decode("utf-8"))
    assert "Filtertopic: Legal framework; owner: (no owner)" in "".join(page.text)
    assert [r[-1] for r in page.tables[0][1:]] == [sample.ids["a3"]]


def test_the_filter_line_uses_the_words_users_see(sample: Sample) -> None:
    """QA: the Markdown export printed 'Filter: statuses: in\\_progress', an internal value."""
    options = ExportOptions(
        filters=ActionFilter(statuses=("in_progress", "open"), topics=("Legal framework",)),
        now=NOW,
    )
    text = export(sample.session, "actions", "md", options).decode("utf-8")
    [line] = [ln for ln in text.splitlines() if ln.startswith("- **Filter:**")]
    assert line == "- **Filter:** topic: Legal framework; status: in progress or open"
    rendered = MarkdownIt("gfm-like").render(line)
    assert "in progress" in rendered and "in_progress" not in text.split("|")[0]


#: characters with a meaning in Markdown or HTML, plus line breaks and other scripts
MARKUP_CHARS = list("ab |\\`*_[]<>~&#;-+=.!()0123456789\n\r\t é中ש")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKUP_CHARS), max_size=30))
def test_any_text_renders_as_typed_in_a_cell_and_a_list_item(text: str) -> None:
    expected = stripped(plain(text))
    page = read_page(render_md(f"- {md_text(text)}\n\n| h |\n|---|\n| {md_text(text)} |\n"))
    assert_self_contained(page)
    cell = page.tables[0][1][0] if len(page.tables[0]) > 1 else ""
    assert cell.strip() == expected.strip()
    if expected.strip():
        assert page.items == [expected]
