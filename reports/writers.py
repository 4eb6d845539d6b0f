"""The annual report as XLSX, DOCX, CSV (a ZIP of one file per entity) and JSON.

Every string written goes through ``core.text``: cleaned of control
characters in every format (rows stored before text was cleaned on save), and
in XLSX and CSV never read as a formula (``spreadsheet_text``). JSON keeps the
text exactly as stored, formula-like or not. CSV and JSON are written row by
row by ``reports.streaming``, which open data uses too.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import BinaryIO

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.money import format_amount
from core.text import clean_text, spreadsheet_value
from reports.data import (
    AnnualReport,
    Column,
    delegation_columns,
    meeting_columns,
    project_columns,
)
from reports.streaming import csv_lines, json_array, plain_value

FORMATS = ("xlsx", "docx", "csv", "json")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "application/zip",
    "json": "application/json",
}
EXTENSIONS = {"xlsx": "xlsx", "docx": "docx", "csv": "zip", "json": "json"}


def entities(
    report: AnnualReport,
) -> list[tuple[str, str, list[Column], Callable[[], Iterable[dict]]]]:
    """(key, translated title, columns, rows) of each entity, in report order."""
    return [
        ("meetings", _("Meetings"), meeting_columns(), report.meeting_rows),
        ("delegations", _("Delegations"), delegation_columns(), report.delegation_rows),
        ("aid_projects", _("Aid projects"), project_columns(), report.project_rows),
    ]


def write(report: AnnualReport, file_format: str, output: BinaryIO) -> None:
    writer = {"xlsx": write_xlsx, "docx": write_docx, "csv": write_csv_zip, "json": write_json}[
        file_format
    ]
    with translation.override(report.language):
        writer(report, output)


# --- XLSX ----------------------------------------------------------------------


def write_xlsx(report: AnnualReport, output: BinaryIO) -> None:
    """A summary sheet, a sheet per entity, a sheet of notes, then the summary's charts."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    summary_sheet = _SummarySheet(workbook.create_sheet(_("Summary")))
    summary_sheet.write(report)
    for _key, title, columns, rows in entities(report):
        _write_entity_sheet(workbook.create_sheet(title[:31]), columns, rows())
    _write_notes(workbook.create_sheet(_("About these figures")), report)
    # Chart sheets come last: openpyxl numbers the print titles' sheets among
    # worksheets only, which matches Excel's numbering only while no chart
    # sheet comes before a worksheet.
    summary_sheet.add_chart_sheets(workbook)
    workbook.save(output)


