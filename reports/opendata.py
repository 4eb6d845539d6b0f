"""Open data on the public site: published content only, as CSV, JSON, iCalendar and IATI."""

from __future__ import annotations

import itertools

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.translation import get_language
from django.views.generic import TemplateView

from aid.iati import build_activities
from reports.calendar import build_calendar
from reports.data import (
    AnnualReport,
    delegation_columns,
    meeting_columns,
    project_columns,
)
from reports.writers import csv_chunks, json_array_chunks

#: Each open-data file: its columns and the report's rows it lists.
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


def entity_csv(request: HttpRequest, entity: str) -> StreamingHttpResponse:
    columns, rows = _rows(request, entity)
    response = StreamingHttpResponse(
        csv_chunks(columns, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{entity}.csv"'
    return response


def entity_json(request: HttpRequest, entity: str) -> StreamingHttpResponse:
    _columns, rows = _rows(request, entity)
    return StreamingHttpResponse(
        itertools.chain(json_array_chunks(rows), ["\n"]),
        content_type="application/json; charset=utf-8",
    )


def calendar(request: HttpRequest) -> HttpResponse:
    host = request.get_host().rsplit(":", 1)[0]
    body = build_calendar(request.build_absolute_uri, host, get_language())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="commission.ics"'
    return response


def iati(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        build_activities(request.build_absolute_uri), content_type="application/xml; charset=utf-8"
    )


class OpenDataView(TemplateView):
    template_name = "commission/open_data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entities"] = [
            (key, [c for c in columns_of() if c.key != "state"])
            for key, (columns_of, _rows_of) in ENTITIES.items()
        ]
        return context
