"""The plenary's Themes tab: suggestions, themes, plenary dots and consolidated actions."""

from workshop_tui.ui.widgets.themes.view import ThemesView

__all__ = ["ThemesView"]
