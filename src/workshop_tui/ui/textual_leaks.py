"""Memory Textual (8.2.8) keeps after a screen is gone, and how the app lets it go.

``textual._styles_cache.StylesCache.get_inner_outer`` is an ``lru_cache(1024)`` on an
instance method (Textual issue #6665): each key holds a widget's ``StylesCache`` and, with
it, every line that widget last drew. After a screen is closed, up to 1,024 of its widgets'
drawings stay alive: opening and closing 25 old sessions kept ~2.7 MB per session (RSS
74 → 141 MB, ``history_rss_ratio`` 1.9). Emptying that cache whenever the screen changes lets
them go; it refills at once with two ``Style`` objects per pair of colours on the screen.
"""

from __future__ import annotations

from typing import Any

from textual._styles_cache import StylesCache


def forget_closed_screens(_screen: Any = None) -> None:
    """Drop the references Textual's style cache holds to widgets' drawings."""
    cache_clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if cache_clear is not None:  # a later Textual may fix it by not caching there
        cache_clear()


def release_on_screen_change(app: Any) -> None:
    """Subscribe ``app`` so every push or pop of a screen forgets closed screens' drawings."""
    app.screen_change_signal.subscribe(app, forget_closed_screens)
