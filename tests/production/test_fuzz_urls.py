"""Malformed query strings, paths and headers on every public URL: never a 500."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commission.demo.loader import load_demo_content

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
]

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def site():
    load_demo_content()


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
