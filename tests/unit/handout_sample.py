"""A realistic action plan for the handout tests: the reference workshop (customs, IPR at
the border), 30 actions with the field lengths a real plan has, owners and units named as an
administration names them, each action answering a challenge and a solution.

Also run as a script to make the pictures in docs/exports.md (see ``make_pictures``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.agenda import Agenda, Group, Topic
from workshop_tui.core.model import (
    ActionFields,
    ActionLevel,
    ActionStatus,
    EntryKind,
    Priority,
)
from workshop_tui.core.store import SessionStore, Store

NOW = "2026-03-06T15:30:00.000000+00:00"

TOPICS = (
    ("legal", "Legal framework"),
    ("ops", "Operational procedures"),
    ("risk", "Risk analysis"),
    ("record", "Information recordation at customs"),
    ("sharing", "Information-sharing among customs officers"),
    ("holders", "Cooperation with right holders"),
    ("training", "IPR training programmes"),
)
GROUPS = ("Group A", "Group B", "Group C")

OWNERS = (
    ("Siti Rahmawati", "Directorate of Customs Enforcement and Investigation"),
    ("Budi Santoso", "Sub-directorate of Intellectual Property Rights"),
    ("Dewi Kartikasari", "Legal Affairs Bureau"),
    ("Agus Wijayakusuma", "Tanjung Priok Main Customs Office"),
    ("Ni Luh Putu Ariani", "Customs Training Centre"),
    ("Muhammad Rizky Pratama", "Directorate of Information Technology"),
)

ACTIONS = (
    "Draft a recordation procedure for right holders' trademarks, with a one-page "
    "application form and a service standard of ten working days",
    "Propose an amendment allowing customs to suspend the release of suspected goods "
    "ex officio, for discussion with the Ministry of Law",
    "Set up a risk profile for counterfeit pharmaceuticals arriving by express courier "
    "and review its hit rate every quarter",
    "Publish a contact list of right holders' representatives on the customs intranet",
    "Run a two-day workshop on product identification with five major right holders",
    "Write standard operating procedures for the destruction of infringing goods, "
    "including storage costs and environmental rules",
    "Create a shared mailbox for detention notices between the ports and headquarters",
    "Train forty frontline officers on TRIPS border measures before the end of the year",
    "Agree with the police on a protocol for handing over criminal counterfeiting cases",
    "Add an IPR flag to the customs declaration system so recorded marks raise an alert",
    "Collect seizure statistics monthly from every main customs office in one template",
    "Prepare a guide for small right holders on how to apply for recordation",
)

CHALLENGES = (
    "Officers cannot tell genuine goods from fakes without the right holder's help",
    "No legal basis for ex officio action on goods in transit",
    "Recordation data are kept on paper and never reach the ports",
    "Right holders do not answer detention notices within the time limit",
    "Destruction of seized goods is slow and the storage costs fall on customs",
)
SOLUTIONS = (
    "An electronic recordation database linked to the declaration system",
    "Regular product-identification training given by right holders",
    "A memorandum of understanding with the right holders' association",
    "Clear procedures and time limits for the simplified destruction procedure",
)

#: a status per action, cycling
_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.OPEN, ActionStatus.DONE)


def agenda() -> Agenda:
    return Agenda(
        title="National Workshop on Combating Counterfeiting and Piracy",
        name="ipr-handout",
        organiser="Regional Office for Capacity Building",
        venue="Customs Education and Training Centre, Jakarta",
        start_date="2026-03-02",
        end_date="2026-03-06",
        topics=tuple(Topic(tid, title) for tid, title in TOPICS),
        groups=tuple(Group(g) for g in GROUPS),
    )


@dataclass
class Handout:
    store: Store
    session: SessionStore
    #: the action entries' ids, in capture order
    action_ids: list[str]


def build(data_dir: Path, n_actions: int = 30) -> Handout:
    """The reference workshop with ``n_actions`` realistic actions."""
    store = Store(data_dir)
    session = store.create_session(
        agenda(), title="IPR border enforcement — final plenary", facilitator="Hendra Gunawan"
    )
    ids: list[str] = []
    for i in range(n_actions):
        topic_id = TOPICS[i % len(TOPICS)][0]
        group = GROUPS[i % len(GROUPS)]
        challenge = session.add_entry(
            EntryKind.CHALLENGE, topic_id, group, CHALLENGES[i % len(CHALLENGES)]
        )
        solution = session.add_entry(
            EntryKind.SOLUTION,
            topic_id,
            group,
            SOLUTIONS[i % len(SOLUTIONS)],
            links=[challenge.id],
        )
        owner, unit = OWNERS[i % len(OWNERS)]
        month = 4 + (i * 5) % 9
        action = session.add_entry(
            EntryKind.ACTION,
            topic_id,
            group,
            ACTIONS[i % len(ACTIONS)],
            links=[solution.id],
            action=ActionFields(
                owner=owner,
                unit=unit,
                level=ActionLevel.INSTITUTIONAL if i % 3 else ActionLevel.INDIVIDUAL,
                start="2026-03-16",
                due=f"2026-{month:02d}-{1 + (i * 7) % 28:02d}",
                priority=(Priority.HIGH, Priority.MEDIUM, Priority.LOW)[i % 3],
                status=_STATUSES[i % len(_STATUSES)],
                indicator="Procedure signed by the Director General and published on the intranet",
                verification="Copy of the signed procedure",
                partners=["Right holders' association", "National Police"],
                resources="Two staff for three months",
            ),
        )
        ids.append(action.id)
    return Handout(store, session, ids)


def build_follow_up(handout: Handout) -> SessionStore:
    """A follow-up session of ``handout``'s workshop in which its actions were reviewed:
    some done, some dropped, some carried on."""
    from workshop_tui.core.followup import record_review

    follow = handout.store.create_session(
        agenda(), title="IPR follow-up — six months on", follow_up_of=handout.session.id
    )
    outcomes = (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.DROPPED)
    for i, action_id in enumerate(handout.action_ids[:12]):
        record_review(
            follow,
            handout.session,
            action_id,
            outcomes[i % 3],
            "Signed on 2 September" if i % 3 == 0 else "Waiting for the Ministry's answer",
        )
    return follow


#: the handouts pictured in docs/exports.md: (file stem, what, format, owner of a digest,
#: the printed page shown: its number, or the first page with this text)
PICTURES: tuple[tuple[str, str, str, str, int | str], ...] = (
    ("actions-html", "actions", "html", "", 1),
    ("digest-html", "actions", "html", "Siti Rahmawati", 1),
    ("report-html", "report", "html", "", "All actions"),
    ("actions-docx", "actions", "docx", "", 1),
    ("digest-docx", "actions", "docx", "Budi Santoso", 1),
    ("report-docx", "report", "docx", "", 2),
    ("progress-docx", "progress", "docx", "", 1),
)


def make_pictures(out: Path, work: Path) -> list[Path]:
    """Print each handout (Chromium for HTML, LibreOffice for DOCX) and keep one printed
    page as a small PNG in ``out`` (pdftoppm -r 50)."""
    import subprocess

    from workshop_tui.core.export import ActionFilter, ExportOptions, export

    handout = build(work / "data")
    follow = build_follow_up(handout)
    made: list[Path] = []
    for stem, what, fmt, owner, page in PICTURES:
        filters = ActionFilter(owners=(owner,)) if owner else ActionFilter()
        addressee = ("owner", owner) if owner else None
        options = ExportOptions(now=NOW, filters=filters, addressee=addressee)
        source = follow if what == "progress" else handout.session
        document = work / f"{stem}.{fmt}"
        document.write_bytes(export(source, what, fmt, options))
        pdf = work / f"{stem}.pdf"
        if fmt == "html":
            subprocess.run(
                [
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    f"--user-data-dir={work / 'chromium'}",
                    "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}",
                    document.as_uri(),
                ],
                check=True,
                capture_output=True,
            )
        else:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation={(work / 'lo').as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(document),
                ],
                check=True,
                capture_output=True,
            )
        if isinstance(page, str):
            pages = subprocess.run(
                ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
            ).stdout.split("\f")
            page = next(i for i, text in enumerate(pages, 1) if page in text)
        png = out / f"handout-{stem}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "50",
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(png),
            ],
            check=True,
        )
        made.append(png.with_suffix(".png"))
    return made


if __name__ == "__main__":  # python tests/unit/handout_sample.py docs/img
    import sys
    import tempfile

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img")
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for path in make_pictures(target, Path(tmp)):
            print(f"wrote {path} ({path.stat().st_size // 1024} kB)")
