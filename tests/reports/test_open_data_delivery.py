"""Open data for pollers: kept until the content changes, 304s, a calendar window and archives."""

import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar

from core import cached_files
from meetings.models import Meeting
from tests.factories import make_delegation, make_meeting

pytestmark = pytest.mark.django_db

FILES = [
    "/en/open-data/meetings.csv",
    "/en/open-data/meetings.json",
    "/en/open-data/calendar.ics",
    "/en/open-data/iati-activities.xml",
]


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def summaries(response) -> set[str]:
    return {str(event["SUMMARY"]) for event in Calendar.from_ical(body(response)).walk("VEVENT")}


@pytest.fixture
def meetings():
    today = timezone.localdate()
    return {
        "upcoming": make_meeting(title_en="Upcoming", date=today + dt.timedelta(days=40)),
        "recent": make_meeting(title_en="Recent", date=today - dt.timedelta(days=300)),
        "old": make_meeting(title_en="Old", date=today - dt.timedelta(days=800)),
    }


@pytest.mark.parametrize("url", FILES)
def test_a_poller_gets_a_304_until_the_content_changes(client, meetings, url):
    first = client.get(url)
    assert first.status_code == 200
    content = body(first)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    again = client.get(url)
    assert again["ETag"] == etag and body(again) == content
    meeting = meetings["recent"]
    meeting.title_en = "Recent and renamed"
    meeting.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    if "iati" not in url:
        assert b"Recent and renamed" in body(changed)


def test_a_stored_file_is_served_without_a_query(client, meetings, django_assert_num_queries):
    first = body(client.get("/en/open-data/meetings.csv"))
    with django_assert_num_queries(0):
        assert body(client.get("/en/open-data/meetings.csv")) == first


def test_files_are_streamed_in_chunks_and_survive_an_evicted_chunk(client, monkeypatch):
    monkeypatch.setattr(cached_files, "CHUNK_BYTES", 256)
    for n in range(40):
        make_meeting(title_en=f"Meeting number {n}", date=dt.date(2026, 1, 1) + dt.timedelta(n))
    response = client.get("/en/open-data/meetings.csv")
    chunks = list(response.streaming_content)
    assert len(chunks) > 10 and all(len(chunk) < 2 * 256 + 1024 for chunk in chunks)
    whole = b"".join(chunks)
    assert len(list(csv.DictReader(io.StringIO(whole.decode())))) == 40
    # A chunk evicted from the cache: the file is generated again, never cut short.
    # locmem's keys are ":1:<key>"
    evicted = [key.split(":", 2)[2] for key in cache._cache if key.endswith(":5")]
    assert evicted
    for key in evicted:
        cache.delete(key)
    assert body(client.get("/en/open-data/meetings.csv")) == whole
    assert body(client.get("/en/open-data/meetings.csv")) == whole


def test_the_calendar_covers_the_last_12_months_and_everything_upcoming(client, meetings):
    today = timezone.localdate()
    make_delegation(
        title_en="Long visit",
        start_date=today - dt.timedelta(days=370),
        end_date=today - dt.timedelta(days=360),
    )
    make_delegation(
        title_en="Older visit",
        start_date=today - dt.timedelta(days=500),
        end_date=today - dt.timedelta(days=498),
    )
    assert summaries(client.get("/en/open-data/calendar.ics")) == {
        "Upcoming",
        "Recent",
        "Long visit",
    }


def test_every_year_has_its_archive_file_linked_from_the_open_data_page(client, meetings):
    page = client.get("/en/open-data/").content.decode()
    old = meetings["old"].date.year
    assert f'href="/en/open-data/calendar-{old}.ics"' in page
    archive = client.get(f"/en/open-data/calendar-{old}.ics")
    assert archive.status_code == 200
    events = summaries(archive)
    assert "Old" in events
    assert events == {m.title for m in Meeting.objects.published().filter(date__year=old)}
    assert client.get("/en/open-data/calendar-1950.ics").status_code == 404
    assert client.get("/en/open-data/calendar-99999.ics").status_code == 404


def test_a_host_or_language_gets_its_own_file(client, meetings, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    english = body(client.get("/en/open-data/meetings.csv"))
    other = body(client.get("/en/open-data/meetings.csv", HTTP_HOST="other.example"))
    assert b"http://testserver/" in english and b"http://other.example/" in other
    assert b"http://testserver/" not in other


def reference_event(obj, host: str, url: str, category: str):
    """The event as icalendar's own objects write it (how the calendar was written before)."""
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from icalendar import Event

    event = Event()
    kind = "meeting" if isinstance(obj, Meeting) else "delegation"
    event.add("uid", f"{kind}-{obj.pk}@{host}")
    event.add("dtstamp", obj.updated_at)
    if kind == "meeting":
        if obj.start_time:
            start = dt.datetime.combine(
                obj.date, obj.start_time, tzinfo=ZoneInfo(settings.TIME_ZONE)
            )
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(hours=1))
        else:
            event.add("dtstart", obj.date)
        if obj.place:
            event.add("location", obj.place)
        if obj.summary:
            event.add("description", obj.summary)
    else:
        event.add("dtstart", obj.start_date)
        event.add("dtend", obj.end_date + dt.timedelta(days=1))
        if obj.purpose:
            event.add("description", obj.purpose)
    event.add("summary", obj.title)
    event.add("url", url)
    event.add("categories", [category])
    return Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + event.to_ical() + b"END:VCALENDAR\r\n")


def decoded(event) -> dict:
    return {key: event.decoded(key) for key in event}


def test_the_events_are_written_as_icalendar_wrote_them(client):
    today = timezone.localdate()
    tricky = "Talks; trade, energy \\ transit\nSecond line — Переговоры о транзите " * 3
    meeting = make_meeting(
        title_en="Встреча, комиссия; «Беларусь — Япония» " * 3,
        summary_en=tricky,
        place="Minsk, House of Government",
        date=today,
        start_time=dt.time(10, 30),
    )
    other = make_meeting(title_en="Plain", date=today - dt.timedelta(days=3))
    visit = make_delegation(
        title_en="Visit, long",
        purpose_en=tricky,
        start_date=today,
        end_date=today + dt.timedelta(days=2),
    )
    calendar = Calendar.from_ical(body(client.get("/en/open-data/calendar.ics")))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for obj, category in (
        (meeting, "Bilateral meeting"),
        (other, "Bilateral meeting"),
        (visit, "Incoming visit"),
    ):
        kind = "meeting" if isinstance(obj, Meeting) else "delegation"
        url = f"http://testserver{obj.get_absolute_url()}"
        (expected,) = reference_event(obj, "testserver", url, category).walk("VEVENT")
        assert decoded(events[f"{kind}-{obj.pk}@testserver"]) == decoded(expected)
    for line in body(client.get("/en/open-data/calendar.ics")).split(b"\r\n"):
        assert len(line) <= 75
        line.decode()  # never folded inside a character
