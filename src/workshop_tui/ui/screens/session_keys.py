"""The session screen's key bindings and command-palette commands (kept apart to keep
``session.py`` about behaviour). Every binding has an id, a short description for the footer
and a tooltip for the help screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import EntryKind
from workshop_tui.ui.commands import PaletteCommand
from workshop_tui.ui.served import allows
from workshop_tui.ui.widgets.entries import PANE_TITLES

if TYPE_CHECKING:
    from workshop_tui.ui.screens.session import SessionScreen

PANE_KEYS = {
    "1": EntryKind.CHALLENGE,
    "2": EntryKind.SOLUTION,
    "3": EntryKind.ACTION,
    "4": EntryKind.PARKING,
    "5": EntryKind.NOTE,
}

SESSION_BINDINGS: list[BindingType] = [
    Binding(
        "question_mark",
        "app.help",
        N_("Help"),
        id="session.help",
        show=False,
        tooltip=N_("Show this list of keys (also f1)"),
    ),
    Binding(
        "left_square_bracket,alt+left",
        "group(-1)",
        N_("Prev group"),
        id="session.group_prev",
        show=False,
        tooltip=N_("Previous group"),
    ),
    Binding(
        "right_square_bracket,alt+right",
        "group(1)",
        N_("Group"),
        key_display="[ ]",
        id="session.group_next",
        tooltip=N_("Next group"),
    ),
    Binding(
        "left_curly_bracket,alt+up",
        "topic(-1)",
        N_("Prev topic"),
        id="session.topic_prev",
        show=False,
        tooltip=N_("Previous topic"),
    ),
    Binding(
        "right_curly_bracket,alt+down",
        "topic(1)",
        N_("Topic"),
        key_display="{ }",
        id="session.topic_next",
        tooltip=N_("Next topic"),
    ),
    Binding(
        "t",
        "focus_topics",
        N_("Topics"),
        id="session.focus_topics",
        show=False,
        tooltip=N_("Go to the topics list"),
    ),
    Binding(
        "1,alt+1",
        "focus_pane('challenge')",
        N_("Challenges"),
        id="session.focus_challenges",
        show=False,
        tooltip=N_("Go to the Challenges pane"),
    ),
    Binding(
        "2,alt+2",
        "focus_pane('solution')",
        N_("Solutions"),
        id="session.focus_solutions",
        show=False,
        tooltip=N_("Go to the Solutions pane"),
    ),
    Binding(
        "3,alt+3",
        "focus_pane('action')",
        N_("Actions"),
        id="session.focus_actions",
        show=False,
        tooltip=N_("Go to the Actions pane"),
    ),
    Binding(
        "4,alt+4",
        "focus_pane('parking')",
        N_("Parking lot"),
        id="session.focus_parking",
        show=False,
        tooltip=N_("Go to the parking lot"),
    ),
    Binding(
        "5,alt+5",
        "focus_pane('note')",
        N_("Notes"),
        id="session.focus_notes",
        show=False,
        tooltip=N_("Go to the facilitator notes"),
    ),
    Binding(
        "o",
        "toggle_extra",
        N_("Parking/notes"),
        id="session.toggle_extra",
        show=False,
        tooltip=N_("Show/hide the parking lot and notes"),
    ),
    Binding(
        "d",
        "toggle_info",
        N_("Description"),
        id="session.toggle_info",
        show=False,
        tooltip=N_("Show/hide the topic description and guiding questions"),
    ),
    Binding(
        "p",
        "timer('toggle')",
        N_("Timer"),
        id="session.timer_toggle",
        show=False,
        tooltip=N_("Start/pause the topic timer"),
    ),
    Binding(
        "R,shift+r",
        "timer('reset')",
        N_("Timer reset"),
        id="session.timer_reset",
        show=False,
        tooltip=N_("Reset the topic timer"),
    ),
    Binding(
        "m",
        "timer('set')",
        N_("Timer length"),
        id="session.timer_set",
        show=False,
        tooltip=N_("Set the topic timer's length"),
    ),
    Binding(
        "ctrl+z",
        "undo",
        N_("Undo"),
        id="session.undo",
        tooltip=N_("Undo the last change (several levels)"),
    ),
    Binding(
        "q",
        "quit",
        N_("Quit"),
        id="session.quit",
        show=False,  # the footer keeps room for f1 Help at 80 columns; ctrl+q works everywhere
        tooltip=N_("Quit (everything is already saved)"),
    ),
    Binding(
        "ctrl+e",
        "export",
        N_("Export"),
        id="session.export",
        show=False,
        priority=True,  # also while typing in a capture input (its ctrl+e = End key)
        tooltip=N_("Export actions (csv, xlsx, md, html, json, ics), the report or a bundle"),
    ),
    Binding(
        "I",
        "import_bundles",
        N_("Import"),
        id="session.import",
        show=False,
        tooltip=N_("Merge scribes' bundles into this session"),
    ),
]


#: The moves of the plain keys again, as priority bindings: the app runs them before it hands
#: the next key to the focused widget, so in a burst ("3i…", "]i…", tmux send-keys, a fast
#: typist) the keys after the move land where the move went. A binding the usual way runs
#: only once its key has bubbled up from the focused widget — after the keys behind it were
#: already handed to the old focus. Refused while an input has the focus (the key is text
#: there). No description: the footer, help and palette list the bindings above.
SESSION_BINDINGS += [
    *(
        Binding(key, f"key_focus_pane('{kind.value}')", "", show=False, priority=True)
        for key, kind in PANE_KEYS.items()
    ),
    # alt+digit switches panes while typing too
    *(
        Binding(f"alt+{key}", f"focus_pane('{kind.value}')", "", show=False, priority=True)
        for key, kind in PANE_KEYS.items()
    ),
    # Esc out of a pane's input: "Esc 2" typed fast is then pane 2, not a typed 2
    Binding("escape", "key_leave_input", "", show=False, priority=True),
    Binding("left_square_bracket", "key_group(-1)", "", show=False, priority=True),
    Binding("right_square_bracket", "key_group(1)", "", show=False, priority=True),
    Binding("left_curly_bracket", "key_topic(-1)", "", show=False, priority=True),
    Binding("right_curly_bracket", "key_topic(1)", "", show=False, priority=True),
]


def session_palette_commands(screen: SessionScreen) -> list[PaletteCommand]:
    """The session screen's own palette commands (its keys are added by the provider)."""
    commands: list[PaletteCommand] = [
        PaletteCommand(
            _("Close session (back to the start screen)"),
            _("everything is already saved"),
            screen.action_close_session,
        )
    ]
    if not screen.read_only and allows(screen.app, "end_session"):
        commands.append(
            PaletteCommand(
                _("End session (it becomes read-only)"),
                _("for the end of the workshop; the sessions browser can reopen it"),
                screen.action_end_session,
            )
        )
    for number, topic in enumerate(screen.agenda.topics, 1):
        commands.append(
            PaletteCommand(
                _("Go to topic {number}: {title}").format(number=number, title=topic.title),
                _("{timebox} min").format(timebox=topic.timebox),
                _bind(screen.set_topic, topic.id),
            )
        )
    if not screen.locked_group:
        for group in screen.groups:
            commands.append(
                PaletteCommand(
                    _("Switch to group: {group}").format(group=group),
                    _("keys [ and ]"),
                    _bind(screen.set_group, group),
                )
            )
    for key, kind in PANE_KEYS.items():
        commands.append(
            PaletteCommand(
                _("Go to pane: {pane}").format(pane=_(PANE_TITLES[kind])),
                _("key: {key}").format(key=key),
                _bind(screen._focus_kind, kind),
            )
        )
    pane = screen.pane(screen.current_kind)
    entry_list = pane.entry_list
    for title, operation in (
        (_("Edit selected entry"), "edit"),
        (_("Delete selected entry"), "delete"),
        (_("Vote for selected entry"), "vote"),
        (_("Remove a vote from selected entry"), "unvote"),
        (_("Link selected entry"), "link"),
        (_("Edit action fields"), "action"),
        (_("Sort pane by votes (toggle)"), "sort"),
        (_("Move selected entry up"), "move_up"),
        (_("Move selected entry down"), "move_down"),
    ):
        if entry_list.check_action("request", (operation,)) is False:
            continue  # not for this pane's kind, or the session is read-only
        commands.append(
            PaletteCommand(
                f"{title} ({_(PANE_TITLES[pane.kind])})",
                _("on the focused pane"),
                _bind(pane.request, operation),
            )
        )
    return commands


def _bind(function: Callable[[Any], Any], argument: Any) -> Callable[[], Any]:
    return lambda: function(argument)
