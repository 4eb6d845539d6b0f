"""The admin's year drill-down: Django's choices, at a cost that does not follow the rows."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.templatetags.admin_dates import date_hierarchy
from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def changelist(superuser, query: str = ""):
    request = RequestFactory().get(f"/admin/meetings/meeting/{query}")
    request.user = superuser
    return admin.site._registry[Meeting].get_changelist_instance(request)


def meetings_in(years, per_year: int = 1) -> None:
    for year in years:
        for day in range(per_year):
            make_meeting(date=dt.date(year, 3, 1 + day))


@pytest.mark.parametrize(
    "query", ["", "?date__year=2019", "?date__year=2019&date__month=3", "?kind=bilateral"]
)
def test_the_choices_are_djangos(superuser, query):
    meetings_in([2015, 2016, 2019, 2024])
    meetings_in([2019], per_year=3)
    cl = changelist(superuser, query)
    assert date_hierarchy(cl) == admin_list.date_hierarchy(cl)


def test_years_with_nothing_in_them_are_left_out(superuser):
    meetings_in([2015, 2019])
    titles = [choice["title"] for choice in date_hierarchy(changelist(superuser))["choices"]]
    assert titles == ["2015", "2019"]


def test_the_years_cost_the_same_for_few_rows_as_for_many(superuser):
    meetings_in([2015, 2019, 2024])

    def queries() -> list[str]:
        cl = changelist(superuser)
        with CaptureQueriesContext(connection) as context:
            date_hierarchy(cl)
        return [query["sql"] for query in context.captured_queries]

    few = queries()
    meetings_in([2015, 2019, 2024], per_year=20)
    many = queries()
    assert len(few) == len(many)
    assert not any("DISTINCT" in sql for sql in many)


def test_the_changelist_shows_the_years(admin_client):
    meetings_in([2015, 2019])
    with CaptureQueriesContext(connection) as context:
        response = admin_client.get("/admin/meetings/meeting/")
    assert response.status_code == 200
    # The page uses these years (no truncation of every row's date to its year).
    assert not any("date_trunc" in query["sql"].lower() for query in context.captured_queries)
    content = response.content.decode()
    assert "?date__year=2015" in content and "?date__year=2019" in content


def test_the_years_are_kept_until_the_content_changes(superuser):
    meetings_in([2015, 2019])
    make_meeting(date=dt.date(2021, 5, 4), kind="hearing")
    date_hierarchy(changelist(superuser))
    cl = changelist(superuser)
    with CaptureQueriesContext(connection) as context:
        kept = date_hierarchy(cl)
    assert context.captured_queries == []
    assert [choice["title"] for choice in kept["choices"]] == ["2015", "2019", "2021"]

    meetings_in([2024])  # saved: the content changed
    titles = [choice["title"] for choice in date_hierarchy(changelist(superuser))["choices"]]
    assert titles == ["2015", "2019", "2021", "2024"]
    # A filtered list has its own years, not the whole list's.
    filtered = date_hierarchy(changelist(superuser, "?kind=hearing"))
    assert filtered == admin_list.date_hierarchy(changelist(superuser, "?kind=hearing"))


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_months_of_one_year_are_djangos_and_kept(superuser, language):
    from django.utils import translation

    for month in (2, 5, 11):
        make_meeting(date=dt.date(2026, month, 3))
    with translation.override(language):
        cl = changelist(superuser, "?kind=bilateral")
        expected = admin_list.date_hierarchy(cl)
        assert [choice["title"] for choice in expected["choices"]]  # the months of 2026
        assert date_hierarchy(cl) == expected
        with CaptureQueriesContext(connection) as context:
            assert date_hierarchy(changelist(superuser, "?kind=bilateral")) == expected
        assert not any("DISTINCT" in query["sql"] for query in context.captured_queries)
        make_meeting(date=dt.date(2026, 8, 3))  # a change: the months read again
        assert len(date_hierarchy(changelist(superuser, "?kind=bilateral"))["choices"]) == 4
