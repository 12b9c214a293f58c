"""Checks of the records of a session file (the session record and entry documents).

Session files hold the same records as bundles (``Session.to_dict()``, ``Entry.to_dict()``),
so they are checked against the same definitions of :data:`BUNDLE_SCHEMA`; paths name the
place in the file: ``session["1"].title``, ``entries["281474976710655"].updated``.
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.i18n import _
from workshop_tui.core.model import Entry
from workshop_tui.core.schema.session_format import BUNDLE_SCHEMA
from workshop_tui.core.schema.validator import PathLink, Problem, Validator, render_path

SESSION_RECORD = Validator(BUNDLE_SCHEMA, "#/$defs/session")
ENTRY_RECORD = Validator(BUNDLE_SCHEMA, "#/$defs/entry")


def record_problems(
    session_key: str, session_doc: Any, entry_docs: dict[str, Any]
) -> list[Problem]:
    """Every problem of a session file's records, in file order."""
    problems: list[Problem] = []
    SESSION_RECORD.check_at(session_doc, ((None, "session"), session_key), problems)
    entries = (None, "entries")
    check = ENTRY_RECORD.check_at
    for key, doc in entry_docs.items():
        check(doc, (entries, key), problems)
    return problems


TIME = Validator(BUNDLE_SCHEMA, "#/$defs/time")


def derived_stamp_problems(entry: Entry, raw: dict[str, Any], path: PathLink) -> list[Problem]:
    """Problems of the link times an entry without them gets when read (written before there
    were stamps: its links are stamped one microsecond apart, back from ``updated``), which
    at the start of the time range would fall before it."""
    given = raw.get("link_stamps") or {}
    if len(entry.link_stamps) == len(given):
        return []
    for target, stamp in entry.link_stamps.items():
        if target not in given and not TIME.is_valid(stamp):
            return [
                Problem(
                    render_path((path, "links")),
                    _(
                        "links without link_stamps are stamped just before updated, and "
                        "{stamp} is outside the years 1000 to 9998; give link_stamps"
                    ).format(stamp=stamp),
                )
            ]
    return []
