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

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from workshop_tui import __version__
from workshop_tui.core.i18n import _
from workshop_tui.core.join import join_entry
from workshop_tui.core.model import (
    ActionLevel,
    ActionStatus,
    Entry,
    Priority,
    Session,
    Timeframe,
    now_iso,
)
from workshop_tui.core.schema import (
    BUNDLE_FORMAT,
    BUNDLE_SCHEMA,
    BUNDLE_VERSION,
    Validator,
    summarised,
)
from workshop_tui.core.schema.records import derived_stamp_problems
from workshop_tui.core.schema.validator import Problem, and_more, shown
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.core.store.reading import (
    MAX_FILE_BYTES,
    FileRefused,
    json_depth_exceeds,
    read_regular_file,
)
from workshop_tui.core.themes.bundle import THEMES_KEY, parse_themes, themes_document
from workshop_tui.core.themes.model import Theme

#: refuse to read files larger than this (a bundle of 10 000 entries is about 10 MB);
#: ``workshop-tui import --max-size`` overrides it
MAX_BUNDLE_BYTES = MAX_FILE_BYTES
#: refuse files whose lists and objects nest deeper than this (a bundle nests 6 levels)
MAX_BUNDLE_DEPTH = 32


class BundleError(StoreError):
    """A file is not a readable session bundle. Each of ``problems`` is one line that starts
    with the file name; the message is the first of them (and how many more there are)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or [message]
        super().__init__(message)

    @classmethod
    def of(cls, problems: list[str]) -> BundleError:
        """The error of several problems (at least one)."""
        first = problems[0] + and_more(len(problems) - 1)
        return cls(first, problems)


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
    #: the plenary's themes (docs/themes.md), dissolved ones included; none in older bundles
    themes: list[Theme] = field(default_factory=list)

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
        if self.themes:
            document[THEMES_KEY] = [t.to_dict() for t in self.themes]
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
    if themes := themes_document(store):  # only when there are: older readers see no change
        document[THEMES_KEY] = themes
    return document


def bundle_bytes(store: SessionStore, *, exported: str = "", include_state: bool = True) -> bytes:
    """The bundle of a stored session as UTF-8 JSON text."""
    document = bundle_dict(store, exported=exported, include_state=include_state)
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# -- reading ------------------------------------------------------------------------------
#: every problem of a bundle, against the one description of the format
BUNDLE_VALIDATOR = Validator(BUNDLE_SCHEMA)
#: problems listed per file before "… and N more"
MAX_PROBLEMS = 20


def parse_bundle(data: Any, source: str = "bundle") -> Bundle:
    """Validate a parsed bundle document; raise :class:`BundleError` (``source: reason``,
    one line per problem, at most :data:`MAX_PROBLEMS` of them)."""

    def fail(reason: str) -> BundleError:
        return BundleError(f"{source}: {reason}")

    # Not a bundle at all: one line says so, instead of twenty about its fields.
    if not isinstance(data, dict):
        raise fail(_("is not a workshop-tui session bundle (expected a JSON object)"))
    if data.get("format") != BUNDLE_FORMAT:
        raise fail(
            _(
                "is not a workshop-tui session bundle (format is {found}, expected {expected})"
            ).format(found=shown(data.get("format")), expected=shown(BUNDLE_FORMAT))
        )
    version = data.get("version")
    if type(version) is int and version > BUNDLE_VERSION:
        raise fail(
            f"is bundle version {version}, written by a newer workshop-tui; this one reads "
            f"version {BUNDLE_VERSION} (update workshop-tui)"
        )
    problems = BUNDLE_VALIDATOR.problems(data)
    if problems:
        raise BundleError.of(summarised(problems, source, MAX_PROBLEMS))
    try:
        session = Session.from_dict(data["session"])
        entries = [Entry.from_dict(raw) for raw in data["entries"]]
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as err:
        # the schema should have said it: a gap in the schema, still one line, not a traceback
        raise fail(f"cannot be read ({type(err).__name__}: {err})") from None
    derived: list[Problem] = []
    for index, (entry, raw) in enumerate(zip(entries, data["entries"], strict=True)):
        derived += derived_stamp_problems(entry, raw, ((None, "entries"), index))
    if derived:
        raise BundleError.of(summarised(derived, source, MAX_PROBLEMS))
    try:
        themes = parse_themes(data.get(THEMES_KEY))
    except ValueError as err:  # the schema has checked the shapes: this is a derived check
        raise fail(str(err)) from None
    by_id: dict[str, Entry] = {}
    for entry in entries:
        # A repeated id is not an error: by id, the versions are joined as a merge would.
        earlier = by_id.get(entry.id)
        by_id[entry.id] = entry if earlier is None else join_entry(earlier, entry)
    return Bundle(
        session=session,
        entries=entries,
        exported=data["exported"],
        version=BUNDLE_VERSION,
        generator=data.get("generator", ""),
        state=data.get("state"),
        source=source,
        entries_by_id=by_id,
        themes=themes,
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
_STR_LIST = {"type": "array", "items": _STR}

#: the action-plan fields as the action-list export (``--format json``) writes them: that
#: export's own contract (docs/exports.md). Bundles are read against the stricter
#: ``#/$defs/action`` of :data:`BUNDLE_SCHEMA`; a test keeps their fields and values alike.
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
