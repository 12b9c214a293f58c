"""Action list as CSV: UTF-8 with a byte-order mark (so Excel reads the accents right),
CRLF line ends, every column of :data:`~workshop_tui.core.export.rows.COLUMNS`.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) get a leading ``'`` (OWASP "CSV injection" advice).
"""

from __future__ import annotations

import csv
import io

from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.rows import COLUMNS, action_rows
from workshop_tui.core.i18n import N_
from workshop_tui.core.store import SessionStore

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never evaluates."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def render(store: SessionStore, options: ExportOptions) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    t = options.translator_for(store.session)  # headers and labels in the export's language
    writer.writerow([c.heading(t) for c in COLUMNS])
    for row in action_rows(store, options.filters):
        writer.writerow([neutralise(cell) for cell in row.cells(t=t)])
    return (BOM + buffer.getvalue()).encode("utf-8")


EXPORTER = Exporter(
    "actions",
    "csv",
    render,
    "csv",
    N_("spreadsheet-friendly CSV (UTF-8 with BOM)"),
    takes_filters=True,
)
