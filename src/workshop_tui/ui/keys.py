"""ESC followed by 1-5 means alt+1..alt+5 here: switch pane, never a typed ™.

Textual reads the sequences ``ESC 1`` … ``ESC 0`` as the characters WezTerm on macOS makes
with Option and a digit (¡ ™ £ ¢ ∞ …). The same bytes are what alt+digit sends in most Linux
terminals (xterm, GNOME Terminal, tmux) and what a fast Esc then digit sends anywhere — and in
this app both mean "leave the input and go to pane N" (docs/tui.md, "Keys"). So for 1-5 the
sequence becomes the alt+digit key the session screen binds; the other digits keep Textual's
reading. Textual is pinned to one release, and a test feeds the real parser, so a change in
those internals shows up as a failing test rather than as a typed ™ in front of the room.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import _ansi_sequences

#: the digits the session screen binds as alt+digit (its five panes)
PANE_DIGITS = "12345"


class _KeyName(NamedTuple):
    """Stands for a ``Keys`` member: the parser only reads ``.value`` (the key's name)."""

    value: str


def route_escape_digits_to_panes() -> None:
    """Make ``ESC 1``…``ESC 5`` arrive as the keys ``alt+1``…``alt+5`` (idempotent)."""
    for digit in PANE_DIGITS:
        _ansi_sequences.ANSI_SEQUENCES_KEYS[f"\x1b{digit}"] = (  # type: ignore[index]
            _KeyName(f"alt+{digit}"),
        )
