"""A history of many sessions for the sessions browser, the register and the CLI tests.

Deterministic: ids, dates and counts are fixed. Session ``i`` starts on ``START + 17*i``
days, lasts ``i % 4`` days, and ends unless ``i % 5 == 0``; facilitators, locations and
agendas rotate so every filter has something to find.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import ActionFields, ActionStatus, Entry, EntryKind, Session
from workshop_tui.core.store import Store

START = dt.date(2023, 1, 9)
FACILITATORS = ("Siti Rahma", "Budi Santoso", "Ana Lopes")
LOCATIONS = ("Jakarta", "Surabaya", "Batam port")


def agenda(name: str) -> Agenda:
    retro = name == "retro"
    return Agenda(
        title="Team retrospective" if retro else "IPR border enforcement",
        name=name,
        topics=(
            (Topic("well", "What went well"), Topic("better", "What to improve"))
            if retro
            else (
                Topic("legal", "Legal framework"),
                Topic("recordation", "Information recordation at customs"),
            )
        ),
        groups=(Group("Group A"), Group("Group B")),
    )


def session_id(i: int) -> str:
    return f"{i:08d}-0000-4000-8000-000000000000"


def started(i: int) -> dt.date:
    return START + dt.timedelta(days=17 * i)


def build(data_dir: Path, count: int = 40, entries: int = 0) -> Store:
    """``count`` sessions; with ``entries`` > 0 each has that many challenges (3-digit
    counts make squashed columns visible) and a few actions."""
    store = Store(data_dir)
    for i in range(count):
        day = started(i)
        name = "retro" if i % 3 == 2 else "ipr"
        ended = "" if i % 5 == 0 else f"{day + dt.timedelta(days=i % 4)}T16:00:00+00:00"
        session = Session(
            id=session_id(i),
            title=f"Workshop {i:02d} {day:%b %Y}",
            agenda=agenda(name),
            facilitator=FACILITATORS[i % 3],
            location=LOCATIONS[(i // 2) % 3],
            agenda_source=name,
            started=f"{day}T09:00:00+00:00",
            ended=ended,
        )
        topic = session.agenda.topics[0].id
        batch = [
            Entry(
                id=f"{i:04d}-c{n:04d}",
                kind=EntryKind.CHALLENGE,
                topic_id=topic,
                group="Group A",
                text=f"Challenge {n} of workshop {i}",
                created=f"{day}T09:30:00+00:00",
                position=float(n),
            )
            for n in range(entries)
        ]
        if entries:
            batch += [
                Entry(
                    id=f"{i:04d}-a{n}",
                    kind=EntryKind.ACTION,
                    topic_id=topic,
                    group="Group B",
                    text=f"Action {n} of workshop {i}",
                    created=f"{day}T10:00:00+00:00",
                    position=float(n),
                    action=ActionFields(
                        owner="Ana", status=ActionStatus.OPEN if n else ActionStatus.DONE
                    ),
                )
                for n in range(3)
            ]
        store.add_session(session, batch)
    return store
