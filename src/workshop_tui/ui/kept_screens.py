"""The plenary (F2) and the action list (F3) are kept between opens.

Building either screen (composing, styling and laying out some forty widgets, the grid's or
the table's first drawing) was most of the ~150 ms CPU that F2 and F3 took on a 2,000-entry
session. The router keeps the last one built of each (installed in the app, so closing it
does not remove it) and shows it again: the screen itself redraws on
:class:`~textual.events.ScreenResume` only what is out of date (the store changed, the
terminal was resized).

A kept screen is for one session store, one language, one read-only state and one day (the
due-date warnings); another key builds a new screen and removes the old one. A kept screen
is also removed as soon as no session screen in the stack shows its session any more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.screen import Screen

ScreenT = TypeVar("ScreenT", bound=Screen[Any])

#: the app's name of each kept screen (``App.install_screen``)
INSTALLED_PREFIX = "kept-"


class KeptScreens:
    """The screens kept by name (``"plenary"``, ``"actions"``), each with the key it was
    built for; see the module docstring."""

    def __init__(self, app: Any) -> None:
        self._app = app
        self._kept: dict[str, tuple[tuple[Any, ...], Screen[Any]]] = {}
        #: screens no longer kept that were in the stack then: removed once they are not
        self._leaving: list[Screen[Any]] = []
        app.screen_change_signal.subscribe(app, self._screen_changed)

    def get(self, name: str, key: tuple[Any, ...], build: Callable[[], ScreenT]) -> ScreenT | None:
        """The screen to push for ``name``: the kept one when it was built for ``key``
        (first item: the session store, compared by identity), else a new one from
        ``build`` (kept from now on). None when the kept one is already on top."""
        stack = self._app.screen_stack
        kept = self._kept.get(name)
        if kept is not None and _same(kept[0], key):
            screen = kept[1]
            if screen is stack[-1]:
                return None
            if screen in stack:
                return build()  # under another screen: a copy of its own, as before
            return screen  # type: ignore[return-value]
        if kept is not None:
            self.forget(name)  # removed now, or once it leaves the stack
        screen = build()
        # a name of its own: the one it replaces may still be installed (in the stack)
        self._app.install_screen(screen, name=f"{INSTALLED_PREFIX}{name}-{id(screen)}")
        self._kept[name] = (key, screen)
        return screen

    def kept(self, name: str) -> Screen[Any] | None:
        kept = self._kept.get(name)
        return kept[1] if kept is not None else None

    def forget(self, name: str) -> None:
        """Stop keeping ``name``: the screen is removed now, or once it has left the
        stack."""
        kept = self._kept.pop(name, None)
        if kept is None:
            return
        self._leaving.append(kept[1])
        self._let_go()

    def _let_go(self) -> None:
        """Uninstall and remove the screens no longer kept that have left the stack
        (Textual refuses to uninstall a screen in the stack)."""
        stack = self._app.screen_stack
        for screen in [s for s in self._leaving if s not in stack]:
            self._leaving.remove(screen)
            self._app.uninstall_screen(screen)
            if screen.is_attached:
                screen.remove()

    def _screen_changed(self, _screen: Any) -> None:
        """Let a kept screen go once no session screen in the stack shows its session."""
        stores = {id(s.store) for s in self._app._session_screens()}
        stack = self._app.screen_stack
        for name, (key, screen) in list(self._kept.items()):
            if id(key[0]) not in stores and screen not in stack:
                self.forget(name)
        self._let_go()


def _same(kept: tuple[Any, ...], key: tuple[Any, ...]) -> bool:
    return len(kept) == len(key) and kept[0] is key[0] and kept[1:] == key[1:]
