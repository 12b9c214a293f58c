"""Word handouts read back with python-docx: real tables (rows = actions + header, the header
repeating on every page, rows never split), every field's text exact, dates as the locale
writes them, styles, A4 page and margins, the workshop's metadata first; split documents
addressed to their owner or unit; the session report and the progress report."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from babel.dates import format_date
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from export_sample import (
    A1_TEXT,
    CJK,
    DELETED,
    FORMULA,
    GROUP_A,
    LONG_INDICATOR,
    NOTE,
    NOW,
    ORDER,
    RTL,
    SCRIPT,
    Sample,
    build,
)

from workshop_tui.core.export import ExportOptions, Layout, export, export_to_path
from workshop_tui.core.export.docx.builder import clean
from workshop_tui.core.export.plan import ALL_COLUMNS, COLUMN_BY_NAME, DEFAULT_COLUMNS
from workshop_tui.core.export.rows import action_rows
from workshop_tui.core.model import ActionFields, ActionStatus, EntryKind


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def read(payload: bytes) -> Document:
    return docx.Document(io.BytesIO(payload))


def actions_docx(sample: Sample, layout: Layout | None = None, **kw: object) -> Document:
    options = ExportOptions(now=NOW, layout=layout or Layout(), **kw)  # type: ignore[arg-type]
    return read(export(sample.session, "actions", "docx", options))


def cells(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def mm(length: object) -> int:
    return round(Length(length).mm)  # type: ignore[arg-type]


def medium(iso: str, locale: str = "en") -> str:
    return format_date(dt.date.fromisoformat(iso), format="medium", locale=locale)


def test_action_plan_is_a_real_word_table(sample: Sample) -> None:
    document = actions_docx(sample)
    [table] = document.tables
    rows = cells(table)
    assert len(rows) == len(ORDER) + 1  # actions + header
    assert rows[0] == [COLUMN_BY_NAME[n].header for n in DEFAULT_COLUMNS]
    assert table.style is not None and table.style.name == "Table Grid"
    header = table.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None  # repeats
    for row in table.rows[1:]:
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    a1 = rows[1 + ORDER.index("a1")]
    assert a1 == [
        "3",
        A1_TEXT,
        "@SUM(A1:A2)",
        "Legal unit",
        "institutional",
        medium("2026-12-31"),
        "in progress",
        f"Legal framework · {GROUP_A}",
    ]
    assert rows[1 + ORDER.index("a2")][1] == CJK


def test_every_field_exact_with_all_columns(sample: Sample) -> None:
    rows = cells(actions_docx(sample, Layout(columns=("all",))).tables[0])
    headers = rows[0]
    assert headers == [COLUMN_BY_NAME[n].header for n in ALL_COLUMNS]
    by_id = {r[headers.index("Id")]: dict(zip(headers, r, strict=True)) for r in rows[1:]}
    for row in action_rows(sample.session):
        shown = by_id[row.id]
        f = row.fields
        assert shown["Action"] == clean(row.text)
        assert shown["Owner"] == f.owner and shown["Responsible unit"] == f.unit
        assert shown["Start"] == (medium(f.start) if f.start else "")
        assert shown["Due"] == (medium(f.due) if f.due else "")
        assert shown["Partners"] == ", ".join(f.partners)
        assert shown["Success indicator"] == f.indicator
        assert shown["Challenge(s)"] == "\n".join(c.text for c in row.challenges)
        assert shown["Solution(s)"] == "\n".join(s.text for s in row.solutions)
        assert shown["Topic"] == row.topic_title and shown["Group"] == row.group
        assert shown["Session"] == "Workshop | day 5"
    a1 = by_id[sample.ids["a1"]]
    assert a1["Action"] == A1_TEXT
    assert a1["Success indicator"] == LONG_INDICATOR
    assert a1["Challenge(s)"] == FORMULA and a1["Solution(s)"] == "+1 " + RTL
    assert a1["Priority"] == "high" and a1["Status"] == "in progress"
    assert by_id[sample.ids["a3"]]["Action"] == "\tTab-led action " + SCRIPT
    assert by_id[sample.ids["a3"]]["Timeframe"] == "short term"


def test_page_styles_and_metadata(sample: Sample) -> None:
    document = actions_docx(sample)
    section = document.sections[0]
    assert mm(section.page_width) == 210 and mm(section.page_height) == 297  # A4
    assert mm(section.left_margin) == 15 and mm(section.top_margin) == 16
    paragraphs = [p for p in document.paragraphs if p.text]
    assert paragraphs[0].style is not None and paragraphs[0].style.name == "Title"
    assert paragraphs[0].text == "Action plan — Workshop | day 5"
    facts = [p.text for p in paragraphs[1:9]]
    assert "Workshop: IPR border enforcement" in facts
    assert "Organiser: Regional office <RO>" in facts
    assert "Facilitator: Fatima" in facts
    assert "Actions: 4" in facts
    assert section.header.paragraphs[0].text == "IPR border enforcement · exported Nov 27, 2026"
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml
    props = document.core_properties
    assert props.title == "Action plan — Workshop | day 5" and props.language == "en"
    text = "\n".join(p.text for p in document.paragraphs) + str(cells(document.tables[0]))
    assert DELETED not in text and NOTE not in text


def test_landscape_and_language(sample: Sample) -> None:
    document = actions_docx(sample, Layout(landscape=True), language="id")
    section = document.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (297, 210)
    rows = cells(document.tables[0])
    assert rows[1 + ORDER.index("a1")][5] == medium("2026-12-31", "id")


def test_group_by_makes_a_heading_and_table_per_section(sample: Sample) -> None:
    document = actions_docx(sample, Layout(group_by="topic"))
    headings = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"
    ]
    assert [h.text for h in headings] == ["Legal framework", "Operational procedures"]
    assert headings[1].paragraph_format.page_break_before  # each section on a new page
    assert [len(t.rows) - 1 for t in document.tables] == [2, 2]
    assert [r[0] for t in document.tables for r in cells(t)[1:]] == ["1", "2", "3", "4"]


def test_split_by_owner_writes_one_addressed_document_each(sample: Sample, tmp_path: Path) -> None:
    sample.session.add_entry(
        EntryKind.ACTION,
        "risk",
        GROUP_A,
        "Map the risk of fake medicines",
        action=ActionFields(owner="Ana", due="2026-02-01", status=ActionStatus.OPEN),
    )
    paths = export_to_path(
        sample.store, sample.session.id, "actions", "docx", tmp_path / "d", split_by="owner"
    )
    assert sorted(p.name for p in paths) == [
        "actions-Ana.docx",
        "actions-SUM_A1_A2.docx",
        "actions-no-owner.docx",
        "actions-李雷.docx",
    ]
    ana = read((tmp_path / "d" / "actions-Ana.docx").read_bytes())
    title = ana.paragraphs[0].text
    assert title.startswith("Actions for Ana, agreed at IPR border enforcement (Nov")
    rows = cells(ana.tables[0])
    assert rows[0] == ["No.", "Due", "Action", "Answers", "Level", "Status"]
    assert [r[2] for r in rows[1:]] == ["Map the risk of fake medicines", "Train officers"]
    assert [r[1] for r in rows[1:]] == [medium("2026-02-01"), medium("2026-10-01")]
    owner = read((tmp_path / "d" / "actions-SUM_A1_A2.docx").read_bytes())
    [a1] = cells(owner.tables[0])[1:]
    assert a1[3] == f"Challenge: {FORMULA}\nSolution: +1 {RTL}"  # what it answers
    nobody = read((tmp_path / "d" / "actions-no-owner.docx").read_bytes())
    assert nobody.paragraphs[0].text.startswith("Actions without an owner, agreed at")
    unit_paths = export_to_path(
        sample.store, sample.session.id, "actions", "docx", tmp_path / "u", split_by="unit"
    )
    legal = read(next(p for p in unit_paths if p.name == "actions-Legal_unit.docx").read_bytes())
    assert cells(legal.tables[0])[0] == ["No.", "Due", "Action", "Owner", "Answers", "Status"]


def test_session_report_docx(sample: Sample) -> None:
    document = read(export(sample.session, "report", "docx", ExportOptions(now=NOW)))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    assert styled[0] == ("Title", "Workshop | day 5")
    h1 = [t for s, t in styled if s == "Heading 1"]
    assert h1 == [
        "Participants and groups",
        "Legal framework",
        "Operational procedures",
        "Risk analysis",
        "Summary",
        "All actions",
    ]
    h2 = [t for s, t in styled if s == "Heading 2"]
    assert h2[:2] == [GROUP_A, "مجموعة ب"]
    bullets = [t for s, t in styled if s == "List Bullet"]
    assert f"{FORMULA} — 3 votes" in bullets
    assert f"+1 {RTL} — 1 vote\nanswers: {FORMULA}" in bullets
    assert (
        f"{A1_TEXT}\n@SUM(A1:A2) (Legal unit) · due December 31, 2026 · high priority · in progress"
        in bullets
    )
    assert "Parking: customs IT system" in bullets
    participants, summary, actions = document.tables
    assert cells(participants)[0] == ["Name", "Organisation", "Group"]
    assert cells(summary)[-1] == ["Total", "", "2", "1", "4", "2"]
    assert len(actions.rows) == len(ORDER) + 1
    assert cells(actions)[0] == [COLUMN_BY_NAME[n].header for n in DEFAULT_COLUMNS]
    text = "\n".join(t for _, t in styled)
    assert DELETED not in text and NOTE not in text and SCRIPT in text


def test_progress_report_docx(tmp_path: Path) -> None:
    from export_sample import agenda

    from workshop_tui.core.export import ExportError
    from workshop_tui.core.store import Store

    store = Store(tmp_path)
    earlier = store.create_session(agenda(), title="March workshop")
    done = earlier.add_entry(
        EntryKind.ACTION,
        "legal",
        GROUP_A,
        "Draft the decree",
        action=ActionFields(
            owner="Ana", unit="Legal unit", due="2026-04-01", status=ActionStatus.DONE
        ),
    )
    earlier.add_entry(
        EntryKind.ACTION,
        "ops",
        GROUP_A,
        "Train officers",
        action=ActionFields(owner="Bob", unit="Training centre", due="2026-05-01"),
    )
    new = store.create_session(agenda(), title="June follow-up", follow_up_of=earlier.id)
    document = read(export(new, "progress", "docx", ExportOptions(now="2026-06-10T09:00:00+00:00")))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    assert styled[0] == ("Title", "Progress — June follow-up")
    assert [t for s, t in styled if s == "Heading 1"] == ["Legal unit", "Training centre"]
    assert [t for s, t in styled if s == "Heading 2"] == ["Done (1)", "Overdue (1)"]
    first, second = (cells(t) for t in document.tables)
    assert first[0] == ["Action", "Owner", "Due", "Status", "Review comment", "Topic", "Group"]
    assert first[1][:4] == ["Draft the decree", "Ana", medium("2026-04-01"), "done"]
    assert second[1][0] == "Train officers"
    assert done.id
    with pytest.raises(ExportError):
        export(earlier, "progress", "docx")


def test_text_word_cannot_hold_is_dropped_and_markup_stays_text(sample: Sample) -> None:
    from workshop_tui.core.export.docx.builder import DocxDocument, Run

    hostile = 'a\x01b\x0bc <w:p>&amp; "x" \ufffe🚀\r\nsecond'
    document = DocxDocument(title=hostile, running=hostile)
    document.title(hostile)
    document.bullets([[Run(hostile, bold=True)]])
    document.table(["h-1", "h2"], [[hostile, "Sub-directorate"]], nowrap=(False, True))
    back = read(document.to_bytes())
    expected = 'abc <w:p>&amp; "x" 🚀\nsecond'
    assert back.paragraphs[0].text == expected  # the title
    assert cells(back.tables[0]) == [["h-1", "h2"], [expected, "Sub-directorate"]]
    assert any(p.text == expected for p in back.paragraphs)  # the bullet, line break kept
    assert back.core_properties.title == expected
