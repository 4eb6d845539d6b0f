"""The annual report as XLSX, DOCX, CSV (a ZIP of one file per entity) and JSON.

Every string written goes through ``core.text``: cleaned of control
characters in every format (rows stored before text was cleaned on save), and
in XLSX and CSV never read as a formula (``spreadsheet_text``). JSON keeps the
text exactly as stored, formula-like or not.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import BinaryIO

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.money import format_amount
from core.text import clean_text, spreadsheet_text, spreadsheet_value
from reports.data import (
    AnnualReport,
    Column,
    delegation_columns,
    meeting_columns,
    project_columns,
)

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
    with report.language_active():
        writer(report, output)


# --- XLSX ----------------------------------------------------------------------


def write_xlsx(report: AnnualReport, output: BinaryIO) -> None:
    """A summary sheet with its charts, a sheet per entity, and a sheet of notes."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    summary_sheet = _SummarySheet(workbook.create_sheet(_("Summary")))
    summary_sheet.write(report)
    summary_sheet.add_charts()
    for _key, title, columns, rows in entities(report):
        _write_entity_sheet(workbook.create_sheet(title[:31]), columns, rows())
    _write_notes(workbook.create_sheet(_("About these figures")), report)
    workbook.save(output)


class _SummarySheet:
    """The summary sheet: key figures, then a table per breakdown, charts beside them."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 0  # the last row written, counted from 1
        #: (title, header row, last row, number of series) of each table to chart.
        self.charts: list[tuple[str, int, int, int]] = []
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
        self.append([])
        self.append([self._cell(title, bold=True, size=13)])
        first = self.append(self._header(*columns))
        for values in rows:
            self.append([self._money(v) if isinstance(v, Decimal) else v for v in values])
        if chart_title and rows:
            series = len(columns) - 1 if len(columns) > 2 else 1
            self.charts.append((chart_title, first, self.row, series))

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

    def add_charts(self) -> None:
        """A bar chart beside each table that asked for one."""
        from openpyxl.chart import BarChart, Reference

        for index, (chart_title, header_row, last_row, series) in enumerate(self.charts):
            chart = BarChart()
            chart.type = "bar"
            chart.title = chart_title
            chart.height = max(6, min(20, (last_row - header_row) * 0.6 + 3))
            chart.width = 16
            data = Reference(
                self.sheet, min_col=2, max_col=1 + series, min_row=header_row, max_row=last_row
            )
            categories = Reference(self.sheet, min_col=1, min_row=header_row + 1, max_row=last_row)
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(categories)
            self.sheet.add_chart(chart, f"G{2 + index * 22}")


#: Column widths of the entity sheets by kind of column (text otherwise 28, titles 60).
_ENTITY_WIDTHS = {"date": 12, "number": 8, "money": 16, "flag": 12}
#: Number formats of the entity sheets' styled cells.
_ENTITY_FORMATS = {"date": "yyyy-mm-dd", "money": "#,##0.00"}


def _write_entity_sheet(sheet, columns: list[Column], rows: Iterable[dict]) -> None:
    """A sheet of one entity: a frozen, bold header, a row per item, a filter."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for number, column in enumerate(columns, start=1):
        width = 60 if column.key == "title" else _ENTITY_WIDTHS.get(column.kind, 28)
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    # Plain values go in as they are; only dates and amounts need a styled
    # cell (its number format). Far cheaper than a cell object per value.
    yes = _("yes")
    for values in rows:
        cells = []
        for column in columns:
            value = values[column.key]
            if column.kind == "flag":
                value = yes if value else ""
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
    from openpyxl.cell import WriteOnlyCell

    sheet.column_dimensions["A"].width = 120
    sheet.append([WriteOnlyCell(sheet, value=_("What the figures include"))])
    for note in report.scope_note():
        sheet.append([spreadsheet_value(note)])
    sheet.append([_("Made on %(date)s.") % {"date": dt.date.today().isoformat()}])


# --- DOCX ----------------------------------------------------------------------


