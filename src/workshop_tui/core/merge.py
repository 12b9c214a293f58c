"""Session bundles: import / merge several scribes' work into one session.

A bundle (``workshop-tui export --what bundle``) carries one session record and all its
entries, tombstones included. Merging is a *join*, field group by field group:

* An entry's own fields (text, position, deletion, action fields, ...) come from the version
  with the greatest ``(updated, canonical JSON of those fields)``; the session record likewise.
* Votes are joined per voter: the count of that voter's latest change (``vote_stamps``) wins,
  so Group A's vote survives Group B's later edit of the text on another laptop, and a newer
  un-vote (count 0, stamp kept) survives an older vote.
* Links are joined per target: the latest link or unlink (``link_stamps``) wins; a target is
  listed once, links in the order they were made.
* Entries written before there were stamps count as "votes and links exactly as listed at
  ``updated``" (``stamps_base``), which for them is the old whole-entry rule.

Each part keeps the maximum of a total order, so the whole (a product of joins) is
idempotent, commutative and associative — importing the same bundles in any order, any
number of times, gives the same session.

* A deletion is a tombstone (``deleted: true``) and wins like any newer version, so an older
  bundle never brings a deleted entry back; a later restore (undo) is newer again and wins.
* Timestamps are compared as instants, so the laptops' clocks should be roughly right.

The join itself (pure, no store) is :mod:`workshop_tui.core.join`.

All bundles are read and validated (against the session format's one schema, see
:mod:`workshop_tui.core.schema`) before anything is written. Then the bundles of each
session are joined with the stored session in memory and the session file is written once,
under the session's cross-process lock (``SessionStore.save_merged``); a session new to the
store is created with one write of its record and all its entries (``Store.add_session``),
so the session file never exists without them and a refused import changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from workshop_tui.core.bundle import MAX_BUNDLE_BYTES, Bundle, BundleError, read_bundle
from workshop_tui.core.i18n import _
from workshop_tui.core.join import (
    PER_KEY_FIELDS,
    canonical,
    join_entry,
    merge_entries,
    merge_session,
    newer_entry,
)
from workshop_tui.core.model import Entry, Session
from workshop_tui.core.store import (
    CorruptDataError,
    SessionExistsError,
    SessionStore,
    Store,
    StoreError,
)
from workshop_tui.core.themes.book import THEMES_TABLE, load_themes
from workshop_tui.core.themes.bundle import join_all, theme_docs, unknown_topics
from workshop_tui.core.themes.merge import merge_themes

T = TypeVar("T")

__all__ = [
    "Decision",
    "MergeError",
    "MergeReport",
    "bundle_entries",
    "import_bundles",
    "join_entry",
    "load_bundles",
    "merge_bundle_into",
    "merge_entries",
    "merge_session",
    "merge_session_bundles",
    "newer_entry",
    "validate_bundles",
]


class MergeError(StoreError):
    """One or more bundles cannot be imported; ``problems`` holds one ``FILE: reason`` each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


#: how many words of an entry a decision line quotes
DECISION_WORDS = 8


@dataclass(frozen=True)
class Decision:
    """One entry the import decided about in a way a count alone would hide: the bundle's
    edit lost to a newer local one (``kept_local``), or the bundle deleted it (``deleted``)."""

    outcome: str  # "kept_local" | "deleted"
    entry_id: str
    topic: str  # the topic's title (its id when the agenda has no such topic)
    group: str
    text: str  # the entry's first words

    def line(self, source: str) -> str:
        """``kept the newer local edit: Legal framework · Group A · “Customs cannot act…”``"""
        if self.outcome == "kept_local":
            why = _("kept the newer local edit")
        else:
            why = _("deleted by {source}").format(source=Path(source).name)
        return f"{why}: {self.topic} · {self.group} · “{self.text}”"


