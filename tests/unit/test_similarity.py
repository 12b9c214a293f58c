"""Near-duplicate marking: the Jaccard measure, stopwords, groups and kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from plenary_sample import build

from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.similarity import (
    THRESHOLD,
    duplicate_partners,
    near_duplicates,
    similarity,
    tokens,
)


def e(group: str, text: str, kind: EntryKind = EntryKind.SOLUTION, id: str = "") -> Entry:
    return Entry(kind, "legal", group, text, id=id or f"{group}:{text}")


def test_tokens_drop_stopwords_short_words_and_accents() -> None:
    assert tokens("The Customs LAW of a café") == frozenset({"customs", "law", "cafe"})


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Amend the customs law", "amend customs law", 1.0),
        ("Amend the customs law", "Amend the penal code", 1 / 5),
        ("", "anything", 0.0),
        ("the of and", "the of and", 0.0),  # only stopwords: nothing to compare
    ],
)
def test_similarity_is_token_set_jaccard(a: str, b: str, expected: float) -> None:
    assert similarity(a, b) == pytest.approx(expected)


def test_only_same_kind_from_different_groups() -> None:
    entries = [
        e("A", "Online recordation form for right holders"),
        e("B", "An online form for recordation by right holders"),
        e("A", "Online recordation form for right holders please"),  # same group: not marked
        e("C", "Online recordation form for right holders", kind=EntryKind.CHALLENGE),  # other kind
        e("C", "Train the trainers"),
    ]
    pairs = near_duplicates(entries)
    assert [(p.first, p.second) for p in pairs] == [
        (entries[0].id, entries[1].id),
        (entries[1].id, entries[2].id),
    ]
    assert all(p.score >= THRESHOLD for p in pairs)
    partners = duplicate_partners(entries)
    assert partners == {
        entries[0].id: [entries[1].id],
        entries[1].id: [entries[0].id, entries[2].id],
        entries[2].id: [entries[1].id],
    }


def test_deleted_entries_are_ignored() -> None:
    a, b = e("A", "Amend the customs law"), e("B", "Amend customs law")
    b.deleted = True
    assert near_duplicates([a, b]) == []


def test_sample_session_marks_the_two_amendment_solutions(tmp_path: Path) -> None:
    _, _, current = build(tmp_path)
    partners = duplicate_partners(current.entries(topic_id="legal"))
    assert partners == {"20260003-so": ["20260004-so"], "20260004-so": ["20260003-so"]}
