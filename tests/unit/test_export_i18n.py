"""Exports speak the workshop's language: the agenda's ``language`` by default, ``--lang``
overrides; headings, labels, CSV/XLSX headers and dates follow it; data never changes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from export_sample import A1_TEXT, NOW, Sample, build
from openpyxl import load_workbook

from workshop_tui.cli import main
from workshop_tui.core.export import ExportOptions, export
from workshop_tui.core.store import Store


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path)


def _indonesian(sample: Sample) -> None:
    """Make the sample an Indonesian workshop (agenda language: id)."""
    store = sample.session
    store.update_session(agenda=replace(store.session.agenda, language="id"))


def _csv(payload: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))


def test_csv_headers_and_labels_follow_the_agenda_language(sample: Sample) -> None:
    english = _csv(export(sample.session, "actions", "csv", ExportOptions(now=NOW)))
    assert "Responsible unit" in english[0] and "Status" in english[0]
    _indonesian(sample)
    rows = _csv(export(sample.session, "actions", "csv", ExportOptions(now=NOW)))
    header = list(rows[0])
    assert header[:4] == ["Aksi", "Tingkat", "Penanggung jawab", "Unit penanggung jawab"]
    assert "Indikator keberhasilan" in header
    a1 = next(r for r in rows if r["Aksi"].startswith("'-2 draft"))
    assert a1["Status"] == "berjalan"  # in progress
    assert a1["Prioritas"] == "tinggi"
    # --lang overrides the agenda: English again
    forced = _csv(export(sample.session, "actions", "csv", ExportOptions(now=NOW, language="en")))
    assert "Responsible unit" in forced[0]


def test_json_keys_and_values_never_translated(sample: Sample) -> None:
    english = json.loads(export(sample.session, "actions", "json", ExportOptions(now=NOW)))
    _indonesian(sample)
    indonesian = json.loads(export(sample.session, "actions", "json", ExportOptions(now=NOW)))
    assert indonesian["actions"] == english["actions"]
    assert {a["status"] for a in indonesian["actions"]} <= {
        "open",
        "in_progress",
        "done",
        "dropped",
        "carried_over",
    }


def test_markdown_report_in_indonesian_with_dates(sample: Sample) -> None:
    _indonesian(sample)
    md = export(sample.session, "report", "md", ExportOptions(now=NOW)).decode()
    assert "Laporan sesi · diekspor 27 November 2026, pukul 10:00 UTC" in md
    assert "23 November 2026 – 27 November 2026" in md  # the workshop's dates
    assert "## Peserta dan kelompok" in md and "## Ringkasan" in md
    assert "**Tantangan**" in md and "Pertanyaan panduan:" in md
    assert "tenggat 31 Desember 2026 · prioritas tinggi · berjalan" in md
    assert A1_TEXT.splitlines()[0].replace("|", "\\|") in md  # entry text untouched
    for english in ("Participants", "Summary", "Challenges", "Guiding questions", "due "):
        assert english not in md


def test_html_page_declares_the_export_language(sample: Sample) -> None:
    _indonesian(sample)
    page = export(sample.session, "actions", "html", ExportOptions(now=NOW)).decode()
    assert '<html lang="id"' in page and "Rencana Aksi — " in page
    english = export(sample.session, "actions", "html", ExportOptions(now=NOW, language="en"))
    assert b'<html lang="en"' in english and "Action plan — ".encode() in english


def test_xlsx_sheets_and_headers_in_indonesian(sample: Sample) -> None:
    _indonesian(sample)
    book = load_workbook(
        io.BytesIO(export(sample.session, "actions", "xlsx", ExportOptions(now=NOW)))
    )
    assert book.sheetnames == ["Aksi", "Tentang"]
    headers = [c.value for c in book["Aksi"][1]]
    assert headers[:2] == ["Aksi", "Tingkat"]
    assert book["Tentang"]["A1"].value == "Judul"


def test_cli_lang_overrides_the_agenda(
    sample: Sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(Store(tmp_path).data_dir)
    assert main(["--data-dir", data, "export", "latest", "--format", "md", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Rencana Aksi — ") and "Diekspor" in out
    assert main(["--data-dir", data, "--lang", "en", "export", "latest", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Action plan — ")
