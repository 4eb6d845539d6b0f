"""Public pages: filters, languages, feeds, sitemap, search, and drafts kept out."""

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from commission.models import Person, Topic
from meetings.models import Participant
from tests.factories import (
    make_delegation,
    make_hospital_project,
    make_japan_meeting,
    make_meeting,
    make_organisation,
    make_project,
)

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_meetings_filter_by_country_kind_person_and_topic(client):
    topic = Topic.objects.create(name_en="Healthcare", slug="healthcare")
    person = Person.objects.create(name_en="Sergei Aleinik", slug="sergei-aleinik")
    japan = make_meeting(title_en="Talks with Japan", countries=["JP"], kind="bilateral")
    japan.topics.add(topic)
    Participant.objects.create(meeting=japan, person=person)
    make_meeting(title_en="Talks with China", countries=["CN"], kind="video")
    url = reverse("meetings:archive")
    for query in ("country=JP", "kind=bilateral", "person=sergei-aleinik", "topic=healthcare"):
        page = text(client.get(f"{url}?{query}"))
        assert "Talks with Japan" in page and "Talks with China" not in page, query


def test_a_bad_filter_value_is_ignored_with_a_note_not_a_500(client):
    make_meeting(title_en="Talks with Japan", countries=["JP"])
    response = client.get(reverse("meetings:archive") + "?country=ZZ&kind=<script>&person=nobody")
    assert response.status_code == 200
    page = text(response)
    assert "Talks with Japan" in page
    assert "is not valid and was ignored" in page
    assert "<script>" not in page.split("<main", 1)[1]


def test_a_bad_year_or_page_is_a_404_not_a_500(client):
    assert client.get("/en/meetings/99999999999999999999/").status_code == 404
    assert client.get(reverse("meetings:archive") + "?page=abc").status_code == 404
    assert client.get(reverse("aid:index") + "?year=abc").status_code == 200


def test_aid_projects_filter_and_totals_never_mix_currencies(client):
    donor = make_organisation(name_en="Example Fund", slug="example-fund")
    make_project(
        title_en="Euro grant",
        donor=donor,
        amount=Decimal("1000"),
        currency="EUR",
        region="BY-BR",
        year=2025,
    )
    make_project(
        title_en="Dollar grant",
        donor=donor,
        amount=Decimal("250"),
        currency="USD",
        amount_usd=Decimal("250"),
        region="BY-HO",
        year=2026,
    )
    page = text(client.get(reverse("aid:index") + "?region=BY-BR"))
    assert "Euro grant" in page and "Dollar grant" not in page
    page = text(client.get(reverse("aid:index")))
    assert "1,000 EUR" in page and "250 USD" in page
    assert "1,250" not in page
    # One chart per grouping: in several currencies, of the US dollar figures,
    # and the project without one is said to be left out.
    assert page.count('<svg role="img"') == 3
    assert "Totals by donor, USD (from the US dollar figures)" in page
    assert "1 project with no such figure is not in them" in page
    # In one currency, the amounts themselves.
    page = text(client.get(reverse("aid:index") + "?region=BY-BR"))
    assert "Totals by donor, EUR<" in page and "from the US dollar figures" not in page
    page = text(client.get(reverse("aid:index") + "?year=2026&status=pipeline"))
    assert "Dollar grant" in page and "Euro grant" not in page


def test_delegations_filter_by_direction_and_country(client):
    make_delegation(title_en="Visit to Tokyo", direction="outgoing", countries=["JP"])
    make_delegation(title_en="Guests from Beijing", direction="incoming", countries=["CN"])
    page = text(client.get(reverse("delegations:list") + "?direction=outgoing"))
    assert "Visit to Tokyo" in page and "Guests from Beijing" not in page
    page = text(client.get(reverse("delegations:list") + "?country=CN"))
    assert "Guests from Beijing" in page and "Visit to Tokyo" not in page


def test_a_country_page_gathers_meetings_visits_and_projects(client):
    make_japan_meeting()
    make_hospital_project()
    make_delegation(title_en="Visit to Tokyo", countries=["JP"])
    make_meeting(title_en="Draft with Japan", countries=["JP"], status="draft")
    page = text(client.get(reverse("country", args=["jp"])))
    assert "Commission Chairman Sergei Aleinik meets the Ambassador of Japan" in page
    assert "Visit to Tokyo" in page
    assert "Stolin Central District Hospital" in page
    assert "Draft with Japan" not in page
    listing = text(client.get(reverse("countries")))
    assert reverse("country", args=["JP"]) in listing


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_every_page_has_hreflang_alternates_and_a_switcher_to_the_same_page(client, language):
    make_japan_meeting()
    path = f"/{language}/meetings/2026/chairman-meets-ambassador-of-japan/"
    page = text(client.get(path))
    for code in ("en", "ru", "be"):
        alternate = f"/{code}/meetings/2026/chairman-meets-ambassador-of-japan/"
        assert f'hreflang="{code}" href="http://testserver{alternate}"' in page
        assert f'href="{alternate}" hreflang="{code}"' in page
    assert f'<link rel="canonical" href="http://testserver{path}">' in page


