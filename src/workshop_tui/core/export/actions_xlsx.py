"""Action list as an Excel workbook (openpyxl).

Sheet "Actions": bold frozen header row, autofilter over the table, column widths to fit,
wrapped long text, start/due as real dates. Sheet "About": which session, when, which filter.
Text is always stored as text, so an entry such as ``=HYPERLINK(...)`` never becomes a formula.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from workshop_tui.core.export.actions_md import actions_title, filter_line
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.rows import COLUMNS, ActionRow, action_rows
from workshop_tui.core.store import SessionStore

DATE_FORMAT = "yyyy-mm-dd"
MAX_WIDTH = 60
#: Excel's limit for one cell
MAX_CELL = 32767


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL]


def _put_text(sheet: Worksheet, row: int, col: int, value: str) -> None:
    cell = sheet.cell(row=row, column=col, value=_text(value))
    cell.data_type = "s"  # never a formula, whatever the text starts with


def _fill_actions(sheet: Worksheet, rows: list[ActionRow]) -> None:
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for col, column in enumerate(COLUMNS, 1):
        _put_text(sheet, 1, col, column.header)
        sheet.cell(row=1, column=col).font = bold
    widths = [len(c.header) + 2 for c in COLUMNS]
    for r, row in enumerate(rows, 2):
        for col, column in enumerate(COLUMNS, 1):
            date: dt.date | None = None
            if column.key == "due":
                date = row.due_date
            elif column.key == "start":
                date = row.start_date
            if date is not None:
                cell = sheet.cell(row=r, column=col, value=date)
                cell.number_format = DATE_FORMAT
                cell.alignment = top
                continue
            text = row.cell(column.key)
            if not text:
                continue
            _put_text(sheet, r, col, text)
            sheet.cell(row=r, column=col).alignment = wrap if column.kind == "long" else top
            longest = max((len(line) for line in text.split("\n")), default=0)
            widths[col - 1] = max(widths[col - 1], longest + 2)
    for col, column in enumerate(COLUMNS, 1):
        if column.kind == "date":
            width = column.width
        elif column.kind == "long":  # wrapped: as wide as the text up to the column's width
            width = min(max(widths[col - 1], 12), column.width)
        else:
            width = min(widths[col - 1], MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(col)].width = max(width, 8)
    last = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"
    sheet.freeze_panes = "A2"


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    rows = action_rows(store, options.filters)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Actions"
    _fill_actions(sheet, rows)
    about = book.create_sheet("About")
    facts = [
        ("Title", actions_title(session.title, options)),
        ("Session", session.title),
        ("Session id", session.id),
        ("Agenda", session.agenda.title),
        ("Exported (UTC)", options.stamp[:19].replace("T", " ")),
        ("Actions", str(len(rows))),
        ("Filter", filter_line(session, options) or "(all actions)"),
    ]
    for r, (label, value) in enumerate(facts, 1):
        _put_text(about, r, 1, label)
        about.cell(row=r, column=1).font = Font(bold=True)
        _put_text(about, r, 2, value)
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 60
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


EXPORTER = Exporter(
    "actions", "xlsx", render, "xlsx", "Excel workbook", binary=True, takes_filters=True
)
