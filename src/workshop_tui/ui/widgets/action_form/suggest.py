"""Suggestions for the action editor's fields."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester


class ListItemSuggester(Suggester):
    """Suggest a completion for the last item of a comma-separated list."""

    def __init__(self, suggestions: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._suggestions = list(suggestions)

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        for suggestion in self._suggestions:
            if suggestion.casefold().startswith(typed.casefold()):
                return value[: len(value) - len(typed)] + suggestion
        return None


def unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if name:
            seen.setdefault(name, None)
    return list(seen)
