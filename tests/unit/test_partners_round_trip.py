"""Partners round-trip: typed comma-separated in the action editor, they come back
comma-separated in every export (one rule: ``rows.partners_text``); JSON keeps the list."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import icalendar
import openpyxl
import pytest

from workshop_tui.core.action_form import action_form_values, split_partners, validate_action_form
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.export import ExportOptions, export
from workshop_tui.core.export.base import Layout
from workshop_tui.core.export.rows import partners_text
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore, Store

TYPED = "right holders,  police ;Directorate of IPR"
SHOWN = "right holders, police, Directorate of IPR"


@pytest.fixture
def session(tmp_path: Path) -> SessionStore:
    agenda = Agenda(title="Partners", topics=(Topic("legal", "Legal"),), groups=(Group("A"),))
    store = Store(tmp_path).create_session(agenda, title="Partners")
    result = validate_action_form(
        {"text": "Draft the procedure", "partners": TYPED, "due": "2026-12-31"},
        today=dt.date(2026, 6, 1),
    )
    assert not isinstance(result, dict)
    store.add_entry(EntryKind.ACTION, "legal", "A", result.text, action=result.fields)
    return store


def text_of(what: str, fmt: str, payload: bytes) -> str:
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(payload))
        return "\n".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if fmt == "docx":
        document = docx.Document(io.BytesIO(payload))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "ics":
        calendar = icalendar.Calendar.from_ical(payload)
        return "\n".join(str(todo.get("description")) for todo in calendar.walk("VTODO"))
    return payload.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("what", "fmt"),
    [
        ("actions", "csv"),
        ("actions", "xlsx"),
        ("actions", "md"),
        ("actions", "html"),
        ("actions", "ics"),
        ("actions", "docx"),
    ],
)
def test_every_action_export_writes_partners_comma_separated(
    session: SessionStore, what: str, fmt: str
) -> None:
    # documents (md, html, docx) show partners when the column is chosen
    layout = Layout(columns=("action", "partners")) if fmt in ("md", "html", "docx") else Layout()
    text = text_of(what, fmt, export(session, what, fmt, ExportOptions(layout=layout)))
    assert SHOWN in text
    assert "right holders\npolice" not in text


def test_json_keeps_the_list_and_the_editor_reads_the_export_back(session: SessionStore) -> None:
    document = json.loads(export(session, "actions", "json", ExportOptions()))
    [action] = document["actions"] if "actions" in document else document
    assert action["partners"] == ["right holders", "police", "Directorate of IPR"]
    entry = session.entries(kind=EntryKind.ACTION)[0]
    assert entry.action is not None
    # what the editor shows is what the exports show, and it splits back to the same list
    assert action_form_values(entry.text, entry.action)["partners"] == SHOWN
    assert split_partners(partners_text(entry.action.partners)) == entry.action.partners
