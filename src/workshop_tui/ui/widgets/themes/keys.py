"""The keys of the Themes tab: accept, reject, rename, move, merge, mark, vote, consolidate.

A mixin of :class:`~workshop_tui.ui.widgets.themes.view.ThemesView`: every change goes through
the app's store writer (a thread, in order) and can be undone with ctrl+z.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList

from workshop_tui.core.agenda import Agenda
from workshop_tui.core.i18n import _
from workshop_tui.core.model import EntryKind
from workshop_tui.core.store import SessionStore
from workshop_tui.core.themes import actions as plan
from workshop_tui.core.themes import book
from workshop_tui.core.themes.model import THEME_KINDS, Theme, ranking
from workshop_tui.ui.widgets.themes.dialogs import (
    ChoicePrompt,
    ConsolidateDialog,
    ConsolidateRequest,
    TextPrompt,
)
from workshop_tui.ui.widgets.themes.rows import Row, one_line
from workshop_tui.ui.writer import store_writer

if TYPE_CHECKING:  # the suggestion engine loads in the worker, not at start-up
    from workshop_tui.core.themes.suggest import Suggestion

#: session-state key: suggestions the room rejected (their member sets)
REJECTED_STATE_KEY = "themes_rejected"


class ThemesChanged(Message):
    """Themes or actions changed in the Themes tab (a screen may redraw what depends on them)."""


class ThemeKeys(Widget):
    """The Themes tab's key actions (see the module docstring); the view holds the state."""

    store: SessionStore
    agenda: Agenda
    kind: EntryKind
    topic_id: str | None
    voter: int
    marked: list[str]
    suggestions: list[Suggestion]
    themes: list[Theme]
    rows: dict[str, Row]
    undo_stack: list[Callable[[], Any]]
    focus_key: str

    @property
    def group(self) -> str:
        groups = self.agenda.group_names
        return groups[self.voter % len(groups)]

    def reload(self) -> None:
        raise NotImplementedError

    def draw(self) -> None:
        raise NotImplementedError

    def _row(self) -> Row | None:
        raise NotImplementedError

    # -- changes ---------------------------------------------------------------------------
    def _submit(
        self,
        what: str,
        change: Callable[[], Any],
        undo: Callable[[Any], Callable[[], Any]] | None = None,
    ) -> None:
        """Save ``change`` through the app's writer, then redraw; ``undo(result)`` gives the
        change that puts it back (pushed on this view's undo stack)."""

        def done(result: Any) -> None:
            if undo is not None:
                self.undo_stack.append(undo(result))
            message = getattr(result, "message", "") or (
                result[1].message if isinstance(result, tuple) else ""
            )
            if message:
                self.app.notify(message, title=_("Themes"))
            if isinstance(result, tuple) and isinstance(result[0], Theme):
                self.focus_key = f"T:{result[0].id}"
            self.reload()
            self.post_message(ThemesChanged())

        store_writer(self.app).submit(what, change, done, owner=self)

    def _theme_undo(self, result: Any) -> Callable[[], Any]:
        change = result[1] if isinstance(result, tuple) else result
        return lambda: book.undo(self.store, change)

    def _selected_entry_ids(self) -> list[str]:
        row = self._row()
        return [row.entry_id] if row is not None and row.entry_id else []

    @on(OptionList.OptionSelected, "#themes-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        row = self.rows.get(event.option.id or "")
        if row is None or row.suggestion < 0:
            return
        suggestion = self.suggestions[row.suggestion]
        topic = self.topic_id
        store = self.store
        self._submit(
            _("Accept"),
            lambda: book.accept_suggestion(
                store, suggestion.title, list(suggestion.entries), topic
            ),
            self._theme_undo,
        )

    def action_reject(self) -> None:
        row = self._row()
        if row is None:
            return
        if row.suggestion >= 0:
            signature = self.suggestions[row.suggestion].signature
            store = self.store
            state = store.get_state().get(REJECTED_STATE_KEY) or []
            rejected = [*state, signature] if isinstance(state, list) else [signature]
            self._submit(
                _("Reject"),
                lambda: store.set_state(**{REJECTED_STATE_KEY: rejected}),
                lambda _result: lambda: store.set_state(**{REJECTED_STATE_KEY: list(state)}),
            )
        elif row.kind == "theme":
            store, theme_id = self.store, row.theme_id
            self._submit(
                _("Dissolve"), lambda: book.delete_theme(store, theme_id), self._theme_undo
            )

    def action_rename(self) -> None:
        row = self._row()
        if row is None or not row.theme_id:
            self.app.notify(_("Highlight a theme to rename it"), severity="warning")
            return
        theme = book.get_theme(self.store, row.theme_id)
        store = self.store

        def renamed(title: str | None) -> None:
            if title is not None:
                self._submit(
                    _("Rename"), lambda: book.rename_theme(store, theme.id, title), self._theme_undo
                )

        self.app.push_screen(TextPrompt(_("Rename the theme"), theme.title), renamed)

    def _pick_theme(
        self, title: str, exclude: str, with_none: bool, then: Callable[[str | None], None]
    ) -> None:
        choices = [
            (t.id, t.title) for t in ranking(self.themes) if t.kind == self.kind and t.id != exclude
        ]
        if with_none:
            choices.append(("-", _("(out of every theme)")))
        if not choices:
            self.app.notify(_("There is no other theme of this kind yet"), severity="warning")
            return
        self.app.push_screen(ChoicePrompt(title, choices), then)

    def action_move(self) -> None:
        ids = self._selected_entry_ids()
        if not ids:
            self.app.notify(_("Highlight an entry to move it"), severity="warning")
            return
        row = self._row()
        store, entry_id = self.store, ids[0]

        def moved(target: str | None) -> None:
            if target is not None:
                theme_id = None if target == "-" else target
                self._submit(
                    _("Move"), lambda: book.move_entry(store, entry_id, theme_id), self._theme_undo
                )

        self._pick_theme(_("Move the entry to"), row.theme_id if row else "", True, moved)

    def action_merge(self) -> None:
        row = self._row()
        if row is None or row.kind != "theme":
            self.app.notify(_("Highlight a theme to merge another into it"), severity="warning")
            return
        store, keep = self.store, row.theme_id

        def merged(other: str | None) -> None:
            if other is not None:
                self._submit(
                    _("Merge"), lambda: book.merge_themes_into(store, keep, other), self._theme_undo
                )

        self._pick_theme(_("Merge into this theme"), keep, False, merged)

    def action_mark(self) -> None:
        ids = self._selected_entry_ids()
        if not ids:
            return
        if ids[0] in self.marked:
            self.marked.remove(ids[0])
        else:
            self.marked.append(ids[0])
        self.draw()

    def action_new_theme(self) -> None:
        if not self.marked:
            self.app.notify(_("Mark entries with Space first"), severity="warning")
            return
        marked, store = list(self.marked), self.store
        first = self.store.get(marked[0]).text

        def made(title: str | None) -> None:
            if title is not None:
                self.marked = []
                self._submit(
                    _("New theme"),
                    lambda: book.create_theme(store, title, marked),
                    self._theme_undo,
                )

        self.app.push_screen(TextPrompt(_("Title of the new theme"), one_line(first, 60)), made)

    def action_vote(self, delta: int) -> None:
        row = self._row()
        if row is None or not row.theme_id:
            self.app.notify(_("Highlight a theme to place a dot"), severity="warning")
            return
        store, theme_id, group = self.store, row.theme_id, self.group
        self._submit(
            _("Dot"),
            lambda: book.vote(store, theme_id, group, delta),
            self._theme_undo,
        )

    def action_voter(self, delta: int) -> None:
        self.voter = (self.voter + delta) % len(self.agenda.group_names)
        self.draw()

    def action_dots(self) -> None:
        store = self.store

        def chosen(value: str | None) -> None:
            if value is None:
                return
            if not value.strip().isdigit():
                self.app.notify(_("Give a whole number of dots"), severity="warning")
                return
            self._submit(_("Dots per group"), lambda: book.set_dots_per_group(store, int(value)))

        self.app.push_screen(
            TextPrompt(_("Dots per group for the themes"), str(book.dots_per_group(store))), chosen
        )

    def action_kind(self) -> None:
        kinds = list(THEME_KINDS)
        self.kind = kinds[(kinds.index(self.kind) + 1) % len(kinds)]
        self.marked = []
        self.reload()

    def action_scope(self, delta: int) -> None:
        scopes: list[str | None] = [None, *(t.id for t in self.agenda.topics)]
        self.topic_id = scopes[(scopes.index(self.topic_id) + delta) % len(scopes)]
        self.marked = []
        self.reload()

    def action_consolidate(self) -> None:
        row = self._row()
        if row is None or not row.theme_id:
            self.app.notify(_("Highlight a theme to merge its actions"), severity="warning")
            return
        theme = book.get_theme(self.store, row.theme_id)
        candidates = [
            a
            for a in plan.theme_actions(self.store, theme)
            if a.action is not None and not a.action.merged_into
        ]
        if len(candidates) < 2:
            self.app.notify(
                _("This theme has fewer than two actions to merge (link actions to its entries)"),
                severity="warning",
            )
            return
        labelled = [
            (a, f"{a.group} {plan.action_label(self.store, a)}: {one_line(a.text, 56)}")
            for a in candidates
        ]
        store = self.store

        def chosen(request: ConsolidateRequest | None) -> None:
            if request is None:
                return

            def change() -> plan.Consolidation:
                return plan.consolidate(
                    store,
                    theme.id,
                    request.action_ids,
                    text=request.text,
                    owner=request.owner,
                    unit=request.unit,
                    level=request.level,
                    due=request.due,
                )

            def undo(result: plan.Consolidation) -> Callable[[], Any]:
                return lambda: plan.undo_consolidation(store, result.consolidated.id)

            self._submit(_("Merge actions"), change, undo)

        self.app.push_screen(ConsolidateDialog(theme.title, labelled), chosen)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.app.notify(_("Nothing to undo in the themes"), severity="warning")
            return
        step = self.undo_stack.pop()
        self._submit(_("Undo"), step)
