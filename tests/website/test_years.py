"""Years a date cannot hold: ignored with a note in filters, 404 in addresses, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import make_delegation, make_meeting, make_project

pytestmark = pytest.mark.django_db

ODD_YEARS = ["0", "-1", "10000", "99999", "99999999999999999999", "1e400", "2026.5"]


@pytest.fixture
def content():
    make_meeting(title_en="Talks with Japan", slug="talks")
    make_delegation(title_en="Visit from Japan", slug="visit")
    make_project(title_en="Hospital grant", year=2026)


@pytest.mark.parametrize("year", ODD_YEARS)
@pytest.mark.parametrize(
    ("list_name", "title"),
    [("delegations:list", "Visit from Japan"), ("aid:index", "Hospital grant")],
)
def test_an_out_of_range_year_filter_is_ignored_with_a_note(
    client, content, list_name, title, year
):
    response = client.get(reverse(list_name), {"year": year})
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not valid and was ignored" in page
    assert title in page  # the rest of the list is shown, unfiltered


def test_a_year_in_range_still_filters(client, content):
    assert "Visit from Japan" in client.get("/en/delegations/?year=2026").content.decode()
    assert "Visit from Japan" not in client.get("/en/delegations/?year=2025").content.decode()
    assert "Hospital grant" not in client.get("/en/aid/?year=1").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/meetings/0/",
        "/en/meetings/99999/",
        "/en/meetings/99999999999999999999/",
        "/en/meetings/0/talks/",
        "/en/meetings/0000/talks/",
        "/en/meetings/99999/talks/",
        "/en/meetings/-1/talks/",
        "/en/delegations/0/visit/",
        "/en/delegations/99999/visit/",
        "/en/delegations/99999999999999999999/visit/",
    ],
)
def test_an_out_of_range_year_in_an_address_is_404(client, content, url):
    assert client.get(url).status_code == 404


def test_year_addresses_in_range_still_answer(client, content):
    assert client.get("/en/meetings/2026/").status_code == 200
    assert client.get("/en/meetings/2026/talks/").status_code == 200
    assert client.get("/en/delegations/2026/visit/").status_code == 200
    assert client.get("/en/meetings/2025/talks/").status_code == 404
