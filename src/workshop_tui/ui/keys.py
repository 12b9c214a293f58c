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

import time
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

    A focused widget can also hold the keys for a moment (``holds_keys()``, released with
    :meth:`keys_may_go`): a pane's list while an entry just typed into it is being saved, so
    Enter opens that entry as it would typed slowly, instead of finding the list empty.
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
            if busy[0] or held or self._gate_closed():
                held.append(event)
                return
            await self._route_key(event)
            return
        await super().on_event(event)

    def _gate_closed(self) -> bool:
        """Whether the focused widget asks for keys to wait (``holds_keys()``: a pane's list
        while an entry typed into it is still being saved, so the keys act on it as they
        would typed slowly). Never longer than :attr:`KEY_TIMEOUT_S`."""
        holds = getattr(self.focused, "holds_keys", None)
        if not (callable(holds) and holds()):
            self._gate_since = 0.0
            return False
        now = time.monotonic()
        since = getattr(self, "_gate_since", 0.0) or now
        if since == now:
            self._gate_since = now
            self.set_timer(self.KEY_TIMEOUT_S, self.keys_may_go)
        return now - since < self.KEY_TIMEOUT_S

    def keys_may_go(self) -> None:
        """What held the keys is done (a capture drawn): route the held ones, in order."""
        self.call_later(self._release_held)

    async def _release_held(self) -> None:
        held, busy = self._keys_state()
        while held and not busy[0] and not self._gate_closed():
            await self._route_key(held.popleft())

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
        self._follow_key(target, serial, target, 2)

    def _follow_key(self, node: MessagePump, serial: int, target: MessagePump, passes: int) -> None:
        """Run behind the key in ``node``'s queue, then in its parent's, up to the app's.

        Twice: the first pass follows the key up to the app (whose bindings run when it gets
        there); the second follows what those bindings posted on the way (a pane's list asks
        its screen to open the entry for editing): the next key then finds the input focused,
        as it would typed slowly."""
        if node is self:
            if passes > 1 and target is not self:
                if target.call_later(self._follow_key, target, serial, target, passes - 1):
                    return
            if not self.call_later(self._key_done, serial):
                self.call_next(self._key_done, serial)
            return
        parent = node._parent
        if parent is None or not node.call_later(self._follow_key, parent, serial, target, passes):
            self.call_later(self._key_done, serial)

    async def _key_done(self, serial: int) -> None:
        held, busy = self._keys_state()
        if busy[0] != serial:
            return  # this key was released already (timeout, or it was followed twice)
        busy[0] = 0
        await self._release_held()
