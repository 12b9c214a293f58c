"""The session screen's header line: READ-ONLY, the topic, the group's votes, the session title.

The most useful parts come first and are never the ones cut: the line is fitted to its width
when it is drawn. When room is short the session title goes first, then the group's name
(the tabs show it too), then the end of the topic title (with an ellipsis).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.widget import Widget

from workshop_tui.core.i18n import N_, _

SEPARATOR = " · "
READ_ONLY = N_("READ-ONLY")


@dataclass(frozen=True)
class HeaderInfo:
    """What the header shows (votes are left out of a read-only session: nobody votes)."""

    session_title: str = ""
    topic_number: int = 1
    topic_count: int = 1
    topic_title: str = ""
    group: str = ""
    votes_left: int = 0
    votes_budget: int = 0
    read_only: bool = False
    dates: str = ""  # a read-only session shows its dates where the votes would be


def cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells, ending in … when it was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip() + "…"


def header_parts(info: HeaderInfo, width: int) -> list[tuple[str, str]]:
    """``[(text, style)]`` for the header at ``width`` cells (separators included)."""
    lead = _(READ_ONLY) + " " if info.read_only else ""
    number = f"{info.topic_number}/{info.topic_count} "
    votes_short = _("votes {left}/{budget}").format(left=info.votes_left, budget=info.votes_budget)
    votes_full = f"{info.group}: {votes_short}"
    if info.read_only:
        votes_full = votes_short = info.dates
    for votes in (votes_full, votes_short):
        tail = SEPARATOR + votes if votes else ""
        room = width - cell_len(lead) - cell_len(number) - cell_len(tail)
        if room >= cell_len(info.topic_title) or votes == votes_short or not votes:
            break
    topic = cut(info.topic_title, max(room, 0))
    parts: list[tuple[str, str]] = []
    if lead:
        parts += [(_(READ_ONLY), "bold reverse"), (" ", "")]
    parts += [(number, "bold"), (topic, "bold")]
    if votes:
        parts += [(SEPARATOR, "dim"), (votes, "" if info.read_only else "$text-accent")]
    used = sum(cell_len(text) for text, _style in parts)
    rest = width - used - cell_len(SEPARATOR)
    if info.session_title and rest >= min(8, cell_len(info.session_title)):
        parts += [(SEPARATOR, "dim"), (cut(info.session_title, rest), "")]
    return parts


class SessionHeader(Widget):
    """One line, fitted to its width each time it is drawn (see module docstring)."""

    DEFAULT_CSS = """
    SessionHeader {
        width: 1fr;
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.info = HeaderInfo()

    def show(self, info: HeaderInfo) -> None:
        if info != self.info:
            self.info = info
            self.refresh()

    def update(self, **changes: object) -> None:
        self.show(replace(self.info, **changes))  # type: ignore[arg-type]

    @property
    def plain(self) -> str:
        """The line as drawn now (for tests and screen readers)."""
        return "".join(text for text, _style in header_parts(self.info, self.content_size.width))

    def render(self) -> Content:
        return Content.assemble(*header_parts(self.info, self.content_size.width))
