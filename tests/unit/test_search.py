"""Full-text search: folding, AND of words, ordering, deletions, stale index, bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

from plenary_sample import EARLIER_ID, NEW_ID, build

from workshop_tui.cli import main
from workshop_tui.core.model import EntryKind
from workshop_tui.core.search import SearchIndex, search
from workshop_tui.core.store import Store
from workshop_tui.core.textnorm import fold, words


def test_fold_is_case_and_accent_insensitive() -> None:
    assert fold("Informasi") == "informasi"
    assert fold("Café CRÈME") == "cafe creme"
    assert fold("Straße") == "strasse"
    assert fold("ﬁle") == "file"  # compatibility ligature
    assert words("Re-examine: TRIPS, Ārticle 51!") == ["re", "examine", "trips", "article", "51"]


def test_search_finds_across_sessions_case_and_accent_insensitively(tmp_path: Path) -> None:
    store, earlier, current = build(tmp_path)
    current.add_entry(EntryKind.NOTE, "legal", "Group A", "Sistem Informasi Kepabeanan")
    current.add_entry(EntryKind.CHALLENGE, "legal", "Group B", "Le café des douanes est fermé")
    assert [h.text for h in search(store, "informasi")] == ["Sistem Informasi Kepabeanan"]
    assert [h.text for h in search(store, "INFORMASI kepabeanan")] == [
        "Sistem Informasi Kepabeanan"
    ]
    assert [h.text for h in search(store, "cafe ferme")] == ["Le café des douanes est fermé"]
    assert [h.text for h in search(store, "CAFÉ")] == ["Le café des douanes est fermé"]
    hits = search(store, "customs law")
    # every word must match; newest session first, then agenda order
    assert [(h.session_id, h.kind, h.text) for h in hits] == [
        (NEW_ID, "solution", "Amend the customs law to allow ex officio action"),
        (NEW_ID, "action", "Draft an amendment to article 12 of the customs law"),
        (NEW_ID, "solution", "Amend customs law allowing ex officio action"),
        (EARLIER_ID, "solution", "Amend the customs law"),
        (EARLIER_ID, "action", "Draft an amendment to the customs law"),
    ]
    first = hits[0]
    assert (first.session_title, first.topic_id, first.topic_title, first.group) == (
        "Workshop 2026",
        "legal",
        "Legal framework",
        "Group A",
    )
    assert search(store, "customs zebra") == []
    assert search(store, "  ,;  ") == []


def test_search_matches_action_fields_and_substrings(tmp_path: Path) -> None:
    store, _, _ = build(tmp_path)
    assert {h.text for h in search(store, "legal department")} == {
        "Draft an amendment to article 12 of the customs law",
        "Improve cooperation with the courts",
        "Draft an amendment to the customs law",
    }
    assert [h.text for h in search(store, "recordat database")] == [
        "Create a recordation database for trademarks"
    ]


def test_limit_and_deleted_entries(tmp_path: Path) -> None:
    store, _, current = build(tmp_path)
    assert len(search(store, "customs law", limit=2)) == 2
    gone = next(h for h in search(store, "penalties"))
    current.delete_entry(gone.entry_id)
    assert search(store, "penalties") == []
    current.restore_entry(gone.entry_id)
    assert [h.entry_id for h in search(store, "penalties")] == [gone.entry_id]


def test_index_sees_changes_made_by_another_store(tmp_path: Path) -> None:
    store, _, _ = build(tmp_path)
    index = SearchIndex(store)
    assert index.search("zanzibar") == []
    other = Store(tmp_path).open_session(NEW_ID)  # e.g. a scribe's laptop process
    other.add_entry(EntryKind.CHALLENGE, "training", "Group C", "Zanzibar port has no scanner")
    assert [h.text for h in index.search("zanzibar")] == ["Zanzibar port has no scanner"]
    assert [h.text for h in index.search("port")][:1] == ["Zanzibar port has no scanner"]


def test_escaped_json_is_still_found(tmp_path: Path) -> None:
    """A file written with \\uXXXX escapes (stdlib json) still matches accent-folded words."""
    store, _, current = build(tmp_path)
    current.add_entry(EntryKind.CHALLENGE, "legal", "Group A", "Déclaration en douane")
    path = store.session_path(NEW_ID)
    data = json.loads(path.read_bytes())
    path.write_text(json.dumps(data, ensure_ascii=True))
    assert b"\\u00e9" in path.read_bytes()
    assert [h.text for h in search(Store(tmp_path), "declaration")] == ["Déclaration en douane"]


def test_a_corrupt_session_is_reported_not_fatal(tmp_path: Path) -> None:
    store, _, _ = build(tmp_path)
    (store.sessions_dir / "broken.json").write_text("{not json: leaflet")
    index = SearchIndex(store)
    assert [h.text for h in index.search("leaflet")] == ["Publish a leaflet for right holders"]
    assert len(index.problems) == 1 and "broken.json" in index.problems[0]


def test_cli_search(tmp_path: Path, capsys: object) -> None:
    build(tmp_path)
    assert main(["--data-dir", str(tmp_path), "search", "leaflet"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "Workshop 2025" in out and "IPR training programmes" in out and "Group A" in out
    assert "Publish a leaflet for right holders" in out
    assert main(["--data-dir", str(tmp_path), "search", "customs law", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)  # type: ignore[attr-defined]
    assert len(rows) == 5 and rows[0]["session_id"] == NEW_ID and rows[0]["kind"] == "solution"
    assert main(["--data-dir", str(tmp_path), "search", "nothing-like-this"]) == 0
    assert "no entry matches" in capsys.readouterr().out  # type: ignore[attr-defined]
    assert main(["--data-dir", str(tmp_path), "search", "  "]) == 1
    assert "give at least one word" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_search_does_not_write(tmp_path: Path) -> None:
    store, _, _ = build(tmp_path)
    before = {p.name: p.stat().st_mtime_ns for p in store.sessions_dir.iterdir()}
    search(store, "law")
    assert {p.name: p.stat().st_mtime_ns for p in store.sessions_dir.iterdir()} == before
    assert not any(name.endswith(".tmp") for name in os.listdir(store.sessions_dir))


def test_newest_sessions_first_and_limit_stops_early(tmp_path: Path) -> None:
    """With a limit, the newest sessions fill it; older files need not be indexed."""
    store, _, _ = build(tmp_path)
    index = SearchIndex(store)
    hits = index.search("customs", limit=1)
    assert [h.session_id for h in hits] == [NEW_ID]
    assert set(index._sessions) == {NEW_ID}  # the 2025 session was never parsed
    assert [h.session_id for h in index.search("customs", limit=None)][-1] == EARLIER_ID


def test_a_file_in_another_layout_is_still_searched(tmp_path: Path) -> None:
    """A session file the start time cannot be peeked from is parsed instead."""
    store, _, _ = build(tmp_path)
    path = store.session_path(NEW_ID)
    data = json.loads(path.read_bytes())
    data["session"]["1"]["started"] = "2026-05-25 08:00"  # not ISO with a T: no peek
    path.write_text(json.dumps({"entries": data["entries"], "session": data["session"]}))
    index = SearchIndex(Store(tmp_path))
    hits = index.search("customs law")
    assert [h.session_id for h in hits] == [NEW_ID] * 3 + [EARLIER_ID] * 2
    assert NEW_ID in index._sessions


def test_a_rare_accented_word_in_a_long_non_ascii_session(tmp_path: Path) -> None:
    """The pre-check folds whole files at once; it must never skip a file that matches."""
    store, _, current = build(tmp_path)
    filler = [
        (EntryKind.NOTE, "legal", "Group A", f"Réunion {i}: façade, naïve café, Ωmega Straße")
        for i in range(300)
    ]
    for kind, topic, group, text in filler:
        current.add_entry(kind, topic, group, text)
    current.add_entry(EntryKind.NOTE, "legal", "Group B", "A ĤOVERCRAFT patrol ﬁnds Ærø")
    assert [h.text for h in search(store, "hovercraft")] == ["A ĤOVERCRAFT patrol ﬁnds Ærø"]
    assert [h.text for h in search(Store(tmp_path), "finds hôvercraft")] == [
        "A ĤOVERCRAFT patrol ﬁnds Ærø"
    ]
    assert len(search(Store(tmp_path), "STRASSE Ωmega naive", limit=None)) == 300
    assert search(Store(tmp_path), "zeppelin") == []


def test_the_index_cache_does_not_keep_stores_alive(tmp_path: Path) -> None:
    import gc
    import weakref

    from workshop_tui.core.search import index_for

    store, _, _ = build(tmp_path)
    assert search(store, "customs")
    index = weakref.ref(index_for(store))
    gone = weakref.ref(store)
    del store
    gc.collect()
    assert gone() is None
    assert index() is None
