"""How one entry looks in a pane: its number, text, votes, links and action fields."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from workshop_tui.core.i18n import _
from workshop_tui.core.labels import status_label, timeframe_label
from workshop_tui.core.model import VOTABLE_KINDS, Entry, EntryKind


def action_summary(entry: Entry) -> str:
    """``owner · due 2026-12-31 · in progress`` (only the parts that are set)."""
    fields = entry.action
    if fields is None:
        return ""
    parts = []
    if fields.owner or fields.unit:
        parts.append(fields.owner or fields.unit)
    if fields.due:
        parts.append(_("due {due}").format(due=fields.due))
    elif fields.timeframe:
        parts.append(timeframe_label(fields.timeframe))
    parts.append(status_label(fields.status))
    return " · ".join(parts)


def entry_prompt(entry: Entry, labels: dict[str, str], backlinks: list[Entry]) -> Table:
    """The option prompt: the label, then the body with a hanging indent."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    # fold: a word longer than the pane (Chinese/Japanese text has no spaces, a long URL)
    # continues on the next line instead of being cut with an ellipsis
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(Text(labels.get(entry.id, "?"), "bold"), entry_body(entry, labels, backlinks))
    return grid


def entry_body(entry: Entry, labels: dict[str, str], backlinks: list[Entry]) -> Text:
    """An entry's text with its votes, links and (for an action) owner · due · status.

    ``labels`` numbers the entries of the topic × group (``C1``, ``S2``); ``backlinks`` are
    the entries that link to this one (shown as ``←S1``).
    """
    text = Text(entry.text)
    # each chunk has no spaces inside, so a narrow pane wraps between chunks, not within
    extras: list[tuple[str, str]] = []
    if entry.kind in VOTABLE_KINDS and entry.vote_count:
        extras.append((f"●{entry.vote_count}", "bold"))
    out_links = [labels[i] for i in entry.links if i in labels]
    if out_links:
        extras.append(("→" + ",".join(out_links), "italic"))
    in_links = sorted((labels[e.id] for e in backlinks if e.id in labels), key=_label_key)
    if in_links:
        extras.append(("←" + ",".join(in_links), "italic"))
    for chunk, style in extras:
        text.append("  ")
        text.append(chunk, style)
    if entry.kind == EntryKind.ACTION:
        text.append("\n")
        text.append(action_summary(entry), "dim")
    return text


def _label_key(label: str) -> tuple[int, int]:
    order = "CSAPN"
    return (order.index(label[0]) if label[0] in order else 9, int(label[1:] or 0))
