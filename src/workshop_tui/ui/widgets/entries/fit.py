"""Fitting a pane to its width: the border title (name, count, sort mark) cut to the room
it has, and an option list measured again when its scrollbar comes or goes."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.widgets import OptionList

#: shown in a pane's title while it is sorted by dot votes
SORTED_MARK = "↓●"
#: cells of a border line that a title cannot use: the corners, a rule cell and a space each side
TITLE_FRAME = 6


def pane_title(name: str, count: int, sorted_by_votes: bool, room: int) -> str:
    """``Challenges 4``, or ``Challenges 4 ↓●`` when sorted by votes.

    The mark must never be cut (moving an entry is refused while it is sorted): when the
    title does not fit in ``room`` cells, the name is shortened instead (``Challen… ↓● 4``).
    """
    if not sorted_by_votes:
        return f"{name} {count}"
    full = f"{name} {count} {SORTED_MARK}"
    if room <= 0 or cell_len(full) <= room:
        return full
    tail = f" {SORTED_MARK} {count}"
    name_room = room - cell_len(tail)
    if name_room < 2:
        return tail.strip()
    return set_cell_size(name, name_room - 1).rstrip() + "…" + tail


def remeasure_options(option_list: OptionList) -> None:
    """Measure and draw every option again, for the width the list has now.

    Call it when the list's vertical scrollbar comes or goes. OptionList measures each
    option's height, and caches its drawn lines, for the width it has when the options are
    set; a scrollbar that appears after that (the options just set need it) narrows the
    list without a Resize event, so an option wrapped at the new width has more lines than
    were counted and its last ones (votes, links) are never drawn. Textual 8.2.8 keys that
    cache without the width and clears it only on a resize.
    """
    option_list._clear_caches()  # private, but the only way to drop both caches
    option_list.call_after_refresh(option_list.scroll_to_highlight)
