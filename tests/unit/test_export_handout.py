"""Action-plan documents (html, md): default columns, --columns, --group-by, digests for one
owner or unit, the print stylesheet; data formats keep every field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.dates import format_date
from export_sample import A1_TEXT, CJK, FORMULA, GROUP_A, GROUP_B, NOW, ORDER, RTL, Sample, build
from html_read import assert_self_contained, read_page
from markdown_it import MarkdownIt

from workshop_tui.cli import main
from workshop_tui.core.export import (
    ActionFilter,
    ExportError,
    ExportOptions,
    Layout,
    export,
    export_to_path,
)
from workshop_tui.core.export.markup import css_string, html_page
from workshop_tui.core.export.plan import (
    ALL_COLUMNS,
    COLUMN_BY_NAME,
    DEFAULT_COLUMNS,
    DIGEST_COLUMNS,
    parse_columns,
)

DEFAULT_HEADERS = [COLUMN_BY_NAME[n].header for n in DEFAULT_COLUMNS]


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def html_of(sample: Sample, layout: Layout | None = None, **kw: object) -> str:
    options = ExportOptions(now=NOW, layout=layout or Layout(), **kw)  # type: ignore[arg-type]
    return export(sample.session, "actions", "html", options).decode("utf-8")


def md_page(sample: Sample, layout: Layout | None = None) -> str:
    options = ExportOptions(now=NOW, layout=layout or Layout())
    markdown = export(sample.session, "actions", "md", options).decode("utf-8")
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_default_columns_make_a_readable_plan(sample: Sample, fmt: str) -> None:
    page = read_page(html_of(sample) if fmt == "html" else md_page(sample))
    assert_self_contained(page)
    [table] = page.tables
    assert table[0] == DEFAULT_HEADERS
    assert [r[0] for r in table[1:]] == ["1", "2", "3", "4"]
    rows = {r[1].strip(): r for r in table[1:]}
    a1 = rows[A1_TEXT.strip()] if fmt == "html" else next(r for r in table[1:] if "😀" in r[1])
    assert a1[2:8] == [
        "@SUM(A1:A2)",
        "Legal unit",
        "institutional",
        format_date(dt.date(2026, 12, 31), format="medium", locale="en"),
        "in progress",
        f"Legal framework · {GROUP_A}",
    ]
    assert rows[CJK][7] == f"Operational procedures · {GROUP_B}"
    text = "".join(page.text)
    assert "Session id" not in text and sample.ids["a1"] not in text  # no bookkeeping


def test_columns_choose_and_order_the_table(sample: Sample) -> None:
    page = read_page(html_of(sample, Layout(columns=("due,action", "answers"))))
    table = page.tables[0]
    assert table[0] == ["Due", "Action", "Answers"]
    a1 = next(r for r in table[1:] if r[1] == A1_TEXT)
    assert a1[2] == f"Challenge: {FORMULA}\nSolution: +1 {RTL}"
    everything = read_page(html_of(sample, Layout(columns=("all",)))).tables[0]
    assert everything[0] == [COLUMN_BY_NAME[n].header for n in ALL_COLUMNS]
    assert len(everything[0]) == 27


def test_parse_columns_accepts_spellings_and_names_the_choices() -> None:
    assert parse_columns("Number, due_date".replace("_date", "")) == ("number", "due")
    assert parse_columns(["topic_id", "Carried from", "number"]) == (
        "topic-id",
        "carried-from",
        "number",
    )
    assert parse_columns("all,number") == ALL_COLUMNS  # no column twice
    with pytest.raises(ExportError, match=r"unknown column 'colour' \(columns: number, action"):
        parse_columns("number,colour")
    with pytest.raises(ExportError, match="at least one column"):
        parse_columns(" , ")


def test_group_by_makes_one_section_each_numbered_through(sample: Sample) -> None:
    page = read_page(html_of(sample, Layout(group_by="topic")))
    assert [t for tag, t in page.headings if tag == "h2"] == [
        "Legal framework",
        "Operational procedures",
    ]
    numbers = [r[0] for table in page.tables for r in table[1:]]
    assert numbers == ["1", "2", "3", "4"]
    html = html_of(sample, Layout(group_by="status"))
    assert [t for tag, t in read_page(html).headings if tag == "h2"] == [
        "Status: open",
        "Status: in progress",
        "Status: done",
        "Status: dropped",
    ]
    level = read_page(html_of(sample, Layout(group_by="level")))
    assert [t for tag, t in level.headings if tag == "h2"] == [
        "Level: institutional",
        "Level: individual",
    ]
    assert html.count('<section class="section">') == len(read_page(html).tables)


def test_group_by_owner_gives_each_owner_a_digest(sample: Sample) -> None:
    page = read_page(html_of(sample, Layout(group_by="owner")))
    headings = [t for tag, t in page.headings if tag == "h2"]
    agreed = "agreed at IPR border enforcement (Nov 23\u2009–\u200927, 2026)"
    assert headings == [
        f"Actions for @SUM(A1:A2), {agreed}",
        f"Actions for Ana, {agreed}",
        f"Actions for 李雷, {agreed}",
        f"Actions without an owner, {agreed}",
    ]
    digest_headers = [COLUMN_BY_NAME[n].header for n in DIGEST_COLUMNS["owner"]]
    assert all(table[0] == digest_headers for table in page.tables)
    assert [len(t) - 1 for t in page.tables] == [1, 1, 1, 1]


def test_split_documents_are_addressed_digests_by_due_date(sample: Sample, tmp_path: Path) -> None:
    session = sample.session
    # a second action for Ana, due before her first one
    from workshop_tui.core.model import ActionFields, EntryKind

    session.add_entry(
        EntryKind.ACTION,
        "risk",
        GROUP_A,
        "Map the risk of fake medicines",
        action=ActionFields(owner="Ana", unit="Risk unit", due="2026-02-01"),
    )
    paths = export_to_path(
        sample.store, session.id, "actions", "html", tmp_path / "out", split_by="owner", now=NOW
    )
    ana = read_page((tmp_path / "out" / "actions-Ana.html").read_text(encoding="utf-8"))
    assert ana.headings[0] == (
        "h1",
        "Actions for Ana, agreed at IPR border enforcement (Nov 23\u2009–\u200927, 2026)",
    )
    [table] = ana.tables
    assert table[0] == [COLUMN_BY_NAME[n].header for n in DIGEST_COLUMNS["owner"]]
    assert [r[2] for r in table[1:]] == ["Map the risk of fake medicines", "Train officers"]
    assert [r[1] for r in table[1:]] == ["Feb 1, 2026", "Oct 1, 2026"]  # by due date
    assert len(paths) == 4
    units = export_to_path(
        sample.store, session.id, "actions", "md", tmp_path / "units", split_by="unit", now=NOW
    )
    legal = next(p for p in units if p.name == "actions-Legal_unit.md").read_text("utf-8")
    assert legal.startswith("# Actions for Legal unit, agreed at IPR border enforcement")
    assert "| No. | Due | Action | Owner | Answers | Status |" in legal
    no_unit = next(p for p in units if p.name == "actions-no-unit.md").read_text("utf-8")
    assert no_unit.startswith("# Actions without a responsible unit, agreed at")


def test_data_formats_keep_every_field_and_refuse_a_layout(sample: Sample) -> None:
    for fmt in ("csv", "xlsx", "json", "ics"):
        with pytest.raises(ExportError, match="keeps every field"):
            export(sample.session, "actions", fmt, ExportOptions(layout=Layout(columns=("due",))))
    with pytest.raises(ExportError, match="cannot group by 'colour'"):
        export(sample.session, "actions", "html", ExportOptions(layout=Layout(group_by="colour")))
    with pytest.raises(ExportError, match="--landscape is for printed formats"):
        export(sample.session, "actions", "md", ExportOptions(layout=Layout(landscape=True)))
    with pytest.raises(ExportError, match="report"):
        export(sample.session, "report", "html", ExportOptions(layout=Layout(group_by="topic")))


def test_the_cli_takes_columns_group_by_and_landscape(
    sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--data-dir", str(sample.store.data_dir), "export", "latest"]
    assert main([*base, "--format", "md", "--columns", "number,action", "--columns", "due"]) == 0
    out = capsys.readouterr().out
    assert "| No. | Action | Due |" in out
    assert main([*base, "--format", "html", "--group-by", "unit", "--landscape"]) == 0
    out = capsys.readouterr().out
    assert "size: A4 landscape" in out and "Actions for Legal unit" in out
    assert main([*base, "--format", "csv", "--columns", "due"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("workshop-tui: ") and "\n" not in err and "keeps every field" in err
    assert main([*base, "--format", "html", "--columns", "colour"]) == 1
    assert "unknown column 'colour'" in capsys.readouterr().err


def test_print_stylesheet(sample: Sample) -> None:
    page = html_of(sample)
    assert "size: A4 portrait" in page
    assert "thead { display: table-header-group; }" in page
    assert "tr, li { break-inside: avoid; }" in page
    assert ".topic, .section { break-before: page; }" in page
    assert "anywhere" not in page and "hyphens: manual" in page  # words stay whole
    running = re.search(r"@top-left \{ content: (\"[^\"]*\")", page)
    assert running is not None
    assert running.group(1) == '"IPR border enforcement · exported Nov 27, 2026"'
    assert "counter(page)" in page
    assert "size: A4 landscape" in html_of(sample, Layout(landscape=True))
    # dates and numbers never wrap; hyphenated names stay on one line
    assert '<td dir="auto" class="nowrap">Dec 31, 2026</td>' in page
    assert '<td dir="auto"><span class="nowrap">-2</span> draft a' in page


def test_a_hostile_workshop_title_cannot_leave_the_css_string() -> None:
    title = 'Evil"; } </style><script>alert(1)</script> \\'
    quoted = css_string(title)
    assert quoted.count('"') == 2 and "<" not in quoted and "\\" + "22 " in quoted
    page = html_page("t", "<p>x</p>", running=title)
    assert "<script>" not in page and page.count("</style>") == 1


def test_hyphenated_names_are_kept_whole_in_html(sample: Sample) -> None:
    from workshop_tui.core.model import ActionFields, EntryKind

    sample.session.add_entry(
        EntryKind.ACTION,
        "risk",
        GROUP_A,
        "Set up a risk profile",
        action=ActionFields(owner="Anne-Marie Dupont", unit="Sub-directorate of IPR"),
    )
    page = html_of(sample)
    assert '<span class="nowrap">Anne-Marie</span> Dupont' in page
    assert '<span class="nowrap">Sub-directorate</span> of IPR' in page


def test_export_language_translates_dates(sample: Sample) -> None:
    page = read_page(html_of(sample, language="id"))
    a1 = next(r for r in page.tables[0][1:] if r[1] == A1_TEXT)
    assert a1[5] == format_date(dt.date(2026, 12, 31), format="medium", locale="id")
    assert a1[5] != "Dec 31, 2026"


def test_filters_still_apply_to_documents(sample: Sample) -> None:
    options = ExportOptions(now=NOW, filters=ActionFilter(statuses=("done", "dropped")))
    page = read_page(export(sample.session, "actions", "html", options).decode("utf-8"))
    assert len(page.tables[0]) == 3
    assert "status: done or dropped" in "".join(page.text)
    assert len(ORDER) == 4


def test_progress_tables_write_dates_as_the_language_does(tmp_path: Path) -> None:
    from export_sample import agenda

    from workshop_tui.core.model import ActionFields, EntryKind
    from workshop_tui.core.store import Store

    store = Store(tmp_path)
    earlier = store.create_session(agenda(), title="March")
    earlier.add_entry(
        EntryKind.ACTION,
        "legal",
        GROUP_A,
        "Draft the decree",
        action=ActionFields(due="2026-04-01"),
    )
    new = store.create_session(agenda(), title="June", follow_up_of=earlier.id)
    now = "2026-06-10T09:00:00+00:00"
    md = export(new, "progress", "md", ExportOptions(now=now)).decode("utf-8")
    assert "| Draft the decree |  | Apr 1, 2026 |" in md
    indonesian = export(new, "progress", "md", ExportOptions(now=now, language="id")).decode()
    assert format_date(dt.date(2026, 4, 1), format="medium", locale="id") in indonesian
