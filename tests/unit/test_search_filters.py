"""Search that narrows: key:value filters (core.search_query), counts, and the CLI options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from plenary_sample import EARLIER_ID, NEW_ID, build

from workshop_tui.cli import main
from workshop_tui.core.history import FilterError
from workshop_tui.core.search import index_for, search
from workshop_tui.core.search_query import SearchFilter, parse_search
from workshop_tui.core.store import Store


def test_parse_search_splits_words_and_filters() -> None:
    q = parse_search('seizure kind:action status:"in progress" owner:Ana group:"Group A" airport')
    assert q.text == "seizure airport"
    assert q.filter.kinds == ("action",) and q.filter.statuses == ("in_progress",)
    assert q.filter.owners == ("ana",) and q.filter.groups == ("group a",)
    q = parse_search("holder's date:2025-06 since:2024 kind:")  # "kind:" still being typed
    assert q.text == "holder's" and len(q.filter.ranges) == 2 and not q.filter.kinds
    assert parse_search("nothing else").filter.is_empty
    for bad, message in (
        ("kind:idea", "unknown kind 'idea'"),
        ("status:finished", "unknown status 'finished'"),
        ("date:2025-13", "is not a date"),
    ):
        with pytest.raises(FilterError, match=message):
            parse_search(bad)


def test_filters_narrow_the_hits(tmp_path: Path) -> None:
    store, _, _ = build(tmp_path)
    everything = search(store, "customs", limit=None)
    assert {h.session_id for h in everything} == {NEW_ID, EARLIER_ID}
    only_2025 = search(store, "customs", limit=None, flt=parse_search("date:2025").filter)
    assert only_2025 and {h.session_id for h in only_2025} == {EARLIER_ID}
    by_session = search(store, "customs", limit=None, flt=SearchFilter(sessions=("e0000000",)))
    assert by_session == only_2025
    actions = search(store, "customs", limit=None, flt=parse_search("kind:action").filter)
    assert actions and {h.kind for h in actions} == {"action"}
    ana = search(store, "", limit=None, flt=parse_search("owner:ana").filter)
    assert {h.text for h in ana} == {
        "Draft an amendment to the customs law",
        "Draft an amendment to article 12 of the customs law",
    }
    done = search(store, "", limit=None, flt=parse_search("status:done").filter)
    assert [h.text for h in done] == ["Publish a leaflet for right holders"]
    grouped = search(store, "", limit=None, flt=parse_search('group:"group c" topic:train').filter)
    assert grouped and all(h.group == "Group C" and h.topic_id == "training" for h in grouped)
    assert search(store, "", limit=None, flt=parse_search("agenda:other").filter) == []
    assert search(store, "", limit=None) == []  # no words and no filter: nothing asked


def test_count_matches_the_unlimited_search(tmp_path: Path) -> None:
    store, _, _ = build(tmp_path)
    index = index_for(store)
    assert index.count("customs") == len(index.search("customs", limit=None))
    flt = parse_search("kind:action since:2026").filter
    assert index.count("", flt) == len(index.search("", limit=None, flt=flt)) > 0
    first = index.search("customs", limit=2)
    assert first == index.search("customs", limit=None)[:2]  # pages come newest first


def test_cli_search_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(tmp_path)
    base = ["--data-dir", str(tmp_path), "search"]
    assert main([*base, "customs", "--since", "2026", "--kind", "action", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {(r["session_id"], r["kind"]) for r in rows} == {(NEW_ID, "action")}
    assert main([*base, "--owner", "ana", "--status", "open", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main([*base, "law", "--session", EARLIER_ID[:8], "--until", "2025-12"]) == 0
    out = capsys.readouterr().out
    assert out and all(line.startswith(EARLIER_ID[:8]) for line in out.splitlines())
    assert main([*base, "law", "--agenda", "ipr-test", "--limit", "0", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == len(
        search(Store(tmp_path), "law", limit=None)
    )
    assert main([*base, "law", "--kind", "idea"]) == 1
    assert "unknown kind 'idea'" in capsys.readouterr().err
    assert main([*base, "law", "--group", "group b", "--topic", "legal", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["group"] == "Group B" and r["topic_id"] == "legal" for r in rows)
