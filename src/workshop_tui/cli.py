"""Command line: parses arguments, calls the core or starts the app; nothing else.

Every failure a user can cause ends in one clear line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workshop_tui import __version__
from workshop_tui.core.i18n import N_, _, ngettext, set_language, ui_language

EXIT_OK = 0
EXIT_ERROR = 1


class CliError(Exception):
    """A user-facing error: printed as one line, exit code 1."""


def _store(args: argparse.Namespace) -> Any:
    from workshop_tui.core.paths import resolve_data_dir
    from workshop_tui.core.store import Store

    return Store(resolve_data_dir(args.data_dir))


def _out(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


# -- agendas ----------------------------------------------------------------------------
def cmd_agendas(args: argparse.Namespace) -> int:
    from workshop_tui.core.agenda_yaml import bundled_agendas

    rows = bundled_agendas()
    width = max((len(name) for name, _ in rows), default=0)
    for name, title in rows:
        _out(f"{name:<{width}}  {title}")  # data: the agendas' names and titles
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
            _out(_("{file}: ok").format(file=name))
    return status


# -- sessions ---------------------------------------------------------------------------
def cmd_sessions(args: argparse.Namespace) -> int:
    from workshop_tui.core.history import (
        FilterError,
        HistoryFilter,
        HistoryIndex,
        filter_and_sort,
    )

    if args.open and args.ended:
        raise CliError(_("--open and --ended exclude each other: give one of them"))
    listing = _store(args).list_sessions()
    for problem in listing.problems:
        sys.stderr.write(f"workshop-tui: {problem}\n")
    flt = HistoryFilter(
        text=" ".join(args.text or ()),
        agenda=args.agenda or "",
        state="open" if args.open else ("ended" if args.ended else ""),
        since=args.since or "",
        until=args.until or "",
    )
    key, _sep, direction = (args.sort or "started").partition(":")
    try:
        shown = filter_and_sort(HistoryIndex.build(listing.sessions), flt, key, direction != "asc")
    except FilterError as err:
        raise CliError(str(err)) from None
    if args.json:
        followed_by: dict[str, list[str]] = {}
        for s in listing.sessions:
            if s.follow_up_of:
                followed_by.setdefault(s.follow_up_of, []).append(s.id)
        rows = [dict(s.to_dict(), followed_up_by=followed_by.get(s.id, [])) for s in shown]
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not listing.sessions:
        _out(_("no sessions yet — start one with: workshop-tui run ipr-border-enforcement"))
    elif not shown:
        _out(_("no session matches (of {total})").format(total=len(listing.sessions)))
    else:
        # Translators: column headings of 'workshop-tui sessions' (CH, SO, AC: counts of
        # challenges, solutions, actions); keep each within its width (8, 16, 10, 4 letters)
        heads = [_("ID"), _("STARTED"), _("ENDED"), _("CH"), _("SO"), _("AC"), _("OPEN")]
        header = (
            f"{heads[0]:<8}  {heads[1]:<16}  {heads[2]:<10}  {heads[3]:>4} {heads[4]:>4} "
            f"{heads[5]:>4} {heads[6]:>4}  " + _("TITLE (AGENDA)")
        )
        _out(header)
        for s in shown:
            started = s.started[:16].replace("T", " ")
            agenda = f" ({s.agenda_name})" if s.agenda_name else ""
            _out(
                f"{s.id[:8]:<8}  {started:<16}  {(s.ended[:10] or '-'):<10}  {s.challenges:>4} "
                f"{s.solutions:>4} {s.actions:>4} {s.open_actions:>4}  {s.title}{agenda}"
            )
    return EXIT_ERROR if listing.problems else EXIT_OK


# -- the app ------------------------------------------------------------------------------
def _check_group(group: str | None, names: Sequence[str], where: str) -> None:
    """A --group that is not in the agenda: one line listing the groups there are."""
    if group and group not in names:
        choices = ", ".join(repr(n) for n in names) or _("none")
        raise CliError(
            _("group {group!r} is not in {where} (groups: {choices})").format(
                group=group, where=where, choices=choices
            )
        )


def _launch(args: argparse.Namespace, **options: Any) -> int:
    from workshop_tui.ui.app import WorkshopApp

    app = WorkshopApp(store=_store(args), language=args.lang, **options)
    app.run()
    return int(app.return_code or 0)


def cmd_start(args: argparse.Namespace) -> int:
    return _launch(args)


def cmd_run(args: argparse.Namespace) -> int:
    from workshop_tui.core.agenda_yaml import load_agenda

    agenda = load_agenda(args.agenda)
    store = _store(args)
    follow_up_of = store.resolve(args.follow_up) if args.follow_up else ""
    _check_group(args.group, agenda.group_names, _("the agenda"))
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
    store = _store(args)
    session = store.open_session(args.session)
    _check_group(args.group, session.session.agenda.group_names, _("this session's agenda"))
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
            _store(args), [Path(p) for p in args.bundles], into=args.into or "", max_bytes=max_bytes
        )
    except MergeError as err:
        for problem in err.problems:
            sys.stderr.write(f"workshop-tui: {problem}\n")
        return EXIT_ERROR
    for report in reports:
        _out(report.line())
        if args.verbose:
            for detail in report.detail_lines():
                _out(f"  {detail}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from workshop_tui import serve
    from workshop_tui.serve.banner import banner

    store = _store(args)
    session = store.open_session(args.session) if args.session else None
    if args.group and session is None:
        raise CliError(_("--group needs a SESSION to resume"))
    groups: tuple[str, ...] = ()
    if session is not None:
        groups = tuple(session.session.agenda.group_names)
        _check_group(args.group, groups, _("this session's agenda"))
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


# -- export -----------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from workshop_tui.core.export import (
        ActionFilter,
        ExportError,
        ExportOptions,
        Layout,
        export,
        export_to_path,
        formats_for,
        get_exporter,
    )

    fmt = args.format or next(iter(formats_for(args.what)), "")  # the first registered format
    filters = ActionFilter(
        groups=tuple(args.group or ()),
        topics=tuple(args.topic or ()),
        owners=tuple(args.owner or ()),
        units=tuple(args.unit or ()),
        levels=tuple(args.level or ()),
        statuses=tuple(args.status or ()),
        consolidated=args.consolidated,
    )
    layout = Layout(
        columns=tuple(args.columns or ()),
        group_by=args.group_by or "",
        landscape=args.landscape,
    )
    try:
        exporter = get_exporter(args.what, fmt)
        if args.output in (None, "-"):
            if args.split_by:
                raise CliError(
                    _("--split-by writes one file per owner or unit: give a folder with -o DIR")
                )
            if exporter.binary:
                raise CliError(
                    _("{fmt} is a binary format: give a file name with -o FILE").format(fmt=fmt)
                )
            session = _store(args).open_session(args.session)
            options = ExportOptions(filters=filters, language=args.lang or "", layout=layout)
            payload = export(session, args.what, fmt, options)
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
            return EXIT_OK
        paths = export_to_path(
            _store(args),
            args.session,
            args.what,
            fmt,
            Path(args.output),
            filters,
            args.split_by,
            language=args.lang or "",
            layout=layout,
        )
    except ExportError as err:
        raise CliError(str(err)) from None
    if not paths:
        _out(_("no actions match: no files written"))
    for path in paths:
        _out(_("wrote {path}").format(path=path))
    return EXIT_OK


# -- search -----------------------------------------------------------------------------
def cmd_search(args: argparse.Namespace) -> int:
    from workshop_tui.core.history import FilterError
    from workshop_tui.core.search import index_for
    from workshop_tui.core.search_query import parse_search, with_value

    try:
        query = parse_search(" ".join(args.text))
        flt = query.filter
        for key in ("session", "agenda", "since", "until", "kind", "status", "owner"):
            for value in getattr(args, key) or ():
                flt = with_value(flt, key, value)
        for key in ("group", "topic"):
            for value in getattr(args, f"in_{key}") or ():
                flt = with_value(flt, key, value)
    except FilterError as err:
        raise CliError(str(err)) from None
    text = query.text
    if not query.words and flt.is_empty:
        raise CliError(_("give at least one word to search for"))
    if args.limit < 0:
        raise CliError(_("--limit must be 0 (no limit) or more"))
    index = index_for(_store(args))
    hits = index.search(text, limit=args.limit or None, flt=flt)
    for problem in index.problems:
        sys.stderr.write(f"workshop-tui: {problem}\n")
    if args.json:
        _out(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        _out(_("no entry matches {text!r}").format(text=text))
        return EXIT_OK
    for h in hits:
        one_line = " ".join(h.text.split())
        _out(
            f"{h.session_id[:8]}  {h.started[:10]}  {h.session_title} · {h.topic_title} · "
            f"{h.group} · {h.kind}: {one_line}"
        )
    if args.limit and len(hits) >= args.limit:
        sys.stderr.write(
            _("workshop-tui: showing the first {n} matches (--limit 0 shows all)").format(
                n=args.limit
            )
            + "\n"
        )
    return EXIT_OK


# -- themes -----------------------------------------------------------------------------
def _topic_id(agenda: Any, ref: str | None) -> str | None:
    """A --topic given by id or by title (any case); None without one."""
    if ref is None:
        return None
    for topic in agenda.topics:
        if ref == topic.id or ref.casefold() == topic.title.casefold():
            return str(topic.id)
    choices = ", ".join(t.id for t in agenda.topics)
    raise CliError(
        _("no topic {ref!r} in this session (topics: {choices})").format(ref=ref, choices=choices)
    )


def cmd_themes(args: argparse.Namespace) -> int:
    from workshop_tui.core.model import EntryKind
    from workshop_tui.core.themes.book import load_themes
    from workshop_tui.core.themes.model import ranking

    store = _store(args).open_session(args.session)
    agenda = store.session.agenda
    topic_id = _topic_id(agenda, args.topic)
    kind = EntryKind(args.kind) if args.kind else None
    if args.suggest:
        from workshop_tui.core.themes.glossary import combined
        from workshop_tui.core.themes.suggest import suggest_themes

        found = suggest_themes(
            store.entries(),
            kind=kind,
            topic_id=topic_id,
            glossary=combined(agenda.glossary),
            language=agenda.language,
            topic_titles={t.id: t.title for t in agenda.topics},
        )
        if args.json:
            _out(json.dumps([s.to_json() for s in found], ensure_ascii=False, indent=2))
            return EXIT_OK
        if not found:
            _out(_("no theme to suggest: no two entries say the same thing"))
        for suggestion in found:
            _out(f"{suggestion.title}  ({', '.join(suggestion.shared_words)})")
            for entry_id in suggestion.entries:
                entry = store.get(entry_id)
                reason = ", ".join(suggestion.reasons.get(entry_id, ()))
                _out(f"  {entry.group}: {' '.join(entry.text.split())}  [{reason}]")
        return EXIT_OK
    themes = [
        t
        for t in ranking(load_themes(store))
        if (kind is None or t.kind == kind) and (topic_id is None or t.topic_id == topic_id)
    ]
    rows: list[dict[str, Any]] = []
    for theme in themes:
        entries = sorted((store.get(i) for i in theme.members), key=lambda e: (e.created, e.id))
        rows.append(
            {
                "id": theme.id,
                "title": theme.title,
                "kind": theme.kind.value,
                "topic": theme.topic_id,
                "entries": [e.id for e in entries if not e.deleted],
                "groups": sorted({e.group for e in entries if not e.deleted}),
                "votes": dict(sorted(theme.votes.items())),
                "dots": theme.vote_count,
            }
        )
    if args.json:
        _out(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        _out(_("no themes yet: accept suggestions in the plenary's Themes tab (F2)"))
    for number, row in enumerate(rows, 1):
        dots = ngettext("{n} dot", "{n} dots", row["dots"]).format(n=row["dots"])
        _out(f"{number}. {row['title']}  ({dots} · {', '.join(row['groups'])})")
        for entry_id in row["entries"]:
            entry = store.get(entry_id)
            _out(f"   {entry.group}: {' '.join(entry.text.split())}")
    return EXIT_OK


# -- action register --------------------------------------------------------------------
def cmd_actions(args: argparse.Namespace) -> int:
    from workshop_tui.core.history import FilterError, HistoryFilter
    from workshop_tui.core.model import ActionStatus
    from workshop_tui.core.register import RegisterFilter, build_register, select
    from workshop_tui.core.register_export import FORMATS, overdue_text, render, status_word

    if args.json and args.format:
        raise CliError(_("--json and --format exclude each other: give one of them"))
    if args.format and args.format not in FORMATS:
        raise CliError(
            _("unknown format {fmt!r} (choose one of: {choices})").format(
                fmt=args.format, choices=", ".join(FORMATS)
            )
        )
    try:
        statuses = tuple(ActionStatus.parse(s).value for s in args.status or ())
        since = HistoryFilter(since=args.since).ranges()[0].start if args.since else None
    except (ValueError, FilterError) as err:
        raise CliError(str(err)) from None
    flt = RegisterFilter(
        statuses=statuses,
        owners=tuple(args.owner or ()),
        units=tuple(args.unit or ()),
        agendas=tuple(args.agenda or ()),
        since=since.isoformat() if since else "",
        overdue=args.overdue,
    )
    store = _store(args)
    register = build_register(store)
    for problem in register.problems:
        sys.stderr.write(f"workshop-tui: {problem}\n")
    rows = select(register.rows, flt)
    if args.json:
        _out(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
    elif args.format:
        payload = render(rows, args.format)
        if args.output in (None, "-"):
            if args.format == "xlsx":
                raise CliError(_("xlsx is a binary format: give a file name with -o FILE"))
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            from workshop_tui.core.store.storage import atomic_write_bytes

            atomic_write_bytes(Path(args.output), payload)
            _out(_("wrote {path}").format(path=args.output))
    elif not rows:
        _out(_("no action matches (of {total})").format(total=len(register.rows)))
    else:
        from workshop_tui.core.i18n import translator

        t = translator(None)
        for r in rows:
            note = overdue_text(r, t)
            _out(
                f"{status_word(r.status, t):<12} {r.due or '-':<10}  {r.owner or '-'}"
                f"{' / ' + r.unit if r.unit else ''} · {r.session_title} ({r.started[:10]}) · "
                f"{' '.join(r.text.split())}" + (f"  [{note}]" if note else "")
            )
    return EXIT_ERROR if register.problems else EXIT_OK


# -- compare ----------------------------------------------------------------------------
def cmd_compare(args: argparse.Namespace) -> int:
    from workshop_tui.core.compare import compare
    from workshop_tui.core.compare_export import FORMATS, render

    fmt = args.format or "md"
    if fmt not in FORMATS:
        raise CliError(
            _("unknown format {fmt!r} (choose one of: {choices})").format(
                fmt=fmt, choices=", ".join(FORMATS)
            )
        )
    store = _store(args)
    first, second = store.open_session(args.first), store.open_session(args.second)
    if first.id == second.id:
        raise CliError(_("give two different sessions to compare"))
    if first.session.started > second.session.started:
        first, second = second, first  # the earlier workshop first
    payload = render(compare(first, second), fmt)
    if args.output in (None, "-"):
        if fmt == "docx":
            raise CliError(_("docx is a binary format: give a file name with -o FILE"))
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return EXIT_OK
    from workshop_tui.core.store.storage import atomic_write_bytes

    atomic_write_bytes(Path(args.output), payload)
    _out(_("wrote {path}").format(path=args.output))
    return EXIT_OK


# -- parser -------------------------------------------------------------------------------
#: the choices listed in --help (tests/unit/test_cli_messages.py checks them against the
#: export registry and the model, which the parser does not import: it builds at every start)
WHATS_HELP = N_(
    "actions (the action list, the default), report (the session report), progress (what "
    "became of an earlier session's actions, from its follow-up session) or bundle (the whole "
    "session, for 'workshop-tui import')"
)
FORMATS_HELP = {
    "actions": ("csv", "xlsx", "md", "html", "json", "ics", "docx"),
    "report": ("md", "html", "docx"),
    "progress": ("md", "html", "docx"),
    "bundle": ("json",),
}
LEVELS = ("institutional", "individual")
STATUSES = ("open", "in progress", "done", "dropped", "carried over")
SPLIT_CHOICES = ("owner", "unit")
GROUP_BY_CHOICES = ("topic", "unit", "owner", "level", "status")
#: the columns an action-plan document can show (export.plan.PLAN_COLUMNS, checked by a test)
COLUMN_NAMES = (
    "number",
    "action",
    "owner",
    "unit",
    "level",
    "start",
    "due",
    "timeframe",
    "priority",
    "status",
    "source",
    "answers",
    "partners",
    "indicator",
    "verification",
    "resources",
    "comments",
    "topic",
    "group",
    "challenges",
    "solutions",
    "session",
    "topic-id",
    "reviews",
    "carried-from",
    "captured-by",
    "created",
    "updated",
    "id",
)
#: the sessions list's sort keys (core.history.SORT_KEYS; checked by a test)
SORT_KEYS = (
    "state",
    "title",
    "agenda",
    "started",
    "ended",
    "facilitator",
    "location",
    "groups",
    "challenges",
    "solutions",
    "actions",
    "open",
)
SESSION_REF = N_("an id, a unique prefix of one, or 'latest' (see 'workshop-tui sessions')")
#: argparse's own words (usage, options, its errors): argparse looks up ``_`` in its module at
#: call time, and :func:`_translate_argparse` points it at ours, so they are in the catalog
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _translate_argparse() -> None:
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, without breaking a line inside 'workshop-tui' or another hyphenated
    word."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return textwrap.fill(
            " ".join(text.split()),
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=_("Show this help and exit."))


def _either(values: Sequence[str]) -> str:
    """'a, b or c'."""
    if len(values) == 1:
        return values[0]
    return _("{first} or {last}").format(first=", ".join(values[:-1]), last=values[-1])


def _formats_help() -> str:
    parts = [
        _("for {what}: {formats}").format(
            what=what,
            formats=_either(
                [
                    _("{format} (the default)").format(format=fmt) if i == 0 else fmt
                    for i, fmt in enumerate(fmts)
                ]
            ),
        )
        for what, fmts in FORMATS_HELP.items()
    ]
    return _("The file format; {formats}.").format(formats="; ".join(parts))


def _add_command(
    sub: Any, name: str, summary: str, description: str = ""
) -> argparse.ArgumentParser:
    """A subcommand whose one-line summary (in 'workshop-tui --help') also heads its own
    --help, with a longer description after it when there is one."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=summary,
        description=f"{summary} {description}".strip(),
        formatter_class=_HelpFormatter,
        add_help=False,
    )
    _add_help(parser)
    _add_lang(parser, default=argparse.SUPPRESS)  # also after the command: export X --lang id
    return parser