def test_interface_strings_are_translated(client):
    make_meeting()  # empty sections are not shown
    assert "Последние встречи" in text(client.get("/ru/"))
    assert "Апошнія сустрэчы" in text(client.get("/be/"))


def test_missing_content_translations_fall_back_to_english_and_say_so(client):
    meeting = make_meeting(title_en="Only in English", title_ru="", title_be="")
    page = text(client.get(f"/ru{meeting.get_absolute_url()[3:]}"))
    assert "Only in English" in page
    assert "ещё не переведён" in page
    translated = make_meeting(title_en="Talks", title_ru="Переговоры")
    assert "ещё не переведён" not in text(client.get(f"/ru{translated.get_absolute_url()[3:]}"))


def test_feeds_list_published_meetings_and_visits(client):
    make_meeting(title_en="Open talks")
    make_meeting(title_en="Hidden talks", status="draft")
    make_delegation(title_en="Open visit")
    rss = ET.fromstring(client.get(reverse("meetings:feed_rss")).content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert titles == ["Open talks"]
    atom = ET.fromstring(client.get(reverse("delegations:feed_atom")).content)
    namespace = {"atom": "http://www.w3.org/2005/Atom"}
    assert [
        e.findtext("atom:title", namespaces=namespace)
        for e in atom.findall("atom:entry", namespace)
    ] == ["Open visit"]


def test_every_sitemap_url_answers_200_and_has_language_alternates(client):
    make_japan_meeting()
    make_hospital_project()  # with its programme
    make_delegation(countries=["CN"])
    make_meeting(title_en="Hidden", status="draft", slug="hidden-draft")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    namespace = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    urls = []
    for section in index.findall("s:sitemap/s:loc", namespace):
        sitemap = ET.fromstring(client.get(urlparse(section.text).path).content)
        for entry in sitemap.findall("s:url", namespace):
            urls.append(entry.findtext("s:loc", namespaces=namespace))
            languages = {link.get("hreflang") for link in entry.findall("x:link", namespace)}
            assert languages == {"en", "ru", "be", "x-default"}
    assert any("/ru/meetings/2026/chairman-meets-ambassador-of-japan/" in url for url in urls)
    assert not any("hidden-draft" in url for url in urls)
    for url in urls:
        assert client.get(urlparse(url).path).status_code == 200, url


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client):
    body = text(client.get("/robots.txt"))
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_a_meeting_page_has_open_graph_with_a_jpeg_and_json_ld(
    client, django_capture_on_commit_callbacks
):
    import json
    import re

    with django_capture_on_commit_callbacks(execute=True):
        make_japan_meeting(photo=True)
    page = text(client.get("/en/meetings/2026/chairman-meets-ambassador-of-japan/"))
    image = re.search(r'<meta property="og:image" content="([^"]+)">', page).group(1)
    assert image.endswith("-1280w.jpg") or image.endswith("-1920w.jpg")
    assert '<meta property="og:image:width" content="' in page
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["@type"] == "Event" and data["startDate"] == "2026-01-26"


def test_search_finds_published_content_in_each_language_with_highlights(client):
    make_japan_meeting()
    make_hospital_project()
    make_meeting(title_en="Secret talks about hospitals", status="draft")
    page = text(client.get("/en/search/?q=hospital"))
    assert "Stolin Central District Hospital" in page
    assert "<mark>" in page
    assert "Secret talks" not in page
    ru = text(client.get("/ru/search/?q=Японии"))
    assert "Председатель комиссии Сергей Алейник встретился с Послом Японии" in ru


@pytest.mark.parametrize(
    "query", ["\x00", "a" * 5000, "<script>alert(1)</script>", "' OR 1=1 --", "&&&|||!!!"]
)
def test_search_survives_hostile_queries(client, query):
    make_japan_meeting()
    make_hospital_project()
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in text(response)


def test_drafts_never_appear_on_public_pages(client):
    make_japan_meeting()
    make_hospital_project()
    make_delegation(countries=["JP"])
    make_meeting(title_en="Leaky draft meeting", status="draft", countries=["JP"])
    make_meeting(
        title_en="Leaky future meeting",
        status="scheduled",
        published_at=__import__("django.utils.timezone").utils.timezone.now()
        + dt.timedelta(days=1),
        countries=["JP"],
    )
    make_delegation(title_en="Leaky draft visit", status="draft", countries=["JP"])
    make_project(title_en="Leaky draft project", status="draft")
    for url in (
        "/en/",
        "/en/meetings/",
        "/en/meetings/2026/",
        "/en/delegations/",
        "/en/aid/",
        "/en/countries/JP/",
        "/en/search/?q=Leaky",
        "/en/meetings/feed/rss/",
        "/en/open-data/meetings.json",
        "/en/open-data/calendar.ics",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        for title in (
            b"Leaky draft meeting",
            b"Leaky future meeting",
            b"Leaky draft visit",
            b"Leaky draft project",
        ):
            assert title not in body, (url, title)