class _SummarySheet:
    """The summary sheet: key figures, then a table per breakdown, each charted on a sheet."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 0  # the last row written, counted from 1
        #: (title, header row, last row, number of series, largest count) of each table to chart.
        self.charts: list[tuple[str, int, int, int, int]] = []
        _print_setup(sheet, landscape=False, title_rows="1:1")
        sheet.column_dimensions["A"].width = 42
        for letter in "BCDE":
            sheet.column_dimensions[letter].width = 16

    def _cell(self, value, **font):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        cell = WriteOnlyCell(self.sheet, value=value)
        if font:
            cell.font = Font(**font)
        return cell

    def _money(self, value):
        cell = self._cell(value)
        cell.number_format = "#,##0.00"
        return cell

    def _header(self, *values) -> list:
        return [self._cell(value, bold=True) for value in values]

    def append(self, values) -> int:
        """Write a row; return its number."""
        self.sheet.append([spreadsheet_value(value) for value in values])
        self.row += 1
        return self.row

    def table(
        self, title: str, columns: list[str], rows: list[tuple], chart_title: str | None = None
    ) -> None:
        """A titled table; with ``chart_title``, charted on a sheet of its own."""
        self.append([])
        self.append([self._cell(title, bold=True, size=13)])
        first = self.append(self._header(*columns))
        for values in rows:
            self.append([self._money(v) if isinstance(v, Decimal) else v for v in values])
        if chart_title and rows:
            series = len(columns) - 1 if len(columns) > 2 else 1
            largest = max(
                (v for values in rows for v in values[1:] if isinstance(v, int)), default=0
            )
            self.charts.append((chart_title, first, self.row, series, largest))

    def write(self, report: AnnualReport) -> None:
        summary = report.summary()
        self.append([self._cell(report.title, bold=True, size=16)])
        self.append([])
        self.append(self._header(_("Key figure"), _("Number")))
        self.append([_("Meetings"), summary.meetings])
        self.append([_("Delegations"), summary.delegations])
        self.append([_("Aid projects"), summary.projects])
        if not (summary.meetings or summary.delegations or summary.projects):
            self.append([])
            self.append(
                [_("There was no published work to report for %(year)s.") % {"year": report.year}]
            )
        self.table(
            _("Meetings by country"),
            [_("Country"), _("Meetings")],
            summary.meetings_by_country,
            _("Meetings by country"),
        )
        self.table(
            _("Meetings by kind"),
            [_("Kind"), _("Meetings")],
            summary.meetings_by_kind,
            _("Meetings by kind"),
        )
        self.table(
            _("Delegations by country"),
            [_("Country"), _("Incoming"), _("Outgoing")],
            summary.delegations_by_country,
            _("Delegations in and out"),
        )
        self.table(
            _("Aid projects by status"),
            [_("Status"), _("Projects")],
            summary.projects_by_status,
            _("Aid projects by status"),
        )
        self.table(
            _("Totals by currency"),
            [_("Currency"), _("Projects"), _("Total"), _("Approximate")],
            [
                (t.currency, t.projects, t.amount, _("yes") if t.approximate else "")
                for t in summary.totals_by_currency
            ],
        )
        self.table(
            _("Totals by donor"),
            [_("Donor"), _("Currency"), _("Total"), _("Approximate")],
            [
                (name, cur, total, _("yes") if approx else "")
                for name, cur, total, approx in summary.totals_by_donor
            ],
        )
        self.table(
            _("Totals by region"),
            [_("Region"), _("Currency"), _("Total"), _("Approximate")],
            [
                (name, cur, total, _("yes") if approx else "")
                for name, cur, total, approx in summary.totals_by_region
            ],
        )
        usd = summary.usd_total
        self.table(
            _("Total in US dollars"),
            [
                _("Projects with a USD figure"),
                _("Total (USD)"),
                _("Projects with an amount but no USD figure"),
            ],
            [(usd.projects, usd.amount, usd.projects_without_usd)],
        )

    def add_chart_sheets(self, workbook) -> None:
        """Each chart on a sheet of its own: it prints as one page, never split."""
        from openpyxl.chart import BarChart, Reference
        from openpyxl.worksheet.page import PrintPageSetup

        for chart_title, header_row, last_row, series, largest in self.charts:
            chart = BarChart()
            chart.type = "bar"
            chart.title = chart_title
            data = Reference(
                self.sheet, min_col=2, max_col=1 + series, min_row=header_row, max_row=last_row
            )
            categories = Reference(self.sheet, min_col=1, min_row=header_row + 1, max_row=last_row)
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(categories)
            _whole_number_axes(chart, largest=largest)
            if series == 1:
                chart.legend = None  # the title says what the one series is
            chart_sheet = workbook.create_chartsheet(_sheet_name(chart_title, workbook))
            chart_sheet.add_chart(chart)
            chart_sheet.pageSetup = PrintPageSetup(paperSize=A4, orientation="landscape")


#: Column widths of the entity sheets by kind of column (text otherwise 28, titles 60).
_ENTITY_WIDTHS = {"date": 12, "number": 8, "money": 16, "flag": 12}
#: Number formats of the entity sheets' styled cells.
_ENTITY_FORMATS = {"date": "yyyy-mm-dd", "money": "#,##0.00"}


def _write_entity_sheet(sheet, columns: list[Column], rows: Iterable[dict]) -> None:
    """A sheet of one entity: a frozen, bold header, a row per item, a filter, links."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for number, column in enumerate(columns, start=1):
        width = 60 if column.key == "title" else _ENTITY_WIDTHS.get(column.kind, 28)
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    _print_setup(sheet, landscape=len(columns) > 6, title_rows="1:1")
    bold = Font(bold=True)
    header_cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    # Plain values go in as they are; only links, dates and amounts need a
    # styled cell. Far cheaper than a cell object per value.
    yes = _("yes")
    for values in rows:
        cells = []
        for column in columns:
            value = values[column.key]
            if column.kind == "flag":
                value = yes if value else ""
            elif column.key == "url" and value:
                value = WriteOnlyCell(sheet, value=absolute_url(value))
                value.hyperlink = value.value
                value.style = "Hyperlink"
            elif value is not None and column.kind in _ENTITY_FORMATS:
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = _ENTITY_FORMATS[column.kind]
            else:
                value = spreadsheet_value(value)
            cells.append(value)
        sheet.append(cells)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def _write_notes(sheet, report: AnnualReport) -> None:
    """What the figures include, and the day the file was made."""
    from openpyxl.cell import WriteOnlyCell

    sheet.column_dimensions["A"].width = 120
    _print_setup(sheet, landscape=False)
    sheet.append([WriteOnlyCell(sheet, value=_("What the figures include"))])
    for note in report.scope_note():
        sheet.append([spreadsheet_value(note)])
    sheet.append([_("Made on %(date)s.") % {"date": date_format(dt.date.today(), "DATE_FORMAT")}])


