"""Content lists' counts and pages kept until the content changes (core.admin.KeptPaginator).

Each list page, as filtered, searched and sorted, shows the same rows in the
same order as Django's own paginator over the same query, and the same count;
a search over every row runs once per change of content; any save or
deletion shows at once.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.admin import KeptPaginator
from meetings.admin import MeetingAdmin
from meetings.models import Meeting
from tests.factories import make_meeting

LIST = "admin:meetings_meeting_changelist"


@pytest.fixture
def meetings(db):
    for number in range(7):
        make_meeting(
            title_en=f"Talks {number}" if number % 2 else f"Hearing {number}",
            date=dt.date(2026, 1, 1 + number % 3),  # the same dates again: the order's ties
            kind="hearing" if number % 3 == 0 else "bilateral",
        )


def shown(client, **query) -> tuple[list[int], int, object]:
    """The ids of the rows of the page, its count, and the list."""
    response = client.get(reverse(LIST), query)
    assert response.status_code == 200
    cl = response.context["cl"]
    return [row.pk for row in cl.result_list], cl.result_count, cl


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"p": "2"},
        {"p": "3"},
        {"o": "1"},
        {"o": "-2.1", "p": "2"},
        {"q": "talks"},
        {"kind": "hearing"},
    ],
    ids=["first", "second", "last", "by-title", "by-date-and-title", "searched", "filtered"],
)
def test_each_page_is_djangos_page(admin_client, meetings, monkeypatch, query):
    monkeypatch.setattr(MeetingAdmin, "list_per_page", 3)
    for _visit in range(2):  # computed, then read back
        ids, count, cl = shown(admin_client, **query)
        assert isinstance(cl.paginator, KeptPaginator)
        djangos = Paginator(cl.queryset, 3)
        assert count == djangos.count
        assert ids == [row.pk for row in djangos.page(int(query.get("p", 1))).object_list]


def test_a_search_over_every_row_runs_once_per_change(admin_client, meetings, monkeypatch):
    monkeypatch.setattr(MeetingAdmin, "list_per_page", 2)  # the 3 found: two pages
    first = shown(admin_client, q="talks")[:2]
    with CaptureQueriesContext(connection) as again:
        assert shown(admin_client, q="talks")[:2] == first
    read = [q["sql"] for q in again.captured_queries if '"meetings_meeting"' in q["sql"]]
    counts = [sql for sql in read if "COUNT(" in sql.upper()]
    rows = [sql for sql in read if '"meetings_meeting"."status"' in sql]
    # No count; only the rows of the page, read by their ids.
    assert counts == [] and len(rows) == 1 and '"meetings_meeting"."id" IN (' in rows[0]

    added = make_meeting(title_en="Talks 99", date=dt.date(2027, 1, 1))
    ids, count, _cl = shown(admin_client, q="talks")
    assert count == first[1] + 1 and ids[0] == added.pk
    Meeting.objects.get(pk=added.pk).delete()
    assert shown(admin_client, q="talks")[:2] == first
