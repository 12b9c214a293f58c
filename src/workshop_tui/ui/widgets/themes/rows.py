"""What the rows of the Themes tab stand for, and how an entry's text fits one line."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.i18n import N_
from workshop_tui.core.model import EntryKind

KIND_NAMES = {
    EntryKind.CHALLENGE: N_("challenges"),
    EntryKind.SOLUTION: N_("solutions"),
    EntryKind.ACTION: N_("actions"),
}


@dataclass(frozen=True)
class Row:
    """What a line of the list stands for."""

    kind: str  # "theme", "member", "suggestion", "suggested", "free"
    theme_id: str = ""
    entry_id: str = ""
    suggestion: int = -1


def one_line(text: str, width: int = 0) -> str:
    line = " ".join(text.split())
    return line if not width or len(line) <= width else line[: width - 1] + "…"
