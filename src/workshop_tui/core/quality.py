"""Action-plan quality checks: is each action concrete, owned, dated and traceable?

The rules are documented in ``docs/quality-checks.md``. Every check is a pure function of an
entry (plus ``today`` and the ids it may link to), so the action list, the plenary screen
and the exports show the same warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from workshop_tui.core.i18n import N_, _, ngettext
from workshop_tui.core.model import Entry, EntryKind
from workshop_tui.core.store import SessionStore
from workshop_tui.core.textnorm import fold

NO_OWNER = "no-owner"
NO_DUE = "no-due"
BAD_DUE = "bad-due"
OVERDUE = "overdue"
NO_INDICATOR = "no-indicator"
VAGUE = "vague"
UNLINKED = "unlinked"

#: a few words per code for the screens' warning columns (the code stays for exports/tests)
LABELS: dict[str, str] = {
    NO_OWNER: N_("no owner"),
    NO_DUE: N_("no due date"),
    BAD_DUE: N_("due date not a date"),
    OVERDUE: N_("overdue"),
    NO_INDICATOR: N_("no success indicator"),
    VAGUE: N_("vague wording"),
    UNLINKED: N_("linked to nothing"),
}

#: Verbs and phrases that say "do something good" without saying what.
VAGUE_PHRASES: tuple[str, ...] = (
    "improve",
    "enhance",
    "strengthen",
    "raise awareness",
    "promote",
    "support",
    "ensure",
    "facilitate",
    "consider",
    "look into",
    "encourage",
    "foster",
    "increase",
    "better",
    "boost",
    "explore",
    "work on",
    "work towards",
    "continue",
    "address",
    "optimise",
    "optimize",
)

#: Concrete deliverables: an action naming one of these has a measurable object.
DELIVERABLE_NOUNS: tuple[str, ...] = (
    "procedure",
    "manual",
    "form",
    "database",
    "mou",
    "memorandum",
    "training session",
    "training course",
    "course",
    "report",
    "guideline",
    "checklist",
    "workshop",
    "template",
    "circular",
    "regulation",
    "amendment",
    "decree",
    "sop",
    "handbook",
    "module",
    "curriculum",
    "register",
    "list",
    "agreement",
    "plan",
    "meeting",
    "seminar",
    "contact point",
    "focal point",
    "leaflet",
    "brochure",
    "audit",
    "study",
    "survey",
)

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()


def _verb_form(phrase: str) -> str:
    """Regex for a phrase whose first word (the verb) may be inflected: improve, improves,
    improved, improving, improvement(s)."""
    verb, *rest = phrase.split()
    if verb.endswith("e"):
        first = re.escape(verb[:-1]) + r"(?:e|es|ed|ing|ement|ements)"
    else:
        first = re.escape(verb) + r"(?:s|es|ed|ing|ment|ments)?"
    return r"\s+".join([first, *(re.escape(w) for w in rest)])


def _noun_form(phrase: str) -> str:
    """Regex for a noun phrase, singular or plural."""
    return r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?:s|es)?"


def _alternatives(forms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")\b")


#: the same in Bahasa Indonesia (actions of an Indonesian workshop are written in it); words
#: as written, with the me-/di- forms a facilitator meets ("meningkatkan", "ditingkatkan")
VAGUE_PHRASES_ID: tuple[str, ...] = (
    "meningkatkan",
    "ditingkatkan",
    "peningkatan",
    "memperkuat",
    "diperkuat",
    "penguatan",
    "mengoptimalkan",
    "optimalisasi",
    "mendorong",
    "mendukung",
    "memastikan",
    "memfasilitasi",
    "mempertimbangkan",
    "mengupayakan",
    "mengintensifkan",
    "intensifikasi",
    "mengefektifkan",
    "menyempurnakan",
    "memperbaiki",
    "menindaklanjuti",
    "melanjutkan",
    "membenahi",
)
DELIVERABLE_NOUNS_ID: tuple[str, ...] = (
    "prosedur",
    "pedoman",
    "petunjuk teknis",
    "juknis",
    "sop",
    "formulir",
    "basis data",
    "pangkalan data",
    "nota kesepahaman",
    "mou",
    "perjanjian",
    "surat edaran",
    "peraturan",
    "keputusan",
    "rancangan",
    "modul",
    "kurikulum",
    "pelatihan",
    "diklat",
    "lokakarya",
    "seminar",
    "rapat",
    "laporan",
    "daftar periksa",
    "templat",
    "buku saku",
    "brosur",
    "narahubung",
    "kajian",
    "survei",
    "audit",
    "rencana kerja",
)
_MONTHS_ID = "januari februari maret april mei juni juli agustus oktober november desember"

_VAGUE_RE = _alternatives(
    [*(_verb_form(p) for p in VAGUE_PHRASES), *(re.escape(w) for w in VAGUE_PHRASES_ID)]
)
_DELIVERABLE_RE = _alternatives(
    [
        *(_noun_form(n) for n in DELIVERABLE_NOUNS),
        *(r"\s+".join(map(re.escape, n.split())) for n in DELIVERABLE_NOUNS_ID),
    ]
)
_MONTH_RE = re.compile(rf"\b(?:{'|'.join(_MONTHS + _MONTHS_ID.split())})\b")


@dataclass(frozen=True)
class QualityWarning:
    """One problem with one action: a stable ``code`` and a message for people."""

    code: str
    message: str

    @property
    def label(self) -> str:
        """A few words for people (:data:`LABELS`), e.g. "no due date" for ``no-due``."""
        label = LABELS.get(self.code)
        return _(label) if label else self.code


def warning_labels(warnings: list[QualityWarning]) -> str:
    """The warnings of one action in a few words: "ok", "overdue", or, with more than one,
    their count first (it still shows when a narrow column cuts the rest):
    "2: no success indicator, vague wording"."""
    if not warnings:
        return _("ok")
    labels = ", ".join(w.label for w in warnings)
    return labels if len(warnings) == 1 else f"{len(warnings)}: {labels}"


#: action texts whose vague phrase is kept (a few sessions' worth of actions)
VAGUE_CACHE_SIZE = 8192


@lru_cache(maxsize=VAGUE_CACHE_SIZE)
def vague_phrase(text: str) -> str | None:
    """The vague phrase that makes ``text`` unmeasurable, or None when it is concrete.

    Vague means: the text contains a vague verb/phrase (:data:`VAGUE_PHRASES`, any
    inflection) AND no measurable object — no digit, no month name, and no deliverable
    noun from :data:`DELIVERABLE_NOUNS`. Kept per text: the plenary and the action list
    check every action of a session again after each change (two thirds of the check).
    """
    folded = fold(text)
    match = _VAGUE_RE.search(folded)
    if match is None:
        return None
    if (
        any(ch.isdigit() for ch in folded)
        or _MONTH_RE.search(folded)
        or _DELIVERABLE_RE.search(folded)
    ):
        return None
    return " ".join(match.group(0).split())


@dataclass(frozen=True)
class FollowUp:
    """The session that followed up an ended one: an open action of the ended session is
    judged by it ("not done by the follow-up"), not by the days to today."""

    title: str
    day: dt.date


def check_action(
    entry: Entry,
    today: dt.date,
    *,
    live_ids: set[str] | None = None,
    follow_up: FollowUp | None = None,
) -> list[QualityWarning]:
    """Warnings for one action entry (an empty list for anything that is not an action).

    ``live_ids``: ids of the live entries of the session; a link to anything else (deleted
    or missing) does not count. None means: trust every link. ``follow_up``: for an ended
    session that was followed up, overdue means not done by then (due on or before it).
    """
    if entry.kind != EntryKind.ACTION or entry.action is None:
        return []
    fields = entry.action
    warnings: list[QualityWarning] = []
    if not fields.owner.strip():
        if fields.unit.strip():
            warnings.append(
                QualityWarning(
                    NO_OWNER,
                    _("no accountable person named (unit: {unit})").format(
                        unit=fields.unit.strip()
                    ),
                )
            )
        else:
            warnings.append(QualityWarning(NO_OWNER, _("no owner or responsible unit")))
    if not fields.due.strip():
        if fields.timeframe is None:
            warnings.append(QualityWarning(NO_DUE, _("no due date or timeframe")))
    elif fields.due_date is None:
        warnings.append(
            QualityWarning(
                BAD_DUE, _("due date {due!r} is not a date (use YYYY-MM-DD)").format(due=fields.due)
            )
        )
    elif follow_up is not None:
        if fields.status.is_open and fields.due_date <= follow_up.day:
            warnings.append(
                QualityWarning(
                    OVERDUE,
                    _("overdue: due {due}, not done by the follow-up {title} ({day})").format(
                        due=fields.due, title=follow_up.title, day=follow_up.day.isoformat()
                    ),
                )
            )
    elif fields.due_date < today and fields.status.is_open:
        days = (today - fields.due_date).days
        warnings.append(
            QualityWarning(
                OVERDUE,
                ngettext(
                    "overdue: due {due} ({days} day ago)",
                    "overdue: due {due} ({days} days ago)",
                    days,
                ).format(due=fields.due, days=days),
            )
        )
    if not fields.indicator.strip():
        warnings.append(QualityWarning(NO_INDICATOR, _("no success indicator")))
    phrase = vague_phrase(entry.text)
    if phrase is not None:
        warnings.append(
            QualityWarning(
                VAGUE,
                _(
                    "vague wording ({phrase!r} without a measurable deliverable, number or date)"
                ).format(phrase=phrase),
            )
        )
    links = [i for i in entry.links if live_ids is None or i in live_ids]
    if not links and not fields.carried_from:
        warnings.append(QualityWarning(UNLINKED, _("not linked to a challenge or solution")))
    return warnings


def check_session(
    store: SessionStore, today: dt.date, follow_up: FollowUp | None = None
) -> dict[str, list[QualityWarning]]:
    """Warnings per action id for every live action of a session (actions without any too);
    ``follow_up``: see :func:`check_action`."""
    live = store.entries()
    live_ids = {e.id for e in live}
    return {
        e.id: check_action(e, today, live_ids=live_ids, follow_up=follow_up)
        for e in live
        if e.kind == EntryKind.ACTION
    }


@dataclass(frozen=True)
class GridGaps:
    """Where the plenary has no action yet."""

    cells: list[tuple[str, str]]  # (topic_id, group) with no action
    topics: list[str]  # topic ids with no action in any group


def grid_gaps(store: SessionStore) -> GridGaps:
    """Topic × group cells, and whole topics, that have no live action."""
    agenda = store.session.agenda
    with_action = {(e.topic_id, e.group) for e in store.entries(kind=EntryKind.ACTION)}
    cells = [
        (t.id, g) for t in agenda.topics for g in agenda.group_names if (t.id, g) not in with_action
    ]
    topics = [
        t.id for t in agenda.topics if not any((t.id, g) in with_action for g in agenda.group_names)
    ]
    return GridGaps(cells=cells, topics=topics)
