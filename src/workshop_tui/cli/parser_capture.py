"""The parsers of the capture commands (see capture_cmds): one function per command, called
in the order of 'workshop-tui --help' by parser.build_parser."""

from __future__ import annotations

from typing import Any

from workshop_tui.cli.capture_cmds import (
    cmd_agendas,
    cmd_import,
    cmd_resume,
    cmd_run,
    cmd_serve,
    cmd_validate,
)
from workshop_tui.cli.options import (
    SESSION_REF,
    add_command,
)
from workshop_tui.core.i18n import _


def add_agendas(sub: Any) -> None:
    p = add_command(sub, "agendas", _("List the bundled agendas, name and title."))
    p.set_defaults(handler=cmd_agendas)


def add_validate(sub: Any) -> None:
    p = add_command(
        sub,
        "validate",
        _("Check agenda files."),
        _(
            "Prints 'FILE: ok' for a valid file, otherwise one 'FILE:LINE:COL: message' line per "
            "problem, and exits with status 1."
        ),
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=_("An agenda YAML file to check."))
    p.set_defaults(handler=cmd_validate)


def add_run(sub: Any) -> None:
    p = add_command(sub, "run", _("Start a new session from an agenda file or a bundled agenda."))
    p.add_argument(
        "agenda",
        metavar="AGENDA",
        help=_(
            "An agenda YAML file, or the name of a bundled agenda (see 'workshop-tui agendas')."
        ),
    )
    p.add_argument("--title", help=_("Give the session this title (default: the agenda's title)."))
    p.add_argument(
        "--group",
        metavar="GROUP",
        help=_("Lock this laptop to one of the agenda's groups, for a scribe's laptop."),
    )
    p.add_argument("--facilitator", metavar="NAME", help=_("Record the facilitator's name."))
    p.add_argument("--location", metavar="PLACE", help=_("Record where the session takes place."))
    p.add_argument(
        "--follow-up",
        metavar="SESSION",
        help=_("Review the open actions of an earlier session first: {session}.").format(
            session=_(SESSION_REF)
        ),
    )
    p.set_defaults(handler=cmd_run)


def add_resume(sub: Any) -> None:
    p = add_command(sub, "resume", _("Reopen a session to go on capturing."))
    p.add_argument(
        "session",
        metavar="SESSION",
        help=_("The session to reopen: {session}.").format(session=_(SESSION_REF)),
    )
    p.add_argument(
        "--group",
        metavar="GROUP",
        help=_("Lock this laptop to one of the session's groups, for a scribe's laptop."),
    )
    p.add_argument(
        "--projector",
        action="store_true",
        help=_(
            "Show the projector view: read-only, large timer, counts per group; the "
            "topic and view follow the facilitator's screen."
        ),
    )
    p.add_argument(
        "--served",
        action="store_true",
        help=_(
            "Run as 'serve' runs it for a browser: this session only, no other sessions "
            "and no files of this machine (exports become downloads)."
        ),
    )
    p.set_defaults(handler=cmd_resume)


def add_import(sub: Any) -> None:
    p = add_command(
        sub,
        "import",
        _("Merge session bundles into this data folder."),
        _(
            "A bundle is written by 'workshop-tui export SESSION --what bundle'; a session that is "
            "not here yet is created, one that is here gets the bundle's new and changed entries."
        ),
    )
    p.add_argument(
        "bundles", nargs="+", metavar="BUNDLE.json", help=_("A session bundle file to merge.")
    )
    p.add_argument(
        "--into",
        metavar="SESSION",
        help=_(
            "Merge the bundles' entries into this session, for when each scribe started their own session: {session}."
        ).format(session=_(SESSION_REF)),
    )
    p.add_argument(
        "--max-size",
        metavar="SIZE",
        help=_("Refuse bundle files larger than this, unread (default: 200MB; e.g. 500MB, 1GB)."),
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=_(
            "Also list each entry whose newer local edit was kept and each entry the bundle "
            "deleted (topic · group · first words)."
        ),
    )
    p.set_defaults(handler=cmd_import)


def add_serve(sub: Any) -> None:
    p = add_command(
        sub,
        "serve",
        _("Serve the app to web browsers."),
        _(
            "Needs the optional textual-serve package: pip install 'workshop-tui[serve]'. "
            "Off this machine (a --host other than 127.0.0.1) every browser needs the join "
            "code; with a SESSION it prints a link and a QR code for each group, the "
            "projector and the facilitator."
        ),
    )
    p.add_argument(
        "session",
        nargs="?",
        metavar="SESSION",
        help=_(
            "The session every browser tab resumes: an id, a unique prefix of one, or "
            "'latest'; without it, the tabs open on the start screen."
        ),
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("Listen on this address (default: 127.0.0.1, this machine only)."),
    )
    p.add_argument("--port", type=int, default=8000, help=_("Listen on this port (default: 8000)."))
    p.add_argument(
        "--group",
        metavar="GROUP",
        help=_("Lock every tab to one of the session's groups (needs SESSION)."),
    )
    p.add_argument(
        "--public-url",
        metavar="URL",
        help=_(
            "The address browsers use, when it is not the one listened on "
            "(e.g. http://laptop.local:8000)."
        ),
    )
    p.add_argument(
        "--code",
        metavar="CODE",
        help=_(
            "The join code (8 or more letters or digits); off this machine a random one "
            "is made when it is not given, and every browser needs it."
        ),
    )
    p.set_defaults(handler=cmd_serve)
