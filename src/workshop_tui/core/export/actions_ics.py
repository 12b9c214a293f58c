"""Dated actions as an iCalendar file (RFC 5545): one VTODO per action with a due date.

Written by hand rather than with a library: CRLF line ends, content lines folded at 75
octets (never inside a UTF-8 character), TEXT values escaped (``\\``, ``;``, ``,``, newline).
Status mapping: open → NEEDS-ACTION, in progress → IN-PROCESS, done → COMPLETED,
dropped and carried over → CANCELLED (a carried-over action lives on in a later session).
"""

from __future__ import annotations

import datetime as dt

from workshop_tui import __version__
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.markup import plain
from workshop_tui.core.export.rows import COLUMN_BY_KEY, ActionRow, action_rows, partners_text
from workshop_tui.core.i18n import N_, Translator, translator
from workshop_tui.core.model import ActionStatus, Priority
from workshop_tui.core.store import SessionStore

UID_DOMAIN = "workshop-tui"
STATUS = {
    ActionStatus.OPEN: "NEEDS-ACTION",
    ActionStatus.IN_PROGRESS: "IN-PROCESS",
    ActionStatus.DONE: "COMPLETED",
    ActionStatus.DROPPED: "CANCELLED",
    ActionStatus.CARRIED_OVER: "CANCELLED",
}
PRIORITY = {Priority.HIGH: 1, Priority.MEDIUM: 5, Priority.LOW: 9}


def escape_text(value: str) -> str:
    """An RFC 5545 TEXT value (section 3.3.11)."""
    value = plain(value)
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(raw, escaped)
    return value


def fold(line: str) -> str:
    """Fold a content line: at most 75 octets per physical line, continuation lines start
    with one space, and a multi-octet UTF-8 character is never split (section 3.1)."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += octets
    out.append(current)
    return "\r\n".join(out)


def _utc_stamp(iso: str) -> str:
    try:
        value = dt.datetime.fromisoformat(iso)
    except ValueError:
        value = dt.datetime.now(dt.UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(row: ActionRow, t: Translator) -> str:
    """The to-do's description: labelled fields in the export's language (the same words as
    the action list's column headers)."""
    f = row.fields
    parts = [
        ("owner", f.owner),
        ("unit", f.unit),
        ("level", row.cell("level", t)),
        ("priority", row.cell("priority", t)),
        ("status", row.cell("status", t)),
        ("indicator", f.indicator),
        ("verification", f.verification),
        ("partners", partners_text(f.partners)),
        ("resources", f.resources),
        ("topic_title", row.topic_title),
        ("group", row.group),
        ("session_title", row.session_title),
        ("challenges", "; ".join(c.text for c in row.challenges)),
        ("solutions", "; ".join(s.text for s in row.solutions)),
        ("notes", f.notes),
    ]
    return "\n".join(f"{COLUMN_BY_KEY[key].heading(t)}: {value}" for key, value in parts if value)


def vtodo(row: ActionRow, stamp: str, t: Translator | None = None) -> list[str]:
    """The content lines (unfolded) of one action's VTODO; the row must have a due date."""
    due = row.due_date
    assert due is not None
    lines = [
        "BEGIN:VTODO",
        f"UID:{row.id}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"CREATED:{_utc_stamp(row.created)}",
        f"LAST-MODIFIED:{_utc_stamp(row.updated)}",
    ]
    start = row.start_date
    if start is not None and start < due:  # RFC 5545: DUE must be later than DTSTART
        lines.append(f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}")
    lines += [
        f"DUE;VALUE=DATE:{due.strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(row.text)}",
        f"DESCRIPTION:{escape_text(_description(row, t or translator('en')))}",
        f"STATUS:{STATUS[row.fields.status]}",
        f"PRIORITY:{PRIORITY[row.fields.priority]}",
        f"CATEGORIES:{escape_text(row.topic_title)}",
    ]
    if row.fields.status == ActionStatus.DONE:
        lines.append("PERCENT-COMPLETE:100")
    lines.append("END:VTODO")
    return lines


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    t = options.translator_for(session)
    stamp = _utc_stamp(options.stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//workshop-tui//workshop-tui {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(t.gettext("Actions — {title}").format(title=session.title)),
    ]
    for row in action_rows(store, options.filters):
        if row.due_date is not None:
            lines += vtodo(row, stamp, t)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


EXPORTER = Exporter(
    "actions",
    "ics",
    render,
    "ics",
    N_("calendar to-dos (iCalendar), dated actions only"),
    takes_filters=True,
)
