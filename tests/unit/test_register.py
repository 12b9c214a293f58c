"""core.register: the action register across sessions, its exports and `workshop-tui actions`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import plenary_sample
import pytest
import register_sample
from openpyxl import load_workbook
from plenary_sample import EARLIER_ID, NEW_ID, TODAY
from register_sample import THIRD_ID

from workshop_tui import cli
from workshop_tui.core.model import EntryKind
from workshop_tui.core.register import (
    CACHE_NAME,
    RegisterFilter,
    RegisterRow,
    build_register,
    select,
)
from workshop_tui.core.register_export import render
from workshop_tui.core.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return register_sample.build(tmp_path)


def _by_text(rows: list[RegisterRow], text: str) -> RegisterRow:
    found = [r for r in rows if r.text == text]
    assert len(found) == 1, [r.text for r in rows]
    return found[0]


def test_one_row_per_action_followed_across_follow_ups(store: Store) -> None:
    register = build_register(store, today=TODAY)
    assert register.problems == []
    amendment = _by_text(register.rows, "Draft an amendment to the customs law")
    assert amendment.session == THIRD_ID and amendment.status == "open"
    assert amendment.origin_session == EARLIER_ID and amendment.topic_title == "Legal framework"
    assert [s.session for s in amendment.history] == [EARLIER_ID, NEW_ID, THIRD_ID]
    assert [s.status for s in amendment.history] == ["carried_over", "carried_over", "open"]
    assert amendment.history[0].review["comment"] == "slow"
    assert amendment.history[1].review["session"] == THIRD_ID
    # every live action of the three sessions is in the register once
    counted = sum(
        len(Store(store.data_dir).open_session(i).entries(kind=EntryKind.ACTION))
        for i in (EARLIER_ID, NEW_ID, THIRD_ID)
    )
    assert len(register.rows) == counted - 2  # two copies joined into their chains
    assert [r.origin_started for r in register.rows] == sorted(
        (r.origin_started for r in register.rows), reverse=True
    )


def test_overdue_is_judged_by_the_follow_up_for_ended_sessions(store: Store) -> None:
    rows = build_register(store, today=TODAY).rows
    training = _by_text(rows, "Run two IPR training sessions for port officers")
    assert training.overdue and training.overdue_by == "follow-up"
    assert training.follow_up == NEW_ID and training.follow_up_title == "Workshop 2026"
    form = _by_text(rows, "Translate the recordation form")  # due after the follow-up
    assert not form.overdue
    done = _by_text(rows, "Create a recordation database for trademarks")
    assert done.status == "done" and not done.overdue
    # an action of the open 2027 session is judged by its due date
    amendment = _by_text(rows, "Draft an amendment to the customs law")
    assert amendment.overdue_by == "due"  # due 2026-03-31, today 2026-06-01
    far = build_register(store, today=TODAY.replace(year=2020)).rows
    assert not _by_text(far, "Draft an amendment to the customs law").overdue


def test_filters(store: Store) -> None:
    rows = build_register(store, today=TODAY).rows
    assert {r.owner for r in select(rows, RegisterFilter(owners=("ana",)))} == {"Ana"}
    assert all(r.overdue for r in select(rows, RegisterFilter(overdue=True)))
    opened = select(rows, RegisterFilter(statuses=("open", "in_progress")))
    assert opened and all(r.is_open for r in opened)
    assert {r.unit for r in select(rows, RegisterFilter(units=("IT",)))} == {"IT unit"}
    recent = select(rows, RegisterFilter(since="2026-01-01"))
    assert all(max(s.started for s in r.history) >= "2026" for r in recent)
    assert len(recent) < len(rows)
    assert select(rows, RegisterFilter(owners=("",))) == [r for r in rows if not r.owner]


def test_the_cache_is_used_and_a_damaged_one_is_ignored(store: Store) -> None:
    first = build_register(store, today=TODAY).rows
    cache = store.data_dir / CACHE_NAME
    assert cache.is_file()
    assert build_register(Store(store.data_dir), today=TODAY).rows == first
    data = json.loads(cache.read_text())
    for entry in data["sessions"].values():
        entry[2][0][7] = 12345  # a due date that is no text, same outline
    cache.write_text(json.dumps(data))
    assert build_register(Store(store.data_dir), today=TODAY).rows == first
    cache.write_text("{not json")
    assert build_register(Store(store.data_dir), today=TODAY).rows == first
    # a session changed since: its file is read again
    Store(store.data_dir).open_session(NEW_ID).update_session(title="Workshop 2026 (Bali)")
    rows = build_register(Store(store.data_dir), today=TODAY).rows
    assert {r.session_title for r in rows if r.session == NEW_ID} == {"Workshop 2026 (Bali)"}


def test_exports(store: Store) -> None:
    rows = build_register(store, today=TODAY).rows
    text = render(rows, "csv").decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:3] == ["Action", "Status", "Overdue"] and len(table) == len(rows) + 1
    amendment = next(r for r in table if r[0] == "Draft an amendment to the customs law")
    assert "Workshop 2025 (2025-11-24): carried over — slow → Workshop 2026" in amendment[11]
    md = render(rows, "md").decode()
    assert md.startswith("# Action register: ") and "not done by the follow-up" in md
    html = render(rows, "html", "id").decode()
    assert '<html lang="id">' in html and "<script" not in html
    book = load_workbook(io.BytesIO(render(rows, "xlsx")))
    sheet = book.worksheets[0]
    assert sheet.max_row == len(rows) + 1


def test_cli_actions(store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = ["--data-dir", str(store.data_dir), "actions"]
    assert cli.main([*base, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"id", "session", "history", "overdue"} <= set(rows[0])
    assert cli.main([*base, "--overdue", "--owner", "chen", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["text"], r["overdue_by"]) for r in rows} == {
        ("Run two IPR training sessions for port officers", "follow-up"),  # not done by 2026
        ("Raise awareness among officers", "follow-up"),  # no due date, not done by 2027
    }
    assert cli.main([*base, "--status", "in progress", "--since", "2026"]) == 0
    out = capsys.readouterr().out
    assert out and all(line.startswith("in progress") for line in out.splitlines())
    target = tmp_path / "register.xlsx"
    assert cli.main([*base, "--format", "xlsx", "-o", str(target)]) == 0
    assert target.is_file() and "wrote" in capsys.readouterr().out
    assert cli.main([*base, "--format", "xlsx"]) == 1
    assert "binary" in capsys.readouterr().err
    assert cli.main([*base, "--format", "pdf"]) == 1
    assert "unknown format 'pdf'" in capsys.readouterr().err
    assert cli.main([*base, "--status", "finished"]) == 1
    assert "unknown status 'finished'" in capsys.readouterr().err
    assert cli.main([*base, "--since", "2026-13"]) == 1
    assert "is not a date" in capsys.readouterr().err
    assert cli.main([*base, "--json", "--format", "md"]) == 1
    assert cli.main([*base, "--owner", "nobody-here"]) == 0
    assert "no action matches" in capsys.readouterr().out


def test_quality_judges_an_ended_sessions_actions_by_its_follow_up(tmp_path: Path) -> None:
    import datetime as dt

    from workshop_tui.core.quality import OVERDUE, FollowUp, check_session

    store, earlier, _current = plenary_sample.build(tmp_path, follow_up=True)
    far_later = dt.date(2033, 1, 1)  # years after: the days to today do not matter
    follow_up = FollowUp("Workshop 2026", dt.date(2026, 5, 25))
    warnings = check_session(earlier, far_later, follow_up)
    training = [w for w in warnings["20250005-ac"] if w.code == OVERDUE]
    assert [w.message for w in training] == [
        "overdue: due 2026-02-28, not done by the follow-up Workshop 2026 (2026-05-25)"
    ]
    form = [w for w in warnings["20250007-ac"] if w.code == OVERDUE]
    assert form == []  # due after the follow-up
    assert "days ago" in " ".join(
        w.message for w in check_session(earlier, far_later)["20250005-ac"]
    )
