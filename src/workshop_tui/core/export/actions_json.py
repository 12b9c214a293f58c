"""Action list as JSON (format ``workshop-tui-actions``, version 1; see docs/exports.md).

:data:`ACTIONS_SCHEMA` is the JSON Schema of the output; docs/exports.md shows the same
schema and the tests check that every export validates against it.
"""

from __future__ import annotations

import json
from typing import Any

from workshop_tui import __version__
from workshop_tui.core.bundle import ACTION_FIELDS_SCHEMA
from workshop_tui.core.export.base import Exporter, ExportOptions
from workshop_tui.core.export.rows import ActionRow, action_rows
from workshop_tui.core.i18n import N_
from workshop_tui.core.model import ACTION_PLAN_FIELDS
from workshop_tui.core.store import SessionStore

ACTIONS_FORMAT = "workshop-tui-actions"
ACTIONS_VERSION = 1


def action_dict(row: ActionRow) -> dict[str, Any]:
    """One action as JSON: every action-plan field plus its source."""
    return {
        "id": row.id,
        "text": row.text,
        "topic": {"id": row.topic_id, "title": row.topic_title},
        "group": row.group,
        **row.fields.to_dict(),
        "challenges": [{"id": c.id, "text": c.text} for c in row.challenges],
        "solutions": [{"id": s.id, "text": s.text} for s in row.solutions],
        "author": row.author,
        "created": row.created,
        "updated": row.updated,
    }


def render(store: SessionStore, options: ExportOptions) -> bytes:
    session = store.session
    rows = action_rows(store, options.filters)
    document = {
        "format": ACTIONS_FORMAT,
        "version": ACTIONS_VERSION,
        "generator": f"workshop-tui {__version__}",
        "exported": options.stamp,
        "session": {
            "id": session.id,
            "title": session.title,
            "agenda": session.agenda.title,
            "started": session.started,
            "ended": session.ended,
        },
        "filters": options.filters.resolved(session).describe(),
        "actions": [action_dict(row) for row in rows],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


EXPORTER = Exporter(
    "actions", "json", render, "json", N_("JSON (documented schema)"), takes_filters=True
)

_STR = {"type": "string"}
_DATE = {
    "type": "string",
    "anyOf": [{"const": ""}, {"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}],
}
_STAMP = {"type": "string", "format": "date-time"}
_LINKED = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "text"],
        "properties": {"id": _STR, "text": _STR},
        "additionalProperties": False,
    },
}

#: JSON Schema (draft 2020-12) of an action-list export
ACTIONS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "workshop-tui action list",
    "type": "object",
    "required": ["format", "version", "exported", "session", "filters", "actions"],
    "properties": {
        "format": {"const": ACTIONS_FORMAT},
        "version": {"const": ACTIONS_VERSION},
        "generator": _STR,
        "exported": _STAMP,
        "session": {
            "type": "object",
            "required": ["id", "title", "agenda", "started", "ended"],
            "properties": {
                "id": _STR,
                "title": _STR,
                "agenda": _STR,
                "started": _STAMP,
                "ended": _STR,
            },
        },
        "filters": {
            "type": "object",
            "propertyNames": {
                "enum": ["groups", "topics", "owners", "units", "levels", "statuses"]
            },
            "additionalProperties": {"type": "array", "items": _STR},
        },
        "actions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id",
                    "text",
                    "topic",
                    "group",
                    *ACTION_PLAN_FIELDS,
                    "carried_from",
                    "reviews",
                    "challenges",
                    "solutions",
                    "author",
                    "created",
                    "updated",
                ],
                "properties": {
                    "id": _STR,
                    "text": _STR,
                    "topic": {
                        "type": "object",
                        "required": ["id", "title"],
                        "properties": {"id": _STR, "title": _STR},
                    },
                    "group": _STR,
                    **ACTION_FIELDS_SCHEMA["properties"],
                    "start": _DATE,
                    "due": _DATE,
                    "challenges": _LINKED,
                    "solutions": _LINKED,
                    "author": _STR,
                    "created": _STAMP,
                    "updated": _STAMP,
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}
