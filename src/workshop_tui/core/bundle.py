"""Session bundles: the whole session in one JSON file, for archiving and merging.

Format ``workshop-tui-session``, version 1 (docs/session-format.md)::

    {"format": "workshop-tui-session", "version": 1, "exported": "<iso>",
     "generator": "workshop-tui 0.1.0",
     "session": Session.to_dict(), "entries": [Entry.to_dict(), ...], "state": {...}}

Entries include tombstones (``"deleted": true``) so a merge never brings a deleted entry
back; ids and ``updated`` stamps are kept as stored, and so are the per-voter and per-link
change stamps (``vote_stamps``, ``link_stamps``, ``stamps_base``) that let a merge join votes
and links key by key. Those are optional additions to version 1: a bundle without them (an
older workshop-tui) reads as votes and links exactly as listed at ``updated``. :func:`read_bundle` validates a file and
raises :class:`BundleError` with one clear reason; :data:`BUNDLE_SCHEMA` is the JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from workshop_tui import __version__
from workshop_tui.core.i18n import _
from workshop_tui.core.ids import is_valid_id
from workshop_tui.core.model import (
    ActionLevel,
    ActionStatus,
    Entry,
    EntryKind,
    Priority,
    Session,
    Timeframe,
    now_iso,
)
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.core.store.reading import (
    MAX_FILE_BYTES,
    FileRefused,
    json_depth_exceeds,
    read_regular_file,
)

BUNDLE_FORMAT = "workshop-tui-session"
BUNDLE_VERSION = 1
#: refuse to read files larger than this (a bundle of 10 000 entries is about 10 MB);
#: ``workshop-tui import --max-size`` overrides it
MAX_BUNDLE_BYTES = MAX_FILE_BYTES
#: refuse files whose lists and objects nest deeper than this (a bundle nests 6 levels)
MAX_BUNDLE_DEPTH = 32


class BundleError(StoreError):
    """A file is not a readable session bundle. The message starts with the file name."""


@dataclass(frozen=True)
class Bundle:
    """A validated session bundle."""

    session: Session
    entries: list[Entry]  # tombstones included, in the file's order (an id may repeat)
    exported: str = ""
    version: int = BUNDLE_VERSION
    generator: str = ""
    state: dict[str, Any] | None = None
    source: str = ""  # the file it was read from (for messages)
    #: one version per id: a repeated id's versions joined as a merge would
    entries_by_id: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The bundle document (what :func:`bundle_dict` writes)."""
        document: dict[str, Any] = {
            "format": BUNDLE_FORMAT,
            "version": self.version,
            "exported": self.exported,
            "generator": self.generator,
            "session": self.session.to_dict(),
            "entries": [e.to_dict() for e in self.entries],
        }
        if self.state is not None:
            document["state"] = dict(self.state)
        return document


def bundle_dict(
    store: SessionStore, *, exported: str = "", include_state: bool = True
) -> dict[str, Any]:
    """The bundle document of a stored session (entries by creation time, then id)."""
    entries = sorted(store.entries(include_deleted=True), key=lambda e: (e.created, e.id))
    document: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "exported": exported or now_iso(),
        "generator": f"workshop-tui {__version__}",
        "session": store.session.to_dict(),
        "entries": [e.to_dict() for e in entries],
    }
    if include_state:
        document["state"] = store.get_state()
    return document


def bundle_bytes(store: SessionStore, *, exported: str = "", include_state: bool = True) -> bytes:
    """The bundle of a stored session as UTF-8 JSON text."""
    document = bundle_dict(store, exported=exported, include_state=include_state)
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# -- reading ------------------------------------------------------------------------------
def _check_stamp(value: Any, what: str) -> None:
    if not isinstance(value, str):
        raise ValueError(_("{what} must be a timestamp string").format(what=what))
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            _("{what} {value!r} is not an ISO-8601 timestamp").format(what=what, value=value)
        ) from None
    if stamp.tzinfo is None:
        raise ValueError(_("{what} {value!r} has no time zone").format(what=what, value=value))


def _describe(err: Exception) -> str:
    if isinstance(err, KeyError):
        return f"missing field {err.args[0]!r}"
    return str(err) or type(err).__name__


def _check_change_stamps(raw: dict[str, Any]) -> None:
    for name in ("vote_stamps", "link_stamps"):
        stamps = raw.get(name)
        if stamps is None:
            continue
        if not isinstance(stamps, dict):
            raise TypeError(f"{name} must be an object")
        for key, stamp in stamps.items():
            _check_stamp(stamp, f"{name}[{key!r}]")
    if "stamps_base" in raw and raw["stamps_base"] != "":
        _check_stamp(raw["stamps_base"], "stamps_base")


