"""Pairwise precision, recall and F1 of theme suggestions against labelled themes.

Every pair of entries in one set counts: a *predicted* pair is two entries in one suggestion,
a *gold* pair two entries with the same labelled theme (noise entries have none). Precision is
the share of predicted pairs that are gold, recall the share of gold pairs predicted; pair
counts are added over sets before dividing (micro average). Used by the tests and by
``benchmarks/themes_quality.py`` for the figures in docs/themes.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class PairCounts:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(
            self.true_positive + other.true_positive,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(clusters: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for c in clusters for pair in combinations(sorted(set(c)), 2)}


def pair_counts(predicted: Iterable[Sequence[str]], gold: Mapping[str, str | None]) -> PairCounts:
    """Pair counts of ``predicted`` clusters (entry ids) against ``gold`` (id → theme or
    None for noise)."""
    by_theme: dict[str, list[str]] = {}
    for entry_id, theme in gold.items():
        if theme is not None:
            by_theme.setdefault(theme, []).append(entry_id)
    gold_pairs = _pairs(by_theme.values())
    predicted_pairs = _pairs(predicted)
    return PairCounts(len(gold_pairs & predicted_pairs), len(predicted_pairs), len(gold_pairs))
