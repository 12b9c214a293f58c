"""CSV action list read back with the csv module: BOM, every column, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from export_sample import A1_TEXT, CJK, FORMULA, NOW, ORDER, RTL, SCRIPT, Sample, build

from workshop_tui.core.export import ActionFilter, ExportOptions, export
from workshop_tui.core.export.actions_csv import neutralise
from workshop_tui.core.export.rows import COLUMNS


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    return build(tmp_path / "data")


def read(payload: bytes) -> list[dict[str, str]]:
    assert payload.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM so Excel reads the accents
    text = payload.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_every_column_and_row_in_order(sample: Sample) -> None:
    rows = read(export(sample.session, "actions", "csv", ExportOptions(now=NOW)))
    assert list(rows[0]) == [c.header for c in COLUMNS]
    assert [r["Id"] for r in rows] == [sample.ids[name] for name in ORDER]


def test_csv_neutralises_formulas_and_keeps_text(sample: Sample) -> None:
    by_id = {r["Id"]: r for r in read(export(sample.session, "actions", "csv"))}
    a1 = by_id[sample.ids["a1"]]
    assert a1["Action"] == "'" + A1_TEXT  # starts with "-": neutralised, newline kept
    assert a1["Owner"] == "'@SUM(A1:A2)"
    assert a1["Challenge(s)"] == "'" + FORMULA
    assert a1["Solution(s)"] == "'+1 " + RTL
    assert a1["Partners"] == "Right holders, Police"
    assert a1["Due"] == "2026-12-31" and a1["Start"] == "2026-12-01"
    assert a1["Session"] == "Workshop | day 5"
    a3 = by_id[sample.ids["a3"]]
    assert a3["Action"] == "'\tTab-led action " + SCRIPT
    assert a3["Timeframe"] == "short term" and a3["Status"] == "done"
    assert by_id[sample.ids["a2"]]["Action"] == CJK
    for row in by_id.values():
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain = text", "plain = text"),
        ("", ""),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_csv_respects_filters(sample: Sample) -> None:
    options = ExportOptions(filters=ActionFilter(owners=("ana",)))
    rows = read(export(sample.session, "actions", "csv", options))
    assert [r["Id"] for r in rows] == [sample.ids["a4"]]


def test_csv_of_a_session_without_actions_is_just_the_header(tmp_path: Path) -> None:
    from export_sample import agenda

    from workshop_tui.core.store import Store

    session = Store(tmp_path).create_session(agenda())
    rows = read(export(session, "actions", "csv"))
    assert rows == []
