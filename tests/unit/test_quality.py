"""Action quality checks: each rule alone, the vague-wording rule's edges, grid gaps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from plenary_sample import TODAY, build

from workshop_tui.core.model import ActionFields, ActionStatus, Entry, EntryKind, Timeframe
from workshop_tui.core.quality import (
    BAD_DUE,
    NO_DUE,
    NO_INDICATOR,
    NO_OWNER,
    OVERDUE,
    UNLINKED,
    VAGUE,
    check_action,
    check_session,
    grid_gaps,
    vague_phrase,
)

GOOD = ActionFields(owner="Ana", unit="Legal", due="2026-12-31", indicator="Draft tabled")


def action(
    text: str = "Draft a recordation procedure",
    fields: ActionFields = GOOD,
    links: list[str] | None = None,
) -> Entry:
    return Entry(
        EntryKind.ACTION,
        "legal",
        "Group A",
        text,
        links=["s1"] if links is None else links,
        action=fields,
    )


def codes(entry: Entry, today: dt.date = TODAY, live: set[str] | None = None) -> list[str]:
    return [w.code for w in check_action(entry, today, live_ids=live)]


def test_a_complete_concrete_action_has_no_warning() -> None:
    assert check_action(action(), TODAY) == []


def test_non_actions_are_not_checked() -> None:
    assert check_action(Entry(EntryKind.CHALLENGE, "legal", "A", "improve things"), TODAY) == []


@pytest.mark.parametrize(
    ("fields", "code", "words"),
    [
        (ActionFields(unit="Legal", due="2026-12-31", indicator="x"), NO_OWNER, "unit: Legal"),
        (ActionFields(due="2026-12-31", indicator="x"), NO_OWNER, "no owner or responsible unit"),
        (ActionFields(owner="Ana", indicator="x"), NO_DUE, "no due date or timeframe"),
        (ActionFields(owner="Ana", due="31/12/2026", indicator="x"), BAD_DUE, "YYYY-MM-DD"),
        (ActionFields(owner="Ana", due="2026-05-30", indicator="x"), OVERDUE, "2 days ago"),
        (ActionFields(owner="Ana", due="2026-12-31"), NO_INDICATOR, "success indicator"),
    ],
)
def test_each_missing_field_gives_its_own_warning(
    fields: ActionFields, code: str, words: str
) -> None:
    warnings = check_action(action(fields=fields), TODAY)
    assert [w.code for w in warnings] == [code]
    assert words in warnings[0].message


def test_a_timeframe_stands_in_for_a_due_date() -> None:
    fields = ActionFields(owner="Ana", timeframe=Timeframe.MEDIUM, indicator="x")
    assert codes(action(fields=fields)) == []


def test_overdue_only_while_the_action_is_open() -> None:
    for status, expected in [
        (ActionStatus.OPEN, [OVERDUE]),
        (ActionStatus.IN_PROGRESS, [OVERDUE]),
        (ActionStatus.DONE, []),
        (ActionStatus.DROPPED, []),
    ]:
        fields = ActionFields(owner="Ana", due="2026-05-31", indicator="x", status=status)
        assert codes(action(fields=fields)) == expected, status


def test_due_today_is_not_overdue() -> None:
    fields = ActionFields(owner="Ana", due=TODAY.isoformat(), indicator="x")
    assert codes(action(fields=fields)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Improve recordation",
        "improve cooperation with right holders",
        "Strengthen information-sharing",
        "Raise awareness among officers",
        "RAISE  AWARENESS of counterfeiting",
        "Enhanced cooperation",
        "Promoting IPR enforcement",
        "Look into the problem",
        "Consider better risk profiling",
        "Ensure that officers are informed",
        "Améliorer: ÉNHANCE la coopération",  # accents and case do not hide the verb
    ],
)
def test_vague_wording_is_flagged(text: str) -> None:
    assert vague_phrase(text) is not None
    assert VAGUE in codes(action(text))


@pytest.mark.parametrize(
    "text",
    [
        "Draft a recordation procedure for right holders' trademarks",  # no vague verb
        "Improve recordation by publishing a procedure",  # deliverable noun
        "Strengthen cooperation through an MoU with right holders",
        "Raise awareness with 3 training sessions",  # a number
        "Improve risk profiles by March",  # a date word
        "Support the customs academy with a checklist for officers",
        "Promote the new guidelines",  # plural deliverable
        "Enhance the recordation database",
    ],
)
def test_measurable_wording_is_not_vague(text: str) -> None:
    assert vague_phrase(text) is None
    assert VAGUE not in codes(action(text))


def test_vague_needs_the_whole_word() -> None:
    # "supportive" and "ensured" contain vague words only as prefixes of other words
    assert vague_phrase("Draft supporting documents") is not None  # inflection counts
    assert vague_phrase("Mayor's supportive letter") is None
    assert vague_phrase("Reconsider nothing") is None


def test_unlinked_action_and_links_to_deleted_entries() -> None:
    assert codes(action(links=[])) == [UNLINKED]
    assert codes(action(links=["gone"]), live={"other"}) == [UNLINKED]
    assert codes(action(links=["s1"]), live={"s1"}) == []


def test_carried_over_action_counts_as_linked() -> None:
    fields = ActionFields(
        owner="Ana", due="2026-12-31", indicator="x", carried_from={"session": "s", "entry": "e"}
    )
    assert codes(action(fields=fields, links=[])) == []


def test_check_session_and_grid_gaps(tmp_path: Path) -> None:
    _, _, current = build(tmp_path)
    warnings = check_session(current, TODAY)
    by_text = {current.get(i).text: sorted(w.code for w in ws) for i, ws in warnings.items()}
    assert by_text == {
        "Draft an amendment to article 12 of the customs law": [],
        "Improve cooperation with the courts": sorted(
            [NO_OWNER, NO_DUE, NO_INDICATOR, VAGUE, UNLINKED]
        ),
        "Publish the online recordation form": [OVERDUE],
        "Raise awareness among officers": sorted([NO_INDICATOR, VAGUE]),
    }
    gaps = grid_gaps(current)
    assert gaps.cells == [
        ("legal", "Group C"),
        ("recordation", "Group A"),
        ("recordation", "Group B"),
        ("training", "Group A"),
        ("training", "Group C"),
    ]
    assert gaps.topics == []
    current.delete_entry(
        next(e.id for e in current.entries(kind=EntryKind.ACTION, topic_id="training"))
    )
    assert grid_gaps(current).topics == ["training"]


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Meningkatkan koordinasi dengan pemegang hak", "meningkatkan"),
        ("Memperkuat kerja sama antarinstansi", "memperkuat"),
        ("Menyusun SOP penegahan barang", None),
        ("Memperkuat rekordasi melalui surat edaran", None),  # a deliverable
        ("Meningkatkan pelatihan HKI pada Juni 2027", None),  # a date
    ],
)
def test_vague_wording_in_indonesian(text: str, vague: str | None) -> None:
    assert vague_phrase(text) == vague


def test_a_session_checked_again_reuses_each_text_s_vague_phrase(tmp_path: Path) -> None:
    """The plenary and the action list check every action again after each change: a text
    already seen is not folded and searched again (the answer is the text's alone)."""
    _store, _earlier, current = build(tmp_path)
    first = check_session(current, TODAY)
    before = vague_phrase.cache_info()
    again = check_session(current, TODAY)
    after = vague_phrase.cache_info()
    assert again == first
    assert after.hits - before.hits == len(first)
    assert after.misses == before.misses
