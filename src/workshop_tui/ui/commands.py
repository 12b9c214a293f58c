"""Command-palette provider: every key binding of the current screen, plus screen commands.

Bindings come from the screen's active binding chain (focused widget → screen → app), so the
palette offers exactly what the keys do right now, with the key shown as help. Screens may add
more commands (go to a topic, switch group, open a session) by defining
``palette_commands() -> list[PaletteCommand]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop_tui.core.i18n import _


@dataclass(frozen=True)
class PaletteCommand:
    """One command-palette entry."""

    title: str
    help: str
    run: Callable[[], Any]


def _binding_commands(provider: Provider) -> Iterable[PaletteCommand]:
    screen = provider.screen
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled or binding.system:
            continue
        if binding.action in ("command_palette", "quit"):
            continue  # the palette itself, and quit, which the system provider offers
        name = _(binding.description)  # descriptions are N_() marked: shown translated
        if name in seen:
            continue
        seen.add(name)
        display_key = provider.app.get_key_display(binding)
        help_text = _("key: {key}").format(key=display_key)
        if binding.tooltip:
            help_text += " — " + _(binding.tooltip)
        yield PaletteCommand(
            name, help_text, partial(provider.app.run_action, binding.action, active.node)
        )


def palette_commands_for(provider: Provider) -> list[PaletteCommand]:
    """All palette commands for the provider's screen: screen commands first, then keys."""
    commands: list[PaletteCommand] = []
    extra = getattr(provider.screen, "palette_commands", None)
    if callable(extra):
        commands.extend(extra())
    titles = {c.title for c in commands}
    commands.extend(c for c in _binding_commands(provider) if c.title not in titles)
    return commands


class WorkshopCommands(Provider):
    """The workshop's commands (see module docstring)."""

    async def discover(self) -> Hits:
        for command in palette_commands_for(self):
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in palette_commands_for(self):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    command.run,
                    text=command.title,
                    help=command.help,
                )
