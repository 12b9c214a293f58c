"""How a screen asks for another view: messages up to the app, which routes them.

Screens never import each other (``tests/unit/test_import_hygiene.py`` checks it). A screen
that wants the session screen at an entry, the export or import dialog, or the session
screens redrawn posts one of these messages to the app; :class:`workshop_tui.ui.router.Router`
(mixed into the app) decides what to push, pop or redraw. The helper functions are the short
way to post them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class OpenEntry(Message):
    """Show the session screen for ``session_id`` at ``topic_id`` × ``group`` with
    ``entry_id`` selected. ``read_only`` None: read-only when the session has ended."""

    session_id: str
    topic_id: str | None = None
    group: str | None = None
    entry_id: str | None = None
    read_only: bool | None = None


@dataclass
class SessionsChanged(Message):
    """Entries were changed outside the session screens: redraw them from the store."""


@dataclass
class OpenExportDialog(Message):
    """The export dialog for ``session_id``, over ``requester``."""

    requester: Any
    session_id: str


@dataclass
class OpenImportDialog(Message):
    """The import dialog over ``requester`` (into ``session_id``, or new sessions when "")."""

    requester: Any
    session_id: str = ""


def open_entry(
    app: Any,
    session_id: str,
    *,
    topic_id: str | None = None,
    group: str | None = None,
    entry_id: str | None = None,
    read_only: bool | None = None,
) -> None:
    """Ask the app to show an entry (or a topic × group) on its session screen."""
    app.post_message(OpenEntry(session_id, topic_id, group, entry_id, read_only))


def refresh_session_screens(app: Any) -> None:
    """Ask the app to redraw the session screens (a review screen changed entries)."""
    app.post_message(SessionsChanged())
