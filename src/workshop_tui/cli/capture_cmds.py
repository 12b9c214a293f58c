"""The commands that start or feed capture: agendas, validate, run, start, resume, import
and serve (browser mode). Each imports what it needs when it runs: the parser builds at
every start."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workshop_tui.cli.common import EXIT_ERROR, EXIT_OK, CliError, check_group, open_store, out
from workshop_tui.core.i18n import _


# -- agendas ----------------------------------------------------------------------------
def cmd_agendas(args: argparse.Namespace) -> int:
    from workshop_tui.core.agenda_yaml import bundled_agendas

    rows = bundled_agendas()
    width = max((len(name) for name, _ in rows), default=0)
    for name, title in rows:
        out(f"{name:<{width}}  {title}")  # data: the agendas' names and titles
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from workshop_tui.core.agenda_yaml import validate_file

    status = EXIT_OK
    for name in args.files:
        problems = validate_file(Path(name))
        if problems:
            status = EXIT_ERROR
            for problem in problems:
                sys.stdout.write(f"{problem}\n")
        else:
            out(_("{file}: ok").format(file=name))
    return status


def _launch(args: argparse.Namespace, **options: Any) -> int:
    from workshop_tui.ui.app import WorkshopApp

    app = WorkshopApp(store=open_store(args), language=args.lang, **options)
    app.run()
    return int(app.return_code or 0)


def cmd_start(args: argparse.Namespace) -> int:
    return _launch(args)


def cmd_run(args: argparse.Namespace) -> int:
    from workshop_tui.core.agenda_yaml import load_agenda

    agenda = load_agenda(args.agenda)
    store = open_store(args)
    follow_up_of = store.resolve(args.follow_up) if args.follow_up else ""
    check_group(args.group, agenda.group_names, _("the agenda"))
    session = store.create_session(
        agenda,
        title=args.title or "",
        facilitator=args.facilitator or "",
        location=args.location or "",
        agenda_source=args.agenda,
        follow_up_of=follow_up_of,
    )
    if Path(args.agenda).is_file():
        store.remember_agenda(str(Path(args.agenda).resolve()))
    return _launch(args, session_id=session.id, group=args.group)


def cmd_resume(args: argparse.Namespace) -> int:
    store = open_store(args)
    session = store.open_session(args.session)
    check_group(args.group, session.session.agenda.group_names, _("this session's agenda"))
    if args.projector and args.group:
        raise CliError(_("--projector shows every group: leave out --group"))
    return _launch(
        args,
        session_id=session.id,
        group=args.group,
        served=args.served,
        projector=args.projector,
    )


# -- merge and browser mode ----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from workshop_tui.core.merge import MergeError, import_bundles
    from workshop_tui.core.store.reading import MAX_FILE_BYTES, parse_size

    try:
        max_bytes = parse_size(args.max_size) if args.max_size else MAX_FILE_BYTES
    except ValueError as err:
        raise CliError(_("--max-size: {err}").format(err=err)) from None
    try:
        reports = import_bundles(
            open_store(args),
            [Path(p) for p in args.bundles],
            into=args.into or "",
            max_bytes=max_bytes,
        )
    except MergeError as err:
        for problem in err.problems:
            sys.stderr.write(f"workshop-tui: {problem}\n")
        return EXIT_ERROR
    for report in reports:
        out(report.line())
        if args.verbose:
            for detail in report.detail_lines():
                out(f"  {detail}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from workshop_tui import serve
    from workshop_tui.serve.banner import banner

    store = open_store(args)
    session = store.open_session(args.session) if args.session else None
    if args.group and session is None:
        raise CliError(_("--group needs a SESSION to resume"))
    groups: tuple[str, ...] = ()
    if session is not None:
        groups = tuple(session.session.agenda.group_names)
        check_group(args.group, groups, _("this session's agenda"))
    try:
        plan = serve.plan(
            store.data_dir,
            host=args.host,
            port=args.port,
            session_id=session.id if session else "",
            group=args.group or "",
            public_url=args.public_url or "",
            code=args.code,
            groups=groups,
        )
        title = session.session.title if session else "workshop-tui"
        server = serve.make_server(plan, title=title)  # fails early without textual-serve
        serve.check_port_free(plan.host, plan.port)
        room = bool(plan.code) or not serve.is_loopback(plan.host)
        sys.stdout.write(banner(plan, qr=room))
        sys.stdout.flush()
        serve.run(server)
    except serve.ServeError as err:
        raise CliError(str(err)) from None
    return EXIT_OK
