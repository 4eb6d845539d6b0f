"""Anonymous visitors get cached pages; a change to content shows at once."""

import pytest
from django.urls import reverse

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_is_served_from_the_cache(client, django_assert_num_queries):
    make_meeting(title_en="Cached talks")
    first = client.get(reverse("meetings:archive"))
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(reverse("meetings:archive"))
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_publishing_or_changing_content_shows_at_once(client):
    meeting = make_meeting(title_en="Old title")
    assert b"Old title" in client.get(reverse("meetings:archive")).content
    meeting.title_en = "New title"
    meeting.save()
    page = client.get(reverse("meetings:archive")).content
    assert b"New title" in page and b"Old title" not in page
    make_meeting(title_en="Just published")
    assert b"Just published" in client.get(reverse("meetings:archive")).content


def test_staff_and_previews_are_never_cached(admin_client):
    make_meeting(title_en="Talks")
    response = admin_client.get(reverse("meetings:archive"))
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in admin_client.get("/admin/")


def test_each_language_and_query_has_its_own_entry(client):
    make_meeting(title_en="Talks", title_ru="Переговоры")
    assert b"Talks" in client.get("/en/meetings/").content
    assert "Переговоры" in client.get("/ru/meetings/").content.decode()
    assert client.get("/en/meetings/?kind=video")["X-Page-Cache"] == "miss"


def test_a_cached_page_keeps_its_headers_and_answers_if_none_match(client):
    make_meeting(title_en="Talks")
    url = reverse("meetings:archive")
    first = client.get(url)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "ETag", "Content-Language", "X-Frame-Options"):
        assert second[header] == first[header], header

    not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def canonical(response) -> str:
    page = response.content.decode()
    return page.split('<link rel="canonical" href="', 1)[1].split('"', 1)[0]


def test_a_page_cached_for_one_host_name_is_not_served_to_another(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "example.org"]
    make_meeting(title_en="Talks")
    url = reverse("meetings:archive")
    with_port = client.get(url, HTTP_HOST="example.org:8080")
    assert canonical(with_port) == "http://example.org:8080/en/meetings/"

    normal = client.get(url)
    assert normal["X-Page-Cache"] == "miss"
    assert canonical(normal) == "http://testserver/en/meetings/"
    assert b"8080" not in normal.content
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_refused_host_gets_400_even_when_the_page_is_cached(client):
    make_meeting(title_en="Talks")
    url = reverse("meetings:archive")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    refused = client.get(url, HTTP_HOST="evil.example")
    assert refused.status_code == 400
    assert b"Talks" not in refused.content


def test_tracking_parameters_share_the_entry_of_the_plain_address(client):
    make_meeting(title_en="Talks", kind="video")
    url = reverse("meetings:archive")
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "miss"
    campaign = client.get(url, {"utm_source": "x", "utm_medium": "email", "fbclid": "abc"})
    assert campaign["X-Page-Cache"] == "hit"
    assert campaign.content == plain.content

    filtered = client.get(f"{url}?kind=video&gclid=1")
    assert filtered["X-Page-Cache"] == "miss"
    assert client.get(f"{url}?mc_cid=2&kind=video&_ga=3")["X-Page-Cache"] == "hit"
    # Any other parameter is still a page of its own.
    assert client.get(f"{url}?kind=video&other=1")["X-Page-Cache"] == "miss"


def test_a_page_first_rendered_for_a_campaign_carries_no_tracking_parameter(client):
    for number in range(25):  # two pages of meetings
        make_meeting(title_en=f"Talks {number}")
    url = reverse("meetings:archive")
    first = client.get(url, {"kind": "bilateral", "utm_source": "newsletter", "gclid": "x"})
    assert first["X-Page-Cache"] == "miss"
    page = first.content.decode()
    assert "utm_source" not in page and "gclid" not in page and "newsletter" not in page
    assert 'href="?kind=bilateral&amp;page=2"' in page
    assert "Clear filters" in page
    assert "Clear filters" not in client.get(url, {"utm_source": "newsletter"}).content.decode()