def write_docx(report: AnnualReport, output: BinaryIO) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    summary = report.summary()
    document = Document()
    document.core_properties.title = report.title
    document.add_heading(report.title, level=0)
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
    for note in report.scope_note():
        document.add_paragraph(note, style="List Bullet")

    def add_table(columns: list[Column], rows: Iterable[dict]) -> int:
        table = document.add_table(rows=2, cols=len(columns))
        table.style = "Table Grid"
        for cell, column in zip(table.rows[0].cells, columns, strict=True):
            cell.text = column.title
            for run in cell.paragraphs[0].runs:
                run.bold = True
        # python-docx's add_row() slows down as a table grows; thousands of rows
        # are appended as copies of one empty row's XML instead.
        template = table.rows[1]._tr
        for cell in table.rows[1].cells:
            cell.paragraphs[0].add_run("-")  # a w:t element to fill in
        template.getparent().remove(template)
        body = table._tbl
        count = 0
        for values in rows:
            row = copy.deepcopy(template)
            for text_node, column in zip(row.iter(qn("w:t")), columns, strict=True):
                text_node.text = _format(values[column.key], column)
            body.append(row)
            count += 1
        return count

    sections = {
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
    for key, title, columns, rows in entities(report):
        document.add_heading(title, level=1)
        chosen = [column for column in columns if column.key in sections[key]]
        chosen.sort(key=lambda column: sections[key].index(column.key))
        if not add_table(chosen, rows()):
            empty = document.tables[-1]._tbl
            empty.getparent().remove(empty)
            document.add_paragraph(_("None in %(year)s.") % {"year": report.year})
        if key == "aid_projects":
            document.add_heading(_("Totals by currency"), level=2)
            if summary.totals_by_currency:
                totals = document.add_table(rows=1, cols=3)
                totals.style = "Table Grid"
                for cell, text in zip(
                    totals.rows[0].cells, (_("Currency"), _("Projects"), _("Total")), strict=True
                ):
                    cell.text = text
                for total in summary.totals_by_currency:
                    cells = totals.add_row().cells
                    cells[0].text = total.currency
                    cells[1].text = str(total.projects)
                    cells[2].text = ("≈ " if total.approximate else "") + format_amount(
                        total.amount
                    )
            else:
                document.add_paragraph(_("No amounts are known for these projects."))
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


def plain_value(value):
    """Dates as ISO 8601, amounts with two decimals: the same on every database.

    Text is cleaned of control characters and otherwise kept exactly (JSON).
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, str):
        return clean_text(value, multiline=True)
    return value


def csv_value(value):
    """A CSV cell: :func:`plain_value`, text never read as a formula, ``None`` empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_text(value)
    return plain_value(value)  # numbers stay numbers, even negative ones


#: Streamed output is handed on in pieces of about this many characters.
CHUNK_SIZE = 64 * 1024


def csv_chunks(columns: list[Column], rows: Iterable[dict]) -> Iterator[str]:
    """CSV text in pieces: a header of the column keys, then a line per row.

    The one CSV rule of the report's files and the open-data files: each cell
    goes through :func:`csv_value`.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.key for column in columns])
    for values in rows:
        writer.writerow([csv_value(values[column.key]) for column in columns])
        if buffer.tell() > CHUNK_SIZE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_array_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array of the rows in pieces: an object per row, values through :func:`plain_value`."""
    yield "["
    for index, values in enumerate(rows):
        yield ("," if index else "") + json.dumps(
            {key: plain_value(value) for key, value in values.items()}, ensure_ascii=False
        )
    yield "]"


def write_csv_zip(report: AnnualReport, output: BinaryIO) -> None:
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, _title, columns, rows in entities(report):
            with archive.open(f"{key}-{report.year}.csv", "w") as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                for chunk in csv_chunks(columns, rows()):
                    text.write(chunk)
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
        for chunk in json_array_chunks(rows()):
            output.write(chunk.encode())
    output.write(b"}\n")
