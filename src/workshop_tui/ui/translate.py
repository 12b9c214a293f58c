"""Textual's parts in the UI language: the Footer, the command palette, system commands.

Binding descriptions and tooltips are written ``N_("...")`` at class level (English, the
catalog's source) and translated where they are shown: the :class:`Footer` here, the help
screen and the command palette. So switching the language re-renders them at once, with no
binding rebuilt. Textual's own words (its system commands, the palette's placeholder and
"No matches found", the ``^p palette`` key) are listed in :data:`TEXTUAL_MESSAGES` so they are
in the catalog too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer as _TextualFooter
from textual.widgets._footer import FooterKey, FooterLabel
from textual.widgets.option_list import Option

from workshop_tui.core.i18n import N_, _

#: Textual's own user-visible words (pinned release), so that the catalog translates them
TEXTUAL_MESSAGES = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("palette"),
    N_("Open the command palette"),
    N_("Quit the app and return to the command prompt."),
    N_("Exit the command palette"),
    N_("Search for commands…"),
    N_("No matches found"),
)


class Footer(_TextualFooter):
    """Textual's Footer with each key's description and tooltip in the UI language.

    Textual rebuilds every key of the footer each time the screen's bindings may have
    changed (every focus change, every screen shown), once per notice: opening a screen
    built the footer five or six times (~15 keys, each styled: tens of ms). Here a burst of
    notices rebuilds it once, and not at all when the keys it shows are the same (the start
    screen's footer did this for itself first)."""

    _footer_rebuild_pending = False
    _keys_composed: tuple[Any, ...] | None = None

    def compose(self) -> ComposeResult:
        self._keys_composed = self._footer_keys()
        for widget in super().compose():
            translate_footer_widget(widget)
            yield widget

    def _footer_keys(self) -> tuple[Any, ...] | None:
        """What :meth:`compose` draws from: the screen's shown bindings, enabled or not."""
        if not self._bindings_ready or not self.is_attached:
            return None
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "command_palette"
        )

    def bindings_changed(self, screen: Any) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._footer_rebuild_pending:
            self._footer_rebuild_pending = True
            self.call_after_refresh(self._rebuild_footer)

    async def _rebuild_footer(self) -> None:
        self._footer_rebuild_pending = False
        if self.is_attached and self._footer_keys() != self._keys_composed:
            await self.recompose()


def translate_footer_widget(widget: Any) -> None:
    if isinstance(widget, FooterKey):
        widget.description = _(widget.description)
        if isinstance(widget.tooltip, str):
            widget.tooltip = _(widget.tooltip)
    elif isinstance(widget, FooterLabel):
        text = widget.content
        if isinstance(text, str):
            widget.update(_(text))


class TranslatedCommandPalette(CommandPalette):
    """The command palette with its placeholder and "No matches found" translated."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("placeholder", _("Search for commands…"))
        super().__init__(**kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual builds the "No matches found" option inside this method; this is the same
        # method (Textual is pinned) with the text translated. tests/functional/test_i18n_app.py
        # checks the translated text shows.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                command_list = self.query_one(CommandList)
                command_list.add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN,
            _show_no_matches,
        )


def translated_system_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands (Theme, Quit, Keys, Screenshot, ...) in the UI language."""
    for command in commands:
        yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)
