"""How one entry looks in a pane: its number, text, votes, links and action fields."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
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


class EntryPrompt:
    """The option prompt: the label, then the body with a hanging indent.

    Drawn as a two-column ``Table.grid`` would draw it (the label, one space, the body
    wrapped in the rest of the width, a word longer than a line folded), but by wrapping the
    body once: a pane of a large session draws dozens of these on every switch, and a Rich
    table measures and renders each cell several times."""

    def __init__(self, label: Text, body: Text) -> None:
        self.label = label
        self.body = body

    @property
    def cells(self) -> tuple[Text, Text]:
        return (self.label, self.body)

    def _wrapped(self, console: Console, width: int) -> list[Text]:
        body_width = max(1, width - self.label.cell_len - 1)
        return list(self.body.wrap(console, body_width, overflow="fold", no_wrap=False))

    def height(self, console: Console, width: int) -> int:
        """The lines this prompt takes at ``width`` cells, without drawing it (a pane
        measures every entry, and draws only those on screen)."""
        return max(1, len(self._wrapped(console, width)))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.label.cell_len + 1
        lines = self._wrapped(console, options.max_width)
        pad = Text(" " * indent)
        for index, line in enumerate(lines):
            line.rstrip()
            head = Text.assemble(self.label, " ") if index == 0 else pad
            yield Text.assemble(head, line, no_wrap=True, overflow="crop", end="\n")
        if not lines:
            yield Text.assemble(self.label, no_wrap=True, end="\n")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.label.cell_len + 1
        widest = max((cell_len(line) for line in self.body.plain.splitlines()), default=0)
        # a word longer than the line is folded: one cell of body is the least it needs
        return Measurement(indent + 1, indent + max(widest, 1)).clamp(max_width=options.max_width)


def entry_prompt(entry: Entry, labels: dict[str, str], backlinks: list[Entry]) -> EntryPrompt:
    """The option prompt: the label, then the body with a hanging indent.

    fold: a word longer than the pane (Chinese/Japanese text has no spaces, a long URL)
    continues on the next line instead of being cut with an ellipsis."""
    return EntryPrompt(
        Text(labels.get(entry.id, "?"), "bold"), entry_body(entry, labels, backlinks)
    )


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
