"""core.history: the sessions browser's filter language and sort; `workshop-tui sessions`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import history_sample
import pytest

from workshop_tui import cli
from workshop_tui.core.history import (
    SORT_KEYS,
    DateRange,
    FilterError,
    HistoryFilter,
    HistoryIndex,
    filter_and_sort,
    parse_query,
    sort_sessions,
)
from workshop_tui.core.store import Store


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("history")
    history_sample.build(data, 40)
    return data


def _index(data: Path) -> HistoryIndex:
    return HistoryIndex.build(Store(data).list_sessions().sessions)


def _days(i: int) -> tuple[dt.date, dt.date]:
    first = history_sample.started(i)
    last = first + dt.timedelta(days=i % 4) if i % 5 else first
    return first, last


def _expected(start: dt.date, end: dt.date, count: int = 40) -> set[str]:
    return {
        history_sample.session_id(i)
        for i in range(count)
        if _days(i)[0] <= end and _days(i)[1] >= start
    }


def test_parse_query_splits_words_and_dates() -> None:
    q = parse_query("Jakarta 2025-06 since 2024 ..2025-09-30 Récordation")
    assert q.words == ("jakarta", "recordation")
    assert q.ranges == (
        DateRange(dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
        DateRange(dt.date(2024, 1, 1), None),
        DateRange(None, dt.date(2025, 9, 30)),
    )
    assert parse_query("2025-06-01..2025-09-30").ranges == (
        DateRange(dt.date(2025, 6, 1), dt.date(2025, 9, 30)),
    )
    assert parse_query("before 2024-03").ranges == (DateRange(None, dt.date(2024, 2, 29)),)
    assert parse_query("since").ranges == ()  # still typing: no filter yet


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "since 2025-00"])
def test_a_date_that_is_no_date_is_an_error(text: str) -> None:
    with pytest.raises(FilterError, match="is not a date"):
        HistoryIndex().select(HistoryFilter(text=text))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("2024-06", dt.date(2024, 6, 1), dt.date(2024, 6, 30)),
        ("2024-06-01..2024-09-30", dt.date(2024, 6, 1), dt.date(2024, 9, 30)),
        ("since 2024-10", dt.date(2024, 10, 1), dt.date(2100, 1, 1)),
        ("until 2023-03", dt.date(1900, 1, 1), dt.date(2023, 3, 31)),
    ],
)
def test_date_filters_find_exactly_the_sessions_running_then(
    history: Path, text: str, start: dt.date, end: dt.date
) -> None:
    shown = {s.id for s in _index(history).select(HistoryFilter(text=text))}
    assert shown == _expected(start, end)
    assert shown  # the sample has sessions in every one of these ranges


def test_a_day_finds_the_session_that_started_or_ran_that_day(history: Path) -> None:
    day = history_sample.started(7) + dt.timedelta(days=2)  # session 7 ran 3 days
    shown = _index(history).select(HistoryFilter(text=day.isoformat()))
    assert [s.id for s in shown] == [history_sample.session_id(7)]


def test_words_match_facilitator_location_topics_and_agenda(history: Path) -> None:
    index = _index(history)
    by_place = index.select(HistoryFilter(text="batam"))
    assert by_place and all(s.location == "Batam port" for s in by_place)
    by_person = index.select(HistoryFilter(text="siti surabaya"))
    assert by_person and all(
        s.facilitator == "Siti Rahma" and s.location == "Surabaya" for s in by_person
    )
    by_topic = index.select(HistoryFilter(text="improve"))
    assert by_topic and all(s.agenda_name == "retro" for s in by_topic)
    both = index.select(HistoryFilter(text="recordation 2024", agenda="ipr", state="ended"))
    assert both and all(
        s.agenda_name == "ipr" and s.ended and s.started.startswith("2024") for s in both
    )
    assert len(index.select(HistoryFilter(state="open"))) == 8


def test_sort_by_every_key_and_ties_newest_first(history: Path) -> None:
    sessions = Store(history).list_sessions().sessions
    for key in SORT_KEYS:
        assert len(sort_sessions(sessions, key)) == 40
    by_facilitator = sort_sessions(sessions, "facilitator", descending=False)
    names = [s.facilitator for s in by_facilitator]
    assert names == sorted(names)
    first_ana = [s for s in by_facilitator if s.facilitator == "Ana Lopes"]
    assert [s.started for s in first_ana] == sorted((s.started for s in first_ana), reverse=True)
    oldest = filter_and_sort(HistoryIndex.build(sessions), HistoryFilter(), "started", False)
    assert oldest[0].id == history_sample.session_id(0)
    with pytest.raises(FilterError, match="cannot sort by 'colour'"):
        sort_sessions(sessions, "colour")


def test_catalog_rows_of_the_old_layout_are_summarised_again(tmp_path: Path) -> None:
    history_sample.build(tmp_path, 3)
    store = Store(tmp_path)
    store.list_sessions()
    catalog = json.loads((tmp_path / "catalog.json").read_text())
    for row in catalog["sessions"].values():  # as the previous version wrote it
        del row["v"]
        for name in ("facilitator", "location", "groups", "topics", "follow_up_of"):
            del row["summary"][name]
    (tmp_path / "catalog.json").write_text(json.dumps(catalog))
    listed = Store(tmp_path).list_sessions().sessions
    assert {s.facilitator for s in listed} == set(history_sample.FACILITATORS)
    assert listed[0].groups == ("Group A", "Group B")


def test_cli_sessions_filters_sort_and_json(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.SORT_KEYS == SORT_KEYS
    base = ["--data-dir", str(history), "sessions"]
    assert cli.main([*base, "--since", "2024-06", "--until", "2024-09", "--ended"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "ENDED" in lines[0]
    expected = _expected(dt.date(2024, 6, 1), dt.date(2024, 9, 30))
    expected = {i for i in expected if int(i[:8]) % 5}
    assert {line[:8] for line in lines[1:]} == {i[:8] for i in expected}
    assert cli.main([*base, "--agenda", "retro", "--sort", "started:asc", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["started"] for r in rows] == sorted(r["started"] for r in rows)
    assert {r["agenda_name"] for r in rows} == {"retro"}
    assert {"facilitator", "location", "ended", "follow_up_of", "followed_up_by"} <= set(rows[0])
    assert cli.main([*base, "--open", "--ended"]) == 1
    assert "exclude each other" in capsys.readouterr().err
    assert cli.main([*base, "--sort", "colour"]) == 1
    assert "cannot sort by 'colour'" in capsys.readouterr().err
    assert cli.main([*base, "--since", "2024-13"]) == 1
    assert "is not a date" in capsys.readouterr().err
    assert cli.main([*base, "nothing-like-this"]) == 0
    assert "no session matches (of 40)" in capsys.readouterr().out
