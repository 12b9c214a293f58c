"""Hypothesis strategies for valid session bundles over the whole range of the schema, and
helpers that import a bundle and run every export on it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from workshop_tui.core.export import EXPORTERS, ExportError, ExportOptions, export
from workshop_tui.core.model import ActionLevel, ActionStatus, EntryKind, Priority, Timeframe
from workshop_tui.core.schema import BUNDLE_FORMAT
from workshop_tui.core.schema.session_format import MAX_POSITION, MAX_VOTES
from workshop_tui.core.store import Store

#: any Unicode the schema allows: hypothesis leaves out lone surrogates, as the schema does;
#: control characters, right-to-left and combining marks, emoji and "" all come up
texts = st.text(max_size=30)
ids = st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)
uuids = st.uuids().map(str)
any_id = st.one_of(uuids, ids)

_offsets = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)


def _spelled(moment: dt.datetime, style: int) -> str:
    if style == 0:
        return moment.isoformat(timespec="microseconds")
    if style == 1:
        return moment.isoformat(timespec="seconds")
    if style == 2 and moment.utcoffset() == dt.timedelta(0):
        return moment.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"
    return moment.isoformat()


#: times with a zone, years 1000 to 9998 (the schema's range), at the ends too
times = st.builds(
    _spelled,
    st.builds(
        lambda d, tz: d.replace(tzinfo=tz),
        st.one_of(
            st.datetimes(dt.datetime(1000, 1, 1), dt.datetime(9998, 12, 31, 23, 59, 59)),
            st.sampled_from(
                [dt.datetime(1000, 1, 1), dt.datetime(9998, 12, 31, 23, 59, 59, 999999)]
            ),
        ),
        st.one_of(_offsets, st.just(dt.UTC)),
    ),
    st.integers(0, 3),
)
dates = st.one_of(st.just(""), st.dates().map(dt.date.isoformat))


@st.composite
def agendas(draw: st.DrawFn) -> dict[str, Any]:
    topic_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    groups = draw(st.lists(texts, min_size=1, max_size=3, unique=True))
    return {
        "format": 1,
        "name": draw(texts),
        "title": draw(texts),
        "organiser": draw(texts),
        "venue": draw(texts),
        "start_date": draw(dates),
        "end_date": draw(dates),
        "description": draw(texts),
        "language": draw(st.one_of(st.sampled_from(["en", "id", "fr", ""]), texts)),
        "groups": [{"name": g, "members": draw(st.lists(texts, max_size=2))} for g in groups],
        "participants": [
            {"name": draw(texts), "organisation": draw(texts), "group": draw(texts)}
            for _ in range(draw(st.integers(0, 2)))
        ],
        "topics": [
            {
                "id": t,
                "title": draw(texts),
                "description": draw(texts),
                "questions": draw(st.lists(texts, max_size=2)),
                "timebox": draw(st.integers(1, 480)),
            }
            for t in topic_ids
        ],
        "schedule": [
            {
                "day": draw(st.integers(1, 366)),
                "start": draw(st.from_regex(r"([01]?[0-9]|2[0-3]):[0-5][0-9]", fullmatch=True)),
                "topic": draw(st.one_of(st.just(""), st.sampled_from(topic_ids))),
                "title": draw(texts),
            }
            for _ in range(draw(st.integers(0, 2)))
        ],
    }


@st.composite
def actions(draw: st.DrawFn, session_ids: list[str]) -> dict[str, Any]:
    synthesis = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "merged_into": st.one_of(st.just(""), any_id),
                "merged_from": st.lists(any_id, max_size=2),
                "theme": st.one_of(st.just(""), any_id),
            },
        )
    )
    return synthesis | {
        "owner": draw(texts),
        "unit": draw(texts),
        "level": draw(st.sampled_from([v.value for v in ActionLevel])),
        "start": draw(dates),
        "due": draw(dates),
        "timeframe": draw(st.sampled_from([None, *(v.value for v in Timeframe)])),
        "priority": draw(st.sampled_from([v.value for v in Priority])),
        "status": draw(st.sampled_from([v.value for v in ActionStatus])),
        "indicator": draw(texts),
        "verification": draw(texts),
        "partners": draw(st.lists(texts, max_size=2)),
        "resources": draw(texts),
        "notes": draw(texts),
        "carried_from": draw(
            st.one_of(st.none(), st.fixed_dictionaries({"session": any_id, "entry": any_id}))
        ),
        "reviews": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "at": times,
                        "status": st.sampled_from([v.value for v in ActionStatus]),
                        "comment": texts,
                        "session": st.sampled_from(session_ids),
                    }
                ),
                max_size=2,
            )
        ),
    }


@st.composite
def bundles(draw: st.DrawFn) -> dict[str, Any]:
    """A valid bundle document: any agenda, 0 to 6 entries of every kind (tombstones, votes,
    links, stamps, action fields at the ends of their ranges)."""
    agenda = draw(agendas())
    session_id = draw(any_id)
    topic_ids = [t["id"] for t in agenda["topics"]]
    groups = [g["name"] for g in agenda["groups"]]
    entry_ids = draw(st.lists(any_id, max_size=6, unique=True))
    entries = []
    for entry_id in entry_ids:
        kind = draw(st.sampled_from([k.value for k in EntryKind]))
        links = draw(st.lists(st.one_of(st.sampled_from(entry_ids), any_id), max_size=3))
        votes = draw(
            st.dictionaries(st.one_of(st.sampled_from(groups), texts), st.integers(0, MAX_VOTES))
        )
        entry: dict[str, Any] = {
            "id": entry_id,
            "kind": kind,
            "topic_id": draw(st.one_of(st.sampled_from(topic_ids), ids)),
            "group": draw(st.one_of(st.sampled_from(groups), texts)),
            "text": draw(texts),
            "author": draw(texts),
            "created": draw(times),
            "updated": draw(times),
            "links": links,
            "votes": votes,
            "position": draw(
                st.floats(-MAX_POSITION, MAX_POSITION, allow_nan=False) | st.integers(-5, 5)
            ),
            "deleted": draw(st.booleans()),
            "action": (
                draw(actions([session_id])) if kind == "action" or draw(st.booleans()) else None
            ),
            "stamps_base": draw(st.one_of(st.just(""), times)),
        }
        if draw(st.booleans()):
            entry["vote_stamps"] = {voter: draw(times) for voter in votes}
            entry["link_stamps"] = {target: draw(times) for target in links}
        elif links and entry["updated"].startswith("1000-01-01T00:00:00"):
            # links without stamps get them one microsecond apart back from ``updated``:
            # at the very start of the range they would fall out of it (refused, tested)
            entry["updated"] = "1000-01-01T00:00:01+00:00"
        entries.append(entry)
    return {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "exported": draw(times),
        "generator": draw(texts),
        "session": {
            "id": session_id,
            "title": draw(texts),
            "agenda": agenda,
            "facilitator": draw(texts),
            "location": draw(texts),
            "agenda_source": draw(texts),
            "started": draw(times),
            "ended": draw(st.one_of(st.just(""), times)),
            "updated": draw(times),
            "follow_up_of": draw(st.one_of(st.just(""), any_id)),
            "votes_per_group": draw(st.integers(0, MAX_VOTES)),
        },
        "entries": entries,
        "state": draw(st.one_of(st.just({}), st.fixed_dictionaries({"topic": texts}))),
    }


def write(path: Path, document: Any) -> Path:
    """The document as a bundle file (as ``json`` writes it: NaN and lone surrogates too)."""
    path.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
    return path


def every_export_works(store: Store, session_id: str) -> None:
    """Every exporter, the report included, renders the session; progress reports render
    on a follow-up of it. Raises whatever an exporter raises."""
    session = store.open_session(session_id)
    follow_up = None
    for what, fmt in sorted(EXPORTERS):
        try:
            export(session, what, fmt, ExportOptions())
        except ExportError:
            if follow_up is None:
                follow_up = store.create_session(
                    session.session.agenda, title="Follow-up", follow_up_of=session_id
                )
            export(follow_up, what, fmt, ExportOptions())
