"""Capture operations behind the session screen: numbering, voting, reordering, undo.

Pure domain logic over :class:`SessionStore`; the UI calls these and only renders. Every
change goes through the store (durable when the call returns) and returns an
:class:`UndoStep` that can put the touched entries back the way they were.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from workshop_tui.core.i18n import N_, _
from workshop_tui.core.labels import kind_label
from workshop_tui.core.model import VOTABLE_KINDS, ActionFields, Entry, EntryKind
from workshop_tui.core.store import SessionStore

#: label prefix per kind: "C1", "S2", "A3", "P1", "N1"
KIND_PREFIX: dict[EntryKind, str] = {
    EntryKind.CHALLENGE: "C",
    EntryKind.SOLUTION: "S",
    EntryKind.ACTION: "A",
    EntryKind.PARKING: "P",
    EntryKind.NOTE: "N",
}

#: which kinds an entry of a kind may link to (solution → challenges, action → both)
LINK_TARGETS: dict[EntryKind, tuple[EntryKind, ...]] = {
    EntryKind.SOLUTION: (EntryKind.CHALLENGE,),
    EntryKind.ACTION: (EntryKind.SOLUTION, EntryKind.CHALLENGE),
}

#: fields an undo puts back (everything a user can change)
#: what an undo step of an added entry is called (English, N_; shown with _())
_ADDED = {
    EntryKind.CHALLENGE: N_("add challenge"),
    EntryKind.SOLUTION: N_("add solution"),
    EntryKind.ACTION: N_("add action"),
    EntryKind.PARKING: N_("add parking lot"),
    EntryKind.NOTE: N_("add facilitator note"),
}
_RESTORED_FIELDS = ("text", "links", "votes", "position", "deleted", "action")


class CaptureError(Exception):
    """A capture operation the rules refuse (no votes left, nothing to link to, ...)."""


def pane_labels(entries: Iterable[Entry]) -> dict[str, str]:
    """Stable per-pane numbers: ``{entry_id: "C1"}`` in pane order (position, created)."""
    labels: dict[str, str] = {}
    counters: dict[EntryKind, int] = {}
    for entry in sorted(entries, key=lambda e: (e.position, e.created)):
        if entry.deleted:
            continue
        counters[entry.kind] = counters.get(entry.kind, 0) + 1
        labels[entry.id] = f"{KIND_PREFIX[entry.kind]}{counters[entry.kind]}"
    return labels


def link_candidates(store: SessionStore, entry: Entry) -> list[Entry]:
    """Entries of the same topic and group that ``entry`` may link to."""
    kinds = LINK_TARGETS.get(entry.kind, ())
    if not kinds:
        return []
    found = store.entries(topic_id=entry.topic_id, group=entry.group, kind=kinds)
    return sorted(found, key=lambda e: (kinds.index(e.kind), e.position, e.created))


def votes_used(store: SessionStore, topic_id: str, group: str) -> int:
    """Dots the group has placed on this topic's challenges and solutions."""
    entries = store.entries(topic_id=topic_id, kind=VOTABLE_KINDS)
    return sum(e.votes.get(group, 0) for e in entries)


def votes_left(store: SessionStore, topic_id: str, group: str) -> int:
    return max(0, store.session.votes_per_group - votes_used(store, topic_id, group))


@dataclass
class UndoStep:
    """What one change looked like before it happened."""

    description: str
    #: copies of the entries before the change; ``None`` marks an entry the change created
    before: dict[str, Entry | None] = field(default_factory=dict)


def _snapshot(entry: Entry) -> Entry:
    return copy.deepcopy(entry)