A4 = "9"  # the paper size code of A4 in SpreadsheetML


def _print_setup(sheet, *, landscape: bool, title_rows: str | None = None) -> None:
    """A4, one page wide (as many pages long as it takes), header rows on every page."""
    sheet.page_setup.paperSize = A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    if title_rows:
        sheet.print_title_rows = title_rows


def _whole_number_axes(chart, *, largest: int) -> None:
    """Counts on an axis of whole numbers from zero (never 0.5 of a meeting)."""
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "0"
    chart.y_axis.majorUnit = _whole_step(largest)
    chart.y_axis.majorGridlines = None
    # openpyxl 3.1 hides axes unless told otherwise.
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _whole_step(largest: int) -> int:
    """1, 2, 5, 10, 20, 50…: the smallest such step giving at most ten gridlines."""
    step = 1
    while largest > step * 10:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return step


_FORBIDDEN_IN_SHEET_NAMES = str.maketrans(dict.fromkeys("\\/?*[]:", " "))


def _sheet_name(title: str, workbook) -> str:
    """A valid, unused sheet name (at most 31 characters, none of \\ / ? * [ ] :)."""
    name = title.translate(_FORBIDDEN_IN_SHEET_NAMES).strip()
    if len(name) > 31:  # cut at a word's end where there is one
        name = name[:32].rsplit(" ", 1)[0] if " " in name[:32] else name[:31]
    taken = set(workbook.sheetnames)
    base, number = name, 2
    while name in taken:
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)] + suffix
        number += 1
    return name


def absolute_url(path: str) -> str:
    """A public page's address as a full link (``SITE_URL``), for files read anywhere."""
    return f"{settings.SITE_URL}{path}" if path.startswith("/") else path


# --- DOCX ----------------------------------------------------------------------

#: The columns of each entity in the Word report, in order.
DOCX_COLUMNS = {
    "meetings": ["date", "title", "kind", "countries", "participants"],
    "delegations": ["start_date", "end_date", "direction", "title", "countries", "head"],
    "aid_projects": [
        "title",
        "donor",
        "region",
        "project_status",
        "amount",
        "currency",
        "agreement_signed",
    ],
}


