"""Malformed query strings, paths and headers on every public URL: never a 500."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_hospital_project, make_japan_meeting

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/en/",
    "/ru/meetings/",
    "/en/meetings/2026/",
    "/en/meetings/2026/chairman-meets-ambassador-of-japan/",
    "/en/delegations/",
    "/en/aid/",
    "/en/aid/programmes/japan-grass-roots-grant-assistance/",
    "/en/aid/projects/stolin-central-district-hospital-equipment/",
    "/en/countries/",
    "/en/countries/JP/",
    "/en/members/",
    "/en/search/",
    "/en/open-data/",
    "/en/open-data/meetings.csv",
    "/en/open-data/calendar.ics",
    "/en/open-data/iati-activities.xml",
    "/en/meetings/feed/rss/",
    "/sitemap.xml",
    "/robots.txt",
]
PARAMETERS = [
    "q",
    "page",
    "country",
    "kind",
    "person",
    "topic",
    "year",
    "region",
    "status",
    "donor",
    "programme",
    "sector",
    "direction",
    "sort",
]

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def site():
    """A published item behind each detail page of PUBLIC."""
    make_japan_meeting()
    make_hospital_project()  # with its programme


def test_every_fuzzed_url_is_a_page_that_exists(client, site):
    for url in PUBLIC:
        assert client.get(url).status_code == 200, url


@FUZZ
@given(
    url=st.sampled_from(PUBLIC),
    pairs=st.lists(st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=300)), max_size=5),
)
def test_malformed_query_strings_never_fail(client, site, url, pairs):
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in pairs)
    response = client.get(f"{url}?{query}")
    assert response.status_code < 500


@FUZZ
@given(segment=st.text(min_size=1, max_size=80))
def test_malformed_paths_never_fail(client, site, segment):
    for prefix in (
        "/en/meetings/2026/",
        "/en/countries/",
        "/en/aid/projects/",
        "/en/preview/",
        "/media/photos/",
    ):
        response = client.get(prefix + quote(segment, safe="") + "/")
        assert response.status_code < 500


#: Every list (its year filter) and every address with a year in its path.
LISTS = ["/en/meetings/", "/en/meetings/2026/", "/en/delegations/", "/en/aid/", "/en/"]
YEAR_PATHS = [
    "/en/meetings/{year}/",
    "/en/meetings/{year}/chairman-meets-ambassador-of-japan/",
    "/en/delegations/{year}/some-visit/",
]
#: Years as people and robots write them: any integer, huge, signed, padded, or not a number.
YEARS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=0, max_value=10**40).map(lambda n: str(n).zfill(5)),
    st.sampled_from(["0", "-1", "0000", "9999", "10000", "1e400", "inf", "NaN", "2026.5"]),
    st.text(alphabet="0123456789-+.e ", min_size=1, max_size=30),
)


@FUZZ
@given(url=st.sampled_from(LISTS), year=YEARS)
def test_any_year_parameter_of_any_list_never_fails(client, site, url, year):
    response = client.get(url, {"year": year})
    assert response.status_code == 200  # an invalid year is ignored, with a note


@FUZZ
@given(
    value=st.one_of(
        st.text(max_size=80),
        st.sampled_from(["amount", "-amount", "--amount", "-", "title;", "pk", "year", "__str__"]),
    )
)
def test_any_sort_parameter_of_the_project_list_never_fails(client, site, value):
    response = client.get("/en/aid/", {"sort": value, "region": "BY-HM"})
    assert response.status_code == 200  # an order the list does not offer is ignored


@FUZZ
@given(pattern=st.sampled_from(YEAR_PATHS), year=YEARS)
def test_any_year_in_an_address_never_fails(client, site, pattern, year):
    response = client.get(pattern.format(year=quote(year, safe="")))
    assert response.status_code in (200, 301, 404)


@FUZZ
@given(
    url=st.sampled_from(PUBLIC),
    language=st.text(max_size=60),
    etag=st.text(max_size=60),
    host=st.sampled_from(["testserver", "evil.example", "", "testserver:99999"]),
)
def test_malformed_headers_never_fail(client, site, url, language, etag, host):
    headers = {"HTTP_ACCEPT_LANGUAGE": language, "HTTP_IF_NONE_MATCH": etag}
    if host:
        headers["HTTP_HOST"] = host
    response = client.get(
        url, **{k: v.encode("latin-1", "replace").decode("latin-1") for k, v in headers.items()}
    )
    assert response.status_code < 500
