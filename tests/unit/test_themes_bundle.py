"""Themes in bundles: written with every theme (dissolved ones too), read strictly, joined
into the stored themes by the merge laws; bundles without themes keep working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import Store
from workshop_tui.core.themes import book
from workshop_tui.core.themes.bundle import (
    merge_bundle_themes,
    parse_themes,
    themes_document,
    unknown_topics,
)

AGENDA = Agenda(
    title="IPR",
    topics=(Topic("risk", "Risk analysis"),),
    groups=(Group("Group A"), Group("Group B")),
)


def test_themes_travel_and_join_like_entries(tmp_path: Path) -> None:
    facilitator = Store(tmp_path / "f").create_session(AGENDA, title="Day 2")
    a = facilitator.add_entry(EntryKind.CHALLENGE, "risk", "Group A", "one").id
    b = facilitator.add_entry(EntryKind.CHALLENGE, "risk", "Group B", "two").id
    theme, _ = book.create_theme(facilitator, "Both", [a])
    gone, _ = book.create_theme(facilitator, "Gone", [b])
    book.delete_theme(facilitator, gone.id)
    document = json.loads(json.dumps(themes_document(facilitator)))
    assert [d["title"] for d in document] == ["Both", "Gone"]  # the tombstone travels too
    # a scribe's laptop: same themes, then a dot there while the facilitator renames here
    scribe = Store(tmp_path / "s").create_session(AGENDA, title="Day 2")
    assert merge_bundle_themes(scribe, parse_themes(document)) == 2
    book.vote(scribe, theme.id, "Group B", 1)
    book.rename_theme(facilitator, theme.id, "Both groups")
    back = parse_themes(json.loads(json.dumps(themes_document(scribe))))
    assert merge_bundle_themes(facilitator, back) == 1
    joined = book.get_theme(facilitator, theme.id)
    assert (joined.title, joined.votes, joined.members) == ("Both groups", {"Group B": 1}, [a])
    assert merge_bundle_themes(facilitator, back) == 0  # again: nothing changes
    assert [t.title for t in book.load_themes(facilitator)] == ["Both groups"]


def test_no_themes_key_is_no_themes() -> None:
    assert parse_themes(None) == []


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"a": 1}, '"themes" must be a list'),
        (
            [{"id": "t", "kind": "note", "title": "x", "created": "2026-06-01T10:00:00+00:00"}],
            "theme 1 is invalid: kind 'note'",
        ),
        (
            [{"id": "t", "kind": "challenge", "title": "x", "created": "yesterday"}],
            "created must be a time with a zone",
        ),
        (
            [{"id": "t", "kind": "challenge", "title": 3, "created": "2026-06-01T10:00:00+00:00"}],
            "title must be text",
        ),
        (
            [
                {
                    "id": "t",
                    "kind": "challenge",
                    "title": "x",
                    "created": "2026-06-01T10:00:00+00:00",
                    "member_stamps": {"e1": "2026-06-01T10:00:00"},
                }
            ],
            "member_stamps must be a time with a zone",
        ),
        (
            [
                {
                    "id": "t",
                    "kind": "challenge",
                    "title": "x",
                    "created": "2026-06-01T10:00:00+00:00",
                    "votes": {"Group A": True},
                }
            ],
            "votes must map group names to whole numbers",
        ),
    ],
)
def test_bad_themes_are_refused_with_the_reason(value: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(")):
        parse_themes(value)


def test_unknown_topics_are_named() -> None:
    themes = parse_themes(
        [
            {
                "id": "t",
                "kind": "challenge",
                "title": "x",
                "topic_id": "legal",
                "created": "2026-06-01T10:00:00+00:00",
            }
        ]
    )
    assert unknown_topics(themes, {"risk"}) == ["legal"]


def test_bundles_carry_themes_through_export_and_import(tmp_path: Path) -> None:
    """Facilitator → bundle → scribe laptop (new session, one write) → dot there → bundle →
    facilitator: the themes and the dot arrive; importing again changes nothing; a bundle
    written before themes existed still imports."""
    from workshop_tui.core.bundle import bundle_bytes, read_bundle
    from workshop_tui.core.merge import import_bundles

    facilitator_store = Store(tmp_path / "f")
    facilitator = facilitator_store.create_session(AGENDA, title="Day 2")
    a = facilitator.add_entry(EntryKind.CHALLENGE, "risk", "Group A", "one").id
    b = facilitator.add_entry(EntryKind.CHALLENGE, "risk", "Group B", "two").id
    theme, _ = book.create_theme(facilitator, "Both", [a, b])
    path = tmp_path / "day2.json"
    path.write_bytes(bundle_bytes(facilitator))
    assert [t.id for t in read_bundle(path).themes] == [theme.id]
    scribe_store = Store(tmp_path / "s")
    import_bundles(scribe_store, [path])
    scribe = scribe_store.open_session(facilitator.id)
    assert [t.title for t in book.load_themes(scribe)] == ["Both"]
    book.vote(scribe, theme.id, "Group A", 1)
    back = tmp_path / "group-a.json"
    back.write_bytes(bundle_bytes(scribe))
    import_bundles(facilitator_store, [back])
    assert book.get_theme(facilitator, theme.id).votes == {"Group A": 1}
    before = facilitator.path.read_bytes()
    import_bundles(facilitator_store, [back, path])
    assert book.get_theme(facilitator, theme.id).votes == {"Group A": 1}
    assert book.load_themes(facilitator) == book.load_themes(
        Store(tmp_path / "f").open_session(facilitator.id)
    )
    assert len(before) > 0
    # a bundle from before themes: no "themes" key at all
    plain = json.loads(path.read_text())
    plain.pop("themes")
    old = tmp_path / "old.json"
    old.write_text(json.dumps(plain))
    assert read_bundle(old).themes == []
    import_bundles(facilitator_store, [old])
    assert [t.title for t in book.load_themes(facilitator)] == ["Both"]


def test_a_bad_theme_in_a_bundle_is_one_line_naming_the_field(tmp_path: Path) -> None:
    from workshop_tui.core.bundle import BundleError, bundle_bytes, read_bundle

    store = Store(tmp_path).create_session(AGENDA, title="Day 2")
    a = store.add_entry(EntryKind.CHALLENGE, "risk", "Group A", "one").id
    book.create_theme(store, "One", [a])
    document = json.loads(bundle_bytes(store))
    document["themes"][0]["votes"] = {"Group A": "many"}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    assert len(caught.value.problems) == 1
    assert "themes[0].votes" in caught.value.problems[0]
