"""The action list's view (F3) outside its screen: how its filters and sorts are named on
screen, what each filter offers, and the sort and filters remembered per app run and session
(read from the preferences, :data:`workshop_tui.core.action_list.PREF_KEY`, the first
time), and its palette commands."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from workshop_tui.core.action_list import NONE, PREF_KEY, SORTS, ListView
from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import _, pgettext
from workshop_tui.core.labels import level_label, status_label
from workshop_tui.core.model import ActionLevel, ActionStatus, Entry, parse_date
from workshop_tui.core.quality import FollowUp
from workshop_tui.core.store import SessionStore, Store, StoreError
from workshop_tui.ui.commands import PaletteCommand

if TYPE_CHECKING:
    from workshop_tui.ui.screens.actions import ActionsScreen


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


def filter_choices(agenda: Agenda, actions: list[Entry]) -> dict[str, list[tuple[str, str]]]:
    """What each filter offers for a session's ``actions``: (label, value) pairs."""
    owners = sorted({e.action.owner for e in actions if e.action}, key=str.casefold)
    units = sorted({e.action.unit for e in actions if e.action}, key=str.casefold)
    return {
        "group": [(g, g) for g in agenda.group_names],
        "topic": [(f"{i}. {t.title}", t.id) for i, t in enumerate(agenda.topics, 1)],
        "owner": [(o or _("(no owner)"), o or NONE) for o in owners],
        "unit": [(u or _("(no unit)"), u or NONE) for u in units],
        "level": [(level_label(lv), lv.value) for lv in ActionLevel],
        "status": [(status_label(s), s.value) for s in ActionStatus],
    }


def follow_up_of(app: App[Any], store: SessionStore) -> FollowUp | None:
    """The follow-up session of ``store``'s session once it has ended (its actions are
    then overdue by the follow-up's day), else None."""
    if not store.session.ended:
        return None
    try:
        sessions = app.store.list_sessions().sessions  # type: ignore[attr-defined]
    except StoreError:
        return None
    later = sorted((s for s in sessions if s.follow_up_of == store.id), key=lambda s: s.started)
    day = parse_date(later[0].started[:10]) if later else None
    return FollowUp(later[0].title, day) if later and day is not None else None


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


def action_palette_commands(screen: ActionsScreen) -> list[PaletteCommand]:
    """The action list's own palette commands (its keys are added by the provider)."""
    return [
        PaletteCommand(
            _("Sort actions by {how}").format(how=sort_title(how)),
            _("key o cycles"),
            _sorter(screen, how),
        )
        for how in SORTS
    ] + [
        PaletteCommand(_("Clear action filters"), _("key c"), screen.action_clear_filters),
        PaletteCommand(
            _("Undo the last change on the action list"), _("key ctrl+z"), screen.action_undo
        ),
    ]


def _sorter(screen: ActionsScreen, how: str) -> Callable[[], None]:
    def run() -> None:
        screen.sort = how
        screen.refresh_table()

    return run
