"""Plenary (report-back) figures: the topic × group grid and the chart series.

Pure functions of a session's live entries, shared by the plenary screen and the tests.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workshop_tui.core.model import ActionLevel, ActionStatus, Entry, EntryKind
from workshop_tui.core.store import SessionStore


@dataclass(frozen=True)
class Cell:
    """Counts for one topic and one group."""

    topic_id: str
    group: str
    challenges: int = 0
    solutions: int = 0
    actions: int = 0
    votes: int = 0  # dot votes on the cell's challenges and solutions

    @property
    def label(self) -> str:
        return f"{self.challenges}/{self.solutions}/{self.actions}"

    @property
    def total(self) -> int:
        return self.challenges + self.solutions + self.actions


@dataclass(frozen=True)
class Grid:
    topics: list[tuple[str, str]]  # (id, title) in agenda order
    groups: list[str]
    cells: dict[tuple[str, str], Cell]

    def cell(self, topic_id: str, group: str) -> Cell:
        return self.cells.get((topic_id, group), Cell(topic_id, group))

    def topic_actions(self, topic_id: str) -> int:
        return sum(self.cell(topic_id, g).actions for g in self.groups)

    def topic_votes(self, topic_id: str) -> int:
        return sum(self.cell(topic_id, g).votes for g in self.groups)


def side_by_side_order(entries: list[Entry], *, by_votes: bool) -> list[Entry]:
    """One group's entries of one kind as the side-by-side view lists them: in their pane's
    order, or with the most dot votes first (ties keep the pane's order)."""
    ordered = sorted(entries, key=lambda e: e.position)
    if by_votes:
        ordered.sort(key=lambda e: -e.vote_count)
    return ordered


def build_grid(store: SessionStore) -> Grid:
    """Challenge / solution / action counts and dot votes per topic and group (live entries
    only)."""
    agenda = store.session.agenda
    entries = store.entries()
    counts: Counter[tuple[str, str, EntryKind]] = Counter(
        (e.topic_id, e.group, e.kind) for e in entries
    )
    votes: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        votes[(entry.topic_id, entry.group)] += entry.vote_count
    groups = agenda.group_names
    cells = {
        (t.id, g): Cell(
            t.id,
            g,
            counts[(t.id, g, EntryKind.CHALLENGE)],
            counts[(t.id, g, EntryKind.SOLUTION)],
            counts[(t.id, g, EntryKind.ACTION)],
            votes[(t.id, g)],
        )
        for t in agenda.topics
        for g in groups
    }
    return Grid(topics=[(t.id, t.title) for t in agenda.topics], groups=groups, cells=cells)


@dataclass(frozen=True)
class ChartData:
    """Series for the plenary charts: labels and values in display order."""

    topic_labels: list[str]
    topic_counts: list[int]  # challenges + solutions + actions per topic
    group_labels: list[str]
    group_counts: list[int]
    status_labels: list[str]
    status_counts: list[int]
    level_labels: list[str]
    level_counts: list[int]


def chart_data(store: SessionStore) -> ChartData:
    """Entries per topic and per group; actions by status and by level."""
    grid = build_grid(store)
    actions: list[Entry] = store.entries(kind=EntryKind.ACTION)
    by_status = Counter(e.action.status for e in actions if e.action)
    by_level = Counter(e.action.level for e in actions if e.action)
    return ChartData(
        topic_labels=[tid for tid, _ in grid.topics],
        topic_counts=[sum(grid.cell(tid, g).total for g in grid.groups) for tid, _ in grid.topics],
        group_labels=list(grid.groups),
        group_counts=[sum(grid.cell(tid, g).total for tid, _ in grid.topics) for g in grid.groups],
        status_labels=[s.label for s in ActionStatus],
        status_counts=[by_status[s] for s in ActionStatus],
        level_labels=[lv.value for lv in ActionLevel],
        level_counts=[by_level[lv] for lv in ActionLevel],
    )


def parking_lot(store: SessionStore) -> list[Entry]:
    """Every live parking-lot item of the session (each is kept per topic × group), in agenda
    order: by topic, then group, then the pane's order."""
    agenda = store.session.agenda
    topic_rank = {t.id: i for i, t in enumerate(agenda.topics)}
    group_rank = {g: i for i, g in enumerate(agenda.group_names)}
    return sorted(
        store.entries(kind=EntryKind.PARKING),
        key=lambda e: (
            topic_rank.get(e.topic_id, len(topic_rank)),
            group_rank.get(e.group, len(group_rank)),
            e.group,
            e.position,
        ),
    )
