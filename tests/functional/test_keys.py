"""ESC then a digit 1-5 switches panes (alt+digit), whether a terminal sends alt+digit that
way or the facilitator presses Esc and the digit quickly; it is never typed as ™ (docs/tui.md)."""

from __future__ import annotations

from textual import events
from textual._xterm_parser import XTermParser

from workshop_tui.ui.keys import route_escape_digits_to_panes


def keys_of(data: str) -> list[tuple[str, str | None]]:
    parser = XTermParser()
    return [
        (message.key, message.character)
        for message in parser.feed(data)
        if isinstance(message, events.Key)
    ]


def test_escape_digit_is_alt_digit_for_the_five_panes() -> None:
    route_escape_digits_to_panes()
    route_escape_digits_to_panes()  # idempotent
    assert keys_of("\x1b2") == [("alt+2", None)]
    assert keys_of("ab\x1b5c") == [("a", "a"), ("b", "b"), ("alt+5", None), ("c", "c")]
    # other digits keep Textual's reading; a plain digit is still a digit
    assert keys_of("\x1b7") == [("pilcrow_sign", "¶")]
    assert keys_of("3") == [("3", "3")]
