"""Help: every key binding of the screen it was opened from, grouped by where it applies."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.actions import ActionError
from textual.actions import parse as parse_action
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from workshop_tui.core.i18n import N_, _

#: section titles for the classes that define bindings (others use their class name)
#: (listed in this order; other classes after them, the app's own keys last)
SECTION_TITLES = {
    "SessionScreen": N_("Session screen"),
    "StartScreen": N_("Start screen"),
    "EntryList": N_("In a pane's list (the selected entry)"),
    "CaptureInput": N_("In a pane's input"),
    "TopicNavigator": N_("In the topics list"),
    "LinkPicker": N_("Link picker"),
    "PlenaryScreen": N_("Plenary"),
    "ThemesView": N_("Themes"),
    "ActionsScreen": N_("Action list"),
    "SessionsScreen": N_("Sessions browser"),
    "SearchScreen": N_("Search"),
    "RegisterScreen": N_("Action register"),
    "CompareScreen": N_("Compare two workshops"),
    "RowTable": N_("In the table"),
    "FollowUpScreen": N_("Follow-up review"),
    "WorkshopApp": N_("Everywhere"),
}
_ORDER = list(SECTION_TITLES)


def binding_sections(screen: Screen[object]) -> list[tuple[str, list[Binding]]]:
    """``[(section title, bindings)]`` for the screen, its widgets that define bindings, and the app.

    Only bindings with a description are listed; each class is listed once.
    """
    nodes: list[DOMNode] = [screen]
    instances: dict[type, list[DOMNode]] = {type(screen): [screen]}
    for widget in screen.query("*"):
        cls = type(widget)
        if not cls.__module__.startswith("workshop_tui."):
            continue
        if cls not in instances:
            instances[cls] = []
            nodes.append(widget)
        instances[cls].append(widget)
    nodes.sort(
        key=lambda n: (
            _ORDER.index(type(n).__name__) if type(n).__name__ in _ORDER else len(_ORDER) - 1
        )
    )
    nodes.append(screen.app)
    instances[type(screen.app)] = [screen.app]
    sections: list[tuple[str, list[Binding]]] = []
    for node in nodes:
        same_kind = instances.get(type(node), [node])
        bindings = [
            b
            for b in _own_bindings(node)
            if b.description and any(_works(other, b) for other in same_kind)
        ]
        if bindings:
            name = type(node).__name__
            sections.append((_(SECTION_TITLES.get(name, name)), bindings))
    return sections


def _works(node: DOMNode, binding: Binding) -> bool:
    """Whether the node offers the binding now (``check_action`` not False): a read-only
    session's editing keys, say, are not listed. A binding counts if any widget of the
    class offers it (Vote works in the Challenges list, Link in the Solutions list)."""
    try:
        _, name, parameters = parse_action(binding.action)
    except ActionError:
        return True
    if "." in binding.action.split("(")[0]:
        return True  # another node's action (app.help): that node decides
    return node.check_action(name, parameters) is not False


def _own_bindings(node: DOMNode) -> list[Binding]:
    found: list[Binding] = []
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("workshop_tui."):
            continue
        for item in cls.__dict__.get("BINDINGS", []):
            if isinstance(item, Binding):
                found.append(item)
    return found


def _key_text(app_screen: Screen[object], binding: Binding) -> str:
    return " / ".join(
        app_screen.app.get_key_display(Binding(key, "")) for key in binding.key.split(",")
    )


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of ``target`` (the screen underneath)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", N_("Close help"), id="help.close"),
    ]

    def __init__(self, target: Screen[object]) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog") as dialog:
            dialog.border_title = _("Keys")
            with VerticalScroll(id="help-scroll"):
                for title, bindings in binding_sections(self.target):
                    yield Label(Text(title, "bold"), classes="help-section")
                    table = Table.grid(padding=(0, 2))
                    table.add_column(no_wrap=True, min_width=14)
                    table.add_column()
                    for binding in bindings:
                        table.add_row(
                            Text(_key_text(self.target, binding), "bold"),
                            _(binding.tooltip or binding.description),
                        )
                    yield Static(table, classes="help-table")
                if isinstance(self.app, App):
                    yield Label(Text(_("Command palette"), "bold"), classes="help-section")
                    yield Static(
                        _("{key}  every command by name").format(
                            key=self.app.COMMAND_PALETTE_BINDING
                        )
                    )
            yield Label(_("Esc closes · ctrl+p: every command by name"), classes="dialog-help")

    def action_close(self) -> None:
        self.dismiss(None)

    def language_changed(self) -> None:
        self.refresh(recompose=True)
