"""Totals, charts, key figures and filter choices: computed once per change, never stale."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aid.models import AidProject
from meetings.models import Meeting
from tests.backoffice.test_money_input import post_project
from tests.factories import make_meeting, make_organisation, make_project

pytestmark = pytest.mark.django_db


def figures(client) -> dict[str, str]:
    page = client.get("/en/").content.decode()
    section = page[page.index('class="figures"') : page.index("</section>")]
    return dict(re.findall(r"<dt>(?:<a [^>]*>)?([^<]+)(?:</a>)?</dt><dd>(\d+)</dd>", section))


def usd_total(client, url: str = "/en/aid/") -> str:
    page = client.get(url).content.decode()
    section = page[page.index('id="totals-heading"') :]
    return re.search(r"<dt>USD, (\d+) projects?</dt>", section)[1]


@pytest.fixture
def world(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the aggregates' own cache, not the page cache
    donor = make_organisation(name_en="Japan", slug="japan", country="JP")
    for n in range(3):
        make_project(title_en=f"Grant {n}", donor=donor, amount=Decimal("100"), currency="USD")
        make_meeting(title_en=f"Meeting {n}")
    return donor


def test_an_admin_save_changes_the_totals_and_the_key_figures(admin_client, client, world):
    assert figures(client)["Aid projects"] == "3"
    assert usd_total(client) == "3"
    response = post_project(
        admin_client,
        "en",
        title_en="A fourth grant",
        donor=str(world.pk),
        currency="USD",
        amount="50",
        status="published",
    )
    assert response.status_code == 302
    assert figures(client)["Aid projects"] == "4"
    assert usd_total(client) == "4"
    assert "A fourth grant" in client.get("/en/aid/").content.decode()


def test_the_aggregates_are_computed_once_per_change(client, world, django_assert_num_queries):
    client.get("/en/")
    client.get("/en/aid/")
    # Rendering again reads the lists only: no count, total or chart is recomputed.
    with django_assert_num_queries(4):  # with what the meetings' cards show (core.cards)
        client.get("/en/")
    with django_assert_num_queries(1):  # the projects of the page (the programmes are kept)
        client.get("/en/aid/")
    project = AidProject.objects.first()
    project.amount = Decimal("1000")
    project.save()
    assert "1,200 USD" in client.get("/en/aid/").content.decode()


def test_a_scheduled_item_counts_once_its_time_has_come(client, world, monkeypatch):
    now = timezone.now()
    make_meeting(title_en="Later", status="scheduled", published_at=now + dt.timedelta(hours=1))
    assert figures(client)["Meetings"] == "3"
    monkeypatch.setattr(timezone, "now", lambda: now + dt.timedelta(hours=2))
    assert figures(client)["Meetings"] == "4"


def test_filtered_totals_and_the_unfiltered_ones_are_kept_apart(client, world):
    make_project(
        title_en="Brest grant", donor=world, amount=Decimal("7"), currency="USD", region="BY-BR"
    )
    assert usd_total(client) == "4"
    assert usd_total(client, "/en/aid/?region=BY-BR") == "1"
    assert usd_total(client, "/en/aid/?region=BY-BR&page=1") == "1"


def test_filter_choices_follow_publishing(client, world):
    from commission.models import Topic

    topic = Topic.objects.create(name_en="Energy", slug="energy")
    assert ">Energy</option>" not in client.get("/en/meetings/").content.decode()
    Meeting.objects.first().topics.add(topic)
    assert ">Energy</option>" in client.get("/en/meetings/").content.decode()
    page = client.get("/en/meetings/?topic=energy").content.decode()
    assert '<option value="energy" selected>Energy</option>' in page
    assert page.count('<article class="card') == 1


def search_titles(client, query: str, language: str = "en") -> list[str]:
    page = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return re.findall(r'<h2>\s*<a href="[^"]+">([^<]+)</a>', page)


def test_a_search_is_read_back_until_the_content_changes(client, world, settings):
    first = search_titles(client, "meeting")
    assert sorted(first) == ["Meeting 0", "Meeting 1", "Meeting 2"]
    with CaptureQueriesContext(connection) as again:
        assert search_titles(client, "meeting") == first
    searched = [q["sql"] for q in again.captured_queries if "meetings_meeting" in q["sql"]]
    assert searched == []  # read back: no search ran

    make_meeting(title_en="Meeting with Japan")  # a save: found at once
    assert "Meeting with Japan" in search_titles(client, "meeting")
    Meeting.objects.get(title_en="Meeting 0").delete()
    assert "Meeting 0" not in search_titles(client, "meeting")
    assert search_titles(client, "meeting", "ru") != []  # each language its own


def test_a_scheduled_item_is_found_once_its_time_has_come(client, world, monkeypatch):
    now = timezone.now()
    make_meeting(
        title_en="Meeting to come", status="scheduled", published_at=now + dt.timedelta(hours=1)
    )
    assert "Meeting to come" not in search_titles(client, "meeting")
    monkeypatch.setattr(timezone, "now", lambda: now + dt.timedelta(hours=2))
    assert "Meeting to come" in search_titles(client, "meeting")
