"""Validation of the action-plan form: typed strings in, :class:`ActionFields` out.

The action editor (a Textual modal) collects every field as a string; this module, free of
Textual, turns them into an action text and :class:`ActionFields` or explains, field by
field, what is wrong. Keys of the values/errors dicts are the :data:`FORM_FIELDS` names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple, TypeVar

from workshop_tui.core.dates import read_date
from workshop_tui.core.i18n import _
from workshop_tui.core.labels import parse_status, status_label
from workshop_tui.core.model import (
    ACTION_PLAN_FIELDS,
    ActionFields,
    ActionLevel,
    ActionStatus,
    Priority,
    Timeframe,
)

#: form field names in display order ("text" is the action itself, the entry text)
FORM_FIELDS = ("text", *ACTION_PLAN_FIELDS)


class ActionEditResult(NamedTuple):
    """A valid form: the action-plan fields and the action text."""

    fields: ActionFields
    text: str


def check_date(text: str, *, today: dt.date | None = None, language: str | None = "en") -> str:
    """Normalise a typed date to ``YYYY-MM-DD`` ("" stays ""): ``30/06/2026``, ``30 Jun 2026``,
    ``friday``, ``+2w``, ``end of month`` ... (:func:`workshop_tui.core.dates.read_date`;
    ``today`` anchors the relative forms, ``language`` the day/month order). Raise ValueError
    naming the problem: ``2026-02-31 is not a valid date: February 2026 has 28 days``."""
    date = read_date(text, today=today or dt.date.today(), language=language)
    return date.isoformat() if date else ""


_Choice = TypeVar("_Choice", ActionLevel, Timeframe, Priority)
_T = TypeVar("_T")


def _choice(text: str, enum: type[_Choice], what: str) -> _Choice:
    """``"Short-term"`` → ``Timeframe.SHORT``; raise ValueError listing the choices."""
    key = text.strip().lower().replace("-", " ").split()[0]
    try:
        return enum(key)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValueError(
            _("unknown {what} {value!r} (choose one of: {choices})").format(
                what=what, value=text.strip(), choices=choices
            )
        ) from None


def split_partners(text: str) -> list[str]:
    """``"police, right holders,,police"`` → ``["police", "right holders"]``."""
    seen: dict[str, None] = {}
    for part in re.split(r"[,\n;]", text):
        name = " ".join(part.split())
        if name and name.casefold() not in {s.casefold() for s in seen}:
            seen[name] = None
    return list(seen)


def validate_action_form(
    values: dict[str, str],
    base: ActionFields | None = None,
    *,
    today: dt.date | None = None,
    language: str | None = "en",
) -> ActionEditResult | dict[str, str]:
    """Check the typed form ``values``; return the result or ``{field: message}``.

    Dates are read as people type them (:func:`check_date`, with ``today`` and the agenda's
    ``language``); a due date in the past is accepted (the editor warns about it).

    Missing keys count as empty. Fields the form does not show (``carried_from``,
    ``reviews``) are kept from ``base``. Empty level/priority/status take the defaults
    (institutional, medium, open); an empty timeframe means none.
    """

    def value(name: str) -> str:
        return (values.get(name) or "").strip()

    errors: dict[str, str] = {}
    text = value("text")
    if not text:
        errors["text"] = _("Write the action: a concrete, measurable step.")

    def parsed(name: str, parse: Callable[[str], _T], default: _T) -> _T:
        """``parse`` the typed value (default when empty); a ValueError becomes an error."""
        if not value(name):
            return default
        try:
            return parse(value(name))
        except ValueError as exc:
            errors[name] = _sentence(exc)
            return default

    def date(typed: str) -> str:
        return check_date(typed, today=today, language=language)

    start = parsed("start", date, "")
    due = parsed("due", date, "")
    if start and due and start > due:
        errors["due"] = _("The due date {due} is before the start date {start}.").format(
            due=due, start=start
        )
    level = parsed(
        "level", lambda t: _choice(t, ActionLevel, _("level")), ActionLevel.INSTITUTIONAL
    )
    timeframe: Timeframe | None = parsed(
        "timeframe", lambda t: _choice(t, Timeframe, _("timeframe")), None
    )
    priority = parsed("priority", lambda t: _choice(t, Priority, _("priority")), Priority.MEDIUM)
    status = parsed("status", parse_status, ActionStatus.OPEN)  # English or the UI language

    if errors:
        return errors
    base = base or ActionFields()
    fields = replace(
        base,
        owner=value("owner"),
        unit=value("unit"),
        level=level,
        start=start,
        due=due,
        timeframe=timeframe,
        priority=priority,
        status=status,
        indicator=value("indicator"),
        verification=value("verification"),
        partners=split_partners(values.get("partners") or ""),
        resources=value("resources"),
        notes=value("notes"),
        reviews=[dict(review) for review in base.reviews],
        carried_from=dict(base.carried_from) if base.carried_from else None,
    )
    return ActionEditResult(fields, text)


def action_form_values(text: str, fields: ActionFields) -> dict[str, str]:
    """The form strings for an existing action (the inverse of :func:`validate_action_form`)."""
    return {
        "text": text,
        "owner": fields.owner,
        "unit": fields.unit,
        "level": fields.level.value,
        "start": fields.start,
        "due": fields.due,
        "timeframe": fields.timeframe.value if fields.timeframe else "",
        "priority": fields.priority.value,
        "status": status_label(fields.status),
        "indicator": fields.indicator,
        "verification": fields.verification,
        "partners": ", ".join(fields.partners),
        "resources": fields.resources,
        "notes": fields.notes,
    }


def _sentence(exc: ValueError) -> str:
    message = str(exc)
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")