def write_docx(report: AnnualReport, output: BinaryIO) -> None:
    """The report to read and edit: title page, overview, tables, an annex of notes.

    A4 throughout; a section turns to landscape when its table's words do not
    fit across a portrait page. Table headers repeat on every page, rows are
    never split across pages, columns are fitted to their content, and the
    footer numbers the pages (not the title page).
    """
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from reports import word

    summary = report.summary()
    commission = str(settings.SITE_NAME)
    document = Document()
    properties = document.core_properties
    properties.title = report.title
    properties.author = commission
    properties.last_modified_by = commission
    properties.subject = _("Annual report")
    properties.category = _("Annual report")
    properties.language = report.language
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    document.styles["Normal"].font.size = Pt(10.5)

    section = document.sections[0]
    word.set_a4(section)
    word.page_number_footer(section, report.title)

    # Title page.
    for _blank in range(6):
        document.add_paragraph()
    name = document.add_paragraph()
    name.alignment = 1
    name_run = name.add_run(commission)
    name_run.bold = True
    name_run.font.size = Pt(16)
    title = document.add_paragraph(report.title, style="Title")
    title.alignment = 1
    year = document.add_paragraph()
    year.alignment = 1
    year_run = year.add_run(str(report.year) if report.year is not None else "")
    year_run.bold = True
    year_run.font.size = Pt(36)
    made = document.add_paragraph()
    made.alignment = 1
    made.add_run(_("Made on %(date)s.") % {"date": date_format(dt.date.today(), "DATE_FORMAT")})
    if report.include_drafts:
        internal = document.add_paragraph()
        internal.alignment = 1
        internal.add_run(_("Internal version: includes drafts")).bold = True
    made.add_run().add_break(WD_BREAK.PAGE)

    document.add_heading(_("Overview"), level=1)
    if not (summary.meetings or summary.delegations or summary.projects):
        document.add_paragraph(
            _("There was no published work to report for %(year)s.") % {"year": report.year}
        )
    else:
        countries = ", ".join(f"{name} ({n})" for name, n in summary.meetings_by_country[:5])
        overview = _(
            "In %(year)s the commission held %(meetings)d meeting(s), received or sent "
            "%(delegations)d delegation(s) and followed %(projects)d foreign aid project(s)."
        ) % {
            "year": report.year,
            "meetings": summary.meetings,
            "delegations": summary.delegations,
            "projects": summary.projects,
        }
        if countries:
            overview += " " + _("Meetings by country: %(countries)s.") % {"countries": countries}
        document.add_paragraph(overview)
    document.add_paragraph(_("Notes on the figures are in the annex."))

    def add_table(columns: list[Column], rows: Iterable[dict]) -> int:
        table = document.add_table(rows=2, cols=len(columns))
        table.style = "Table Grid"
        measured = [
            word.ColumnText(keep_whole=column.kind in ("date", "money", "number"))
            for column in columns
        ]
        for cell, column, measure in zip(table.rows[0].cells, columns, measured, strict=True):
            cell.text = column.title
            measure.measure(column.title)
            for run in cell.paragraphs[0].runs:
                run.bold = True
                run.font.size = word.TABLE_FONT
        word.repeat_as_header(table.rows[0])
        # python-docx's add_row() slows down as a table grows; thousands of rows
        # are appended as copies of one empty row's XML instead.
        template = table.rows[1]._tr
        for cell in table.rows[1].cells:
            cell.paragraphs[0].add_run("-").font.size = word.TABLE_FONT  # a w:t to fill in
            width = cell._tc.tcPr.find(qn("w:tcW"))
            if width is not None:  # the widths are the grid's, set once measured
                cell._tc.tcPr.remove(width)
        word.keep_row_together(template)
        template.getparent().remove(template)
        body = table._tbl
        count = 0
        for values in rows:
            row = copy.deepcopy(template)
            for text_node, column, measure in zip(
                row.iter(qn("w:t")), columns, measured, strict=True
            ):
                text = _format(values[column.key], column)
                text_node.text = text
                measure.measure(text)
            body.append(row)
            count += 1
        if count:
            fit_table(table, measured)
        return count

    def fit_table(table, measured: list) -> None:
        """Columns fitted to their words; the section turns to landscape if need be."""
        current = document.sections[-1]
        widths = word.fitted_widths_mm(measured, word.usable_width_mm(current))
        if widths is None:
            word.set_a4(current, landscape=True)
            widths = word.fitted_widths_mm(measured, word.usable_width_mm(current))
        if widths is None:  # longer words than a landscape page: share what there is
            available = word.usable_width_mm(current)
            total = sum(m.longest_word or 1 for m in measured)
            widths = [available * (m.longest_word or 1) / total for m in measured]
        word.set_column_widths(table, widths)

    for key, title, columns, rows in entities(report):
        # Each entity in a section of its own, so that a wide table's pages can turn.
        word.new_section(document, WD_SECTION.NEW_PAGE)
        document.add_heading(title, level=1)
        chosen = [column for column in columns if column.key in DOCX_COLUMNS[key]]
        chosen.sort(key=lambda column: DOCX_COLUMNS[key].index(column.key))
        if not add_table(chosen, rows()):
            empty = document.tables[-1]._tbl
            empty.getparent().remove(empty)
            document.add_paragraph(_("None in %(year)s.") % {"year": report.year})
        if key == "delegations":
            outcomes = list(report.delegation_outcomes())
            if outcomes:
                document.add_heading(_("Outcomes of the visits"), level=2)
                for visit_title, text in outcomes:
                    document.add_paragraph(visit_title, style="Heading 3")
                    word.add_rich_text(document, text)
        if key == "aid_projects":
            document.add_heading(_("Totals by currency"), level=2)
            if summary.totals_by_currency:
                totals = document.add_table(rows=1, cols=3)
                totals.style = "Table Grid"
                for cell, text in zip(
                    totals.rows[0].cells, (_("Currency"), _("Projects"), _("Total")), strict=True
                ):
                    cell.text = text
                    cell.paragraphs[0].runs[0].bold = True
                word.repeat_as_header(totals.rows[0])
                for total in summary.totals_by_currency:
                    cells = totals.add_row().cells
                    cells[0].text = total.currency
                    cells[1].text = str(total.projects)
                    cells[2].text = ("≈ " if total.approximate else "") + format_amount(
                        total.amount
                    )
                    for cell in cells[1:]:
                        cell.paragraphs[0].alignment = 2  # numbers to the right
            else:
                document.add_paragraph(_("No amounts are known for these projects."))

    word.new_section(document, WD_SECTION.NEW_PAGE)
    document.add_heading(_("Annex: notes on the figures"), level=1)
    for note in [*report.scope_note(), *report.figure_notes()]:
        document.add_paragraph(note, style="List Bullet")
    document.save(output)


