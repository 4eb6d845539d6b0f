"""Dates, date ranges, amounts and country names in English, Russian and Belarusian."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from core.dates import date_range
from reports.data import AnnualReport
from reports.writers import write_json
from tests.factories import make_delegation, make_meeting, make_project

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(strip_tags(response.content.decode()).split())


def in_language(language: str, url: str) -> str:
    """``url`` (made in whichever language is active) in ``language``."""
    return f"/{language}/" + url.split("/", 2)[2]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "26 January 2026"),
        ("ru", "26 января 2026 г."),
        ("be", "26 студзеня 2026 г."),
    ],
)
def test_a_meeting_date_is_written_in_the_one_style_of_each_language(client, language, expected):
    meeting = make_meeting(title_en="Talks with Japan", date=dt.date(2026, 1, 26))
    page = page_text(client, in_language(language, meeting.get_absolute_url()))
    assert expected in page
    assert "Jan. 26" not in page and "Сту. 26" not in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "12–15 October 2026"),
        ("ru", "12–15 октября 2026 г."),
        ("be", "12–15 кастрычніка 2026 г."),
    ],
)
def test_a_visit_within_a_month_shows_a_compact_range_on_its_page_and_in_lists(
    client, language, expected
):
    delegation = make_delegation(
        title_en="Visit of a delegation",
        start_date=dt.date(2026, 10, 12),
        end_date=dt.date(2026, 10, 15),
        countries=["JP"],
    )
    detail = in_language(language, delegation.get_absolute_url())
    for url in (detail, f"/{language}/delegations/", f"/{language}/countries/JP/"):
        assert expected in page_text(client, url), url
    html = client.get(detail).content.decode()
    assert '<time datetime="2026-10-12">12</time>–<time datetime="2026-10-15">' in html


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("en", dt.date(2026, 9, 30), dt.date(2026, 10, 2), "30 September – 2 October 2026"),
        ("ru", dt.date(2026, 9, 30), dt.date(2026, 10, 2), "30 сентября – 2 октября 2026 г."),
        ("be", dt.date(2026, 10, 30), dt.date(2026, 11, 2), "30 кастрычніка – 2 лістапада 2026 г."),
        ("en", dt.date(2026, 12, 30), dt.date(2027, 1, 2), "30 December 2026 – 2 January 2027"),
        (
            "ru",
            dt.date(2026, 12, 30),
            dt.date(2027, 1, 2),
            "30 декабря 2026 г. – 2 января 2027 г.",
        ),
        ("be", dt.date(2026, 1, 26), dt.date(2026, 1, 26), "26 студзеня 2026 г."),
        ("en", dt.date(2026, 1, 26), None, "26 January 2026"),
    ],
)
def test_date_ranges_name_the_month_and_year_once_where_they_are_shared(
    language, start, end, expected
):
    with translation.override(language):
        assert str(date_range(start, end)) == expected


def test_a_range_across_months_on_the_visit_page(client):
    delegation = make_delegation(start_date=dt.date(2026, 9, 30), end_date=dt.date(2026, 10, 2))
    page = page_text(client, in_language("be", delegation.get_absolute_url()))
    assert "30 верасня – 2 кастрычніка 2026 г." in page or (
        # Until the site's catalogue corrects Django's spelling of the month.
        "30 верасьня – 2 кастрычніка 2026 г." in page
    )


def test_belarusian_pages_name_countries_in_belarusian(client):
    meeting = make_meeting(title_en="Talks with Japan", countries=["JP", "DE"])
    page = page_text(client, in_language("be", meeting.get_absolute_url()))
    assert "Японія" in page and "Германія" in page
    assert "Japan" not in page.replace("Talks with Japan", "")
    assert "Японія" in page_text(client, "/be/countries/")
    assert "Японія" in page_text(client, "/be/countries/JP/")
    # Russian names stay those of django-countries; English ones English.
    assert "Япония" in page_text(client, in_language("ru", meeting.get_absolute_url()))
    assert "Japan" in page_text(client, "/en/countries/")


def test_belarusian_country_filter_choices_are_belarusian(client):
    make_meeting(countries=["JP"])
    html = client.get("/be/meetings/").content.decode()
    assert '<option value="JP">Японія</option>' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "40,000,000 USD"),
        ("ru", f"40{NBSP}000{NBSP}000 USD"),
        ("be", f"40{NBSP}000{NBSP}000 USD"),
    ],
)
def test_amounts_are_grouped_in_every_language(client, language, expected):
    project = make_project(title_en="Chernobyl aid", amount=Decimal("40000000"), currency="USD")
    html = client.get(in_language(language, project.get_absolute_url())).content.decode()
    assert expected in html
    assert expected in client.get(f"/{language}/aid/").content.decode()


def test_the_open_data_and_the_report_name_countries_in_the_chosen_language(client):
    make_meeting(title_en="Talks with Japan", countries=["JP"], date=dt.date(2026, 1, 26))
    rows = list(
        csv.DictReader(
            io.StringIO(
                b"".join(client.get("/be/open-data/meetings.csv").streaming_content).decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0]["countries"] == "Японія"
    data = json.loads(b"".join(client.get("/ru/open-data/meetings.json").streaming_content))
    assert data[0]["countries"] == "Япония"

    output = io.BytesIO()
    write_json(AnnualReport(2026, language="be"), output)
    report = json.loads(output.getvalue())
    assert report["meetings"][0]["countries"] == "Японія"


def test_country_names_are_looked_up_in_memory(django_assert_num_queries):
    from django_countries import countries

    with translation.override("be"), django_assert_num_queries(0):
        assert countries.name("JP") == "Японія"
        assert dict(countries)["BY"] == "Беларусь"


def test_the_word_report_writes_dates_amounts_and_countries_in_its_language():
    from docx import Document

    from reports.writers import write

    make_meeting(title_en="Talks with Japan", countries=["JP"], date=dt.date(2026, 1, 26))
    make_project(title_en="Grant", year=2026, amount=Decimal("85000.50"), currency="EUR")
    output = io.BytesIO()
    write(AnnualReport(2026, language="be"), "docx", output)
    document = Document(io.BytesIO(output.getvalue()))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "26 студзеня 2026 г." in cells
    assert "Японія" in cells
    assert f"85{NBSP}000,50" in cells
