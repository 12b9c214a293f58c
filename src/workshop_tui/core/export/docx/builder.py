"""A Word document for a handout, built with python-docx.

python-docx makes the package, the styles (Title, Heading 1–2, List Bullet, Table Grid), the
A4 page with its margins, the running header and the page-number footer, each table and its
header row (repeated on every page). Only the *bodies* of long tables and lists are added as
ready-made ``w:tr`` / ``w:p`` elements, parsed in one go: python-docx's per-cell API takes
about 4 s for a 2,000-action table (``add_row`` and ``cell.text`` walk the table each
time), the parsed rows about 0.1 s. The elements are the same ones python-docx writes and
reads back (a paragraph of runs per line of text, ``w:cantSplit`` so a row is never split
across pages).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from workshop_tui.core.export.docx.metrics import text_mm

#: A4, in millimetres
PAGE_SHORT, PAGE_LONG = 210, 297
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 15, 16, 15
#: table text size (half-points, as OOXML counts them): 9 pt
TABLE_HALF_POINTS = 18
#: the paragraph style of table cells (9 pt, no space around)
TABLE_STYLE, TABLE_STYLE_ID = "Table Text", "TableText"
#: a cell's left and right margins (Table Grid has 108 twips each: 4 mm a cell is a lot
#: when eight columns share an A4 page), and what a cell takes besides its text
CELL_MARGIN_TWIPS = 68
#: table rows parsed per lxml parse (a slice of a long table, not all of it at once)
ROWS_PER_PARSE = 200
CELL_PADDING_MM = 2 * CELL_MARGIN_TWIPS / 56.7 + 0.6
#: the font of every style (Liberation Sans, metric-compatible, where Arial is missing)
FONT = "Arial"

# Characters XML 1.0 cannot hold.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile(r"\r\n?|\n")


@dataclass(frozen=True)
class Run:
    """A piece of text in one style within a paragraph."""

    text: str
    bold: bool = False
    italic: bool = False


def clean(text: str) -> str:
    """Text with line breaks as ``\\n`` and nothing XML cannot hold."""
    return _ILLEGAL.sub("", _NEWLINES.sub("\n", text))


def _run_xml(run: Run, size: int = 0) -> str:
    props = ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "")
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    lines = clean(run.text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{rpr}{body}</w:r>"


def _paragraph_xml(runs: Sequence[Run], style: str = "", size: int = 0) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(_run_xml(r, size) for r in runs)}</w:p>"


_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


@lru_cache(maxsize=16384)  # owners, units, levels, dates repeat down a column
def _cell_paragraphs(text: str, hyphens_break: bool = False) -> str:
    """A cell's text, one paragraph per line (python-docx reads it back joined by ``\\n``);
    hyphens do not break the line (Word's non-breaking hyphen, read back as ``-``) unless
    ``hyphens_break``."""
    out = []
    for line in clean(text).split("\n"):
        shown = escape(line)
        if "-" in shown and not hyphens_break:
            shown = shown.replace("-", _NO_BREAK_HYPHEN)
        out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{TABLE_STYLE_ID}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{shown}</w:t></w:r></w:p>'
        )
    return "".join(out)


_AFTER_HYPHEN = re.compile(r"(?<=-)")

#: how hard a table tries to keep text whole, strictest first: lines of ``nowrap`` columns
#: (dates) and hyphenated words whole; dates may wrap at their spaces; a hyphenated word
#: may break after its hyphen. The first that fits the page wins.
STRICTNESS = ("lines", "words", "hyphens")


def _pieces(text: str, *, nowrap: bool, level: str) -> list[str]:
    """The parts of ``text`` that a line never breaks inside at strictness ``level``."""
    lines = text.split("\n")
    if nowrap and level == "lines":
        return lines
    words = [w for line in lines for w in line.split()]
    if level == "hyphens":
        return [p for w in words for p in _AFTER_HYPHEN.split(w) if p]
    return words


def _minimum_widths(
    headers: Sequence[str], rows: Sequence[Sequence[str]], nowrap: Sequence[bool], level: str
) -> list[float]:
    points = TABLE_HALF_POINTS / 2
    n = len(headers)
    minimum = [
        max((text_mm(p, points, bold=True) for p in headers[i].split()), default=0.0)
        for i in range(n)
    ]
    seen: list[set[str]] = [set() for _ in range(n)]
    for row in rows:
        for i, text in enumerate(row):
            if text in seen[i]:
                continue
            seen[i].add(text)
            for piece in _pieces(text, nowrap=nowrap[i], level=level):
                width = text_mm(piece, points)
                if width > minimum[i]:
                    minimum[i] = width
    return [m + CELL_PADDING_MM for m in minimum]


def column_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    weights: Sequence[float],
    nowrap: Sequence[bool],
    usable_mm: float,
) -> tuple[list[float], str]:
    """Column widths in mm that fill ``usable_mm``, and the strictness they keep (one of
    :data:`STRICTNESS`): each column at least as wide as the widest part of its text that
    may not break, the rest shared by ``weights``. When even the loosest does not fit, the
    page is shared by need and long words break (too many columns: use landscape)."""
    minimum: list[float] = []
    for level in STRICTNESS:
        minimum = _minimum_widths(headers, rows, nowrap, level)
        spare = usable_mm - sum(minimum)
        if spare >= 0:
            total_weight = sum(weights) or 1
            return [
                m + spare * w / total_weight for m, w in zip(minimum, weights, strict=True)
            ], level
    total = sum(minimum) or 1
    return [usable_mm * m / total for m in minimum], STRICTNESS[-1]


class DocxDocument:
    """A Word document on A4 with a running header and page numbers."""

    def __init__(
        self,
        *,
        title: str,
        running: str,
        language: str = "en",
        landscape: bool = False,
        stamp: str = "",
        author: str = "",
        subject: str = "",
    ) -> None:
        language = clean(language)  # the agenda's language is any text (e.g. from a bundle)
        self.doc = docx.Document()
        section = self.doc.sections[0]
        width, height = (PAGE_LONG, PAGE_SHORT) if landscape else (PAGE_SHORT, PAGE_LONG)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(MARGIN_SIDE)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
        section.header_distance = section.footer_distance = Mm(8)
        self.usable_mm = width - 2 * MARGIN_SIDE
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet"):
            style = self.doc.styles[name]
            style.font.name = FONT
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:eastAsia", "w:cs"):
                fonts.set(qn(attr), FONT)
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(10)
        cell_style = self.doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cell_style.base_style = normal
        cell_style.font.size = Pt(TABLE_HALF_POINTS / 2)
        cell_style.paragraph_format.space_before = cell_style.paragraph_format.space_after = Pt(0)
        self.doc.styles["Title"].font.size = Pt(22)
        rpr = normal.element.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language or "en")
        rpr.append(lang)
        header = section.header.paragraphs[0]
        header.text = clean(" ".join(running.split()))
        footer = section.footer.paragraphs[0]
        footer.alignment = 2  # right
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"/>'))
        footer.add_run(" / ")
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="NUMPAGES"/>'))
        props = self.doc.core_properties
        props.title = clean(title)[:255]
        props.subject = clean(subject)[:255]
        props.author = clean(author)[:255]
        props.last_modified_by = "workshop-tui"
        props.comments = "made by workshop-tui"
        props.language = language or "en"
        props.revision = 1
        when = _stamp(stamp)
        if when is not None:
            props.created = props.modified = when
        self._body = self.doc.element.body
        self._style_ids: dict[str, str] = {}

    # -- blocks made with python-docx ----------------------------------------------------
    def _styled(self, text: str, style: str | None) -> Paragraph:
        """A new paragraph; the style set by its id (python-docx looks a style name up
        through every style each time: 5 ms a paragraph)."""
        paragraph = self.doc.add_paragraph(text)
        if style:
            paragraph._p.style = self._style_id(style)
        return paragraph

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def title(self, text: str) -> None:
        self._styled(clean(text), "Title")

    def heading(self, text: str, level: int, *, new_page: bool = False) -> None:
        paragraph = self._styled(clean(text), f"Heading {level}")
        paragraph.paragraph_format.keep_with_next = True
        if new_page:
            paragraph.paragraph_format.page_break_before = True

    def paragraph(self, runs: Sequence[Run] | str, style: str | None = None) -> None:
        paragraph = self._styled("", style)
        for run in [Run(runs)] if isinstance(runs, str) else runs:
            made = paragraph.add_run(clean(run.text))
            made.bold = run.bold or None
            made.italic = run.italic or None

    def facts(self, facts: Iterable[tuple[str, str]]) -> None:
        """The workshop's metadata: one "Label: value" line each."""
        for label, value in facts:
            paragraph = self.doc.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.add_run(clean(label) + ": ").bold = True
            paragraph.add_run(clean(value))
        self.doc.add_paragraph()

    # -- long blocks, added as parsed elements -------------------------------------------
    def _append(self, xml_children: str) -> None:
        wrapper = etree.fromstring(f"<w:body {nsdecls('w')}>{xml_children}</w:body>")
        anchor = self._body.sectPr
        for child in list(wrapper):
            if anchor is not None:
                anchor.addprevious(child)
            else:
                self._body.append(child)

    def bullets(self, items: Iterable[Sequence[Run]]) -> None:
        """A bulleted list (style List Bullet); a run's line breaks stay line breaks."""
        self._append("".join(_paragraph_xml(runs, "ListBullet") for runs in items))

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        *,
        weights: Sequence[float] = (),
        nowrap: Sequence[bool] = (),
    ) -> Table:
        """A Table Grid table whose header row repeats on every page; rows never split.
        Lines break at spaces only (hyphens are non-breaking); ``nowrap`` columns keep
        each line whole."""
        body = [list(r) for r in rows]
        n = len(headers)
        weights = list(weights) or [1.0] * n
        keep = list(nowrap) or [False] * n
        widths, level = column_widths(headers, body, weights, keep, self.usable_mm)
        hyphens_break = level == "hyphens"
        table = self.doc.add_table(rows=1, cols=n)
        # styles set by id: python-docx's style setters search every style each time
        table._tbl.tblPr.style = self._style_id("Table Grid")
        cell_style_id = self._style_id(TABLE_STYLE)
        table.autofit = False
        margins = "".join(
            f'<w:{side} w:w="{CELL_MARGIN_TWIPS}" w:type="dxa"/>' for side in ("left", "right")
        )
        table._tbl.tblPr.append(parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>"))
        for i, column in enumerate(table.columns):
            column.width = Mm(widths[i])
        head = table.rows[0]
        tr_pr = head._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        tr_pr.append(OxmlElement("w:tblHeader"))
        for i, cell in enumerate(head.cells):
            cell.width = Mm(widths[i])
            paragraph = cell.paragraphs[0]
            paragraph._p.style = cell_style_id
            paragraph.add_run(clean(headers[i])).bold = True
        cell_widths = [
            f'<w:tcPr><w:tcW w:w="{round(w * 56.7)}" w:type="dxa"/></w:tcPr>' for w in widths
        ]
        # a plain parse: these rows need no python-docx element classes to be saved; parsed
        # a slice at a time, so the text of a 2,000-row table is never held whole beside it
        for start in range(0, len(body), ROWS_PER_PARSE):
            xml = [f"<w:tbl {nsdecls('w')}>"]
            for row in body[start : start + ROWS_PER_PARSE]:
                xml.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
                xml += [
                    f"<w:tc>{cell_widths[i]}{_cell_paragraphs(text, hyphens_break)}</w:tc>"
                    for i, text in enumerate(row)
                ]
                xml.append("</w:tr>")
            xml.append("</w:tbl>")
            table._tbl.extend(list(etree.fromstring("".join(xml))))
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)
        return table

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _stamp(stamp: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return when.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
