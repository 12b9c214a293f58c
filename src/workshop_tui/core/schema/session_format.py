"""The session format, described once: the JSON Schema of a session bundle.

Everything about the format is read from :data:`BUNDLE_SCHEMA`: the validator
(:mod:`workshop_tui.core.schema.validator`) checks bundles and session files against it, the
field tables and the schema in ``docs/session-format.md`` are rendered from it (a test
compares), and the tests validate every export with ``jsonschema`` against it. To add a
field (a later addition to version 1 must be optional), add it here with a ``description``:
the validator, the docs and the tests follow.

Titles (``"title"``) are the words a message uses for what a field expects
(``entries[12].links: expected a list of entry ids, got a string``); descriptions are the
docs' "meaning" column.
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.agenda import MAX_DAY, TIMEBOX_MAX, TIMEBOX_MIN
from workshop_tui.core.i18n import N_
from workshop_tui.core.ids import ID_PATTERN
from workshop_tui.core.model import ActionLevel, ActionStatus, EntryKind, Priority, Timeframe

BUNDLE_FORMAT = "workshop-tui-session"
BUNDLE_VERSION = 1

#: text: any Unicode without lone surrogates (which UTF-8, and so every export, cannot
#: hold); control characters are text a scribe may have pasted, and exports escape them
TEXT_PATTERN = "^[^\\ud800-\\udfff]*$"
#: a time with a zone (RFC 3339), years 1000 to 9998: any time zone offset keeps it, in UTC
#: as in local time, inside what every export (ICS converts to UTC) can print
TIME_PATTERN = (
    "^(?:[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:0[1-9]|1[0-2])-"
    "(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    "(?:\\.[0-9]{1,6})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
)
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
CLOCK_PATTERN = "^(?:[01]?[0-9]|2[0-3]):[0-5][0-9]$"
MAX_VOTES = 1000
MAX_POSITION = 1e15


def _ref(name: str, **more: Any) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}", **more}


def _text(description: str) -> dict[str, Any]:
    return _ref("text", description=description)


def _list_of(name: str, title: str, description: str) -> dict[str, Any]:
    return {"type": "array", "title": title, "items": _ref(name), "description": description}


_DEFS: dict[str, Any] = {
    "id": {
        "type": "string",
        "pattern": ID_PATTERN,
        "title": N_("an id (1 to 64 letters, digits, - or _)"),
    },
    "text": {
        "type": "string",
        "pattern": TEXT_PATTERN,
        "title": N_("text (valid Unicode)"),
    },
    "time": {
        "type": "string",
        "format": "date-time",
        "pattern": TIME_PATTERN,
        "title": N_("a time with a zone, years 1000 to 9998 (2026-11-27T09:30:00+00:00)"),
    },
    "time_or_empty": {
        "anyOf": [{"const": ""}, _ref("time")],
        "title": N_('a time with a zone (2026-11-27T09:30:00+00:00) or ""'),
    },
    "date_or_empty": {
        "anyOf": [
            {"const": ""},
            {"type": "string", "format": "date", "pattern": DATE_PATTERN, "title": N_("a date")},
        ],
        "title": N_('a date (2026-12-31) or ""'),
    },
    "id_or_empty": {
        "anyOf": [{"const": ""}, _ref("id")],
        "title": N_('an id (1 to 64 letters, digits, - or _) or ""'),
    },
    "dots": {
        "type": "object",
        "propertyNames": _ref("text"),
        "additionalProperties": {
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_VOTES,
            "title": N_("a number of dots"),
        },
        "title": N_("an object of group names and dot counts"),
    },
    "agenda": {
        "type": "object",
        "description": "The agenda snapshot the session was started from (docs/agenda-format.md).",
        "required": ["title", "topics", "groups"],
        "properties": {
            "format": {"const": 1, "description": "Agenda format version: 1."},
            "name": _text("Bundled agenda name or file stem it was loaded from."),
            "title": _text("Workshop title."),
            "organiser": _text("Organiser."),
            "venue": _text("Venue."),
            "start_date": _ref("date_or_empty", description="First day."),
            "end_date": _ref("date_or_empty", description="Last day."),
            "description": _text("Description."),
            "language": _text("Language code of the workshop (`en`, `id`, ...)."),
            "groups": {
                "type": "array",
                "minItems": 1,
                "items": _ref("group"),
                "description": "Breakout groups (at least one).",
            },
            "participants": {
                "type": "array",
                "items": _ref("participant"),
                "description": "Participants.",
            },
            "topics": {
                "type": "array",
                "minItems": 1,
                "items": _ref("topic"),
                "description": "Discussion topics (at least one).",
            },
            "schedule": {
                "type": "array",
                "items": _ref("schedule_item"),
                "description": "Schedule slots.",
            },
            "glossary": {
                "type": "array",
                "maxItems": 500,
                "items": {
                    "type": "array",
                    "minItems": 2,
                    "maxItems": 50,
                    "items": {"type": "string", "minLength": 1, "maxLength": 80},
                    "title": N_("a list of 2 to 50 terms"),
                },
                "title": N_("a list of synonym groups"),
                "description": "Synonym groups added to the theme suggestions' glossary "
                "(docs/agenda-format.md); written only when the agenda has one.",
            },
        },
    },
    "group": {
        "type": "object",
        "description": "A breakout group.",
        "required": ["name"],
        "properties": {
            "name": _text("Group name; entries and votes refer to it."),
            "members": _list_of("text", N_("a list of names"), "Member names."),
        },
    },
    "participant": {
        "type": "object",
        "description": "A participant.",
        "required": ["name"],
        "properties": {
            "name": _text("Name."),
            "organisation": _text("Organisation."),
            "group": _text("Group name, or empty."),
        },
    },
    "topic": {
        "type": "object",
        "description": "A discussion topic.",
        "required": ["id", "title"],
        "properties": {
            "id": _ref("id", description="Stable topic id; entries refer to it."),
            "title": _text("Title."),
            "description": _text("Description."),
            "questions": _list_of("text", N_("a list of questions"), "Guiding questions."),
            "timebox": {
                "type": "integer",
                "minimum": TIMEBOX_MIN,
                "maximum": TIMEBOX_MAX,
                "title": N_("a number of minutes"),
                "description": "Timebox in minutes.",
            },
        },
    },
    "schedule_item": {
        "type": "object",
        "description": "A schedule slot.",
        "required": ["day", "start"],
        "properties": {
            "day": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_DAY,
                "title": N_("a day number"),
                "description": "Day of the workshop, from 1.",
            },
            "start": {
                "type": "string",
                "pattern": CLOCK_PATTERN,
                "title": N_("a clock time (09:30)"),
                "description": "Start time, `HH:MM`.",
            },
            "topic": _ref("id_or_empty", description="Topic id, or empty for another slot."),
            "title": _text("Label of the slot."),
        },
    },
    "session": {
        "type": "object",
        "description": "The session record (`Session.to_dict()`).",
        "required": ["id", "title", "agenda", "started", "updated"],
        "properties": {
            "id": _ref("id", description="Session id; the session file is `sessions/<id>.json`."),
            "title": _text("Session title."),
            "agenda": _ref("agenda", description="Agenda snapshot."),
            "facilitator": _text("Facilitator."),
            "location": _text("Location."),
            "agenda_source": _text("Bundled agenda name or the agenda file's path."),
            "started": _ref("time", description="When the session was started."),
            "ended": _ref("time_or_empty", description="When it was ended, or empty."),
            "updated": _ref("time", description="Last change of this record (merges compare it)."),
            "follow_up_of": _ref(
                "id_or_empty", description="Id of the earlier session it follows up, or empty."
            ),
            "votes_per_group": {
                "type": "integer",
                "minimum": 0,
                "maximum": MAX_VOTES,
                "title": N_("a number of dot votes"),
                "description": "Dot votes each group may cast per topic.",
            },
        },
    },
    "entry": {
        "type": "object",
        "description": "A captured entry (`Entry.to_dict()`), tombstones included.",
        "required": ["id", "kind", "topic_id", "group", "text", "created", "updated", "deleted"],
        "properties": {
            "id": _ref("id", description="Entry id (a UUID when written by workshop-tui)."),
            "kind": {
                "enum": [k.value for k in EntryKind],
                "description": "What the entry is.",
            },
            "topic_id": _ref("id", description="Id of its topic in the agenda."),
            "group": _text("Name of its group."),
            "text": _text("The text."),
            "author": _text("Who wrote it, if known."),
            "created": _ref("time", description="When it was captured."),
            "updated": _ref("time", description="Its last change (merges compare it)."),
            "links": _list_of(
                "id",
                N_("a list of entry ids"),
                "Ids of the entries it answers or comes from, in the order they were linked.",
            ),
            "votes": _ref("dots", description="Dot votes: voter (group name) → count."),
            "position": {
                "type": "number",
                "minimum": -MAX_POSITION,
                "maximum": MAX_POSITION,
                "title": N_("a position"),
                "description": "Order within its pane.",
            },
            "deleted": {
                "type": "boolean",
                "description": "A tombstone: deleted, kept for merging.",
            },
            "action": {
                "anyOf": [{"type": "null"}, _ref("action")],
                "title": N_("null or an object of action-plan fields"),
                "description": "Action-plan fields (actions), else null.",
            },
            "vote_stamps": {
                "type": "object",
                "propertyNames": _ref("text"),
                "additionalProperties": _ref("time"),
                "title": N_("an object of group names and times"),
                "description": "Voter → time of its last vote change.",
            },
            "link_stamps": {
                "type": "object",
                "propertyNames": _ref("id"),
                "additionalProperties": _ref("time"),
                "title": N_("an object of entry ids and times"),
                "description": "Link target → time it was last linked or unlinked.",
            },
            "stamps_base": _ref(
                "time_or_empty",
                description="For entries written before stamps: their `updated`; else empty.",
            ),
        },
    },
    "action": {
        "type": "object",
        "description": "The action-plan fields of an action (`ActionFields.to_dict()`).",
        "properties": {
            "owner": _text("One accountable person."),
            "unit": _text("Responsible unit or institution."),
            "level": {"enum": [v.value for v in ActionLevel], "description": "Level."},
            "start": _ref("date_or_empty", description="Start date."),
            "due": _ref("date_or_empty", description="Due date."),
            "timeframe": {
                "enum": [None, *(v.value for v in Timeframe)],
                "description": "Timeframe, or null.",
            },
            "priority": {"enum": [v.value for v in Priority], "description": "Priority."},
            "status": {"enum": [v.value for v in ActionStatus], "description": "Status."},
            "indicator": _text("Success indicator."),
            "verification": _text("How the indicator will be verified."),
            "partners": _list_of("text", N_("a list of partners"), "Partners."),
            "resources": _text("Resources needed."),
            "notes": _text("Comments."),
            "carried_from": {
                "anyOf": [{"type": "null"}, _ref("carried_from")],
                "title": N_("null or an object with session and entry"),
                "description": "Where a carried-over action came from, or null.",
            },
            "reviews": {
                "type": "array",
                "items": _ref("review"),
                "title": N_("a list of reviews"),
                "description": "Follow-up reviews, oldest first.",
            },
            # plenary synthesis (docs/themes.md); written only when set
            "merged_into": _ref(
                "id_or_empty", description="The consolidated action it was merged into."
            ),
            "merged_from": _list_of(
                "id", N_("a list of entry ids"), "Of a consolidated action: the actions in it."
            ),
            "theme": _ref("id_or_empty", description="Of a consolidated action: its theme."),
        },
    },
    "theme": {
        "type": "object",
        "description": "A plenary theme (`Theme.to_dict()`, docs/themes.md): entries of one kind "
        "from several groups under one title; dissolved ones included.",
        "required": ["id", "kind", "title", "created"],
        "properties": {
            "id": _ref("id", description="Theme id."),
            "kind": {
                "enum": ["challenge", "solution", "action"],
                "description": "The kind of its entries.",
            },
            "title": _text("Its title."),
            "topic_id": _ref("id_or_empty", description="Its topic, or empty: across topics."),
            "created": _ref("time", description="When it was made."),
            "updated": _ref(
                "time",
                description="Last change of its title, topic or deletion (merges compare it).",
            ),
            "deleted": {"type": "boolean", "description": "Dissolved, kept for merging."},
            "members": _list_of("id", N_("a list of entry ids"), "Ids of its entries."),
            "member_stamps": {
                "type": "object",
                "propertyNames": _ref("id"),
                "additionalProperties": _ref("time"),
                "title": N_("an object of entry ids and times"),
                "description": "Entry → time it last joined or left the theme.",
            },
            "votes": _ref("dots", description="Plenary dots: group → count."),
            "vote_stamps": {
                "type": "object",
                "propertyNames": _ref("text"),
                "additionalProperties": _ref("time"),
                "title": N_("an object of group names and times"),
                "description": "Group → time of its last change of dots.",
            },
        },
    },
    "carried_from": {
        "type": "object",
        "description": "The origin of a carried-over action.",
        "required": ["session", "entry"],
        "properties": {
            "session": _ref("id", description="Id of the earlier session."),
            "entry": _ref("id", description="Id of the action there."),
        },
    },
    "review": {
        "type": "object",
        "description": "One follow-up review of an action.",
        "properties": {
            "at": _ref("time", description="When it was reviewed."),
            "status": {
                "enum": [v.value for v in ActionStatus],
                "description": "The status given.",
            },
            "comment": _text("Comment."),
            "session": _ref("id", description="Id of the follow-up session."),
        },
        "additionalProperties": _ref("text"),
    },
}

#: JSON Schema (draft 2020-12) of a session bundle, version 1
BUNDLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "workshop-tui session bundle",
    "type": "object",
    "description": "A whole session: its record, every entry and its UI state.",
    "required": ["format", "version", "exported", "session", "entries"],
    "properties": {
        "format": {"const": BUNDLE_FORMAT, "description": "Always `workshop-tui-session`."},
        "version": {"const": BUNDLE_VERSION, "description": "Format version: 1."},
        "exported": _ref("time", description="When the bundle was written."),
        "generator": _text("The program that wrote it."),
        "session": _ref("session", description="The session record."),
        "entries": {
            "type": "array",
            "items": _ref("entry"),
            "description": "Every entry, tombstones included.",
        },
        "state": {"type": "object", "description": "UI state (ignored by import)."},
        "themes": {
            "type": "array",
            "maxItems": 10_000,
            "items": _ref("theme"),
            "description": "The plenary's themes, dissolved ones included; written only when "
            "the session has themes (a bundle without them has none).",
        },
    },
    "$defs": _DEFS,
}

#: the tables of docs/session-format.md, in order: (heading, definition)
DOC_TABLES: tuple[tuple[str, str], ...] = (
    ("Bundle", "#"),
    ("Session record (`session`)", "#/$defs/session"),
    ("Agenda snapshot (`session.agenda`)", "#/$defs/agenda"),
    ("Group (`agenda.groups[]`)", "#/$defs/group"),
    ("Participant (`agenda.participants[]`)", "#/$defs/participant"),
    ("Topic (`agenda.topics[]`)", "#/$defs/topic"),
    ("Schedule slot (`agenda.schedule[]`)", "#/$defs/schedule_item"),
    ("Entry (`entries[]`)", "#/$defs/entry"),
    ("Action-plan fields (`entries[].action`)", "#/$defs/action"),
    ("Origin of a carried-over action (`action.carried_from`)", "#/$defs/carried_from"),
    ("Review (`action.reviews[]`)", "#/$defs/review"),
    ("Theme (`themes[]`)", "#/$defs/theme"),
)
