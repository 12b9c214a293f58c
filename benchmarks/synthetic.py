"""Synthetic workshop history for the benchmark: realistic sessions built through the store API.

Sessions are written with :meth:`SessionStore.save_entries` (one durable write per session), so
the files on disk are exactly what the app writes, and a 1,000 × 200 history takes seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    Entry,
    EntryKind,
    Priority,
    Session,
)
from workshop_tui.core.store import SessionStore, Store

TOPICS = (
    ("legal", "Legal framework"),
    ("procedures", "Operational procedures"),
    ("risk", "Risk analysis"),
    ("recordation", "Information recordation at customs"),
    ("sharing", "Information-sharing among customs officers"),
    ("rightholders", "Cooperation with right holders"),
    ("training", "IPR training programmes"),
)
GROUPS = ("Group A", "Group B", "Group C", "Plenary")
WORDS = (
    "customs recordation right holders trademark counterfeit goods border detention "
    "risk profile container manifest seizure destruction training module officers "
    "information sharing database procedure TRIPS ex officio application suspension "
    "samples expert examination importer declaration port airport postal parcels "
    # some entries are not plain ASCII, as in a real workshop's notes
    "coopération contrefaçon déclaration aduanas marcas"
).split()
OWNERS = ("Head of IPR unit", "Risk analysis unit", "Training academy", "Legal department")


def sample_agenda(name: str = "bench-agenda") -> Agenda:
    """The reference workshop's seven topics and four groups."""
    return Agenda(
        title="National workshop on IPR border enforcement",
        topics=tuple(
            Topic(id=tid, title=title, questions=("What blocks us?",)) for tid, title in TOPICS
        ),
        groups=tuple(Group(g) for g in GROUPS),
        name=name,
    )


def _text(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words)).capitalize()


def make_entries(rng: random.Random, count: int, start: dt.datetime) -> list[Entry]:
    """``count`` entries: challenges, solutions linked to them, actions linked to solutions."""
    entries: list[Entry] = []
    challenges: list[str] = []
    solutions: list[str] = []
    kinds = (EntryKind.CHALLENGE, EntryKind.SOLUTION, EntryKind.ACTION, EntryKind.NOTE)
    weights = (4, 4, 3, 1)
    for i in range(count):
        kind = rng.choices(kinds, weights)[0]
        stamp = (start + dt.timedelta(seconds=20 * i)).isoformat(timespec="microseconds")
        links: list[str] = []
        action = None
        if kind == EntryKind.SOLUTION and challenges:
            links = [rng.choice(challenges)]
        elif kind == EntryKind.ACTION:
            links = [rng.choice(solutions)] if solutions else []
            action = ActionFields(
                owner=rng.choice(OWNERS),
                level=rng.choice(list(ActionLevel)),
                due=(start.date() + dt.timedelta(days=rng.randint(30, 365))).isoformat(),
                priority=rng.choice(list(Priority)),
                status=rng.choice(list(ActionStatus)),
                indicator=_text(rng, 6),
                partners=["right holders"] if rng.random() < 0.3 else [],
            )
        entry = Entry(
            kind=kind,
            topic_id=rng.choice(TOPICS)[0],
            group=rng.choice(GROUPS),
            text=_text(rng, rng.randint(6, 25)),
            author="scribe",
            created=stamp,
            links=links,
            votes={rng.choice(GROUPS): rng.randint(1, 3)} if rng.random() < 0.3 else {},
            position=float(i + 1),
            action=action,
        )
        entries.append(entry)
        if kind == EntryKind.CHALLENGE:
            challenges.append(entry.id)
        elif kind == EntryKind.SOLUTION:
            solutions.append(entry.id)
    return entries


def build_session(
    store: Store, agenda: Agenda, rng: random.Random, entries: int, started: dt.datetime
) -> SessionStore:
    """One session with ``entries`` entries, written in one durable batch."""
    session = Session(
        title=f"Workshop {started:%Y-%m-%d}",
        agenda=agenda,
        facilitator="Facilitator",
        agenda_source=agenda.name,
        started=started.isoformat(timespec="microseconds"),
    )
    session_store = store.add_session(session)
    session_store.save_entries(make_entries(rng, entries, started))
    return session_store


def build_history(data_dir: Path, sessions: int, entries: int, seed: int = 7) -> Store:
    """A data dir with ``sessions`` past sessions of ``entries`` entries each."""
    store = Store(data_dir)
    agenda = sample_agenda()
    rng = random.Random(seed)
    first = dt.datetime(2020, 1, 6, 9, 0, tzinfo=dt.UTC)
    for i in range(sessions):
        session_store = build_session(store, agenda, rng, entries, first + dt.timedelta(days=2 * i))
        session_store.close()
        store._open.pop(session_store.path.stem, None)  # keep memory flat while generating
    return store
