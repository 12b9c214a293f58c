"""Keys in the order they were typed: ESC 1-5 as alt+1-5, and one key routed at a time.

ESC followed by 1-5 means alt+1..alt+5 here: switch pane, never a typed ™.

Textual reads the sequences ``ESC 1`` … ``ESC 0`` as the characters WezTerm on macOS makes
with Option and a digit (¡ ™ £ ¢ ∞ …). The same bytes are what alt+digit sends in most Linux
terminals (xterm, GNOME Terminal, tmux) and what a fast Esc then digit sends anywhere — and in
this app both mean "leave the input and go to pane N" (docs/tui.md, "Keys"). So for 1-5 the
sequence becomes the alt+digit key the session screen binds; the other digits keep Textual's
reading. Textual is pinned to one release, and a test feeds the real parser, so a change in
those internals shows up as a failing test rather than as a typed ™ in front of the room.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import _ansi_sequences, events
from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual.app import App

    _AppBase = App[Any]
else:
    _AppBase = object

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


class KeysInOrder(_AppBase):
    """App mixin: each key (and paste) is routed only once the one before it is handled.

    Textual routes a key when the app takes it from its queue: a priority binding runs at
    once, anything else is handed to the widget focused *at that moment* and handled later,
    in that widget's own queue; a key nobody takes bubbles back up, and the app's ordinary
    bindings run only when it comes back to the app's queue. When several keys arrive in one
    read (a fast typist, a paste, tmux send-keys) the app has routed them all before the first
    one did anything: ``i`` then text lands in the list ``i`` was leaving, a digit typed
    after Enter is taken for a pane switch, ``t`` runs after the keys behind it. So a key is
    held while the one before it is on its way: a callback follows it up from its widget to
    the app (behind the key in every queue it can bubble through) and routes the next one.
    Typed slowly nothing changes; typed fast, the keys do what they would do typed slowly.
    """

    #: release a held key anyway after this long (a widget closed under a key, a stuck queue)
    KEY_TIMEOUT_S = 5.0

    def _keys_state(self) -> tuple[deque[events.Event], list[int]]:
        held: deque[events.Event] | None = getattr(self, "_held_keys", None)
        if held is None:
            held = deque()
            self._held_keys = held
            self._key_busy: list[int] = [0]  # the number of the key on its way; 0: none
            self._key_serial = 0
        return held, self._key_busy

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            held, busy = self._keys_state()
            if busy[0] or held:
                held.append(event)
                return
            await self._route_key(event)
            return
        await super().on_event(event)

    async def _route_key(self, event: events.Event) -> None:
        _held, busy = self._keys_state()
        self._key_serial += 1
        serial = busy[0] = self._key_serial
        await super().on_event(event)
        if not event.is_forwarded:  # a priority binding took it: done
            await self._key_done(serial)
            return
        target = self.focused or self.screen
        self.set_timer(self.KEY_TIMEOUT_S, partial(self._key_done, serial))
        self._follow_key(target, serial)

    def _follow_key(self, node: MessagePump, serial: int) -> None:
        """Run behind the key in ``node``'s queue, then in its parent's, up to the app's."""
        if node is self:
            if not self.call_later(self._key_done, serial):
                self.call_next(self._key_done, serial)
            return
        parent = node._parent
        if parent is None or not node.call_later(self._follow_key, parent, serial):
            self.call_later(self._key_done, serial)

    async def _key_done(self, serial: int) -> None:
        held, busy = self._keys_state()
        if busy[0] != serial:
            return  # this key was released already (timeout, or it was followed twice)
        busy[0] = 0
        while held and not busy[0]:
            await self._route_key(held.popleft())
