"""Action list as an Excel workbook (Office Open XML, written directly).

Sheet "Actions": bold frozen header row, autofilter over the table, column widths to fit,
wrapped long text, start/due as real dates. Sheet "About": which session, when, which filter.
Text is always stored as text, so an entry such as ``=HYPERLINK(...)`` never becomes a formula.

Speed: a 2,000-action list is 52,000 cells. openpyxl builds and serialises an object per
cell (≈ 1 s for such a list, even in write-only mode), so the parts of the package are
written here as XML text: the same parts, styles and cell markup openpyxl writes (inline
strings, dates as serial numbers with a date format), with a fixed set of four cell
styles. The tests read the workbooks back with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from workshop_tui.core.export.actions_md import actions_title, filter_line
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.store import SessionStore

DATE_FORMAT = "yyyy-mm-dd"
MAX_WIDTH = 60
#: Excel's limit for one cell
MAX_CELL = 32767

# Characters XML 1.0 cannot hold (the same set openpyxl refuses).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_EPOCH = dt.date(1899, 12, 30)

# Cell styles (indexes into cellXfs below).
_PLAIN, _BOLD, _WRAP, _TOP, _DATE = range(5)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"

_STYLES = (
    f'<styleSheet xmlns="{_MAIN}">'
    f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/></numFmts>'
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
    '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/>'
    '<scheme val="minor"/></font>'
    "</fonts>"
    '<fills count="2"><fill><patternFill/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1" xfId="0"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" xfId="0">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" xfId="0">'
    '<alignment vertical="top"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" '
    'applyAlignment="1" xfId="0"><alignment vertical="top"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _text(value: str) -> str:
    return _ILLEGAL.sub("", value)[:MAX_CELL]


def column_letter(index: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _string_cell(ref: str, value: str, style: int) -> str:
    value = _text(value)
    space = ' xml:space="preserve"' if value != value.strip() else ""
    # \r would come back as \n after XML end-of-line handling: keep it as a reference.
    body = escape(value).replace("\r", "&#13;")
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{body}</t></is></c>'


def _date_cell(ref: str, value: dt.date) -> str:
    return f'<c r="{ref}" s="{_DATE}" t="n"><v>{(value - _EXCEL_EPOCH).days}</v></c>'


def _sheet(
    rows: Iterable[str], widths: list[float], *, frozen: bool = False, filter_ref: str = ""
) -> Iterator[str]:
    """A worksheet part, element order as the schema requires."""
    yield f'<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
    if frozen:
        yield (
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        )
    else:
        yield '<selection activeCell="A1" sqref="A1"/>'
    yield '</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
    yield "<cols>"
    for col, width in enumerate(widths, 1):
        yield f'<col min="{col}" max="{col}" width="{width:g}" customWidth="1"/>'
    yield "</cols><sheetData>"
    yield from rows
    yield "</sheetData>"
    if filter_ref:
        yield f'<autoFilter ref="{filter_ref}"/>'
    yield (
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        "</worksheet>"
    )


def _widths(texts: list[list[str]]) -> list[float]:
    widths = [len(c.header) + 2 for c in COLUMNS]
    for row_texts in texts:
        for i, text in enumerate(row_texts):
            if text:
                longest = max(len(line) for line in text.split("\n"))
                if longest + 2 > widths[i]:
                    widths[i] = longest + 2
    result: list[float] = []
    for i, column in enumerate(COLUMNS):
        if column.kind == "date":
            width = column.width
        elif column.kind == "long":  # wrapped: as wide as the text up to the column's width
            width = min(max(widths[i], 12), column.width)
        else:
            width = min(widths[i], MAX_WIDTH)
        result.append(max(width, 8))
    return result


def _action_rows(rows: list[ActionRow], texts: list[list[str]]) -> Iterator[str]:
    letters = [column_letter(i) for i in range(1, len(COLUMNS) + 1)]
    header = "".join(
        _string_cell(f"{letter}1", c.header, _BOLD)
        for letter, c in zip(letters, COLUMNS, strict=True)
    )
    yield f'<row r="1">{header}</row>'
    styles = [_WRAP if c.kind == "long" else _TOP for c in COLUMNS]
    keys = [c.key for c in COLUMNS]
    for r, (row, row_texts) in enumerate(zip(rows, texts, strict=True), 2):
        cells = []
        for letter, key, text, style in zip(letters, keys, row_texts, styles, strict=True):
            if key == "due" or key == "start":
                date = row.due_date if key == "due" else row.start_date
                if date is not None:
                    cells.append(_date_cell(f"{letter}{r}", date))
            elif text:
                cells.append(_string_cell(f"{letter}{r}", text, style))
        yield f'<row r="{r}">{"".join(cells)}</row>'


def _about_rows(facts: list[tuple[str, str]]) -> Iterator[str]:
    for r, (label, value) in enumerate(facts, 1):
        label_cell = _string_cell(f"A{r}", label, _BOLD)
        yield f'<row r="{r}">{label_cell}{_string_cell(f"B{r}", value, _PLAIN)}</row>'


def _workbook(sheet_names: list[str], rows: int) -> str:
    sheets = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
        for i, name in enumerate(sheet_names, 1)
    )
    last = column_letter(len(COLUMNS))
    # Excel keeps the autofilter's range in this hidden name as well.
    defined = (
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{escape(_quote_sheet(sheet_names[0]))}!$A$1:${last}${rows + 1}"
        "</definedName></definedNames>"
    )
    return (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{sheets}</sheets>{defined}"
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _package(parts: dict[str, bytes], stamp: str) -> bytes:
    """A zip package; entries dated with the export time so the output is reproducible."""
    try:
        when = dt.datetime.fromisoformat(stamp[:19])
        date_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, 0)
    except ValueError:
        date_time = (1980, 1, 1, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


def _xml(chunks: Iterable[str]) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "".join(chunks)).encode(
        "utf-8"
    )


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    stamp = options.stamp  # once: without a fixed time each read is a new "now"
    rows = action_rows(store, options.filters)
    texts = [["" if c.kind == "date" else row.cell(c.key) for c in COLUMNS] for row in rows]
    filter_ref = f"A1:{column_letter(len(COLUMNS))}{len(rows) + 1}"
    facts = [
        ("Title", actions_title(session.title, options)),
        ("Session", session.title),
        ("Session id", session.id),
        ("Agenda", session.agenda.title),
        ("Exported (UTC)", stamp[:19].replace("T", " ")),
        ("Actions", str(len(rows))),
        ("Filter", filter_line(session, options) or "(all actions)"),
    ]
    names = ["Actions", "About"]
    rel = f"{_CT}.spreadsheetml"
    parts = {
        "[Content_Types].xml": _xml(
            [
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{rel}.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{rel}.styles+xml"/>',
                *(
                    f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                    f'ContentType="{rel}.worksheet+xml"/>'
                    for i in range(1, len(names) + 1)
                ),
                '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                '<Override PartName="/docProps/app.xml" '
                f'ContentType="{_CT}.extended-properties+xml"/></Types>',
            ]
        ),
        "_rels/.rels": _xml(
            [
                f'<Relationships xmlns="{_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{_REL}/extended-properties" '
                'Target="docProps/app.xml"/></Relationships>'
            ]
        ),
        "docProps/app.xml": _xml(
            [
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                'extended-properties">'
                "<Application>workshop-tui</Application></Properties>"
            ]
        ),
        "docProps/core.xml": _xml(
            [
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f"<dc:title>{escape(_text(facts[0][1]))}</dc:title>"
                "<dc:creator>workshop-tui</dc:creator>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp[:19]}Z'
                "</dcterms:created></cp:coreProperties>"
            ]
        ),
        "xl/workbook.xml": _xml([_workbook(names, len(rows))]),
        "xl/_rels/workbook.xml.rels": _xml(
            [
                f'<Relationships xmlns="{_PKG_REL}">',
                *(
                    f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>'
                    for i in range(1, len(names) + 1)
                ),
                f'<Relationship Id="rId{len(names) + 1}" Type="{_REL}/styles" '
                'Target="styles.xml"/></Relationships>',
            ]
        ),
        "xl/styles.xml": _xml([_STYLES]),
        "xl/worksheets/sheet1.xml": _xml(
            _sheet(_action_rows(rows, texts), _widths(texts), frozen=True, filter_ref=filter_ref)
        ),
        "xl/worksheets/sheet2.xml": _xml(_sheet(_about_rows(facts), [16, 60])),
    }
    return _package(parts, stamp)


EXPORTER = Exporter(
    "actions", "xlsx", render, "xlsx", "Excel workbook", binary=True, takes_filters=True
)
