"""A comparison of two workshops (:mod:`workshop_tui.core.compare`) as Markdown, HTML or Word.

The same parts in each format: the two workshops' facts, the totals, a table per topic and
per group (challenges, solutions, actions and how many are done, side by side), and each
topic's top-voted challenges. Headings are in the export's language; entry texts as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop_tui.core.compare import Comparison, Row, Side
from workshop_tui.core.export.markup import h, html_page, html_table, md_table, md_text
from workshop_tui.core.i18n import Translator, current_language, translator

FORMATS = ("md", "html", "docx")


def done_text(side: Side, t: Translator, short: bool = False) -> str:
    """``3 of 5 (60 %)`` (short: ``3/5``); ``—`` without actions."""
    if side.completion is None:
        return "—"
    if short:
        return f"{side.done}/{side.actions}"
    return t.gettext("{done} of {total} ({share} %)").format(
        done=side.done, total=side.actions, share=round(100 * side.completion)
    )


def title(c: Comparison, t: Translator) -> str:
    return t.gettext("{a} compared with {b}").format(a=c.a.title, b=c.b.title)


def facts(c: Comparison, t: Translator) -> list[tuple[str, str, str]]:
    """(label, first workshop, second workshop) lines."""

    def days(session_started: str, ended: str) -> str:
        return session_started[:10] + (f" → {ended[:10]}" if ended else "")

    return [
        (t.gettext("Workshop"), c.a.title, c.b.title),
        (t.gettext("Dates"), days(c.a.started, c.a.ended), days(c.b.started, c.b.ended)),
        (t.gettext("Agenda"), c.a.agenda.title, c.b.agenda.title),
        (t.gettext("Facilitator"), c.a.facilitator, c.b.facilitator),
        (t.gettext("Location"), c.a.location, c.b.location),
    ]


def headers(c: Comparison, t: Translator, first: str) -> list[str]:
    """The count columns, A (the first workshop) and B side by side."""
    return [
        first,
        t.gettext("Challenges A"),
        t.gettext("Challenges B"),
        t.gettext("Solutions A"),
        t.gettext("Solutions B"),
        t.gettext("Actions A"),
        t.gettext("Actions B"),
        t.gettext("Done A"),
        t.gettext("Done B"),
    ]


def cells(row: Row, t: Translator, label: str | None = None, short: bool = False) -> list[str]:
    a, b = row.a, row.b
    return [
        row.label if label is None else label,
        str(a.challenges),
        str(b.challenges),
        str(a.solutions),
        str(b.solutions),
        str(a.actions),
        str(b.actions),
        done_text(a, t, short),
        done_text(b, t, short),
    ]


def top_lines(side: Side, t: Translator) -> list[str]:
    if not side.top:
        return [t.gettext("(no votes)")]
    return [
        t.ngettext("{text} ({n} dot)", "{text} ({n} dots)", n).format(text=text, n=n)
        for text, n in side.top
    ]


def _tables(c: Comparison, t: Translator) -> list[tuple[str, list[str], list[list[str]]]]:
    """(heading, headers, rows) of every table, in order."""
    return [
        (
            t.gettext("Totals"),
            headers(c, t, ""),
            [cells(c.total, t, t.gettext("All topics and groups"))],
        ),
        (t.gettext("By topic"), headers(c, t, t.gettext("Topic")), [cells(r, t) for r in c.topics]),
        (t.gettext("By group"), headers(c, t, t.gettext("Group")), [cells(r, t) for r in c.groups]),
        (
            t.gettext("Top-voted challenges"),
            [t.gettext("Topic"), f"A · {c.a.title}", f"B · {c.b.title}"],
            [
                [r.label, "\n".join(top_lines(r.a, t)), "\n".join(top_lines(r.b, t))]
                for r in c.topics
            ],
        ),
    ]


def render_md(c: Comparison, t: Translator) -> bytes:
    out = [f"# {md_text(title(c, t))}", ""]
    out.append(md_table(["", "A", "B"], facts(c, t)))
    for heading, head, rows in _tables(c, t):
        out += [f"## {md_text(heading)}", "", md_table(head, rows)]
    return "\n".join(out).encode("utf-8")


def render_html(c: Comparison, t: Translator) -> bytes:
    body = [f"<h1>{h(title(c, t))}</h1>"]
    body.append(html_table(["", "A", "B"], facts(c, t)))
    for heading, head, rows in _tables(c, t):
        body += [f"<h2>{h(heading)}</h2>", html_table(head, rows)]
    return html_page(title(c, t), "\n".join(body), lang=t.language, landscape=True).encode("utf-8")


def render_docx(c: Comparison, t: Translator) -> bytes:
    from workshop_tui.core.export.docx.builder import DocxDocument

    document = DocxDocument(
        title=title(c, t), running=title(c, t), language=t.language, landscape=True
    )
    document.title(title(c, t))
    document.table(["", "A", "B"], facts(c, t), weights=(1, 3, 3))
    for heading, head, rows in _tables(c, t):
        document.heading(heading, 1)
        weights = (3, 4, 4) if len(head) == 3 else (3, *([1] * (len(head) - 1)))
        document.table(head, rows, weights=weights)
    return document.to_bytes()


RENDERERS: dict[str, Callable[[Comparison, Translator], bytes]] = {
    "md": render_md,
    "html": render_html,
    "docx": render_docx,
}


def render(c: Comparison, fmt: str, language: str | None = None) -> bytes:
    """The comparison in ``fmt`` (one of :data:`FORMATS`; KeyError for another), in
    ``language`` (default: the UI language)."""
    return RENDERERS[fmt](c, translator(language or current_language()))


__all__ = ["FORMATS", "cells", "done_text", "facts", "headers", "render", "title", "top_lines"]