def parse_bundle(data: Any, source: str = "bundle") -> Bundle:
    """Validate a parsed bundle document; raise :class:`BundleError` (``source: reason``)."""
    from workshop_tui.core.merge import join_entry  # merge reads bundles: imported here

    def fail(reason: str) -> BundleError:
        return BundleError(f"{source}: {reason}")

    if not isinstance(data, dict):
        raise fail("is not a workshop-tui session bundle (expected a JSON object)")
    if data.get("format") != BUNDLE_FORMAT:
        raise fail(
            f"is not a workshop-tui session bundle (format is {data.get('format')!r}, expected {BUNDLE_FORMAT!r})"
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(f"has an invalid bundle version {version!r}")
    if version > BUNDLE_VERSION:
        raise fail(
            f"is bundle version {version}, written by a newer workshop-tui; this one reads "
            f"version {BUNDLE_VERSION} (update workshop-tui)"
        )
    raw_session = data.get("session")
    if not isinstance(raw_session, dict):
        raise fail('has no session record ("session" must be an object)')
    try:
        session = Session.from_dict(raw_session)
        if not is_valid_id(raw_session.get("id")):
            raise ValueError(
                _("session id {value!r} is not an id (1 to 64 letters, digits, - or _)").format(
                    value=str(raw_session.get("id"))[:80]
                )
            )
        _check_stamp(raw_session.get("started"), "started")
        _check_stamp(raw_session.get("updated") or raw_session.get("started"), "updated")
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise fail(f"has an invalid session record: {_describe(err)}") from None
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise fail('has no entries list ("entries" must be an array)')
    entries: list[Entry] = []
    by_id: dict[str, Entry] = {}
    for number, raw in enumerate(raw_entries, 1):
        label = f"entry {number}"
        try:
            if not isinstance(raw, dict):
                raise TypeError("is not an object")
            if isinstance(raw.get("id"), str):
                label += f" ({raw['id'][:8]})"
            if raw.get("kind") not in {k.value for k in EntryKind}:
                choices = ", ".join(k.value for k in EntryKind)
                raise ValueError(
                    _("unknown kind {get!r} (kinds: {choices})").format(
                        get=raw.get("kind"), choices=choices
                    )
                )
            _check_change_stamps(raw)  # before from_dict orders links by them
            entry = Entry.from_dict(raw)
            if not is_valid_id(raw.get("id")):
                raise ValueError(
                    _("id {value!r} is not an id (1 to 64 letters, digits, - or _)").format(
                        value=str(raw.get("id"))[:80]
                    )
                )
            for name in ("topic_id", "group", "text"):
                if not isinstance(raw.get(name, ""), str):
                    raise TypeError(f"{name} must be a string")
            _check_stamp(raw.get("created"), "created")
            _check_stamp(raw.get("updated") or raw.get("created"), "updated")
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise fail(f"{label} is invalid: {_describe(err)}") from None
        # A repeated id is not an error: by id, the versions are joined as a merge would.
        earlier = by_id.get(entry.id)
        by_id[entry.id] = entry if earlier is None else join_entry(earlier, entry)
        entries.append(entry)
    state = data.get("state")
    if state is not None and not isinstance(state, dict):
        raise fail('has an invalid "state" (must be an object)')
    exported = data.get("exported")
    return Bundle(
        session=session,
        entries=entries,
        exported=exported if isinstance(exported, str) else "",
        version=version,
        generator=str(data.get("generator") or ""),
        state=state,
        source=source,
        entries_by_id=by_id,
    )


def read_bundle(path: Path | str, *, max_bytes: int = MAX_BUNDLE_BYTES) -> Bundle:
    """Read and validate a bundle file; raise :class:`BundleError` naming the file.

    Bounded: only a regular file is opened (a FIFO, device, socket or folder is refused
    after ``stat``), one larger than ``max_bytes`` is refused before it is read, and one
    nested more than :data:`MAX_BUNDLE_DEPTH` deep before it is parsed."""
    path = Path(path)
    try:
        raw = read_regular_file(path, max_bytes)
    except FileRefused as err:
        raise BundleError(f"{path}: {err.reason}") from None
    except FileNotFoundError:
        raise BundleError(_("{path}: no such file").format(path=path)) from None
    except OSError as err:
        raise BundleError(
            _("{path}: cannot be read ({value})").format(path=path, value=err.strerror or err)
        ) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark, as some Windows editors write
    if json_depth_exceeds(raw, MAX_BUNDLE_DEPTH):
        raise BundleError(
            _("{path}: is nested more than {depth} levels deep, so not a session bundle").format(
                path=path, depth=MAX_BUNDLE_DEPTH
            )
        )
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as err:
        if isinstance(err.__cause__, UnicodeDecodeError) or "utf-8" in str(err).lower():
            raise BundleError(
                _("{path}: is not UTF-8 text, so not a session bundle").format(path=path)
            ) from None
        raise BundleError(
            _("{path}: is not valid JSON (line {lineno}, column {colno}: {msg})").format(
                path=path, lineno=err.lineno, colno=err.colno, msg=err.msg
            )
        ) from None
    return parse_bundle(data, str(path))


# -- schema -------------------------------------------------------------------------------
_STR = {"type": "string"}
_STAMP = {"type": "string", "format": "date-time"}
_STR_LIST = {"type": "array", "items": _STR}

_AGENDA_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["title", "topics", "groups"],
    "properties": {
        "format": {"type": "integer"},
        "name": _STR,
        "title": _STR,
        "organiser": _STR,
        "venue": _STR,
        "start_date": _STR,
        "end_date": _STR,
        "description": _STR,
        "language": _STR,
        "groups": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {"name": _STR, "members": _STR_LIST},
            },
        },
        "participants": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {"name": _STR, "organisation": _STR, "group": _STR},
            },
        },
        "topics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title"],
                "properties": {
                    "id": _STR,
                    "title": _STR,
                    "description": _STR,
                    "questions": _STR_LIST,
                    "timebox": {"type": "integer"},
                },
            },
        },
        "schedule": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["day", "start"],
                "properties": {
                    "day": {"type": "integer"},
                    "start": _STR,
                    "topic": _STR,
                    "title": _STR,
                },
            },
        },
    },
}