def _first_words(text: str, count: int = DECISION_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


@dataclass
class MergeReport:
    """What importing one bundle changed, counted as the user sees entries.

    ``added``: entries that show now and did not before (new, or a deletion undone);
    ``updated``: entries that showed before and changed; ``deleted``: entries that showed
    before and are deleted now (by this bundle); ``kept_local``: entries the bundle changed
    (or deleted) where the newer local version was kept; ``unchanged``: the bundle's other
    entries (equal versions, tombstones of entries this store never had). ``decisions``
    names each kept and deleted entry (topic · group · first words).
    """

    source: str
    session_id: str
    title: str
    created: bool = False  # the session was new to this store
    session_updated: bool = False  # the session record (title, end time, ...) changed
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept_local: int = 0
    groups: list[str] = field(default_factory=list)  # groups with live entries in the bundle
    decisions: list[Decision] = field(default_factory=list)

    def line(self) -> str:
        """One line for the command line and the import dialog: what was added, updated,
        deleted (by whom), kept as the newer local edit, and left unchanged."""
        what = _("new session") if self.created else _("merged into")
        counts = [
            _("{n} added").format(n=self.added),
            _("{n} updated").format(n=self.updated),
            _("{n} deleted by {source}").format(n=self.deleted, source=Path(self.source).name)
            if self.deleted
            else _("0 deleted"),
        ]
        if self.kept_local:
            counts.append(_("{n} kept the newer local edit").format(n=self.kept_local))
        counts.append(_("{n} unchanged").format(n=self.unchanged))
        return f"{self.source}: {what} {self.session_id[:8]} {self.title!r} — " + ", ".join(counts)

    def detail_lines(self) -> list[str]:
        """One line per decision (``--verbose``, the import dialog's detail), kept local
        edits first, in the agenda's order."""
        ordered = sorted(self.decisions, key=lambda d: d.outcome != "kept_local")
        return [decision.line(self.source) for decision in ordered]

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


# -- reading and validating -------------------------------------------------------------
def _agenda_key(session: Session) -> bytes:
    return canonical(session.agenda.to_dict())


def bundle_entries(bundle: Bundle) -> dict[str, Entry]:
    """The bundle's entries by id; the versions of a repeated id are joined."""
    joined: dict[str, Entry] = {}
    for entry in bundle.entries:
        known = joined.get(entry.id)
        joined[entry.id] = entry if known is None else join_entry(known, entry)
    return joined


def load_bundles(
    paths: Iterable[Path | str], *, max_bytes: int = MAX_BUNDLE_BYTES
) -> tuple[list[Bundle], list[str]]:
    """Read bundle files; return the good bundles and one ``FILE: reason`` per bad file."""
    bundles: list[Bundle] = []
    problems: list[str] = []
    for path in paths:
        try:
            bundles.append(read_bundle(Path(path), max_bytes=max_bytes))
        except BundleError as err:
            problems.extend(err.problems)
    return bundles, problems


def validate_bundles(store: Store, bundles: list[Bundle], *, into: str = "") -> list[str]:
    """Problems that forbid importing: a session whose agenda snapshot differs (between the
    bundles, or from the session already in this store), or an unreadable stored session.

    With ``into`` (a stored session id) the bundles' entries go into that session instead;
    their topics and groups must then exist in its agenda."""
    if into:
        return _validate_into(store, bundles, into)
    problems: list[str] = []
    first_of: dict[str, Bundle] = {}
    for bundle in bundles:
        sid = bundle.session.id
        earlier = first_of.setdefault(sid, bundle)
        if earlier is not bundle and _agenda_key(earlier.session) != _agenda_key(bundle.session):
            problems.append(
                _(
                    "{source}: session {sid} has a different agenda snapshot than in {source2}; bundles of one session must come from the same agenda"
                ).format(source=bundle.source, sid=sid[:8], source2=earlier.source)
            )
            continue
        if store.has_session(sid):
            try:
                stored = store.open_session(sid).session
            except StoreError as err:
                problems.append(
                    _("{source}: cannot merge into the stored session: {err}").format(
                        source=bundle.source, err=err
                    )
                )
                continue
            if _agenda_key(stored) != _agenda_key(bundle.session):
                problems.append(
                    _(
                        "{source}: session {sid} ({title!r}) exists here with a different agenda snapshot; it cannot be merged (use --into SESSION to merge its entries into a session whose agenda has the same topics and groups)"
                    ).format(source=bundle.source, sid=sid[:8], title=stored.title)
                )
    return problems


def _validate_into(store: Store, bundles: list[Bundle], into: str) -> list[str]:
    target = store.open_session(into).session  # StoreError when missing or unreadable
    topics = {t.id for t in target.agenda.topics}
    groups = set(target.agenda.group_names)
    problems: list[str] = []
    for bundle in bundles:
        entries = bundle.entries
        bad_topics = sorted({e.topic_id for e in entries if e.topic_id not in topics})
        # a consolidated action of the plenary has no group ("")
        bad_groups = sorted({e.group for e in entries if e.group and e.group not in groups})
        bad_topics = sorted(set(bad_topics) | set(unknown_topics(bundle.themes, topics)))
        missing = [f"topic {t!r}" for t in bad_topics] + [f"group {g!r}" for g in bad_groups]
        if missing:
            problems.append(
                _(
                    "{source}: has entries for {items}, which the agenda of session {id} ({title!r}) does not have"
                ).format(
                    source=bundle.source,
                    items=", ".join(missing),
                    id=target.id[:8],
                    title=target.title,
                )
            )
    return problems


# -- applying ---------------------------------------------------------------------------
def _shown(entry: Entry) -> dict[str, Any]:
    data = entry.to_dict()
    for name in ("vote_stamps", "link_stamps", "stamps_base"):
        data.pop(name, None)
    return data


def _classify(before: Entry | None, after: Entry) -> str:
    # A change of stamps alone (a newer un-vote of a voter without votes here) is saved but
    # is no change the user sees.
    if before is not None and (before == after or _shown(before) == _shown(after)):
        return "unchanged"
    was_live = before is not None and not before.deleted
    if not after.deleted:
        return "updated" if was_live else "added"
    return "deleted" if was_live else "unchanged"


def _lost_to(local: Entry, theirs: Entry) -> bool:
    """Whether the bundle brought an *edit* (its version was changed after it was created:
    a scribe's edit or deletion, not just the original it was handed) whose own fields
    (text, deletion, action fields, ...) differ, and the local version won, being newer."""
    if theirs.updated == theirs.created:
        return False  # the entry as first written: every bundle carries those
    return _own_fields(theirs) != _own_fields(local) and newer_entry(local, theirs) is local


def _own_fields(entry: Entry) -> dict[str, Any]:
    """What an edit changes (text, deletion, action fields, ...): not the votes and links
    (joined per voter and target) nor the time of the change."""
    data = entry.to_dict()
    for name in (*PER_KEY_FIELDS, "updated"):
        data.pop(name, None)
    return data


def merge_bundle_into(store: Store, bundle: Bundle, *, into: str = "") -> MergeReport:
    """Merge one validated bundle into ``store`` (creating the session if new).

    With ``into`` (a stored session id) only the bundle's entries are merged, into that
    session; its session record is left alone."""
    [report] = merge_session_bundles(store, into or bundle.session.id, [bundle], into=into)
    return report


def _new_report(bundle: Bundle, sid: str, incoming: dict[str, Entry]) -> MergeReport:
    report = MergeReport(source=bundle.source, session_id=sid, title=bundle.session.title)
    report.groups = sorted({e.group for e in incoming.values() if not e.deleted})
    return report


def _count(
    report: MergeReport,
    before: Entry | None,
    theirs: Entry,
    after: Entry,
    topics: dict[str, str],
) -> None:
    """Count what the bundle's version of one entry did, and name the entries a count alone
    would hide: the bundle's edit lost to a newer local one, or the bundle deleted it."""
    outcome = _classify(before, after)
    if outcome == "unchanged" and before is not None and _lost_to(before, theirs):
        outcome = "kept_local"
    report.count(outcome)
    if outcome in ("kept_local", "deleted"):
        shown = before if before is not None else after
        report.decisions.append(
            Decision(
                outcome,
                theirs.id,
                topics.get(shown.topic_id, shown.topic_id),
                shown.group,
                _first_words(shown.text),
            )
        )


def merge_session_bundles(
    store: Store, sid: str, bundles: list[Bundle], *, into: str = ""
) -> list[MergeReport]:
    """Merge validated bundles of one session (``sid``) into ``store``: joined in memory,
    in order, then written once — the session file changes all at once or not at all.

    One report per bundle, counted against what the bundles before it left. With ``into``
    the bundles' entries go into the stored session ``sid`` and its record is left alone."""
    incoming = [bundle_entries(bundle) for bundle in bundles]
    reports = [_new_report(b, sid, entries) for b, entries in zip(bundles, incoming, strict=True)]
    if not into and not store.has_session(sid):
        session = bundles[0].session
        state: dict[str, Entry] = {}
        for index, (bundle, report, entries) in enumerate(
            zip(bundles, reports, incoming, strict=True)
        ):
            report.created = index == 0
            if index:
                winner = merge_session(session, bundle.session)
                report.session_updated = winner.to_dict() != session.to_dict()
                session = winner
                report.title = session.title
            merged = merge_entries(state, entries)
            topics = {t.id: t.title for t in session.agenda.topics}
            for entry_id, theirs in entries.items():
                _count(report, state.get(entry_id), theirs, merged[entry_id], topics)
            state = merged
        themes = join_all(*(b.themes for b in bundles))
        try:
            # the session record, every entry and theme in one write: never a session
            # without them
            store.add_session(session, state.values(), {THEMES_TABLE: theme_docs(themes.values())})
        except SessionExistsError:
            pass  # another program created it meanwhile: merge into that one below
        else:
            return reports
        reports = [_new_report(b, sid, e) for b, e in zip(bundles, incoming, strict=True)]
    session_store = store.open_session(sid)
    with session_store.locked():
        stored_session = session_store.session
        current = {e.id: e for e in session_store.entries(include_deleted=True)}
        topics = {t.id: t.title for t in stored_session.agenda.topics}
        session, state = stored_session, current
        for bundle, report, entries in zip(bundles, reports, incoming, strict=True):
            report.title = session.title
            if not into:
                if _agenda_key(stored_session) != _agenda_key(bundle.session):
                    # Re-checked under the lock: another process may have replaced the session.
                    raise MergeError(
                        [
                            _("{source}: the stored session's agenda snapshot differs").format(
                                source=bundle.source
                            )
                        ]
                    )
                winner = _stored_side(session_store, merge_session, session, bundle.session)
                report.session_updated = winner.to_dict() != session.to_dict()
                session = winner
                report.title = session.title
            merged = _stored_side(session_store, merge_entries, state, entries)
            for entry_id, theirs in entries.items():
                _count(report, state.get(entry_id), theirs, merged[entry_id], topics)
            state = merged
        changed = [e for entry_id, e in state.items() if current.get(entry_id) != e]
        record = session if session.to_dict() != stored_session.to_dict() else None
        theme_documents = _merged_themes(session_store, bundles)
        # one durable write for every bundle: session record, entries and themes
        session_store.save_merged(record, changed, {THEMES_TABLE: theme_documents})
    return reports


def _merged_themes(session_store: SessionStore, bundles: list[Bundle]) -> dict[str, Any]:
    """The themes table documents that the bundles' themes change (joined with the stored
    themes by the merge laws, docs/themes.md); empty when nothing changes."""
    incoming = join_all(*(b.themes for b in bundles))
    if not incoming:
        return {}
    current = {t.id: t for t in load_themes(session_store, include_deleted=True)}
    merged = merge_themes(current, incoming)
    changed = [t for theme_id, t in merged.items() if current.get(theme_id) != t]
    raw, _stamp = session_store.read_table(THEMES_TABLE)
    return theme_docs(changed, raw)


def _stored_side(session_store: SessionStore, join: Callable[..., T], *args: Any) -> T:
    """Run a join whose stored side may hold an unreadable time (bundles are checked on
    reading; a hand-edited session file is not): say which file, never a traceback."""
    try:
        return join(*args)
    except ValueError as err:
        raise CorruptDataError(session_store.path, f"has an invalid record ({err})") from None


def import_bundles(
    store: Store,
    paths: Iterable[Path | str],
    *,
    into: str = "",
    max_bytes: int = MAX_BUNDLE_BYTES,
) -> list[MergeReport]:
    """Read and validate every bundle, then merge them; one report per bundle, in order.

    Atomic: every bundle is read and checked before anything is written, and then each
    session is written once (:func:`merge_session_bundles`), so a refused import leaves the
    data folder as it was.

    ``into`` (a session id, unique prefix or ``latest``) merges every bundle's entries into
    that stored session — for scribes who each started their own session by mistake.
    Raises :class:`MergeError` listing every bad file before anything is written. A file
    larger than ``max_bytes`` is refused unread.
    """
    target = store.resolve(into) if into else ""
    bundles, problems = load_bundles(paths, max_bytes=max_bytes)
    problems += validate_bundles(store, bundles, into=target)
    if problems:
        raise MergeError(problems)
    by_session: dict[str, list[Bundle]] = {}
    for bundle in bundles:
        by_session.setdefault(target or bundle.session.id, []).append(bundle)
    reports: dict[int, MergeReport] = {}
    for sid, group in by_session.items():
        for bundle, report in zip(
            group, merge_session_bundles(store, sid, group, into=target), strict=True
        ):
            reports[id(bundle)] = report
    return [reports[id(bundle)] for bundle in bundles]
