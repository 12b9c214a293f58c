"""Drafts: text typed in a capture pane and not sent yet, kept with its topic × group × pane.

Switching topic or group mid-sentence must neither lose the words nor carry them into
another group's pane: the session screen hands what each input holds to a :class:`DraftBook`
when it leaves a topic × group and takes it back when it returns. The book is saved with the
UI state (``drafts``: rows of topic, group, pane kind, text, edited entry id), so a quit keeps
it too, and ending a session lists what is left (:meth:`DraftBook.pending`) so that nothing
typed is stranded in a read-only session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: (topic id, group, pane kind) of a draft
DraftKey = tuple[str, str, str]

#: words of a draft shown when listing it (End session asks about unsent drafts)
PREVIEW_WORDS = 6


@dataclass(frozen=True)
class Draft:
    """Text typed in a pane's input and not sent yet; ``editing``: the entry it edits."""

    text: str
    editing: str | None = None

    @property
    def worth_keeping(self) -> bool:
        """New text that is not blank, or an edit begun (even one emptied on purpose)."""
        return bool(self.text.strip()) or self.editing is not None

    def preview(self, words: int = PREVIEW_WORDS) -> str:
        """The first ``words`` words, with ``…`` when there are more."""
        parts = self.text.split()
        head = " ".join(parts[:words])
        return head + ("…" if len(parts) > words else "")


@dataclass(frozen=True)
class PendingDraft:
    """A draft left in the book, for a list of what has not been sent."""

    topic_id: str
    group: str
    kind: str
    draft: Draft


class DraftBook:
    """The drafts of one session, and what each pane's input holds right now.

    ``kept`` holds the drafts of the topic × group pairs the screen is not showing;
    ``typing`` follows what the shown inputs hold as it is typed (the widgets are gone by the
    time a screen unmounts, so a quit reads it from here)."""

    def __init__(self, kept: dict[DraftKey, Draft] | None = None) -> None:
        self.kept: dict[DraftKey, Draft] = dict(kept or {})
        self.typing: dict[str, Draft] = {}

    # -- saved form ----------------------------------------------------------------------
    @classmethod
    def from_state(cls, saved: object) -> DraftBook:
        """The book saved with the UI state; malformed rows (a hand-edited file) are left out."""
        kept: dict[DraftKey, Draft] = {}
        for row in saved if isinstance(saved, list) else []:
            if isinstance(row, list) and len(row) == 5 and all(isinstance(v, str) for v in row):
                topic, group, kind, text, editing = row
                kept[(topic, group, kind)] = Draft(text, editing or None)
        return cls(kept)

    def to_state(self) -> list[list[str]]:
        return [[*key, d.text, d.editing or ""] for key, d in sorted(self.kept.items())]

    # -- following the inputs --------------------------------------------------------------
    def typed(self, kind: str, text: str, editing: str | None) -> None:
        """An input of the shown topic × group now holds ``text``."""
        draft = Draft(text, editing)
        if draft.worth_keeping:
            self.typing[kind] = draft
        else:
            self.typing.pop(kind, None)

    def stash(self, topic_id: str, group: str, inputs: Iterable[tuple[str, Draft]]) -> list[str]:
        """Keep what the inputs of ``topic_id`` × ``group`` hold (pairs of pane kind and
        draft); return the kinds that had something. An empty input drops an older draft."""
        kept: list[str] = []
        for kind, draft in inputs:
            key = (topic_id, group, kind)
            if draft.worth_keeping:
                self.kept[key] = draft
                kept.append(kind)
            else:
                self.kept.pop(key, None)
        self.typing.clear()
        return kept

    def stash_typing(self, topic_id: str, group: str) -> None:
        """Keep what the inputs held when they are already gone (the screen is unmounting)."""
        for kind, draft in self.typing.items():
            self.kept[(topic_id, group, kind)] = draft

    def take(self, topic_id: str, group: str, kind: str) -> Draft | None:
        """The draft of one pane, removed from the book (it goes back into the input)."""
        return self.kept.pop((topic_id, group, kind), None)

    # -- what is left ----------------------------------------------------------------------
    def pending(self, topic_order: Iterable[str] = ()) -> list[PendingDraft]:
        """Every draft kept, in agenda order of topics (then group, pane)."""
        order = {topic: index for index, topic in enumerate(topic_order)}
        rows = [PendingDraft(t, g, k, d) for (t, g, k), d in self.kept.items()]
        rows.sort(key=lambda r: (order.get(r.topic_id, len(order)), r.topic_id, r.group, r.kind))
        return rows

    def clear(self) -> None:
        self.kept.clear()
        self.typing.clear()

    def __len__(self) -> int:
        return len(self.kept)
