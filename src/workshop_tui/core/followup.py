"""Follow-up across workshops: review an earlier session's open actions in a new session.

A review sets the earlier action's status (done / in progress / dropped / carried over) and
appends a review record ``{at, status, comment, session}`` to its ``reviews`` history, in the
EARLIER session's file. Carrying an action over creates a new action in the new session,
linked to its origin by ``carried_from`` — same text, owner, unit, dates and indicator,
status open, an empty review history (the history stays on the origin).

Which earlier actions were reviewed in a new session is derived from the review records
whose ``session`` is the new session, so it cannot drift from the data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workshop_tui.core.i18n import _
from workshop_tui.core.model import ActionFields, ActionStatus, Entry, EntryKind, now_iso
from workshop_tui.core.store import SessionStore, StoreError

#: the statuses a review can give an action
REVIEW_STATUSES = (
    ActionStatus.DONE,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DROPPED,
    ActionStatus.CARRIED_OVER,
)


@dataclass(frozen=True)
class ReviewResult:
    origin: Entry  # the earlier action, as saved
    carried: Entry | None  # the new action in the new session (carried over only)


def _agenda_order(store: SessionStore, entries: list[Entry]) -> list[Entry]:
    agenda = store.session.agenda
    topic_rank = {t.id: i for i, t in enumerate(agenda.topics)}
    group_rank = {g: i for i, g in enumerate(agenda.group_names)}
    return sorted(
        entries,
        key=lambda e: (
            topic_rank.get(e.topic_id, len(topic_rank)),
            group_rank.get(e.group, len(group_rank)),
            e.position,
        ),
    )


def open_actions(earlier: SessionStore) -> list[Entry]:
    """The earlier session's live actions that are open or in progress, in agenda order."""
    actions = [
        e for e in earlier.entries(kind=EntryKind.ACTION) if e.action and e.action.status.is_open
    ]
    return _agenda_order(earlier, actions)


def last_review(entry: Entry, session_id: str) -> dict[str, str] | None:
    """The latest review of ``entry`` made in session ``session_id``."""
    if entry.action is None:
        return None
    mine = [r for r in entry.action.reviews if r.get("session") == session_id]
    return mine[-1] if mine else None


def review_queue(new: SessionStore, earlier: SessionStore) -> list[Entry]:
    """What the follow-up goes through: actions still open, plus those already reviewed in
    ``new`` (so the facilitator can go back and change a review), in agenda order."""
    new_id = new.id
    actions = [
        e
        for e in earlier.entries(kind=EntryKind.ACTION)
        if e.action and (e.action.status.is_open or last_review(e, new_id) is not None)
    ]
    return _agenda_order(earlier, actions)


def reviewed_ids(new: SessionStore, earlier: SessionStore) -> set[str]:
    """Ids of the earlier actions reviewed in ``new``."""
    new_id = new.id
    return {
        e.id for e in earlier.entries(kind=EntryKind.ACTION) if last_review(e, new_id) is not None
    }


def carried_copy(
    new: SessionStore, earlier_id: str, action_id: str, *, include_deleted: bool = False
) -> Entry | None:
    """The action in ``new`` carried over from ``action_id`` of session ``earlier_id``."""
    origin = {"session": earlier_id, "entry": action_id}
    for entry in new.entries(kind=EntryKind.ACTION, include_deleted=include_deleted):
        if entry.action and entry.action.carried_from == origin:
            return entry
    return None


def _target_cell(new: SessionStore, origin: Entry) -> tuple[str, str]:
    """Topic and group for a carried action: the origin's when the new agenda has them."""
    agenda = new.session.agenda
    topic_ids = [t.id for t in agenda.topics]
    topic = (
        origin.topic_id
        if origin.topic_id in topic_ids
        else (topic_ids[0] if topic_ids else origin.topic_id)
    )
    groups = agenda.group_names
    group = origin.group if origin.group in groups else groups[0]
    return topic, group


