"""The action register (:mod:`workshop_tui.core.register`) as CSV, Excel, Markdown or HTML.

One row per action followed across follow-ups: where it stands now (status, overdue, the
session it is in), who owns it, where it came from and its history ("Workshop 2025: carried
over → Workshop 2026: open"). Headings and status words are in the export's language; ids and
dates are data. The same escaping as the session exports: CSV cells never run as formulas,
Markdown and HTML render text as typed, Excel cells are text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence

import xlsxwriter

from workshop_tui.core.export.actions_csv import BOM, neutralise
from workshop_tui.core.export.actions_xlsx import MAX_WIDTH, MIN_WIDTH
from workshop_tui.core.export.actions_xlsx import _text as xlsx_text
from workshop_tui.core.export.markup import h, html_page, html_table, md_table, md_text
from workshop_tui.core.i18n import N_, Translator, current_language, translator
from workshop_tui.core.register import RegisterRow

FORMATS = ("csv", "xlsx", "md", "html")

#: (key, heading) of every column, in order
COLUMNS: tuple[tuple[str, str], ...] = (
    ("text", N_("Action")),
    ("status", N_("Status")),
    ("overdue", N_("Overdue")),
    ("owner", N_("Owner")),
    ("unit", N_("Responsible unit")),
    ("due", N_("Due")),
    ("topic", N_("Topic")),
    ("group", N_("Group")),
    ("session", N_("Session")),
    ("date", N_("Date")),
    ("origin", N_("Agreed at")),
    ("history", N_("Follow-up history")),
    ("id", N_("Action id")),
    ("session_id", N_("Session id")),
)
STATUS_WORDS = {
    "open": N_("open"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    "carried_over": N_("carried over"),
}


def status_word(status: str, t: Translator | None = None) -> str:
    word = STATUS_WORDS.get(status, status.replace("_", " "))
    return t.gettext(word) if t is not None else word


def overdue_text(row: RegisterRow, t: Translator) -> str:
    """Why the action is overdue, in words ("" when it is not)."""
    if row.overdue_by == "follow-up":
        return t.gettext("not done by the follow-up {title} ({day})").format(
            title=row.follow_up_title, day=row.follow_up_started[:10]
        )
    if row.overdue_by == "due":
        return t.gettext("due {day}").format(day=row.due)
    return ""


def history_text(row: RegisterRow, t: Translator) -> str:
    """``Workshop 2025 (2025-11-24): carried over → Workshop 2026 (2026-05-25): open``."""
    if len(row.history) < 2 and not any(step.review for step in row.history):
        return ""
    parts = []
    for step in row.history:
        part = f"{step.session_title} ({step.started[:10]}): {status_word(step.status, t)}"
        comment = step.review.get("comment") if step.review else ""
        if comment:
            part += f" — {comment}"
        parts.append(part)
    return " → ".join(parts)


def cells(row: RegisterRow, t: Translator) -> list[str]:
    """The row's cells in :data:`COLUMNS` order."""
    values = {
        "text": row.text,
        "status": status_word(row.status, t),
        "overdue": overdue_text(row, t),
        "owner": row.owner,
        "unit": row.unit,
        "due": row.due,
        "topic": row.topic_title,
        "group": row.group,
        "session": row.session_title,
        "date": row.started[:10],
        "origin": f"{row.origin_title} ({row.origin_started[:10]})",
        "history": history_text(row, t),
        "id": row.id,
        "session_id": row.session,
    }
    return [values[key] for key, _heading in COLUMNS]


def _headings(t: Translator) -> list[str]:
    return [t.gettext(heading) for _key, heading in COLUMNS]


def _title(t: Translator, count: int, filter_line: str) -> str:
    title = t.ngettext(
        "Action register: {n} action across sessions",
        "Action register: {n} actions across sessions",
        count,
    ).format(n=count)
    return f"{title} ({filter_line})" if filter_line else title


def render_csv(rows: Sequence[RegisterRow], t: Translator, filter_line: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_headings(t))
    for row in rows:
        writer.writerow([neutralise(c) for c in cells(row, t)])
    return (BOM + buffer.getvalue()).encode("utf-8")


def render_md(rows: Sequence[RegisterRow], t: Translator, filter_line: str) -> bytes:
    out = [f"# {md_text(_title(t, len(rows), filter_line))}", ""]
    out.append(md_table(_headings(t), (cells(row, t) for row in rows)))
    return "\n".join(out).encode("utf-8")


def render_html(rows: Sequence[RegisterRow], t: Translator, filter_line: str) -> bytes:
    title = _title(t, len(rows), filter_line)
    body = f"<h1>{h(title)}</h1>\n" + html_table(_headings(t), (cells(row, t) for row in rows))
    return html_page(title, body, lang=t.language).encode("utf-8")


def render_xlsx(rows: Sequence[RegisterRow], t: Translator, filter_line: str) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    book.set_properties({"title": _title(t, len(rows), filter_line)})
    bold = book.add_format({"bold": True})
    top = book.add_format({"valign": "top", "text_wrap": True})
    date = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    sheet = book.add_worksheet(t.gettext("Actions")[:31])
    headings = _headings(t)
    widths = [len(x) + 2 for x in headings]
    date_columns = {i for i, (key, _h) in enumerate(COLUMNS) if key in ("due", "date")}
    for col, heading in enumerate(headings):
        sheet.write_string(0, col, heading, bold)
    for r, row in enumerate(rows, 1):
        for col, text in enumerate(cells(row, t)):
            if not text:
                continue
            day = _day(text) if col in date_columns else None
            if day is not None:
                sheet.write_datetime(r, col, day, date)
            else:
                sheet.write_string(r, col, xlsx_text(text), top)
            widths[col] = max(widths[col], min(len(text) + 2, MAX_WIDTH))
    for col, width in enumerate(widths):
        sheet.set_column(col, col, max(MIN_WIDTH, width))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(COLUMNS) - 1)
    book.close()
    return buffer.getvalue()


def _day(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text[:10])
    except ValueError:
        return None


RENDERERS: dict[str, Callable[[Sequence[RegisterRow], Translator, str], bytes]] = {
    "csv": render_csv,
    "xlsx": render_xlsx,
    "md": render_md,
    "html": render_html,
}


def render(
    rows: Sequence[RegisterRow], fmt: str, language: str | None = None, filter_line: str = ""
) -> bytes:
    """The register ``rows`` in ``fmt`` (one of :data:`FORMATS`); KeyError for another."""
    return RENDERERS[fmt](rows, translator(language or current_language()), filter_line)


__all__ = ["COLUMNS", "FORMATS", "cells", "history_text", "overdue_text", "render"]
