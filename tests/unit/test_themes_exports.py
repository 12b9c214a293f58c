"""Exports of the plenary synthesis: the report's "Common understanding" section and the
consolidated action plan (``--what actions --consolidated``)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from workshop_tui.cli import main
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.export import ActionFilter, ExportOptions, export
from workshop_tui.core.model import ActionFields, EntryKind
from workshop_tui.core.store import SessionStore, Store
from workshop_tui.core.themes import actions as plan
from workshop_tui.core.themes import book

AGENDA = Agenda(
    title="IPR",
    topics=(Topic("risk", "Risk analysis"),),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)
NOW = "2026-06-01T12:00:00.000000+00:00"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    store = Store(tmp_path).create_session(AGENDA, title="Synthesis")
    add = store.add_entry
    a = add(EntryKind.CHALLENGE, "risk", "Group A", "No risk profiles for IPR goods").id
    b = add(EntryKind.CHALLENGE, "risk", "Group B", "Targeting lacks indicators for fakes").id
    c = add(EntryKind.CHALLENGE, "risk", "Group C", "Manifest data arrives late").id
    d = add(EntryKind.CHALLENGE, "risk", "Group A", "Advance cargo data is incomplete").id
    x = add(
        EntryKind.ACTION,
        "risk",
        "Group A",
        "Draft IPR risk profiles",
        links=[a],
        action=ActionFields(owner="Risk unit", due="2027-03-01"),
    ).id
    y = add(
        EntryKind.ACTION,
        "risk",
        "Group B",
        "Write fake-goods indicators",
        links=[b],
        action=ActionFields(owner="Ms Sari", due="2027-02-01"),
    ).id
    add(EntryKind.ACTION, "risk", "Group C", "Ask carriers for earlier manifests", links=[c])
    profiles, _ = book.create_theme(store, "Risk profiles for IPR goods", [a, b])
    late, _ = book.create_theme(store, "Late cargo data", [c, d])
    book.vote(store, late.id, "Group A", 1)
    book.vote(store, profiles.id, "Group B", 1)
    book.vote(store, profiles.id, "Group C", 1)
    plan.consolidate(store, profiles.id, [x, y], text="One national set of IPR risk profiles")
    return store


def test_the_report_has_the_common_understanding_by_dots(store: SessionStore) -> None:
    md = export(store, "report", "md", ExportOptions(now=NOW)).decode()
    section = md[md.index("## Common understanding") : md.index("## Summary")]
    assert section.index("1. Risk profiles for IPR goods") < section.index("2. Late cargo data")
    assert "2 dots · raised by Group A, Group B" in section
    assert "**Group B:** Targeting lacks indicators for fakes" in section
    assert (
        "Consolidated action A1:** One national set of IPR risk profiles (Risk unit · 2027-02-01)"
        in section
    )
    html = export(store, "report", "html", ExportOptions(now=NOW)).decode()
    assert "<h2>Common understanding</h2>" in html and "Late cargo data" in html
    docx = export(store, "report", "docx", ExportOptions(now=NOW))
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    assert "Common understanding" in body and "One national set of IPR risk profiles" in body


def test_a_report_without_themes_has_no_such_section(tmp_path: Path) -> None:
    plain = Store(tmp_path).create_session(AGENDA, title="No plenary yet")
    plain.add_entry(EntryKind.CHALLENGE, "risk", "Group A", "Something")
    for fmt in ("md", "html"):
        assert b"Common understanding" not in export(plain, "report", fmt, ExportOptions(now=NOW))


def test_the_consolidated_action_plan(
    store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every = export(store, "actions", "csv", ExportOptions(now=NOW)).decode("utf-8-sig")
    consolidated = export(
        store, "actions", "csv", ExportOptions(filters=ActionFilter(consolidated=True), now=NOW)
    ).decode("utf-8-sig")
    texts = lambda data: sorted(row["Action"] for row in csv.DictReader(io.StringIO(data)))  # noqa: E731
    assert len(texts(every)) == 4
    assert texts(consolidated) == [
        "Ask carriers for earlier manifests",
        "One national set of IPR risk profiles",
    ]
    as_json = json.loads(
        export(
            store,
            "actions",
            "json",
            ExportOptions(filters=ActionFilter(consolidated=True), now=NOW),
        )
    )
    assert as_json["filters"] == {"plan": ["consolidated"]}
    md = export(
        store, "actions", "md", ExportOptions(filters=ActionFilter(consolidated=True), now=NOW)
    ).decode()
    assert "consolidated (merged actions replaced by their consolidated action)" in md
    # the command line
    code = main(
        [
            "--data-dir",
            str(tmp_path),
            "export",
            store.id,
            "--what",
            "actions",
            "--format",
            "csv",
            "--consolidated",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and texts(out.lstrip("\ufeff")) == texts(consolidated)
    code = main(
        ["--data-dir", str(tmp_path), "export", store.id, "--what", "report", "--consolidated"]
    )
    assert code == 1 and "action lists only" in capsys.readouterr().err
