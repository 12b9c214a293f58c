"""The consolidated action plan: per theme, the actions its groups proposed, merged into one.

A consolidated action is an ordinary action entry of the plenary (group ``""``) in the theme's
topic (or its first original's, for a theme across topics). Its action fields say where it
came from: ``merged_from`` (the originals) and ``theme``; it links to every challenge and
solution its originals link to. The originals are kept, marked ``merged_into`` — shown as
"merged into A1" — and leave the open action list of the consolidated export. Undo deletes the
consolidated action (a tombstone, as any delete) and clears the marks.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workshop_tui.core.capture import pane_labels
from workshop_tui.core.i18n import _
from workshop_tui.core.model import ActionFields, ActionLevel, Entry, EntryKind, now_iso
from workshop_tui.core.store import SessionStore
from workshop_tui.core.themes.book import ThemeError, get_theme
from workshop_tui.core.themes.model import Theme

#: the group of a consolidated action: the plenary, not one breakout group
PLENARY_GROUP = ""


def theme_actions(store: SessionStore, theme: Theme) -> list[Entry]:
    """Live actions the groups proposed for ``theme``: actions in it, actions linked to one
    of its entries, and actions linked to a solution that answers one of its challenges.
    Consolidated actions are not among them; in store order."""
    members = set(theme.members)
    if theme.kind == EntryKind.CHALLENGE:
        for solution in store.entries(kind=EntryKind.SOLUTION):
            if members & set(solution.links):
                members.add(solution.id)
    found = []
    for action in store.entries(kind=EntryKind.ACTION):
        if action.action is not None and action.action.merged_from:
            continue
        if action.id in members or members & set(action.links):
            found.append(action)
    return found


def consolidated_actions(store: SessionStore, theme_id: str | None = None) -> list[Entry]:
    """Live consolidated actions (of one theme, or all), in store order."""
    return [
        e
        for e in store.entries(kind=EntryKind.ACTION)
        if e.action is not None
        and e.action.merged_from
        and (theme_id is None or e.action.theme == theme_id)
    ]


def action_label(store: SessionStore, entry: Entry) -> str:
    """ "A3": the action's number in its pane (topic and group; the plenary's for a
    consolidated action)."""
    pane = store.entries(topic_id=entry.topic_id, group=entry.group, kind=EntryKind.ACTION)
    return pane_labels(pane).get(entry.id, "A?")


@dataclass(frozen=True)
class Consolidation:
    """A consolidated action just made: what undo needs."""

    consolidated: Entry
    originals_before: tuple[Entry, ...]


def consolidate(
    store: SessionStore,
    theme_id: str,
    action_ids: list[str],
    *,
    text: str,
    owner: str = "",
    unit: str = "",
    level: ActionLevel | None = None,
    due: str = "",
) -> Consolidation:
    """Merge ``action_ids`` (two or more live actions, none merged yet) into one new action
    for theme ``theme_id``. Empty ``owner``/``unit``/``due``/``level`` take the originals':
    the first owner and unit given, the earliest due date, institutional when any original is."""
    text = " ".join(text.split())
    if not text:
        raise ThemeError(_("the consolidated action needs a text"))
    with store.locked():
        theme = get_theme(store, theme_id)
        originals = [store.get(i) for i in dict.fromkeys(action_ids)]
        if len(originals) < 2:
            raise ThemeError(_("mark two or more actions to merge"))
        for original in originals:
            if original.deleted or original.kind != EntryKind.ACTION or original.action is None:
                raise ThemeError(_("only live actions can be merged"))
            if original.action.merged_into or original.action.merged_from:
                raise ThemeError(_("an action that is already merged cannot be merged again"))
        fields = [o.action for o in originals if o.action is not None]
        owners = [f.owner for f in fields if f.owner]
        partners = list(dict.fromkeys(p for f in fields for p in [*f.partners, *owners[1:]]))
        dues = sorted(f.due for f in fields if f.due)
        if level is None:
            institutional = any(f.level == ActionLevel.INSTITUTIONAL for f in fields)
            level = ActionLevel.INSTITUTIONAL if institutional else ActionLevel.INDIVIDUAL
        topic_id = theme.topic_id or originals[0].topic_id
        pane = store.entries(topic_id=topic_id, group=PLENARY_GROUP, kind=EntryKind.ACTION)
        links = list(dict.fromkeys(t for o in originals for t in o.links))
        at = now_iso()
        consolidated = Entry(
            kind=EntryKind.ACTION,
            topic_id=topic_id,
            group=PLENARY_GROUP,
            text=text,
            links=links,
            position=(pane[-1].position + 1.0) if pane else 1.0,
            created=at,
            action=ActionFields(
                owner=owner or (owners[0] if owners else ""),
                unit=unit or next((f.unit for f in fields if f.unit), ""),
                level=level,
                due=due or (dues[0] if dues else ""),
                partners=[p for p in partners if p != (owner or (owners[0] if owners else ""))],
                merged_from=[o.id for o in originals],
                theme=theme.id,
            ),
        )
        marked = [
            o.touched(at=at, action=replace(o.action, merged_into=consolidated.id))
            for o in originals
            if o.action is not None
        ]
        store.save_entries([consolidated, *marked])
    return Consolidation(consolidated, tuple(originals))


def undo_consolidation(store: SessionStore, consolidated_id: str) -> None:
    """Delete a consolidated action and clear the mark on its originals (one write)."""
    with store.locked():
        consolidated = store.get(consolidated_id)
        if consolidated.action is None or not consolidated.action.merged_from:
            raise ThemeError(_("this is not a consolidated action"))
        at = now_iso()
        changed = [consolidated.touched(at=at, deleted=True)]
        for original_id in consolidated.action.merged_from:
            try:
                original = store.get(original_id)
            except KeyError:
                continue
            if original.action is not None and original.action.merged_into == consolidated_id:
                changed.append(
                    original.touched(at=at, action=replace(original.action, merged_into=""))
                )
        store.save_entries(changed)


def consolidated_plan(store: SessionStore) -> list[Entry]:
    """The consolidated action plan (``--what actions --consolidated``): the consolidated
    actions, then every live action not merged into one — the actions no theme took, and any
    a theme's consolidation left out (an action is never dropped without a trace)."""
    actions = store.entries(kind=EntryKind.ACTION)
    merged = [e for e in actions if e.action is not None and e.action.merged_from]
    rest = [
        e
        for e in actions
        if e.action is not None and not e.action.merged_from and not e.action.merged_into
    ]
    return merged + rest
