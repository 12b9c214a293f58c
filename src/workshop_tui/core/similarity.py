"""Near-duplicate entries across groups for one topic (for the plenary side-by-side view).

Measure (documented in ``docs/plenary.md``): token-set Jaccard similarity — the folded
words of each text, minus stopwords and words of one or two letters, compared as sets:
``|A ∩ B| / |A ∪ B|``. Two entries of the same kind from different groups are near
duplicates when the similarity is at least :data:`THRESHOLD`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshop_tui.core.model import Entry
from workshop_tui.core.textnorm import words

THRESHOLD = 0.5

STOPWORDS = frozenset(
    """
    a an and are as at be been being but by can could do does for from had has have how in
    into is it its may more most must no not of on or our shall should so such than that the
    their them then there these they this those to too under up us very was we were what when
    where which while who will with within would all any each other some also via per
    """.split()
)


def tokens(text: str) -> frozenset[str]:
    """The word set compared by :func:`similarity`."""
    return frozenset(w for w in words(text) if len(w) > 2 and w not in STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(text_a: str, text_b: str) -> float:
    """Token-set Jaccard similarity of two texts, 0.0 … 1.0."""
    return jaccard(tokens(text_a), tokens(text_b))


@dataclass(frozen=True)
class NearDuplicate:
    first: str  # entry id
    second: str  # entry id
    score: float


def near_duplicates(entries: Iterable[Entry], threshold: float = THRESHOLD) -> list[NearDuplicate]:
    """Pairs of same-kind entries from DIFFERENT groups at or above ``threshold``."""
    items = [(e, tokens(e.text)) for e in entries if not e.deleted]
    pairs: list[NearDuplicate] = []
    for i, (a, ta) in enumerate(items):
        for b, tb in items[i + 1 :]:
            if a.group == b.group or a.kind != b.kind:
                continue
            score = jaccard(ta, tb)
            if score >= threshold:
                pairs.append(NearDuplicate(a.id, b.id, round(score, 3)))
    return pairs


def duplicate_partners(
    entries: Iterable[Entry], threshold: float = THRESHOLD
) -> dict[str, list[str]]:
    """For each entry that has near duplicates: the ids of those entries."""
    partners: dict[str, list[str]] = {}
    for pair in near_duplicates(entries, threshold):
        partners.setdefault(pair.first, []).append(pair.second)
        partners.setdefault(pair.second, []).append(pair.first)
    return partners
