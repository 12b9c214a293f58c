"""The action list's view (F3) outside its screen: how its filters and sorts are named on
screen, and the sort and filters remembered per app run and session (read from the
preferences, :data:`workshop_tui.core.action_list.PREF_KEY`, the first time)."""

from __future__ import annotations

import weakref
from typing import Any

from textual.app import App

from workshop_tui.core.action_list import PREF_KEY, ListView
from workshop_tui.core.i18n import pgettext
from workshop_tui.core.store import Store


def filter_title(name: str) -> str:
    """A filter's name as its chip shows it, in the UI language (short: chips are narrow)."""
    titles = {
        "group": pgettext("filter chip", "group"),
        "topic": pgettext("filter chip", "topic"),
        "owner": pgettext("filter chip", "owner"),
        "unit": pgettext("filter chip", "unit"),
        "level": pgettext("filter chip", "level"),
        "status": pgettext("filter chip", "status"),
    }
    return titles.get(name, name)


def sort_title(how: str) -> str:
    """A sort order's name as shown (the key stays English)."""
    titles = {
        "due": pgettext("sort", "due"),
        "priority": pgettext("sort", "priority"),
        "owner": pgettext("sort", "owner"),
    }
    return titles.get(how, how)


#: per app (a test runs many) and per session id; gone with the app
_VIEWS: weakref.WeakKeyDictionary[App[Any], dict[str, ListView]] = weakref.WeakKeyDictionary()


def remembered_view(app: App[Any], session_id: str) -> ListView:
    """The list view of ``session_id``: as left in this run of ``app``, else as saved in the
    preferences by an earlier run, else the default."""
    views = _VIEWS.setdefault(app, {})
    if session_id not in views:
        store = getattr(app, "store", None)
        saved = (
            store.prefs.get_for(PREF_KEY, session_id, None, dict)
            if isinstance(store, Store)
            else None
        )
        views[session_id] = ListView.from_pref(saved)
    return views[session_id]