#: the action-plan fields (``ActionFields.to_dict()``); the action-list export reuses it
ACTION_FIELDS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "owner": _STR,
        "unit": _STR,
        "level": {"enum": [v.value for v in ActionLevel]},
        "start": _STR,
        "due": _STR,
        "timeframe": {"enum": [None, *(v.value for v in Timeframe)]},
        "priority": {"enum": [v.value for v in Priority]},
        "status": {"enum": [v.value for v in ActionStatus]},
        "indicator": _STR,
        "verification": _STR,
        "partners": _STR_LIST,
        "resources": _STR,
        "notes": _STR,
        "carried_from": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["session", "entry"],
                    "properties": {"session": _STR, "entry": _STR},
                },
            ]
        },
        "reviews": {"type": "array", "items": {"type": "object", "additionalProperties": _STR}},
    },
}

#: JSON Schema (draft 2020-12) of a session bundle, version 1
BUNDLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "workshop-tui session bundle",
    "type": "object",
    "required": ["format", "version", "exported", "session", "entries"],
    "properties": {
        "format": {"const": BUNDLE_FORMAT},
        "version": {"const": BUNDLE_VERSION},
        "exported": _STAMP,
        "generator": _STR,
        "session": {
            "type": "object",
            "required": ["id", "title", "agenda", "started", "updated"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "title": _STR,
                "agenda": _AGENDA_SCHEMA,
                "facilitator": _STR,
                "location": _STR,
                "agenda_source": _STR,
                "started": _STAMP,
                "ended": _STR,
                "updated": _STAMP,
                "follow_up_of": _STR,
                "votes_per_group": {"type": "integer", "minimum": 0},
            },
        },
        "entries": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id",
                    "kind",
                    "topic_id",
                    "group",
                    "text",
                    "created",
                    "updated",
                    "deleted",
                ],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "kind": {"enum": [k.value for k in EntryKind]},
                    "topic_id": _STR,
                    "group": _STR,
                    "text": _STR,
                    "author": _STR,
                    "created": _STAMP,
                    "updated": _STAMP,
                    "links": _STR_LIST,
                    "votes": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "position": {"type": "number"},
                    "deleted": {"type": "boolean"},
                    "action": {"oneOf": [{"type": "null"}, ACTION_FIELDS_SCHEMA]},
                    "vote_stamps": {"type": "object", "additionalProperties": _STAMP},
                    "link_stamps": {"type": "object", "additionalProperties": _STAMP},
                    "stamps_base": {"anyOf": [{"const": ""}, _STAMP]},
                },
            },
        },
        "state": {"type": "object"},
    },
}
