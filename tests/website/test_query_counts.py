"""Every public page runs the same number of queries with 1 item or 50."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aid.models import AidProgramme, Milestone
from commission.models import Membership, Person, Topic
from core.page_cache import bump_content_version
from delegations.models import DelegationMember, ProgrammeItem
from meetings.models import Participant
from photos.models import Photo
from tests.factories import make_delegation, make_meeting, make_organisation, make_project

pytestmark = pytest.mark.django_db


def ready_photo(number: int) -> Photo:
    variants = [
        {
            "format": f,
            "width": w,
            "height": w * 2 // 3,
            "name": f"photos/aa/p{number}-{w}w.{e}",
            "bytes": 100,
        }
        for f, e in (("avif", "avif"), ("webp", "webp"), ("jpeg", "jpg"))
        for w in (480, 768)
    ]
    return Photo.objects.create(
        alt_text=f"Photo {number}", status="ready", width=768, height=512, variants=variants
    )


def make_world(count: int) -> None:
    topic = Topic.objects.create(name_en="Trade", slug="trade")
    donor = make_organisation(name_en="Japan", slug="japan-government", country="JP")
    programme = AidProgramme.objects.create(
        title_en="Programme", slug="programme", donor=donor, status="published"
    )
    people = [Person.objects.create(name_en=f"Person {n}", slug=f"p-{n}") for n in range(3)]
    for person in people:
        Membership.objects.create(person=person, role="member")
    for n in range(count):
        meeting = make_meeting(
            title_en=f"Meeting {n}",
            slug=f"m-{n}",
            countries=["JP", "CN"],
            date=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
        meeting.topics.add(topic)
        for person in people[:2]:
            Participant.objects.create(meeting=meeting, person=person)
        meeting.gallery.create(photo=ready_photo(n), is_cover=True)
        delegation = make_delegation(
            title_en=f"Visit {n}",
            slug=f"d-{n}",
            countries=["JP"],
            head=people[0],
            start_date=dt.date(2026, 3, 1),
            end_date=dt.date(2026, 3, 3),
        )
        DelegationMember.objects.create(delegation=delegation, person=people[1])
        ProgrammeItem.objects.create(
            delegation=delegation, date=dt.date(2026, 3, 2), title_en="Talks", meeting=meeting
        )
        delegation.gallery.create(photo=ready_photo(1000 + n))
        project = make_project(
            title_en=f"Project {n}",
            slug=f"pr-{n}",
            donor=donor,
            programme=programme,
            amount=Decimal("100"),
            currency=("USD", "EUR")[n % 2],
            region="BY-BR",
            year=2026,
        )
        Milestone.objects.create(project=project, kind="agreement_signed", date=dt.date(2026, 1, 5))
        project.related_meetings.add(meeting)
        project.gallery.create(photo=ready_photo(2000 + n))


#: Queries per page, pinned: the same with 1 item as with 50. Later visitors
#: (after the first render since the last change): totals, counts, years and
#: filter choices are kept until the content changes (core.content_cache), and
#: each card or project row until what it shows changes (core.cards): a list
#: reads the columns its cards' keys are made of, and what its cards show besides
#: their own rows (countries, galleries) in one more query per kind of card.
#: A search's results are kept until the content changes: later visitors of the
#: same search read none (the first render reads the candidates of each kind
#: that has matches first on PostgreSQL, one more query each:
#: SEARCH_ON_POSTGRESQL, and when the next scheduled publication is).
PAGES = {
    "/en/": 6,
    "/en/meetings/": 2,
    "/en/meetings/?country=JP&topic=trade": 2,
    "/en/meetings/2026/": 2,
    "/en/meetings/2026/m-0/": 5,
    "/en/delegations/": 2,
    "/en/delegations/2026/d-0/": 8,
    "/en/aid/": 1,
    "/en/aid/?region=BY-BR": 1,
    "/en/aid/?region=BY-BR&sort=-amount&page=1": 1,
    "/en/aid/?sort=region": 1,
    "/en/aid/programmes/programme/": 2,
    "/en/aid/projects/pr-0/": 5,
    "/en/countries/": 0,
    "/en/countries/JP/": 5,
    "/en/members/": 2,
    "/en/search/?q=Meeting": 0,
    "/en/meetings/feed/rss/": 2,
    "/en/delegations/feed/atom/": 1,
    "/sitemap-meetings.xml": 0,  # cached for an hour (cache_page)
}

#: The first render after a change: totals, counts and choices are made again;
#: the cards of what did not change are kept.
PAGES_AFTER_A_CHANGE = {
    "/en/": 11,
    "/en/meetings/": 8,
    "/en/meetings/?country=JP&topic=trade": 8,
    "/en/meetings/2026/": 8,
    "/en/meetings/2026/m-0/": 5,
    "/en/delegations/": 5,
    "/en/delegations/2026/d-0/": 8,
    "/en/aid/": 12,
    "/en/aid/?region=BY-BR": 12,
    "/en/aid/?region=BY-BR&sort=-amount&page=1": 12,
    "/en/aid/?sort=region": 12,
    "/en/aid/programmes/programme/": 11,
    "/en/aid/projects/pr-0/": 5,
    "/en/countries/": 4,
    "/en/countries/JP/": 18,
    "/en/members/": 2,
    "/en/search/?q=Meeting": 5,
    "/en/meetings/feed/rss/": 2,
    "/en/delegations/feed/atom/": 1,
    "/sitemap-meetings.xml": 0,
}

#: The very first render (an empty cache): the cards are made too, their whole
#: rows, countries and galleries read for the cards made alone.
PAGES_FIRST_RENDER = {
    "/en/": 15,
    "/en/meetings/": 11,
    "/en/meetings/?country=JP&topic=trade": 11,
    "/en/meetings/2026/": 11,
    "/en/meetings/2026/m-0/": 5,
    "/en/delegations/": 7,
    "/en/delegations/2026/d-0/": 8,
    "/en/aid/": 13,
    "/en/aid/?region=BY-BR": 13,
    "/en/aid/?region=BY-BR&sort=-amount&page=1": 13,
    "/en/aid/?sort=region": 13,
    "/en/aid/programmes/programme/": 12,
    "/en/aid/projects/pr-0/": 5,
    "/en/countries/": 4,
    "/en/countries/JP/": 24,
    "/en/members/": 2,
    "/en/search/?q=Meeting": 5,
    "/en/meetings/feed/rss/": 2,
    "/en/delegations/feed/atom/": 1,
    "/sitemap-meetings.xml": 1,
}

#: "Meeting" matches the meetings only: one query more for their candidates
#: (when the search is made, not when it is read back).
SEARCH_ON_POSTGRESQL = {"/en/search/?q=Meeting": 6}


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("items", [1, 50])
def test_query_counts_are_pinned_whatever_the_amount_of_content(client, settings, items):
    settings.PAGE_CACHE_SECONDS = 0  # count the real work, not the page cache
    make_world(items)
    client.get("/en/")  # warm what is cached across requests (e.g. content types)
    first_render = {}
    for url in PAGES:
        cache.clear()  # nothing kept: cards, totals, counts and choices are all made
        first_render[url] = count_queries(client, url)
    for url in PAGES:
        client.get(url)
    after_a_change = {}
    for url in PAGES:
        bump_content_version()  # as any save does: totals, counts and choices are recomputed
        after_a_change[url] = count_queries(client, url)
    # Later visitors: what is kept until the content changes is not recomputed.
    for url in PAGES:
        client.get(url)
    counts = {url: count_queries(client, url) for url in PAGES}
    search = SEARCH_ON_POSTGRESQL if connection.vendor == "postgresql" else {}
    assert first_render == {**PAGES_FIRST_RENDER, **search}
    assert after_a_change == {**PAGES_AFTER_A_CHANGE, **search}
    assert counts == PAGES
