"""Anonymous visitors get cached pages; a change to content shows at once."""

import pytest
from django.urls import reverse

from tests.conftest import make_meeting

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
