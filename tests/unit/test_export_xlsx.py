"""Excel action list read back with openpyxl: header, autofilter, frozen pane, real dates."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from export_sample import A1_TEXT, FORMULA, NOW, ORDER, SCRIPT, Sample, build
from openpyxl import load_workbook

from workshop_tui.core.export import ExportOptions, export
from workshop_tui.core.export.rows import COLUMNS


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def test_xlsx_layout_and_cells(sample: Sample) -> None:
    payload = export(sample.session, "actions", "xlsx", ExportOptions(now=NOW))
    book = load_workbook(io.BytesIO(payload))
    assert book.sheetnames == ["Actions", "About"]
    sheet = book["Actions"]
    headers = [c.value for c in sheet[1]]
    assert headers == [c.header for c in COLUMNS]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:Z{len(ORDER) + 1}"
    assert sheet.max_row == len(ORDER) + 1
    col = {h: i for i, h in enumerate(headers)}
    rows = list(sheet.iter_rows(min_row=2))
    assert [r[col["Id"]].value for r in rows] == [sample.ids[n] for n in ORDER]

    a1 = rows[ORDER.index("a1")]
    due, start = a1[col["Due"]], a1[col["Start"]]
    assert due.is_date and due.value == dt.datetime(2026, 12, 31)
    assert due.number_format == "yyyy-mm-dd"
    assert start.is_date and start.value == dt.datetime(2026, 12, 1)
    # Text that looks like a formula stays text: no formula cell, no "'" added.
    assert a1[col["Challenge(s)"]].value == FORMULA
    assert a1[col["Challenge(s)"]].data_type == "s"
    assert a1[col["Owner"]].value == "@SUM(A1:A2)"
    assert a1[col["Action"]].value == A1_TEXT
    assert a1[col["Action"]].alignment.wrap_text
    a3 = rows[ORDER.index("a3")]
    assert a3[col["Action"]].value == "\tTab-led action " + SCRIPT
    assert a3[col["Due"]].value is None  # undated: an empty cell, not ""
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"

    widths = {
        c.header: sheet.column_dimensions[chr(ord("A") + i)].width for i, c in enumerate(COLUMNS)
    }
    assert widths["Action"] >= 30 and widths["Due"] >= 10
    assert all(8 <= w <= 60 for w in widths.values())

    about = {r[0].value: r[1].value for r in book["About"].iter_rows()}
    assert about["Session"] == "Workshop | day 5"
    assert about["Actions"] == str(len(ORDER))
    assert about["Filter"] == "(all actions)"


def test_xlsx_drops_characters_excel_cannot_store(sample: Sample) -> None:
    sample.session.update_entry(sample.ids["a2"], text="bell\x07 and nul\x00 gone")
    book = load_workbook(io.BytesIO(export(sample.session, "actions", "xlsx")))
    assert "bell and nul gone" in [c.value for c in book["Actions"]["A"]]


def test_xlsx_package_is_well_formed(sample: Sample) -> None:
    """Each part must parse, be declared and be reachable; the output is reproducible."""
    import re
    import zipfile
    from xml.etree import ElementTree

    sample.session.update_entry(
        sample.ids["a2"], text="  spaced & <tagged> \"quoted\" 'x'\r\nsecond line \U0001f600 "
    )
    payload = export(sample.session, "actions", "xlsx", ExportOptions(now=NOW))
    with zipfile.ZipFile(io.BytesIO(payload)) as package:
        names = set(package.namelist())
        parts = {name: package.read(name) for name in names}
    for data in parts.values():
        ElementTree.fromstring(data)  # raises on malformed XML
    types = parts["[Content_Types].xml"].decode()
    for name in names:
        if not name.endswith(".rels") and name != "[Content_Types].xml":
            assert f'PartName="/{name}"' in types, name
    for target in re.findall(r'Target="([^"]+)"', parts["xl/_rels/workbook.xml.rels"].decode()):
        assert f"xl/{target}" in names
    for target in re.findall(r'Target="([^"]+)"', parts["_rels/.rels"].decode()):
        assert target in names
    book = load_workbook(io.BytesIO(payload))
    texts = [c.value for c in book["Actions"]["A"]]
    # CRLF becomes Excel's own line break (LF); everything else is kept as typed
    assert "  spaced & <tagged> \"quoted\" 'x'\nsecond line \U0001f600 " in texts
    # The same export twice is the same file (zip entries dated with the export time).
    assert export(sample.session, "actions", "xlsx", ExportOptions(now=NOW)) == payload
