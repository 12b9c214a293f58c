"""The plenary's Themes tab: walk the suggestions with the room, keep themes, vote, rank.

One list, three parts: the **themes** (ranked by the plenary's dots, with the groups that
raised each and their entries), the **suggestions** for the entries no theme holds yet (each
member with the words it shares — the reason), and the entries **not in any theme**. Keys act
on the highlighted row: Enter accepts a suggestion, x rejects it (or dissolves a theme), e
renames, m moves an entry, M merges two themes, Space marks entries and n makes a theme of
them, v / V place and take back the voting group's dot ([ ] choose the group), a merges the
theme's actions into one consolidated action, ctrl+z undoes.

Suggestions are computed in a thread worker (numpy and the stemmers load there on first use),
so typing and moving never wait for them. Changes go through the app's store writer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import SessionStore, StoreError
from workshop_tui.core.themes import actions as plan
from workshop_tui.core.themes import book
from workshop_tui.core.themes.model import Theme, ranking, theme_of_entries
from workshop_tui.ui.widgets.themes.keys import REJECTED_STATE_KEY, ThemeKeys
from workshop_tui.ui.widgets.themes.rows import KIND_NAMES, Row, one_line

if TYPE_CHECKING:  # the suggestion engine loads in the worker, not at start-up
    from workshop_tui.core.themes.suggest import Suggestion

POLL_SECONDS = 2.0


class ThemesView(ThemeKeys, Vertical):
    """The Themes tab of the plenary (see the module docstring)."""

    DEFAULT_CSS = """
    ThemesView { height: 1fr; }
    ThemesView #themes-head { height: auto; background: $panel; padding: 0 1; }
    ThemesView #themes-list { height: 1fr; }
    ThemesView #themes-detail { height: auto; max-height: 7; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "reject", N_("Reject"), id="themes.reject", show=False),
        Binding("e", "rename", N_("Rename"), id="themes.rename", show=False),
        Binding("m", "move", N_("Move"), id="themes.move", show=False),
        Binding("M", "merge", N_("Merge themes"), id="themes.merge", show=False),
        Binding("space", "mark", N_("Mark"), id="themes.mark", show=False),
        Binding("n", "new_theme", N_("Theme of marked"), id="themes.new", show=False),
        Binding("v", "vote(1)", N_("Dot"), id="themes.vote"),
        Binding("V", "vote(-1)", N_("Take dot back"), id="themes.unvote", show=False),
        Binding(
            "left_square_bracket",
            "voter(-1)",
            N_("Prev voting group"),
            id="themes.voter_prev",
            show=False,
        ),
        Binding(
            "right_square_bracket",
            "voter(1)",
            N_("Next voting group"),
            id="themes.voter_next",
            show=False,
        ),
        Binding("d", "dots", N_("Dots per group"), id="themes.dots", show=False),
        Binding("a", "consolidate", N_("Merge actions"), id="themes.consolidate"),
        Binding("k", "kind", N_("Kind"), id="themes.kind", show=False),
        Binding(
            "left_curly_bracket", "scope(-1)", N_("Prev topic"), id="themes.topic_prev", show=False
        ),
        Binding(
            "right_curly_bracket", "scope(1)", N_("Next topic"), id="themes.topic_next", show=False
        ),
        Binding("ctrl+z", "undo", N_("Undo"), id="themes.undo", show=False),
    ]

    def __init__(self, store: SessionStore, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.store = store
        self.agenda = store.session.agenda
        self.kind = EntryKind.CHALLENGE
        self.topic_id: str | None = None  # None: across topics
        self.voter = 0  # index of the group placing dots
        self.marked: list[str] = []
        self.suggestions: list[Suggestion] = []
        self.themes: list[Theme] = []
        self.rows: dict[str, Row] = {}
        self.undo_stack: list[Callable[[], Any]] = []
        self._shown_generation = -1
        self._suggest_key: tuple[Any, ...] = ()
        self.computing = False
        #: the row to highlight at the next draw (a theme just made)
        self.focus_key = ""
        self._poll_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="themes-head")
        yield OptionList(id="themes-list")
        yield Static(id="themes-detail")

    def on_mount(self) -> None:
        self.reload()
        self._poll_timer = self.set_interval(POLL_SECONDS, self._poll)

    def pause_polling(self) -> None:
        """Its screen is not shown (the plenary is kept between opens): no reloads."""
        if self._poll_timer is not None:
            self._poll_timer.pause()

    def resume_polling(self) -> None:
        """Shown again: catch up with the store now, then poll as before."""
        if self._poll_timer is not None:
            self._poll_timer.resume()
            self._poll()

    def focus_list(self) -> None:
        self.query_one("#themes-list", OptionList).focus()

    # -- data ------------------------------------------------------------------------------
    def _poll(self) -> None:
        if self.store.generation != self._shown_generation and self.is_attached:
            self.reload()

    def reload(self) -> None:
        """Read themes and entries again, draw, and ask for new suggestions if needed."""
        generation = self.store.generation
        try:
            self.themes = book.load_themes(self.store)
            entries = self._candidates()
        except StoreError as err:
            self.app.notify(str(err), title=_("Cannot read the themes"), severity="error")
            return
        self._shown_generation = generation
        taken = theme_of_entries(self.themes)
        free = [e for e in entries if e.id not in taken]
        rejected = self.store.get_state().get(REJECTED_STATE_KEY) or []
        key = (
            self.kind,
            self.topic_id,
            tuple((e.id, e.text) for e in free),
            tuple(rejected) if isinstance(rejected, list) else (),
        )
        if key != self._suggest_key:
            self._suggest_key = key
            self.computing = True
            self._compute(free, set(rejected) if isinstance(rejected, list) else set())
        self.draw()

    def _candidates(self) -> list[Entry]:
        return [
            e
            for e in self.store.entries(topic_id=self.topic_id, kind=self.kind)
            if e.text.strip() and not (e.action is not None and e.action.merged_from)
        ]

    @work(thread=True, exclusive=True, group="themes-suggest")
    def _compute(self, free: list[Entry], rejected: set[str]) -> None:
        """Suggestions for the entries no theme holds (a thread: numpy and stemmers load here)."""
        from workshop_tui.core.themes.glossary import combined
        from workshop_tui.core.themes.suggest import suggest_themes

        found = suggest_themes(
            free,
            kind=self.kind,
            glossary=combined(self.agenda.glossary),
            language=self.agenda.language,
            topic_titles={t.id: t.title for t in self.agenda.topics},
        )
        found = [s for s in found if s.signature not in rejected]
        self.app.call_from_thread(self._suggested, found)

    def _suggested(self, found: list[Suggestion]) -> None:
        self.suggestions = found
        self.computing = False
        self.draw()

    # -- drawing ---------------------------------------------------------------------------
    def draw(self) -> None:
        topic = _("all topics") if self.topic_id is None else self.agenda.topic(self.topic_id).title
        dots = book.dots_per_group(self.store)
        left = dots - book.dots_used(self.themes, self.group)
        head = Text.assemble(
            (_("Themes"), "bold"),
            f" · {_(KIND_NAMES[self.kind])} · {topic} · ",
            (
                ngettext(
                    "{group} places dots: {left} of {n} left",
                    "{group} places dots: {left} of {n} left",
                    dots,
                ).format(group=self.group, left=left, n=dots),
                "bold",
            ),
        )
        head.append(
            "\n" + _("Enter accept · x reject · e rename · m move · v dot · a actions · F1 keys"),
            "dim",
        )
        self.query_one("#themes-head", Static).update(head)
        entries = {e.id: e for e in self.store.entries(include_deleted=False)}
        options: list[Option | None] = []
        self.rows = {}

        def add(row: Row, prompt: Text, key: str) -> None:
            self.rows[key] = row
            options.append(Option(prompt, id=key))

        def header(text: str) -> None:
            options.append(Option(Text(text, "bold reverse"), disabled=True))

        order = {g: i for i, g in enumerate(self.agenda.group_names)}
        mine = [t for t in ranking(self.themes) if t.kind == self.kind]
        if self.topic_id is not None:
            mine = [t for t in mine if t.topic_id in (self.topic_id, "")]
        header(_("Themes, ranked by dots ({n})").format(n=len(mine)))
        if not mine:
            options.append(
                Option(
                    Text(_("  none yet: accept a suggestion below (Enter)"), "dim"), disabled=True
                )
            )
        for number, theme in enumerate(mine, 1):
            members = sorted(
                (entries[m] for m in theme.members if m in entries),
                key=lambda e: (order.get(e.group, 99), e.position, e.created),
            )
            groups = sorted({e.group for e in members if e.group})
            line = Text.assemble(
                (f"{number}. ", "bold"),
                (theme.title, "bold"),
                ("  " + "●" * min(theme.vote_count, 12), "yellow"),
                f" {theme.vote_count}  ",
                (" · ".join(groups), "cyan"),
            )
            add(Row("theme", theme_id=theme.id), line, f"T:{theme.id}")
            for entry in members:
                add(
                    Row("member", theme_id=theme.id, entry_id=entry.id),
                    self._entry_line(entry),
                    f"E:{theme.id}:{entry.id}",
                )
        suggested_ids: set[str] = set()
        header(
            _("Suggestions: computing…")
            if self.computing
            else _("Suggestions ({n}): Enter accepts, x rejects").format(n=len(self.suggestions))
        )
        for index, suggestion in enumerate(self.suggestions):
            members = [entries[i] for i in suggestion.entries if i in entries]
            groups = sorted({e.group for e in members})
            line = Text.assemble(
                ("? ", "bold magenta"),
                (suggestion.title, "bold"),
                "  ",
                (" · ".join(groups), "cyan"),
            )
            add(Row("suggestion", suggestion=index), line, f"S:{index}")
            for entry in members:
                suggested_ids.add(entry.id)
                reason = ", ".join(suggestion.reasons.get(entry.id, ()))
                add(
                    Row("suggested", entry_id=entry.id, suggestion=index),
                    self._entry_line(entry, reason),
                    f"SE:{index}:{entry.id}",
                )
        taken = theme_of_entries(self.themes)
        free = [e for e in self._candidates() if e.id not in taken and e.id not in suggested_ids]
        header(_("Not in any theme ({n})").format(n=len(free)))
        for entry in free:
            add(Row("free", entry_id=entry.id), self._entry_line(entry), f"U:{entry.id}")
        option_list = self.query_one("#themes-list", OptionList)
        keep = option_list.highlighted_option.id if option_list.highlighted_option else None
        if self.focus_key:  # a theme just made: show it
            keep, self.focus_key = self.focus_key, ""
        option_list.set_options(o for o in options if o is not None)
        if keep is not None and keep in self.rows:
            option_list.highlighted = option_list.get_option_index(keep)
        elif self.rows:
            option_list.highlighted = option_list.get_option_index(next(iter(self.rows)))
        self._show_detail()

    def _entry_line(self, entry: Entry, reason: str = "") -> Text:
        mark = "✓ " if entry.id in self.marked else "  "
        line = Text.assemble(
            ("   " + mark, "bold green"), (f"{entry.group}: ", "cyan"), one_line(entry.text)
        )
        if entry.action is not None and entry.action.merged_into:
            try:
                label = plan.action_label(self.store, self.store.get(entry.action.merged_into))
                line.append("  " + _("merged into {label}").format(label=label), "italic yellow")
            except KeyError:
                pass
        if reason:
            line.append(f"  [{reason}]", "dim")
        return line

    def _show_detail(self) -> None:
        detail = self.query_one("#themes-detail", Static)
        row = self._row()
        if row is None:
            detail.update(_("Nothing to show for this kind and topic yet."))
            return
        if row.kind in ("theme", "member"):
            detail.update(self._theme_detail(row.theme_id))
        elif row.kind in ("suggestion", "suggested"):
            suggestion = self.suggestions[row.suggestion]
            text = Text(suggestion.title, "bold")
            text.append(
                "\n" + _("shared: {words}").format(words=", ".join(suggestion.shared_words))
            )
            text.append(
                "\n" + _("Enter accepts it as a theme · x rejects it · m moves an entry"), "dim"
            )
            detail.update(text)
        else:
            entry = self.store.get(row.entry_id)
            detail.update(Text.assemble((f"{entry.group}: ", "cyan"), one_line(entry.text)))

    def _theme_detail(self, theme_id: str) -> Text:
        theme = next((t for t in self.themes if t.id == theme_id), None)
        if theme is None:
            return Text()
        text = Text(theme.title, "bold")
        votes = ", ".join(f"{g} {n}" for g, n in sorted(theme.votes.items())) or _("no dots yet")
        text.append("  " + _("dots: {votes}").format(votes=votes))
        proposed = [
            a
            for a in plan.theme_actions(self.store, theme)
            if a.action is not None and not a.action.merged_into
        ]
        merged = plan.consolidated_actions(self.store, theme.id)
        for action in merged:
            text.append(f"\n{plan.action_label(self.store, action)} ", "bold yellow")
            text.append(one_line(action.text, 100))
        if proposed:
            text.append(
                "\n"
                + ngettext(
                    "{n} action proposed by the groups (a merges actions)",
                    "{n} actions proposed by the groups (a merges actions)",
                    len(proposed),
                ).format(n=len(proposed)),
                "dim",
            )
        return text

    def _row(self) -> Row | None:
        option = self.query_one("#themes-list", OptionList).highlighted_option
        return self.rows.get(option.id) if option is not None and option.id else None

    @on(OptionList.OptionHighlighted, "#themes-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()
