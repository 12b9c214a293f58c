"""The keys of a pane's entry list (shown in the Footer, the help and the palette; the
list's ``check_action`` offers each only where it applies)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from workshop_tui.core.i18n import N_

#: keys that start typing in a pane's input from its list (so does Enter on an empty list)
CAPTURE_KEYS = ("i", "plus")

ENTRY_LIST_BINDINGS: list[BindingType] = [
    Binding(
        "e",
        "request('edit')",
        N_("Edit"),
        id="entry.edit",
        tooltip=N_("Edit the entry's text in the input"),
    ),
    Binding(
        "enter",
        "request('open')",
        N_("Open"),
        id="entry.open",
        show=False,
        tooltip=N_("Edit the text (an action: its fields); on an empty list: type a new one"),
    ),
    Binding(
        "x,delete",
        "request('delete')",
        N_("Delete"),
        id="entry.delete",
        tooltip=N_("Delete the entry (ctrl+z undoes)"),
    ),
    Binding(
        "v",
        "request('vote')",
        N_("Vote"),
        id="entry.vote",
        tooltip=N_("Give one of the group's dot votes"),
    ),
    Binding(
        "V,shift+v",
        "request('unvote')",
        N_("Unvote"),
        id="entry.unvote",
        show=False,
        tooltip=N_("Take one of the group's votes back"),
    ),
    Binding(
        "l",
        "request('link')",
        N_("Link"),
        id="entry.link",
        tooltip=N_("Link to the challenges/solutions it answers"),
    ),
    Binding(
        "a",
        "request('action')",
        N_("Action fields"),
        id="entry.action_fields",
        show=False,
        tooltip=N_("Edit owner, due date, status, ... of an action"),
    ),
    Binding(
        "s",
        "request('sort')",
        N_("Sort by votes"),
        id="entry.sort",
        show=False,
        tooltip=N_("Sort the pane by votes (toggle)"),
    ),
    Binding(
        "ctrl+up,shift+up",
        "request('move_up')",
        N_("Move up"),
        id="entry.move_up",
        show=False,
        tooltip=N_("Move the entry up"),
    ),
    Binding(
        "ctrl+down,shift+down",
        "request('move_down')",
        N_("Move down"),
        id="entry.move_down",
        show=False,
        tooltip=N_("Move the entry down"),
    ),
    Binding(
        ",".join(CAPTURE_KEYS),
        "request('capture')",
        N_("Add"),
        id="entry.capture",
        show=False,
        tooltip=N_("Type a new entry in the pane's input (also Enter on an empty list)"),
    ),
]
