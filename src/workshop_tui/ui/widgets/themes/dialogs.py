"""Small dialogs of the plenary's Themes tab: a text prompt, a choice list, and the
"merge actions" form that makes one consolidated action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.model import ActionLevel, Entry, parse_date

_DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72; max-width: 100%; height: auto; max-height: 100%;
    padding: 0 1; border: thick $primary; background: $surface;
}}
{name} .dialog-title {{ text-style: bold; margin-bottom: 1; }}
{name} .dialog-hint {{ color: $text-muted; }}
{name} .dialog-error {{ color: $text-error; }}
"""


class TextPrompt(ModalScreen[str | None]):
    """One line of text (a theme's title, a number of dots); Enter keeps it, Esc cancels."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="TextPrompt")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="themes_prompt.cancel"),
    ]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self._title, self._value, self._hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, classes="dialog-title", markup=False)
            yield Input(value=self._value, id="prompt-input")
            yield Static(self._hint or _("Enter to keep · Esc to cancel"), classes="dialog-hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChoicePrompt(ModalScreen[str | None]):
    """Pick one of ``choices`` (id, label); Enter picks, Esc cancels."""

    DEFAULT_CSS = _DIALOG_CSS.format(name="ChoicePrompt") + (
        "ChoicePrompt OptionList { height: auto; max-height: 16; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="themes_choice.cancel"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self._title, self._choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title, classes="dialog-title", markup=False)
            yield OptionList(*(Option(label, id=key) for key, label in self._choices))
            yield Static(_("Enter to choose · Esc to cancel"), classes="dialog-hint")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class ConsolidateRequest:
    """What the facilitator chose in the "merge actions" form."""

    action_ids: list[str]
    text: str
    owner: str
    unit: str
    level: ActionLevel | None  # None: from the originals
    due: str


LEVEL_CHOICES = (
    ("", N_("level from the originals")),
    (ActionLevel.INSTITUTIONAL.value, N_("institutional")),
    (ActionLevel.INDIVIDUAL.value, N_("individual")),
)


class ConsolidateDialog(ModalScreen[ConsolidateRequest | None]):
    """Choose the theme's actions to merge and write the consolidated action."""

    # compact fields (no borders): the whole form fits an 80×24 screen
    DEFAULT_CSS = _DIALOG_CSS.format(name="ConsolidateDialog") + (
        "ConsolidateDialog SelectionList { height: auto; min-height: 2; max-height: 6; "
        "border: none; padding: 0; margin-bottom: 1; }"
        "ConsolidateDialog Input { border: none; height: 1; padding: 0 1; margin-bottom: 1; "
        "background: $boost; }"
        "ConsolidateDialog Input:focus { border: none; background: $primary 30%; }"
        "ConsolidateDialog OptionList { height: 3; border: none; padding: 0; }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Merge"), id="themes_consolidate.save", priority=True),
        Binding("escape", "cancel", N_("Cancel"), id="themes_consolidate.cancel"),
    ]

    def __init__(self, theme_title: str, actions: list[tuple[Entry, str]]) -> None:
        super().__init__()
        self._theme_title = theme_title
        self._actions = actions  # (action, its label for the list)

    def compose(self) -> ComposeResult:
        first = self._actions[0][0] if self._actions else None
        with Vertical():
            yield Label(
                _("Merge actions of: {theme}").format(theme=self._theme_title),
                classes="dialog-title",
                markup=False,
            )
            yield SelectionList[str](
                *((label, action.id, True) for action, label in self._actions),
                id="consolidate-actions",
            )
            yield Input(
                value=first.text if first else "",
                placeholder=_("the consolidated action"),
                id="consolidate-text",
            )
            yield Input(
                placeholder=_("owner (empty: the first owner given)"), id="consolidate-owner"
            )
            yield Input(
                placeholder=_("responsible unit (empty: the first given)"), id="consolidate-unit"
            )
            yield Input(placeholder=_("due YYYY-MM-DD (empty: the earliest)"), id="consolidate-due")
            yield OptionList(
                *(Option(_(label), id=key or "from") for key, label in LEVEL_CHOICES),
                id="consolidate-level",
            )
            yield Static("", classes="dialog-error", id="consolidate-error")
            yield Static(_("ctrl+s merge · Esc cancel"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#consolidate-level", OptionList).highlighted = 0
        self.query_one("#consolidate-text", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#consolidate-error", Static).update(message)

    def action_save(self) -> None:
        chosen = list(self.query_one("#consolidate-actions", SelectionList).selected)
        text = self.query_one("#consolidate-text", Input).value.strip()
        due = self.query_one("#consolidate-due", Input).value.strip()
        if len(chosen) < 2:
            self._error(_("tick two or more actions to merge (Space ticks)"))
            return
        if not text:
            self._error(_("write the consolidated action"))
            return
        try:
            parse_date(due)
        except ValueError as err:
            self._error(str(err))
            return
        level_list = self.query_one("#consolidate-level", OptionList)
        option = level_list.highlighted_option
        level = None if option is None or option.id in (None, "from") else ActionLevel(option.id)
        self.dismiss(
            ConsolidateRequest(
                action_ids=[str(a) for a in chosen],
                text=text,
                owner=self.query_one("#consolidate-owner", Input).value.strip(),
                unit=self.query_one("#consolidate-unit", Input).value.strip(),
                level=level,
                due=due,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
