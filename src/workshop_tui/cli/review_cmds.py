"""The commands that read the history: sessions, export, search, themes, actions (the
register across workshops) and compare. Each imports what it needs when it runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from workshop_tui.cli.common import EXIT_ERROR, EXIT_OK, CliError, open_store, out, topic_id_of
from workshop_tui.core.i18n import _, ngettext


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
    listing = open_store(args).list_sessions()
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
        out(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not listing.sessions:
        out(_("no sessions yet — start one with: workshop-tui run ipr-border-enforcement"))
    elif not shown:
        out(_("no session matches (of {total})").format(total=len(listing.sessions)))
    else:
        # Translators: column headings of 'workshop-tui sessions' (CH, SO, AC: counts of
        # challenges, solutions, actions); keep each within its width (8, 16, 10, 4 letters)
        heads = [_("ID"), _("STARTED"), _("ENDED"), _("CH"), _("SO"), _("AC"), _("OPEN")]
        header = (
            f"{heads[0]:<8}  {heads[1]:<16}  {heads[2]:<10}  {heads[3]:>4} {heads[4]:>4} "
            f"{heads[5]:>4} {heads[6]:>4}  " + _("TITLE (AGENDA)")
        )
        out(header)
        for s in shown:
            started = s.started[:16].replace("T", " ")
            agenda = f" ({s.agenda_name})" if s.agenda_name else ""
            out(
                f"{s.id[:8]:<8}  {started:<16}  {(s.ended[:10] or '-'):<10}  {s.challenges:>4} "
                f"{s.solutions:>4} {s.actions:>4} {s.open_actions:>4}  {s.title}{agenda}"
            )
    return EXIT_ERROR if listing.problems else EXIT_OK


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
            session = open_store(args).open_session(args.session)
            options = ExportOptions(filters=filters, language=args.lang or "", layout=layout)
            payload = export(session, args.what, fmt, options)
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
            return EXIT_OK
        paths = export_to_path(
            open_store(args),
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
        out(_("no actions match: no files written"))
    for path in paths:
        out(_("wrote {path}").format(path=path))
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
    index = index_for(open_store(args))
    hits = index.search(text, limit=args.limit or None, flt=flt)
    for problem in index.problems:
        sys.stderr.write(f"workshop-tui: {problem}\n")
    if args.json:
        out(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        out(_("no entry matches {text!r}").format(text=text))
        return EXIT_OK
    for h in hits:
        one_line = " ".join(h.text.split())
        out(
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


def cmd_themes(args: argparse.Namespace) -> int:
    from workshop_tui.core.model import EntryKind
    from workshop_tui.core.themes.book import load_themes
    from workshop_tui.core.themes.model import ranking

    store = open_store(args).open_session(args.session)
    agenda = store.session.agenda
    topic_id = topic_id_of(agenda, args.topic)
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
            out(json.dumps([s.to_json() for s in found], ensure_ascii=False, indent=2))
            return EXIT_OK
        if not found:
            out(_("no theme to suggest: no two entries say the same thing"))
        for suggestion in found:
            out(f"{suggestion.title}  ({', '.join(suggestion.shared_words)})")
            for entry_id in suggestion.entries:
                entry = store.get(entry_id)
                reason = ", ".join(suggestion.reasons.get(entry_id, ()))
                out(f"  {entry.group}: {' '.join(entry.text.split())}  [{reason}]")
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
        out(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        out(_("no themes yet: accept suggestions in the plenary's Themes tab (F2)"))
    for number, row in enumerate(rows, 1):
        dots = ngettext("{n} dot", "{n} dots", row["dots"]).format(n=row["dots"])
        out(f"{number}. {row['title']}  ({dots} · {', '.join(row['groups'])})")
        for entry_id in row["entries"]:
            entry = store.get(entry_id)
            out(f"   {entry.group}: {' '.join(entry.text.split())}")
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
    store = open_store(args)
    register = build_register(store)
    for problem in register.problems:
        sys.stderr.write(f"workshop-tui: {problem}\n")
    rows = select(register.rows, flt)
    if args.json:
        out(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
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
            out(_("wrote {path}").format(path=args.output))
    elif not rows:
        out(_("no action matches (of {total})").format(total=len(register.rows)))
    else:
        from workshop_tui.core.i18n import translator

        t = translator(None)
        for r in rows:
            note = overdue_text(r, t)
            out(
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
    store = open_store(args)
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
    out(_("wrote {path}").format(path=args.output))
    return EXIT_OK