class Capture:
    """Changes to one session's entries, each recorded for undo (several levels)."""

    def __init__(self, store: SessionStore, *, max_undo: int = 100) -> None:
        self.store = store
        self.max_undo = max_undo
        self._undo: list[UndoStep] = []

    # -- undo --------------------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _record(self, step: UndoStep) -> None:
        self._undo.append(step)
        del self._undo[: -self.max_undo]

    def undo(self) -> UndoStep | None:
        """Revert the latest change; returns it (``None`` when there is nothing to undo).

        The step stays on the stack if the store refuses the write, so it can be retried.
        """
        if not self._undo:
            return None
        step = self._undo[-1]
        restored: list[Entry] = []
        with self.store.locked():
            for entry_id, before in step.before.items():
                current = self.store.get(entry_id)
                if before is None:
                    restored.append(current.touched(deleted=True))
                else:
                    restored.append(
                        current.touched(
                            **{f: copy.deepcopy(getattr(before, f)) for f in _RESTORED_FIELDS}
                        )
                    )
            self.store.save_entries(restored)
        self._undo.pop()
        return step

    # -- changes -----------------------------------------------------------------------
    def add(
        self, kind: EntryKind, topic_id: str, group: str, text: str, *, author: str = ""
    ) -> Entry:
        text = text.strip()
        if not text:
            raise CaptureError(_("nothing to add: the text is empty"))
        entry = self.store.add_entry(kind, topic_id, group, text, author=author)
        self._record(UndoStep(_ADDED[kind], {entry.id: None}))
        return entry

    def _change(self, description: str, entry_id: str, **changes: object) -> Entry:
        before = _snapshot(self.store.get(entry_id))
        entry = self.store.update_entry(entry_id, **changes)
        self._record(UndoStep(description, {entry_id: before}))
        return entry

    def edit_text(self, entry_id: str, text: str) -> Entry:
        text = text.strip()
        if not text:
            raise CaptureError(_("the text is empty; delete the entry instead"))
        return self._change(N_("edit"), entry_id, text=text)

    def delete(self, entry_id: str) -> Entry:
        return self._change(N_("delete"), entry_id, deleted=True)

    def set_links(self, entry_id: str, links: list[str]) -> Entry:
        return self._change(N_("link"), entry_id, links=list(links))

    def toggle_link(self, entry_id: str, target_id: str) -> Entry:
        links = list(self.store.get(entry_id).links)
        if target_id in links:
            links.remove(target_id)
        else:
            links.append(target_id)
        return self.set_links(entry_id, links)

    def set_action(self, entry_id: str, fields: ActionFields, *, text: str | None = None) -> Entry:
        """Save an action's plan fields (and its text, when given and not empty)."""
        changes: dict[str, object] = {"action": fields}
        if text is not None and text.strip():
            changes["text"] = text.strip()
        return self._change(N_("edit action"), entry_id, **changes)

    def vote(self, entry_id: str, voter: str) -> Entry:
        """Place one of ``voter``'s dots on the entry; refuse when the budget is spent."""
        entry = self.store.get(entry_id)
        if entry.kind not in VOTABLE_KINDS:
            raise CaptureError(
                _("only challenges and solutions take votes, not a {kind}").format(
                    kind=kind_label(entry.kind).lower()
                )
            )
        if votes_left(self.store, entry.topic_id, voter) <= 0:
            budget = self.store.session.votes_per_group
            raise CaptureError(
                _(
                    "{voter} has used all {budget} votes for this topic; remove one first (shift+v)"
                ).format(voter=voter, budget=budget)
            )
        votes = dict(entry.votes)
        votes[voter] = votes.get(voter, 0) + 1
        return self._change(N_("vote"), entry_id, votes=votes)

    def unvote(self, entry_id: str, voter: str) -> Entry:
        entry = self.store.get(entry_id)
        if entry.votes.get(voter, 0) <= 0:
            raise CaptureError(_("{voter} has no vote on this entry to remove").format(voter=voter))
        votes = dict(entry.votes)
        votes[voter] -= 1
        if not votes[voter]:
            del votes[voter]
        return self._change("remove vote", entry_id, votes=votes)

    def move(self, entry_id: str, delta: int) -> bool:
        """Move an entry ``delta`` places up (<0) or down (>0) in its pane. False at an edge."""
        entry = self.store.get(entry_id)
        pane = self.store.entries(topic_id=entry.topic_id, group=entry.group, kind=entry.kind)
        index = next(i for i, e in enumerate(pane) if e.id == entry_id)
        target = index + delta
        if not 0 <= target < len(pane) or delta == 0:
            return False
        order = [e for e in pane if e.id != entry_id]
        order.insert(target, entry)
        before = {e.id: _snapshot(e) for e in pane}
        changed = [
            replace(e, position=float(i)).touched()
            for i, e in enumerate(order, 1)
            if e.position != float(i)
        ]
        with self.store.locked():
            self.store.save_entries(changed)
        self._record(UndoStep(N_("move"), {e.id: before[e.id] for e in changed}))
        return True
