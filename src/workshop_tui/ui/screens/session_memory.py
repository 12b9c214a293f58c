"""Keep the garbage collector's full passes off the keys while a session screen is open.

A session screen lives on top of a large heap that hardly changes: the app, the parsed
session (thousands of entries), the screen's widgets and their kept drawings. Python's
collector walks *every* tracked object on each of its full (oldest-generation) passes,
and Textual makes many short-lived objects per frame, so those passes came every few keys
and took 60–100 ms at 2,000 entries — a key that happened to trigger one was answered a
tenth of a second late, and opening a session paid for two or three of them.

``gc.freeze()`` moves the objects alive now out of the collector's reach (CPython's
documented way to do this for a long-lived heap); the young generations are collected as
before. When the last session screen closes everything is handed back (``gc.unfreeze``),
so what the screen left behind is collected as usual and nothing stays frozen for good.
"""

from __future__ import annotations

import gc

_open_screens = 0


def hold_long_lived() -> None:
    """Freeze what is alive now; call again to add what was built since. Nothing happens
    once every session screen has closed (a late call must not freeze for good)."""
    if _open_screens > 0:
        gc.freeze()


def screen_opened() -> None:
    global _open_screens
    _open_screens += 1
    gc.freeze()


def screen_closed() -> None:
    """The last session screen closed: the frozen objects go back to the collector."""
    global _open_screens
    _open_screens = max(0, _open_screens - 1)
    if _open_screens == 0:
        gc.unfreeze()
