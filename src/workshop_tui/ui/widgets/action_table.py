"""The action list's table (F3): its columns for a screen width, and what each cell shows.

The table is a :class:`~workshop_tui.ui.widgets.table.RowTable`: only the rows on screen are
drawn, so opening the list or changing a filter on a session of hundreds of actions costs
the same as on a few (a DataTable measured and rendered every cell of every row).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import N_, _, pgettext
from workshop_tui.core.labels import level_label, status_label
from workshop_tui.core.model import ActionStatus, Entry
from workshop_tui.core.quality import QualityWarning, warning_labels
from workshop_tui.ui.widgets.table import Cell, Column

OWNER_WIDTH = 14  # longer owner names are cut ("…"); the detail line has them in full
GROUP_WIDTH = 14  # longer group names are cut ("…")
#: the room the action and the warnings keep before topic and group get their columns
ROOM_FOR_TEXT = 46
#: priority in its narrow column
SHORT_PRIORITY = {"high": N_("high"), "medium": N_("med"), "low": N_("low")}
#: between two columns (a DataTable padded each cell by one on both sides)
GAP = 2

STATUS_STYLES = {
    ActionStatus.OPEN: "",
    ActionStatus.IN_PROGRESS: "yellow",
    ActionStatus.DONE: "green",
    ActionStatus.DROPPED: "dim",
    ActionStatus.CARRIED_OVER: "cyan",
}


def status_text(status: ActionStatus) -> Text:
    return Text(status_label(status), STATUS_STYLES[status])


def _cut(text: str, style: str = "") -> Text:
    return Text(text, style, no_wrap=True, overflow="ellipsis")


def action_columns(
    width: int,
    gutter: int,
    *,
    warnings_longest: int,
    owner_width: int,
    unit_width: int,
    groups: Sequence[str],
) -> list[Column]:
    """The table's columns for a screen ``width`` cells wide (``gutter``: the scrollbar):
    status, due, priority, owner, action and warnings always (80 columns too); topic and
    group when the action and the warnings keep :data:`ROOM_FOR_TEXT` cells; the unit
    last."""
    fixed = [
        Column("status", _("Status"), 11),
        Column("due", _("Due"), 10),
        Column("prio", _("Prio"), max(len(_(short)) for short in SHORT_PRIORITY.values())),
        Column("owner", pgettext("action list column", "Owner"), owner_width),
    ]
    room = width - sum(c.width + GAP for c in fixed) - gutter - 4
    group_width = min(max((len(g) for g in groups), default=5), GROUP_WIDTH)
    where = [Column("topic", _("T"), 2), Column("group", _("Group"), max(group_width, 5))]
    wide = room - sum(c.width + GAP for c in where) >= ROOM_FOR_TEXT
    if wide:
        fixed += where
        room -= sum(c.width + GAP for c in where)
    heading = pgettext("action list column", "Warnings")
    warnings_width = min(max(warnings_longest, len(heading)), max(14, room * 2 // 5))
    # never wider than what is left beside the action's 20 cells: a column past the screen's
    # edge is cut
    warnings_width = max(len(heading), min(warnings_width, room - 20))
    columns = [
        *fixed,
        Column("action", _("Action"), max(20, room - warnings_width)),
        Column("warnings", heading, warnings_width),
        Column("unit", _("Unit"), max(unit_width, len(_("Unit")))),
    ]
    if not wide:
        columns += where
    return columns


class ActionCells:
    """What each cell of an action's row shows; called for the rows on screen only."""

    def __init__(self, agenda: Agenda) -> None:
        self.number = {t.id: i for i, t in enumerate(agenda.topics, 1)}
        self.warnings: dict[str, list[QualityWarning]] = {}
        self._labels: dict[str, str] = {}

    def use(self, warnings: dict[str, list[QualityWarning]]) -> bool:
        """Show these warnings (worked out again after a change); whether they are new (the
        table's drawn lines are then out of date)."""
        if warnings is self.warnings:
            return False
        self.warnings = warnings
        self._labels = {}
        return True

    def label(self, entry: Entry) -> str:
        """The action's warnings in a few words ("ok", "2: no owner, …")."""
        if entry.id not in self._labels:
            self._labels[entry.id] = warning_labels(self.warnings.get(entry.id, []))
        return self._labels[entry.id]

    def __call__(self, entry: Entry, key: str) -> Cell:
        fields = entry.action
        assert fields is not None
        if key == "status":
            return status_text(fields.status)
        if key == "due":
            return fields.due or (fields.timeframe.value if fields.timeframe else "—")
        if key == "prio":
            return _(SHORT_PRIORITY[fields.priority.value])
        if key == "owner":
            return _cut(fields.owner or "—")
        if key == "action":
            return _cut(" ".join(entry.text.split()))
        if key == "warnings":
            return _cut(self.label(entry), "red" if self.warnings.get(entry.id) else "green")
        if key == "unit":
            return fields.unit or "—"
        if key == "topic":
            return str(self.number.get(entry.topic_id, "?"))
        if key == "group":
            return _cut(entry.group)
        return ""


def detail_text(
    entry: Entry, agenda: Agenda, label: str, warnings: list[QualityWarning] | None
) -> Text:
    """The selected action in full, under the table: its text, where it comes from and who
    (the table's right-hand columns are off an 80-column screen), every warning.
    ``label``: its number in its pane ("A1 · ")."""
    fields = entry.action
    assert fields is not None
    text = Text(" ".join(entry.text.split()), "bold")
    topics = agenda.topics
    number = next((i for i, t in enumerate(topics, 1) if t.id == entry.topic_id), 0)
    topic = topics[number - 1].title if number else entry.topic_id
    text.append(
        "\n"
        + _(
            "{label}{number}. {topic} · {group} · unit {unit} · {level} · indicator: {indicator}"
        ).format(
            label=label,
            number=number or "?",
            topic=topic,
            group=entry.group,
            unit=fields.unit or "—",
            level=level_label(fields.level),
            indicator=fields.indicator or "—",
        )
    )
    for warning in warnings or []:
        text.append(f"\n⚠ {warning.message}", "red")
    return text
