"""Open data on the public site: published content only, as CSV, JSON, iCalendar and IATI.

Every file is streamed (constant memory), kept until the content changes and
answered with a 304 when the poller already has it (core.cached_files).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.generic import TemplateView

from aid.iati import activities_chunks
from core.cached_files import cached_file
from core.content_cache import cached
from reports.calendar import archive_years, calendar_chunks, window_start
from reports.data import (
    AnnualReport,
    delegation_columns,
    meeting_columns,
    project_columns,
)
from reports.streaming import csv_lines, json_array

ENTITIES = {
    "meetings": (meeting_columns, AnnualReport.meeting_rows),
    "delegations": (delegation_columns, AnnualReport.delegation_rows),
    "aid-projects": (project_columns, AnnualReport.project_rows),
}


def _rows(request: HttpRequest, entity: str):
    if entity not in ENTITIES:
        raise Http404
    columns_of, rows_of = ENTITIES[entity]
    report = AnnualReport.open_data(get_language())
    columns = [c for c in columns_of() if c.key != "state"]
    rows = rows_of(report)
    return columns, (
        {
            **{c.key: row[c.key] for c in columns if c.key != "url"},
            "url": request.build_absolute_uri(row["url"]) if row["url"] else "",
        }
        for row in rows
    )


def _name(request: HttpRequest, file: str) -> str:
    """What a file's content depends on: its name, the language, the site's address."""
    return f"{file}:{get_language()}:{request.scheme}://{request.get_host()}"


def entity_csv(request: HttpRequest, entity: str) -> HttpResponse:
    if entity not in ENTITIES:
        raise Http404

    def lines():
        columns, rows = _rows(request, entity)
        # Line by line: cached_file gathers them into chunks.
        yield from csv_lines([c.key for c in columns], rows)

    return cached_file(
        request,
        _name(request, f"{entity}.csv"),
        lines,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{entity}.csv"'},
    )


def entity_json(request: HttpRequest, entity: str) -> HttpResponse:
    if entity not in ENTITIES:
        raise Http404

    def chunks():
        _columns, rows = _rows(request, entity)
        yield from json_array(rows)
        yield "\n"

    return cached_file(
        request,
        _name(request, f"{entity}.json"),
        chunks,
        content_type="application/json; charset=utf-8",
    )


def calendar(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """The subscribed calendar (the last 12 months and everything upcoming), or a year's."""
    if year is not None and year not in calendar_years():
        raise Http404
    host = request.get_host().rsplit(":", 1)[0]
    language = get_language()
    if year is None:
        since = window_start()
        name, filename = f"calendar.ics:{since}", "commission.ics"
    else:
        since = None
        name, filename = f"calendar-{year}.ics", f"commission-{year}.ics"
    return cached_file(
        request,
        _name(request, name),
        lambda: calendar_chunks(request.build_absolute_uri, host, language, year=year, since=since),
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


def calendar_years() -> list[int]:
    """Years of the calendar archive files (kept until the content changes)."""
    return cached("calendar-years", archive_years)


def iati(request: HttpRequest) -> HttpResponse:
    return cached_file(
        request,
        _name(request, "iati-activities.xml"),
        lambda: activities_chunks(request.build_absolute_uri),
        content_type="application/xml; charset=utf-8",
    )


class OpenDataView(TemplateView):
    template_name = "reports/open_data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entities"] = [
            (key, [c for c in columns_of() if c.key != "state"])
            for key, (columns_of, _rows_of) in ENTITIES.items()
        ]
        context["calendar_years"] = calendar_years()
        context["calendar_since"] = window_start()
        return context
