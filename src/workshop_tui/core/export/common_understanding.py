"""The report's "Common understanding" section: the plenary's themes by dots, the groups that
raised each, their entries, and the consolidated actions (docs/themes.md).

Shown only when the session has themes, so reports of sessions without a plenary synthesis
are unchanged. One gathering function and one renderer per report format (Markdown, HTML,
Word); the report modules call them between the topics and the summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_tui.core.export.markup import h, md_text
from workshop_tui.core.i18n import Translator
from workshop_tui.core.labels import kind_heading
from workshop_tui.core.model import Entry
from workshop_tui.core.store import SessionStore
from workshop_tui.core.themes import actions as plan
from workshop_tui.core.themes.book import load_themes
from workshop_tui.core.themes.model import ranking

if TYPE_CHECKING:
    from workshop_tui.core.export.docx.builder import DocxDocument


@dataclass(frozen=True)
class ThemeItem:
    title: str
    kind: str
    dots: int
    groups: tuple[str, ...]
    entries: tuple[tuple[str, str], ...]  # (group, text) in agenda group order
    actions: tuple[tuple[str, str, str], ...]  # consolidated: (label, text, "owner · due")


def common_understanding(store: SessionStore) -> list[ThemeItem]:
    """The live themes, most dots first, with what the report shows of each."""
    order = {g: i for i, g in enumerate(store.session.agenda.group_names)}
    items = []
    for theme in ranking(load_themes(store)):
        members: list[Entry] = []
        for entry_id in theme.members:
            try:
                entry = store.get(entry_id)
            except KeyError:
                continue
            if not entry.deleted:
                members.append(entry)
        members.sort(key=lambda e: (order.get(e.group, 99), e.position, e.created))
        consolidated = []
        for action in plan.consolidated_actions(store, theme.id):
            fields = action.action
            who = " · ".join(x for x in (fields.owner, fields.due) if x) if fields else ""
            consolidated.append((plan.action_label(store, action), action.text, who))
        items.append(
            ThemeItem(
                title=theme.title,
                kind=theme.kind.value,
                dots=theme.vote_count,
                groups=tuple(dict.fromkeys(e.group for e in members if e.group)),
                entries=tuple((e.group, " ".join(e.text.split())) for e in members),
                actions=tuple(consolidated),
            )
        )
    return items


def _heading(t: Translator) -> str:
    return t.gettext("Common understanding")


def _meta(item: ThemeItem, t: Translator) -> str:
    dots = t.ngettext("{n} dot", "{n} dots", item.dots).format(n=item.dots)
    raised = t.gettext("raised by {groups}").format(groups=", ".join(item.groups) or "—")
    return f"{kind_heading(item.kind, t)} · {dots} · {raised}"


def md_section(store: SessionStore, t: Translator) -> list[str]:
    """Markdown lines of the section (none when the session has no themes)."""
    items = common_understanding(store)
    if not items:
        return []
    out = ["## " + md_text(_heading(t)), ""]
    for number, item in enumerate(items, 1):
        out += [f"### {number}. {md_text(item.title)}", "", "_" + md_text(_meta(item, t)) + "_", ""]
        out += [f"- **{md_text(group)}:** {md_text(text)}" for group, text in item.entries] + [""]
        for label, text, who in item.actions:
            word = md_text(t.gettext("Consolidated action"))
            line = f"**{word} {label}:** {md_text(text)}"
            out += [line + (f" ({md_text(who)})" if who else ""), ""]
    return out


def html_section(store: SessionStore, t: Translator) -> str:
    """HTML of the section ("" when the session has no themes)."""
    items = common_understanding(store)
    if not items:
        return ""
    out = [f'<section class="topic"><h2>{h(_heading(t))}</h2>']
    for number, item in enumerate(items, 1):
        out.append(f'<h3 dir="auto">{number}. {h(item.title)}</h3>')
        out.append(f'<p class="muted">{h(_meta(item, t))}</p>')
        out.append(
            "<ul>"
            + "".join(
                f'<li dir="auto"><strong>{h(group)}:</strong> {h(text)}</li>'
                for group, text in item.entries
            )
            + "</ul>"
        )
        for label, text, who in item.actions:
            word = h(t.gettext("Consolidated action"))
            out.append(
                f'<p dir="auto"><strong>{word} {h(label)}:</strong> '
                f"{h(text)}" + (f' <span class="muted">({h(who)})</span>' if who else "") + "</p>"
            )
    out.append("</section>")
    return "\n".join(out)


def docx_section(document: DocxDocument, store: SessionStore, t: Translator) -> None:
    """The section in a Word report (nothing when the session has no themes)."""
    from workshop_tui.core.export.docx.builder import Run

    items = common_understanding(store)
    if not items:
        return
    document.heading(_heading(t), 1)
    for number, item in enumerate(items, 1):
        document.heading(f"{number}. {item.title}", 2)
        document.paragraph([Run(_meta(item, t), italic=True)])
        document.bullets([Run(group + ": ", bold=True), Run(text)] for group, text in item.entries)
        for label, text, who in item.actions:
            word = t.gettext("Consolidated action")
            runs = [Run(f"{word} {label}: ", bold=True), Run(text)]
            if who:
                runs.append(Run(f" ({who})", italic=True))
            document.paragraph(runs)
