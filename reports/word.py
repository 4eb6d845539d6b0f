"""Page layout for Word files: A4, fitted columns, repeated headers, page numbers.

python-docx's default template is US Letter with no page numbers and tables
whose columns are all the same width; a report for the chairman needs A4, a
footer with the page number, table headers repeated on every page and columns
fitted to their content so that no word is broken mid-letter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core.richtext import html_blocks

A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGIN = Mm(20)
#: Table text size, and a generous estimate of one character's width at that
#: size (Calibri's widest letters and Cyrillic capitals included), in mm.
TABLE_FONT = Pt(9)
CHAR_MM = 1.9
#: Left plus right cell margin in Word's default table style, in mm.
CELL_PADDING_MM = 4.0
#: A column never grows past this many characters of its longest value.
DESIRED_CHARS_CAP = 60


def set_a4(section, *, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    )
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def new_section(document, start):
    """A portrait A4 section whose pages all carry the numbered footer.

    Only the title page (the first section's first page) goes without it.
    """
    section = document.add_section(start)
    set_a4(section)
    section.different_first_page_header_footer = False
    return section


def usable_width_mm(section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / Mm(1)


def add_field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (``PAGE``, ``NUMPAGES``…), updated by Word when the page is laid out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(begin)
    run._r.append(text)
    run._r.append(separate)
    shown = paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    shown._r.append(end)


def page_number_footer(section, label: str) -> None:
    """``label · PAGE`` centred in the footer; none on the title page."""
    section.different_first_page_header_footer = True
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = 1  # centre
    paragraph.add_run(f"{label} · ")
    add_field(paragraph, "PAGE")


def repeat_as_header(row) -> None:
    """Word repeats this row at the top of each page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def keep_row_together(tr) -> None:
    properties = tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    cant_split.set(qn("w:val"), "true")
    properties.append(cant_split)


@dataclass
class ColumnText:
    """What a column holds, measured while its rows are written."""

    longest_word: int = 0
    longest_value: int = 0
    #: A value that should stay on one line when it can (a date, an amount).
    keep_whole: bool = False

    def measure(self, text: str) -> None:
        if not text:
            return
        self.longest_value = max(self.longest_value, len(text))
        word = len(text) if self.keep_whole else max(len(w) for w in text.split() or [""])
        self.longest_word = max(self.longest_word, word)


def fitted_widths_mm(columns: list[ColumnText], available_mm: float) -> list[float] | None:
    """Column widths (mm) filling ``available_mm``: none narrower than its longest word.

    ``None`` if the longest words alone do not fit (the caller turns the page).
    Space beyond the minimums goes to the columns whose values are longer than
    their minimum, in proportion to how much longer.
    """
    minimum = [c.longest_word * CHAR_MM + CELL_PADDING_MM for c in columns]
    if sum(minimum) > available_mm:
        return None
    desired = [
        max(m, min(c.longest_value, DESIRED_CHARS_CAP) * CHAR_MM + CELL_PADDING_MM)
        for m, c in zip(minimum, columns, strict=True)
    ]
    spare = available_mm - sum(minimum)
    wanted = sum(d - m for d, m in zip(desired, minimum, strict=True))
    if wanted >= spare:
        share = spare / wanted if wanted else 0
        return [m + (d - m) * share for d, m in zip(desired, minimum, strict=True)]
    left = spare - wanted
    total = sum(desired)
    return [d + left * d / total for d in desired]


def set_column_widths(table, widths_mm: Iterable[float]) -> None:
    """A fixed layout with these widths (the grid and the header row's cells)."""
    widths = [Mm(width).twips for width in widths_mm]
    tbl = table._tbl
    properties = tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    table.autofit = False
    grid = tbl.tblGrid
    for column, width in zip(grid.iterchildren(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width))
    for cell, width in zip(tbl.tr_lst[0].tc_lst, widths, strict=True):
        tc_properties = cell.get_or_add_tcPr()
        tc_width = tc_properties.find(qn("w:tcW"))
        if tc_width is None:
            tc_width = OxmlElement("w:tcW")
            tc_properties.append(tc_width)
        tc_width.set(qn("w:w"), str(width))
        tc_width.set(qn("w:type"), "dxa")


def add_rich_text(document, value: str) -> None:
    """Rich text as Word paragraphs: headings, lists, quotes, bold and italic runs."""
    # Under the report's own headings (levels 1 to 3).
    styles = {"p": None, "h2": "Heading 4", "h3": "Heading 5", "h4": "Heading 6"}
    styles |= {"quote": "Quote", "ul": "List Bullet", "ol": "List Number"}
    for block in html_blocks(value):
        style = styles[block.kind]
        if block.kind in ("ul", "ol") and block.level:
            style = f"{style} {min(block.level + 1, 3)}"
        paragraph = document.add_paragraph(style=style)
        for run in block.runs:
            if run.text == "\n":
                paragraph.add_run().add_break()
                continue
            added = paragraph.add_run(run.text)
            added.bold = run.bold or None
            added.italic = run.italic or None
            if run.href:
                added.underline = True
