"""Compare two workshops side by side: per topic and per group, the counts of challenges,
solutions and actions, the top-voted challenges, and how many actions were done.

Topics are matched by id, then by title (case and accents ignored), so two runs of the same
or a similar agenda line up; a topic only one workshop had is shown with an empty other side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop_tui.core.model import ActionStatus, Entry, EntryKind, Session
from workshop_tui.core.store import SessionStore
from workshop_tui.core.textnorm import fold

TOP = 3  # top-voted challenges shown per topic


@dataclass(frozen=True)
class Side:
    """One workshop's part of a row (a topic, a group, or everything)."""

    challenges: int = 0
    solutions: int = 0
    actions: int = 0
    done: int = 0
    open: int = 0  # open or in progress
    top: tuple[tuple[str, int], ...] = ()  # top-voted challenges: (text, dots)

    @property
    def completion(self) -> float | None:
        """Share of the actions that are done (None without actions)."""
        return self.done / self.actions if self.actions else None


@dataclass(frozen=True)
class Row:
    label: str
    a: Side
    b: Side


@dataclass
class Comparison:
    a: Session
    b: Session
    topics: list[Row] = field(default_factory=list)
    groups: list[Row] = field(default_factory=list)
    total: Row = field(default_factory=lambda: Row("", Side(), Side()))

    @property
    def same_agenda(self) -> bool:
        return bool(self.a.agenda.name) and self.a.agenda.name == self.b.agenda.name


def _side(entries: Iterable[Entry]) -> Side:
    challenges: list[Entry] = []
    solutions = actions = done = still_open = 0
    for e in entries:
        if e.kind == EntryKind.CHALLENGE:
            challenges.append(e)
        elif e.kind == EntryKind.SOLUTION:
            solutions += 1
        elif e.kind == EntryKind.ACTION:
            actions += 1
            status = e.action.status if e.action else ActionStatus.OPEN
            done += status == ActionStatus.DONE
            still_open += status.is_open
    voted = sorted(
        (e for e in challenges if e.vote_count), key=lambda e: (-e.vote_count, e.created)
    )
    return Side(
        challenges=len(challenges),
        solutions=solutions,
        actions=actions,
        done=done,
        open=still_open,
        top=tuple((" ".join(e.text.split()), e.vote_count) for e in voted[:TOP]),
    )


def _topic_keys(session: Session) -> dict[str, str]:
    return {t.id: t.title for t in session.agenda.topics}


def compare(a: SessionStore, b: SessionStore) -> Comparison:
    """Compare two sessions (see the module doc)."""
    sa, sb = a.session, b.session
    ea = [e for e in a.entries() if not e.deleted]
    eb = [e for e in b.entries() if not e.deleted]
    result = Comparison(sa, sb)
    titles_a, titles_b = _topic_keys(sa), _topic_keys(sb)
    by_title_b = {fold(title): tid for tid, title in titles_b.items()}
    pairs: list[tuple[str, str | None, str | None]] = []  # (label, topic in a, topic in b)
    matched_b: set[str] = set()
    for tid, title in titles_a.items():
        other = tid if tid in titles_b else by_title_b.get(fold(title))
        if other is not None:
            matched_b.add(other)
        pairs.append((title, tid, other))
    pairs += [(title, None, tid) for tid, title in titles_b.items() if tid not in matched_b]
    for label, ta, tb in pairs:
        result.topics.append(
            Row(
                label,
                _side(e for e in ea if e.topic_id == ta) if ta else Side(),
                _side(e for e in eb if e.topic_id == tb) if tb else Side(),
            )
        )
    groups = list(sa.agenda.group_names)
    groups += [g for g in sb.agenda.group_names if g not in groups]
    for group in groups:
        result.groups.append(
            Row(
                group,
                _side(e for e in ea if e.group == group),
                _side(e for e in eb if e.group == group),
            )
        )
    result.total = Row("", _side(ea), _side(eb))
    return result


__all__ = ["TOP", "Comparison", "Row", "Side", "compare"]
