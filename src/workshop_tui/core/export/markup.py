"""Escaping and building blocks shared by the Markdown and HTML formats.

Entry text is whatever a scribe typed: formulas, ``<script>``, pipes, newlines, right-to-left
text. Markdown output escapes every character that could start markup (so the text renders
as typed, never as HTML or a broken table); HTML output escapes everything with
:func:`html.escape` and loads nothing from outside the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

_NEWLINES = re.compile(r"\r\n?|\n")
# ASCII punctuation that can open inline markup anywhere in a line (CommonMark 2.4: any
# ASCII punctuation may be backslash-escaped, so escaping is always safe).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# Markup that only counts at the start of a block: headings, quotes, list markers, rules.
_MD_BLOCK_START = re.compile(r"^([#>+\-=]|\d+[.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(text: str) -> str:
    """Text with newlines normalised to ``\\n`` and control characters removed."""
    return _CONTROL.sub("", _NEWLINES.sub("\n", text))


# -- Markdown -----------------------------------------------------------------------------
def md_text(text: str) -> str:
    """One line of Markdown that renders as ``text``; line breaks become ``<br>``."""
    lines = []
    for line in plain(text).split("\n"):
        line = line.strip()
        line = _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", line))
        lines.append(_MD_BLOCK_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], line))
    return "<br>".join(lines)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM pipe table; every cell escaped with :func:`md_text`."""
    head = [md_text(h) or " " for h in headers]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        out.append("| " + " | ".join(md_text(cell) for cell in row) + " |")
    return "\n".join(out) + "\n"


# -- HTML ---------------------------------------------------------------------------------
def h(text: str) -> str:
    """Escaped HTML text; line breaks become ``<br>``."""
    return "<br>".join(html.escape(line, quote=True) for line in plain(text).split("\n"))


_HYPHENATED = re.compile(r"[^\s<>]*-[^\s<>]*")


def h_whole(text: str) -> str:
    """:func:`h`, with each hyphenated word ("Sub-directorate") kept on one line."""
    return _HYPHENATED.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', h(text))


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    css_class: str = "",
    nowrap: Sequence[bool] = (),
    widths: Sequence[float] = (),
) -> str:
    """A table; each cell escaped, ``dir="auto"`` so right-to-left text reads right.

    Lines in a cell break at spaces only: hyphenated words ("Sub-directorate",
    "Information-sharing") are kept on one line too. ``nowrap[i]`` keeps column ``i``
    entirely on one line (numbers, dates); ``widths`` are relative column widths (hints: a
    column is never narrower than its longest word)."""
    cls = f' class="{html.escape(css_class)}"' if css_class else ""
    out = [f"<table{cls}>"]
    if widths:
        total = sum(widths) or 1
        out.append(
            "<colgroup>"
            + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
            + "</colgroup>"
        )
    n = len(headers)
    keep = [' class="nowrap"' if i < len(nowrap) and nowrap[i] else "" for i in range(n)]
    out.append("<thead><tr>")
    out += [f'<th scope="col"{keep[i]}>{h(x)}</th>' for i, x in enumerate(headers)]
    out.append("</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        out.append(
            "<tr>"
            + "".join(f'<td dir="auto"{keep[i]}>{h_whole(cell)}</td>' for i, cell in enumerate(row))
            + "</tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


#: the page's look on screen and in print. Words are never broken inside: lines wrap at
#: spaces only (a table column is at least as wide as its longest word) and nothing is
#: hyphenated but where the text itself has a soft hyphen.
PRINT_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif;
       margin: 2rem; color: #111; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .4rem; border-bottom: 2px solid #333; }
h3 { font-size: 1.1rem; margin: 1.1rem 0 .3rem; }
h4 { font-size: 1rem; margin: .8rem 0 .2rem; }
h1, h2, h3, h4, p, li, dd, th, td { overflow-wrap: break-word; word-break: normal;
       hyphens: manual; }
.meta { color: #444; margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: .25rem .4rem; text-align: start;
         vertical-align: top; }
th.nowrap, td.nowrap, td .nowrap { white-space: nowrap; }
thead th { background: #e8e8e8; }
tbody tr:nth-child(even) { background: #f7f7f7; }
ul { margin: .2rem 0 .6rem; padding-inline-start: 1.4rem; }
.muted { color: #666; }
.votes { font-weight: 600; white-space: nowrap; }
@media print {
  body { margin: 0; font-size: 9.5pt; line-height: 1.3; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12.5pt; margin-top: .8rem; }
  h3 { font-size: 11pt; }
  h1, h2, h3, h4 { break-after: avoid; }
  dl.meta { font-size: 9pt; margin-bottom: .6rem; }
  table { font-size: 8.5pt; margin: .3rem 0 .6rem; }
  th, td { padding: .1rem .25rem; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  .topic, .section { break-before: page; }
  .topic:first-of-type, .section:first-of-type { break-before: auto; }
}
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string or the style element."""
    out = []
    for ch in " ".join(plain(text).split()):
        if ch in '\\"<>&':
            out.append(f"\\{ord(ch):X} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def page_css(*, landscape: bool = False, running: str = "") -> str:
    """The ``@page`` rule: A4 portrait (or landscape), margins, the running header (workshop
    and export date) at the top and the page number at the bottom of every printed page."""
    size = "A4 landscape" if landscape else "A4 portrait"
    box = "font: 8pt system-ui, sans-serif; color: #555;"
    header = f"  @top-left {{ content: {css_string(running)}; {box} }}\n" if running else ""
    return (
        f"@page {{ size: {size}; margin: 15mm 12mm 14mm;\n{header}"
        f'  @bottom-right {{ content: counter(page) " / " counter(pages); {box} }}\n}}\n'
    )


def html_page(
    title: str, body: str, *, lang: str = "en", landscape: bool = False, running: str = ""
) -> str:
    """A standalone printable page: embedded CSS, no scripts, nothing loaded from outside;
    printed on A4 (portrait unless ``landscape``) with ``running`` atop every page."""
    css = PRINT_CSS + page_css(landscape=landscape, running=running)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang or "en")}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(' '.join(plain(title).split()))}</title>\n<style>{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