def _add_lang(parser: argparse.ArgumentParser, default: Any = None) -> None:
    parser.add_argument(
        "--lang",
        metavar="LANG",
        default=default,
        help=_(
            "Use this language for the app, the messages and the exports (e.g. en, id; "
            "default: $WORKSHOP_TUI_LANG, else the language chosen in the app, else the "
            "system's; exports otherwise follow the agenda's language)."
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-tui",
        description=_(
            "Capture workshop group discussions: the challenges, solutions and actions "
            "of each group on each topic. Without a command, the app opens on its start screen."
        ),
        formatter_class=_HelpFormatter,
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"workshop-tui {__version__}",
        help=_("Show the version and exit."),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "Keep the sessions in this folder (default: $WORKSHOP_TUI_DATA, else the "
            "platform's user data folder)."
        ),
    )
    _add_lang(parser)
    parser.set_defaults(handler=cmd_start)
    sub = parser.add_subparsers(title=_("commands"), metavar="COMMAND")

    p = _add_command(sub, "agendas", _("List the bundled agendas, name and title."))
    p.set_defaults(handler=cmd_agendas)

    p = _add_command(
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

    p = _add_command(
        sub,
        "sessions",
        _("List the sessions, newest first."),
        _(
            "Words match the title, agenda, facilitator, location, groups and topic titles; "
            "dates in the words (2025, 2025-06, 2025-06-01..2025-09-30, since 2024) match the "
            "days a session ran."
        ),
    )
    p.add_argument("text", nargs="*", metavar="WORD", help=_("Only sessions with all these words."))
    p.add_argument("--agenda", metavar="NAME", help=_("Only sessions of this agenda (its name)."))
    p.add_argument(
        "--since",
        metavar="DATE",
        help=_("Only sessions running on or after DATE (YYYY[-MM[-DD]])."),
    )
    p.add_argument(
        "--until",
        metavar="DATE",
        help=_("Only sessions running on or before DATE (YYYY[-MM[-DD]])."),
    )
    p.add_argument("--open", action="store_true", help=_("Only sessions still in progress."))
    p.add_argument("--ended", action="store_true", help=_("Only sessions that have ended."))
    p.add_argument(
        "--sort",
        metavar="KEY[:asc]",
        help=_(
            "Sort by {either} (default: started, newest first; add ':asc' for the other way round)."
        ).format(either=_either(SORT_KEYS)),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=_(
            "Print the list as JSON, for scripts (with facilitator, location, dates, "
            "follow_up_of and followed_up_by)."
        ),
    )
    p.set_defaults(handler=cmd_sessions)

    p = _add_command(sub, "run", _("Start a new session from an agenda file or a bundled agenda."))
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

    p = _add_command(sub, "resume", _("Reopen a session to go on capturing."))
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

    p = _add_command(
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

    p = _add_command(
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

    p = _add_command(
        sub,
        "export",
        _("Export a session: its action list, report, progress report or bundle."),
        _(
            "The action filters apply to action lists only: values of one filter are "
            "alternatives, different filters must all hold."
        ),
    )
    p.add_argument(
        "session",
        metavar="SESSION",
        help=_("The session to export: {session}.").format(session=_(SESSION_REF)),
    )
    p.add_argument(
        "--what", default="actions", help=_("What to export: {whats}.").format(whats=_(WHATS_HELP))
    )
    p.add_argument("--format", metavar="FMT", help=_formats_help())
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=_(
            "Write to this file, replacing it if it exists, or into this existing folder "
            "under the default file name; without -o, or with '-o -', text formats go to "
            "standard output."
        ),
    )
    for flag, metavar, which in (
        ("--group", "GROUP", _("Only export the actions of this group.")),
        ("--topic", "TOPIC", _("Only export the actions of this topic, by id or title.")),
        (
            "--owner",
            "NAME",
            _("Only export the actions of this owner ('' for actions without one)."),
        ),
        ("--unit", "UNIT", _("Only export the actions of this responsible unit.")),
        (
            "--level",
            "LEVEL",
            _("Only export the actions of this level: {levels}.").format(levels=_either(LEVELS)),
        ),
        (
            "--status",
            "STATUS",
            _("Only export the actions with this status: {statuses}.").format(
                statuses=_either(STATUSES)
            ),
        ),
    ):
        p.add_argument(
            flag,
            action="append",
            metavar=metavar,
            help=which + " " + _("Repeat it to allow several."),
        )
    p.add_argument(
        "--consolidated",
        action="store_true",
        help=_(
            "The consolidated action plan: the plenary's consolidated actions plus every "
            "action not merged into one (docs/themes.md)."
        ),
    )
    p.add_argument(
        "--split-by",
        metavar="|".join(SPLIT_CHOICES),
        help=_(
            "Write one file per owner or per responsible unit, plus one for the actions "
            "without, into the folder given with -o DIR (created when missing); files there "
            "with the same names are replaced, other files are left alone. In html, md and "
            "docx each file is addressed to its owner or unit."
        ),
    )
    p.add_argument(
        "--columns",
        action="append",
        metavar="LIST",
        help=_(
            "The columns of an action plan in html, md or docx, comma-separated: {names}; or "
            "'all'. Default: number, action, owner, unit, level, due, status, source. Data "
            "formats (csv, xlsx, json, ics) keep every field."
        ).format(names=", ".join(COLUMN_NAMES)),
    )
    p.add_argument(
        "--group-by",
        metavar="|".join(GROUP_BY_CHOICES),
        help=_(
            "One section per topic, unit, owner, level or status in an action plan in html, "
            "md or docx (each on a new printed page)."
        ),
    )
    p.add_argument(
        "--landscape",
        action="store_true",
        help=_("Print on A4 landscape instead of portrait (html and docx; for many columns)."),
    )
    p.set_defaults(handler=cmd_export)

    p = _add_command(
        sub,
        "search",
        _("Find entries in every session."),
        _("An entry matches when it has all the words, ignoring case and accents."),
    )
    p.add_argument(
        "text",
        nargs="*",
        metavar="TEXT",
        help=_(
            "A word the entries must contain (or a filter written key:value, as in the app: "
            "kind:action status:open owner:ana date:2025-06)."
        ),
    )
    for flag, dest, metavar, which in (
        ("--session", "session", "SESSION", _("of this session (an id or its start)")),
        ("--agenda", "agenda", "NAME", _("of sessions of this agenda (its name)")),
        ("--since", "since", "DATE", _("of sessions running on or after DATE")),
        ("--until", "until", "DATE", _("of sessions running on or before DATE")),
        ("--kind", "kind", "KIND", _("of this kind: challenge, solution, action, note, parking")),
        ("--status", "status", "STATUS", _("that are actions with this status")),
        ("--owner", "owner", "NAME", _("that are actions whose owner contains NAME")),
        ("--group", "in_group", "GROUP", _("of a group whose name contains GROUP")),
        ("--topic", "in_topic", "TOPIC", _("of a topic whose id or title contains TOPIC")),
    ):
        p.add_argument(
            flag,
            dest=dest,
            action="append",
            metavar=metavar,
            help=_("Only entries {which}. Repeat it to allow several.").format(which=which),
        )
    p.add_argument("--json", action="store_true", help=_("Print the matches as JSON, for scripts."))
    p.add_argument(
        "--limit",
        type=int,
        default=200,
        metavar="N",
        help=_("Show at most N matches (default: 200; 0 shows them all)."),
    )
    p.set_defaults(handler=cmd_search)

    p = _add_command(
        sub,
        "themes",
        _("List a session's themes, ranked by the plenary's dots, or suggest themes."),
        _(
            "With --suggest: groups of entries from every group that say the same thing, "
            "found offline (docs/themes.md); clusters of two or more entries, in a fixed order."
        ),
    )
    p.add_argument(
        "session", metavar="SESSION", help=_("The session: {ref}.").format(ref=_(SESSION_REF))
    )
    p.add_argument("--topic", metavar="TOPIC", help=_("Only this topic, by id or title."))
    p.add_argument(
        "--kind",
        choices=("challenge", "solution", "action"),
        help=_("Only themes of this kind of entry."),
    )
    p.add_argument(
        "--suggest",
        action="store_true",
        help=_("Suggest themes instead of listing the accepted ones."),
    )
    p.add_argument("--json", action="store_true", help=_("Print JSON, for scripts."))
    p.set_defaults(handler=cmd_themes)

    p = _add_command(
        sub,
        "actions",
        _("List the actions of every session: the action register."),
        _(
            "An action carried over at follow-ups is one row, where it stands now, with its "
            "history; an open action of an ended session is overdue when it was not done by "
            "the follow-up session, otherwise when its due date has passed. Values of one "
            "filter are alternatives, different filters must all hold."
        ),
    )
    for flag, metavar, which in (
        ("--status", "STATUS", _("with this status: {choices}").format(choices=_either(STATUSES))),
        ("--owner", "NAME", _("whose owner contains NAME ('' for actions without one)")),
        ("--unit", "UNIT", _("whose responsible unit contains UNIT")),
        ("--agenda", "NAME", _("of sessions of this agenda (its name)")),
    ):
        p.add_argument(
            flag,
            action="append",
            metavar=metavar,
            help=_("Only the actions {which}. Repeat it to allow several.").format(which=which),
        )
    p.add_argument(
        "--since",
        metavar="DATE",
        help=_("Only actions of sessions on or after DATE (YYYY[-MM[-DD]])."),
    )
    p.add_argument("--overdue", action="store_true", help=_("Only overdue actions."))
    p.add_argument(
        "--json",
        action="store_true",
        help=_("Print the rows as JSON (with each action's id and session), for scripts."),
    )
    p.add_argument(
        "--format", metavar="csv|xlsx|md|html", help=_("Export the register in this format.")
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=_("Write the export to this file (default: standard output; xlsx needs a file)."),
    )
    p.set_defaults(handler=cmd_actions)

    p = _add_command(
        sub,
        "compare",
        _("Compare two workshops side by side."),
        _(
            "Per topic (matched by id, then title) and per group: challenges, solutions, "
            "actions and how many are done, and the top-voted challenges; the earlier "
            "workshop comes first."
        ),
    )
    p.add_argument(
        "first", metavar="SESSION", help=_("One session: {ref}.").format(ref=_(SESSION_REF))
    )
    p.add_argument("second", metavar="SESSION", help=_("The other session."))
    p.add_argument("--format", metavar="md|html|docx", help=_("The format (default: md)."))
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=_("Write to this file (default: standard output; docx needs a file)."),
    )
    p.set_defaults(handler=cmd_compare)

    # New subcommands go above this line: a parser block and a cmd_* handler each.
    return parser


def _lang_option(arguments: Sequence[str]) -> str | None:
    """``--lang X`` / ``--lang=X`` before the parser exists (its help is in that language)."""
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
    return None


def _use_remembered_language(args: argparse.Namespace) -> None:
    """The language chosen in the app (``ui.language``) counts once the data folder is known,
    unless ``--lang`` or ``$WORKSHOP_TUI_LANG`` says otherwise (core.i18n.ui_language)."""
    if args.lang:
        return
    from workshop_tui.core.paths import resolve_data_dir
    from workshop_tui.core.prefs import Preferences

    path = resolve_data_dir(args.data_dir) / "prefs.json"
    if path.is_file():  # never create a data folder just to read a preference
        remembered = Preferences(path).get("ui.language", "", str)
        set_language(ui_language(None, remembered or None))


def main(argv: Sequence[str] | None = None) -> int:
    from workshop_tui.core.agenda_yaml import AgendaError, AgendaNotFoundError
    from workshop_tui.core.store import StoreError

    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(ui_language(_lang_option(arguments)))  # --help and errors are translated too
    _translate_argparse()
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        _use_remembered_language(args)
        return int(args.handler(args))
    except AgendaNotFoundError as err:  # nothing to point a FILE:LINE:COL into
        sys.stderr.write(f"workshop-tui: {err}\n")  # the message is translated where raised
        return EXIT_ERROR
    except AgendaError as err:
        for problem in err.problems:
            sys.stderr.write(f"{problem}\n")
        return EXIT_ERROR
    except (CliError, StoreError) as err:
        sys.stderr.write(f"workshop-tui: {err}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
