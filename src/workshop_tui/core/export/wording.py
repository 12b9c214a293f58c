"""Lines every action export words the same way: its title, when it was exported, and the
filter it applied, in the export's language."""

from __future__ import annotations

import datetime as dt

from workshop_tui.core.export.base import ExportOptions
from workshop_tui.core.i18n import N_, Translator, format_date
from workshop_tui.core.labels import level_label, status_label
from workshop_tui.core.model import Session


def actions_title(title: str, options: ExportOptions, t: Translator) -> str:
    """ "Actions — <session>" plus the split subtitle, if any."""
    text = t.gettext("Actions — {title}").format(title=title)
    return text + (f" — {options.subtitle}" if options.subtitle else "")


def exported_when(stamp: str, t: Translator) -> str:
    """ "30 June 2026, 10:00 UTC" from an ISO stamp, the date in ``t``'s language."""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return t.gettext("{date}, {time} UTC").format(
        date=format_date(moment.date(), t.language), time=moment.strftime("%H:%M")
    )


def exported_line(stamp: str, count: int, t: Translator) -> str:
    """ "Exported 30 June 2026, 10:00 UTC · 3 actions" """
    return t.gettext("Exported {when} · {actions}").format(
        when=exported_when(stamp, t),
        actions=t.ngettext("{n} action", "{n} actions", count).format(n=count),
    )


#: the filter fields as the columns of the action list name them
_FILTER_LABELS = {
    "groups": N_("group"),
    "topics": N_("topic"),
    "owners": N_("owner"),
    "units": N_("responsible unit"),
    "levels": N_("level"),
    "statuses": N_("status"),
    "plan": N_("plan"),
}


def filter_line(session: Session, options: ExportOptions, t: Translator | None = None) -> str:
    """ "topic: Legal framework; status: open or in progress" — the filter in the words the
    user sees in the app and the table (topic titles, status labels), empty when there is
    none. (The JSON export keeps the internal values: ids and ``in_progress``.)"""
    t = t or options.translator_for(session)
    titles = {topic.id: topic.title for topic in session.agenda.topics}

    def shown(name: str, value: str) -> str:
        if name == "topics":
            return titles.get(value, value)
        if name == "statuses":
            return status_label(value, t)
        if name == "levels":
            return level_label(value, t)
        if name == "plan":
            return t.gettext("consolidated (merged actions replaced by their consolidated action)")
        return value or t.gettext("(no {what})").format(what=t.gettext(_FILTER_LABELS[name]))

    described = options.filters.resolved(session).describe().items()
    return "; ".join(
        t.gettext("{field}: {values}").format(
            field=t.gettext(_FILTER_LABELS[name]),
            values=t.gettext(" or ").join(shown(name, v) for v in values),
        )
        for name, values in described
    )