def record_review(
    new: SessionStore,
    earlier: SessionStore,
    action_id: str,
    status: ActionStatus | str,
    comment: str = "",
    *,
    at: str | None = None,
) -> ReviewResult:
    """Review one earlier action in session ``new``; durable when this returns.

    Raises ValueError for a status a review cannot set, StoreError for an action that is not
    in the earlier session. Reviewing again replaces the effect of the previous review: a
    carried copy is restored when carried over again, and deleted (a tombstone, restorable)
    when the new review no longer carries it over.
    """
    status = ActionStatus.parse(status) if isinstance(status, str) else status
    if status not in REVIEW_STATUSES:
        choices = ", ".join(s.label for s in REVIEW_STATUSES)
        raise ValueError(
            _("a review sets one of: {choices} (not {label!r})").format(
                choices=choices, label=status.label
            )
        )
    if new.id == earlier.id:
        raise ValueError(_("a session cannot review its own actions"))
    try:
        current = earlier.get(action_id)
    except KeyError:
        raise StoreError(
            _("action {action_id} is not in session {title!r}").format(
                action_id=action_id, title=earlier.session.title
            )
        ) from None
    if current.kind != EntryKind.ACTION or current.action is None or current.deleted:
        raise StoreError(
            _("entry {action_id} of session {title!r} is not a live action").format(
                action_id=action_id, title=earlier.session.title
            )
        )
    record = {
        "at": at or now_iso(),
        "status": status.value,
        "comment": comment.strip(),
        "session": new.id,
    }

    def apply(entry: Entry) -> Entry:
        assert entry.action is not None
        fields = replace(entry.action, status=status, reviews=[*entry.action.reviews, record])
        return replace(entry, action=fields)

    origin = earlier.modify_entry(action_id, apply)
    carried = _sync_carried_copy(new, earlier.id, origin, status == ActionStatus.CARRIED_OVER)
    return ReviewResult(origin=origin, carried=carried)


def _sync_carried_copy(
    new: SessionStore, earlier_id: str, origin: Entry, carry: bool
) -> Entry | None:
    with new.locked():
        existing = carried_copy(new, earlier_id, origin.id, include_deleted=True)
        if not carry:
            if existing is not None and not existing.deleted:
                new.delete_entry(existing.id)
            return None
        if existing is not None:
            return new.restore_entry(existing.id) if existing.deleted else existing
        assert origin.action is not None
        fields: ActionFields = replace(
            origin.action,
            status=ActionStatus.OPEN,
            reviews=[],
            partners=list(origin.action.partners),
            carried_from={"session": earlier_id, "entry": origin.id},
        )
        topic, group = _target_cell(new, origin)
        return new.add_entry(
            EntryKind.ACTION, topic, group, origin.text, author=origin.author, action=fields
        )


def followup_finished(new: SessionStore) -> bool:
    """True once the facilitator finished (or skipped) the follow-up review in ``new``."""
    state = new.get_state().get("followup") or {}
    return bool(state.get("finished"))


def set_followup_finished(new: SessionStore, finished: bool = True) -> None:
    """Remember that the follow-up review was finished, so it is not offered again."""
    with new.locked():
        state = dict(new.get_state().get("followup") or {})
        state["finished"] = finished
        new.set_state(followup=state)


def earlier_session(new: SessionStore) -> SessionStore:
    """The session ``new`` follows up (its ``follow_up_of``), from the same data folder.

    Raises StoreError when ``new`` is not a follow-up or the earlier session is missing;
    CorruptDataError when its file cannot be read.
    """
    ref = new.session.follow_up_of
    if not ref:
        raise StoreError(
            _(
                "session {title!r} does not follow up an earlier session (start one with: workshop-tui run AGENDA --follow-up SESSION)"
            ).format(title=new.session.title)
        )
    path = new.path.with_name(f"{ref}.json")
    if not path.is_file():
        raise StoreError(_("the earlier session {ref} is not in this data folder").format(ref=ref))
    earlier = SessionStore(path)
    earlier.session  # noqa: B018 - read now so a corrupt file is reported here
    return earlier
