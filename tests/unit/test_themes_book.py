"""Themes in a stored session: operations, undo, plenary dots, consolidated actions, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop_tui.cli import main
from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionFields, ActionLevel, EntryKind
from workshop_tui.core.store import CorruptDataError, SessionStore, Store
from workshop_tui.core.themes import actions as plan
from workshop_tui.core.themes import book
from workshop_tui.core.themes.model import ranking, theme_of_entries

AGENDA = Agenda(
    title="IPR",
    topics=(Topic("risk", "Risk analysis"), Topic("legal", "Legal framework")),
    groups=(Group("Group A"), Group("Group B"), Group("Group C")),
)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return Store(tmp_path).create_session(AGENDA, title="Synthesis")


def challenge(store: SessionStore, group: str, text: str, topic: str = "risk") -> str:
    return store.add_entry(EntryKind.CHALLENGE, topic, group, text).id


def test_a_theme_survives_reopening_and_entries_move_between_themes(
    store: SessionStore, tmp_path: Path
) -> None:
    a = challenge(store, "Group A", "No risk profiles for IPR goods")
    b = challenge(store, "Group B", "Targeting lacks indicators for fake goods")
    c = challenge(store, "Group C", "Manifest data arrives late")
    first, _ = book.create_theme(store, "Risk profiles", [a, b])
    second, _ = book.create_theme(store, "Late data", [c])
    assert first.topic_id == "risk" and first.kind == EntryKind.CHALLENGE
    book.move_entry(store, b, second.id)
    reopened = Store(tmp_path).open_session(store.id)
    themes = {t.title: t for t in book.load_themes(reopened)}
    assert themes["Risk profiles"].members == [a]
    assert set(themes["Late data"].members) == {b, c}
    book.move_entry(reopened, c, None)  # out of every theme: unthemed again
    assert book.unthemed(reopened, EntryKind.CHALLENGE, "risk") == [c]
    assert theme_of_entries(book.load_themes(reopened)) == {a: first.id, b: second.id}


def test_rename_merge_undo_and_refusals(store: SessionStore) -> None:
    a = challenge(store, "Group A", "one")
    b = challenge(store, "Group B", "two")
    s = store.add_entry(EntryKind.SOLUTION, "risk", "Group A", "a solution").id
    keep, _ = book.create_theme(store, "One", [a])
    other, _ = book.create_theme(store, "Two", [b])
    change = book.rename_theme(store, keep.id, "  First   theme ")
    assert book.get_theme(store, keep.id).title == "First theme"
    book.undo(store, change)
    assert book.get_theme(store, keep.id).title == "One"
    merged = book.merge_themes_into(store, keep.id, other.id)
    assert set(book.get_theme(store, keep.id).members) == {a, b}
    assert [t.id for t in book.load_themes(store)] == [keep.id]
    book.undo(store, merged)
    assert {t.id for t in book.load_themes(store)} == {keep.id, other.id}
    with pytest.raises(book.ThemeError):
        book.rename_theme(store, keep.id, "   ")
    with pytest.raises(book.ThemeError):
        book.create_theme(store, "Mixed", [a, s])
    with pytest.raises(book.ThemeError):
        book.move_entry(store, s, keep.id)


def test_plenary_dots_per_group_and_ranking(store: SessionStore) -> None:
    ids = [challenge(store, "Group A", f"challenge {i}") for i in range(3)]
    themes = [book.create_theme(store, f"T{i}", [ids[i]])[0] for i in range(3)]
    book.set_dots_per_group(store, 2)
    book.vote(store, themes[1].id, "Group A", 1)
    book.vote(store, themes[1].id, "Group B", 1)
    book.vote(store, themes[2].id, "Group A", 1)
    with pytest.raises(book.ThemeError, match="used all 2 dots"):
        book.vote(store, themes[0].id, "Group A", 1)
    with pytest.raises(book.ThemeError):
        book.vote(store, themes[0].id, "Group C", -1)
    assert [t.title for t in ranking(book.load_themes(store))] == ["T1", "T2", "T0"]
    assert book.get_theme(store, themes[1].id).votes == {"Group A": 1, "Group B": 1}


def test_consolidating_actions_marks_the_originals_and_undo_clears_them(
    store: SessionStore,
) -> None:
    a = challenge(store, "Group A", "No risk profiles for IPR goods")
    b = challenge(store, "Group B", "No indicators for fakes")
    act_a = store.add_entry(
        EntryKind.ACTION,
        "risk",
        "Group A",
        "Draft IPR risk profiles",
        links=[a],
        action=ActionFields(owner="Risk unit head", unit="Risk unit", due="2027-03-01"),
    )
    act_b = store.add_entry(
        EntryKind.ACTION,
        "risk",
        "Group B",
        "Write indicators for fake goods",
        links=[b],
        action=ActionFields(owner="Ms Sari", level=ActionLevel.INDIVIDUAL, due="2027-01-15"),
    )
    lone = store.add_entry(EntryKind.ACTION, "legal", "Group C", "Amend the customs law")
    theme, _ = book.create_theme(store, "Risk profiles", [a, b])
    assert [e.id for e in plan.theme_actions(store, theme)] == [act_a.id, act_b.id]
    made = plan.consolidate(
        store, theme.id, [act_a.id, act_b.id], text="One national set of IPR risk profiles"
    )
    merged = store.get(made.consolidated.id)
    assert merged.group == plan.PLENARY_GROUP and merged.topic_id == "risk"
    assert merged.action is not None
    assert (merged.action.owner, merged.action.unit, merged.action.due) == (
        "Risk unit head",
        "Risk unit",
        "2027-01-15",
    )
    assert merged.action.level == ActionLevel.INSTITUTIONAL
    assert merged.action.partners == ["Ms Sari"]
    assert merged.links == [a, b] and merged.action.theme == theme.id
    for original in (act_a, act_b):
        fields = store.get(original.id).action
        assert fields is not None and fields.merged_into == merged.id
    assert plan.action_label(store, merged) == "A1"
    assert [e.id for e in plan.consolidated_plan(store)] == [merged.id, lone.id]
    with pytest.raises(book.ThemeError):
        plan.consolidate(store, theme.id, [act_a.id, lone.id], text="again")
    plan.undo_consolidation(store, merged.id)
    assert store.get(merged.id).deleted
    assert all(store.get(i).action.merged_into == "" for i in (act_a.id, act_b.id))  # type: ignore[union-attr]
    assert [e.id for e in plan.consolidated_plan(store)] == [act_a.id, act_b.id, lone.id]


def test_a_damaged_theme_record_is_reported_by_file_and_field(store: SessionStore) -> None:
    a = challenge(store, "Group A", "one")
    book.create_theme(store, "One", [a])
    data = json.loads(store.path.read_text())
    doc = next(iter(data["themes"].values()))
    doc["members"] = "not a list"
    store.path.write_text(json.dumps(data))
    with pytest.raises(CorruptDataError, match=r"themes\[.*members must be a list"):
        book.load_themes(store)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prints_suggestions_and_accepted_themes_as_json(
    store: SessionStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = challenge(store, "Group A", "No risk profiles for IPR goods in the targeting system")
    b = challenge(store, "Group B", "Targeting lacks indicators for fake branded goods")
    challenge(store, "Group C", "The scanner at the port breaks down often")
    c = challenge(store, "Group C", "Counterfeit products are not covered by risk indicators")
    challenge(store, "Group A", "Risk indicators for counterfeits", topic="legal")
    data = str(tmp_path)
    code, out, _ = _cli(
        capsys,
        "--data-dir",
        data,
        "themes",
        store.id,
        "--topic",
        "risk",
        "--kind",
        "challenge",
        "--suggest",
        "--json",
    )
    assert code == 0
    suggestions = json.loads(out)
    assert [s["entries"] for s in suggestions] == [[a, b, c]]
    assert set(suggestions[0]) == {"title", "entries", "shared_words"}
    assert (
        _cli(capsys, "--data-dir", data, "themes", store.id, "--suggest", "--json")[1]
        == _cli(capsys, "--data-dir", data, "themes", store.id, "--suggest", "--json")[1]
    )
    theme, _ = book.create_theme(store, suggestions[0]["title"], [a, b, c])
    book.vote(store, theme.id, "Group B", 1)
    code, out, _ = _cli(capsys, "--data-dir", data, "themes", store.id, "--json")
    assert json.loads(out) == [
        {
            "id": theme.id,
            "title": theme.title,
            "kind": "challenge",
            "topic": "risk",
            "entries": [a, b, c],
            "groups": ["Group A", "Group B", "Group C"],
            "votes": {"Group B": 1},
            "dots": 1,
        }
    ]
    code, _, err = _cli(capsys, "--data-dir", data, "themes", store.id, "--topic", "nope")
    assert code == 1 and err.count("\n") == 1 and "no topic 'nope'" in err