def _format(value, column: Column) -> str:
    if value is None or value == "":
        return "—" if column.kind in ("money", "date") else ""
    # A document to read and edit: dates and amounts as the report's language writes them.
    if column.kind == "date":
        return date_format(value, "DATE_FORMAT")
    if column.kind == "money":
        return format_amount(value)
    if column.kind == "flag":
        return _("yes") if value else ""
    return clean_text(str(value), multiline=False)  # one line per table cell


# --- CSV and JSON ----------------------------------------------------------------


def write_csv_zip(report: AnnualReport, output: BinaryIO) -> None:
    """A ZIP of one CSV file per entity, each written row by row."""
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, _title, columns, rows in entities(report):
            with archive.open(f"{key}-{report.year}.csv", "w") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                text.writelines(csv_lines([column.key for column in columns], rows()))
                text.flush()
                text.detach()


def write_json(report: AnnualReport, output: BinaryIO) -> None:
    """One JSON document, written piece by piece so large years stream."""
    summary = report.summary()
    head = {
        "year": report.year,
        "language": report.language,
        "includes_drafts": report.include_drafts,
        "notes": report.scope_note(),
        "summary": {
            "meetings": summary.meetings,
            "delegations": summary.delegations,
            "aid_projects": summary.projects,
            "meetings_by_country": [
                {"country": n, "meetings": c} for n, c in summary.meetings_by_country
            ],
            "meetings_by_kind": [{"kind": k, "meetings": c} for k, c in summary.meetings_by_kind],
            "delegations_by_country": [
                {"country": n, "incoming": i, "outgoing": o}
                for n, i, o in summary.delegations_by_country
            ],
            "aid_projects_by_status": [
                {"status": s, "projects": c} for s, c in summary.projects_by_status
            ],
            "totals_by_currency": [
                {
                    "currency": t.currency,
                    "projects": t.projects,
                    "total": plain_value(t.amount),
                    "approximate": t.approximate,
                }
                for t in summary.totals_by_currency
            ],
            "usd_total": {
                "total": plain_value(summary.usd_total.amount),
                "projects": summary.usd_total.projects,
                "projects_without_usd": summary.usd_total.projects_without_usd,
            },
        },
    }
    encoded = json.dumps(head, ensure_ascii=False, indent=None)
    output.write(encoded[:-1].encode())
    for key, _title, _columns, rows in entities(report):
        output.write(f', "{key}": '.encode())
        for piece in json_array(rows()):
            output.write(piece.encode())
    output.write(b"}\n")
