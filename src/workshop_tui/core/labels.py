"""The words people read for the model's enum values, in the UI's or an export's language.

The values themselves (``in_progress``, ``institutional``) are data and never change; only
their labels are translated. Each label has a context (``pgettext``) because the same English
word means different things: a *medium* priority is not a *medium* term.
"""

from __future__ import annotations

from workshop_tui.core.i18n import Translator, ui_translator
from workshop_tui.core.model import ActionLevel, ActionStatus, EntryKind, Priority, Timeframe


def _t(t: Translator | None) -> Translator:
    return t if t is not None else ui_translator()


def status_label(status: ActionStatus | str, t: Translator | None = None) -> str:
    """``in_progress`` → ``in progress`` / ``berjalan``."""
    tr = _t(t)
    labels = {
        "open": tr.pgettext("action status", "open"),
        "in_progress": tr.pgettext("action status", "in progress"),
        "done": tr.pgettext("action status", "done"),
        "dropped": tr.pgettext("action status", "dropped"),
        "carried_over": tr.pgettext("action status", "carried over"),
    }
    value = str(getattr(status, "value", status))
    return labels.get(value, value.replace("_", " "))


def level_label(level: ActionLevel | str, t: Translator | None = None) -> str:
    tr = _t(t)
    labels = {
        "institutional": tr.pgettext("action level", "institutional"),
        "individual": tr.pgettext("action level", "individual"),
    }
    value = str(getattr(level, "value", level))
    return labels.get(value, value)


def priority_label(priority: Priority | str, t: Translator | None = None) -> str:
    tr = _t(t)
    labels = {
        "high": tr.pgettext("priority", "high"),
        "medium": tr.pgettext("priority", "medium"),
        "low": tr.pgettext("priority", "low"),
    }
    value = str(getattr(priority, "value", priority))
    return labels.get(value, value)


def timeframe_label(timeframe: Timeframe | str | None, t: Translator | None = None) -> str:
    """``short`` → ``short term`` / ``jangka pendek``; nothing for no timeframe."""
    if not timeframe:
        return ""
    tr = _t(t)
    labels = {
        "short": tr.pgettext("timeframe", "short term"),
        "medium": tr.pgettext("timeframe", "medium term"),
        "long": tr.pgettext("timeframe", "long term"),
    }
    value = str(getattr(timeframe, "value", timeframe))
    return labels.get(value, value)


def kind_label(kind: EntryKind | str, t: Translator | None = None) -> str:
    """One entry of a kind: ``Challenge`` / ``Tantangan``."""
    tr = _t(t)
    labels = {
        "challenge": tr.pgettext("entry kind", "Challenge"),
        "solution": tr.pgettext("entry kind", "Solution"),
        "action": tr.pgettext("entry kind", "Action"),
        "parking": tr.pgettext("entry kind", "Parking lot"),
        "note": tr.pgettext("entry kind", "Facilitator note"),
    }
    value = str(getattr(kind, "value", kind))
    return labels.get(value, value)


def kind_heading(kind: EntryKind | str, t: Translator | None = None) -> str:
    """The heading over entries of a kind: ``Challenges`` / ``Tantangan``."""
    tr = _t(t)
    labels = {
        "challenge": tr.pgettext("entry kind heading", "Challenges"),
        "solution": tr.pgettext("entry kind heading", "Solutions"),
        "action": tr.pgettext("entry kind heading", "Actions"),
        "parking": tr.pgettext("entry kind heading", "Parking lot"),
        "note": tr.pgettext("entry kind heading", "Notes"),
    }
    value = str(getattr(kind, "value", kind))
    return labels.get(value, value)


def parse_status(text: str, t: Translator | None = None) -> ActionStatus:
    """A status typed in English or in ``t``'s language (``berjalan``, ``in progress``,
    ``in_progress``); raise ValueError like :meth:`ActionStatus.parse`."""
    key = " ".join(text.split()).casefold()
    for status in ActionStatus:
        if key == status_label(status, t).casefold():
            return status
    return ActionStatus.parse(text)
