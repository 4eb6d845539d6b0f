"""The iCalendar feed of published meetings and visits.

The feed calendar clients subscribe to covers a window: the last
``WINDOW_DAYS`` days and everything upcoming (a visit counts while any of its
days is in the window). Older events are in one archive file per year.
Written event by event (constant memory), for ``commission.cached_files``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone, translation
from icalendar import Calendar, Event

from delegations.models import Delegation
from meetings.models import Meeting

#: The subscribed feed's past: a year, as calendar clients expect.
WINDOW_DAYS = 365


def window_start(today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()) - dt.timedelta(days=WINDOW_DAYS)


def archive_years() -> list[int]:
    """Years with published meetings or visits, newest first (one archive file each)."""
    meetings = Meeting.objects.published().aggregate(first=Min("date"), last=Max("date"))
    visits = Delegation.objects.published().aggregate(first=Min("start_date"), last=Max("end_date"))
    firsts = [d for d in (meetings["first"], visits["first"]) if d]
    lasts = [d for d in (meetings["last"], visits["last"]) if d]
    if not firsts:
        return []
    return list(range(max(lasts).year, min(firsts).year - 1, -1))


def build_calendar(
    build_url, host: str, language: str = "en", *, year: int | None = None, since=None
) -> bytes:
    """The whole calendar at once (see :func:`calendar_chunks`)."""
    return b"".join(calendar_chunks(build_url, host, language, year=year, since=since))


def calendar_chunks(
    build_url,
    host: str,
    language: str = "en",
    *,
    year: int | None = None,
    since: dt.date | None = None,
) -> Iterator[bytes]:
    """The calendar of one ``year``, or of the events since ``since``, or of all."""
    meetings = Meeting.objects.published()
    delegations = Delegation.objects.published()
    if year is not None:
        meetings = meetings.filter(date__year=year)
        delegations = delegations.filter(start_date__year=year)
    if since is not None:
        meetings = meetings.filter(date__gte=since)
        delegations = delegations.filter(end_date__gte=since)
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add(
        "prodid", "-//Standing Commission on International Affairs//Meetings and visits//EN"
    )
    calendar.add("version", "2.0")
    calendar.add(
        "x-wr-calname", "Standing Commission on International Affairs: meetings and visits"
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    end = b"END:VCALENDAR\r\n"
    head = calendar.to_ical()
    assert head.endswith(end)
    yield head[: -len(end)]
    with translation.override(language):
        for meeting in meetings.order_by("date", "pk").iterator(chunk_size=1000):
            event = Event()
            event.add("uid", f"meeting-{meeting.pk}@{host}")
            event.add("dtstamp", meeting.updated_at)
            if meeting.start_time:
                start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
                event.add("dtstart", start)
                event.add("dtend", start + dt.timedelta(hours=1))
            else:
                event.add("dtstart", meeting.date)
            event.add("summary", meeting.title)
            if meeting.place:
                event.add("location", meeting.place)
            if meeting.summary:
                event.add("description", meeting.summary)
            event.add("url", build_url(meeting.get_absolute_url()))
            event.add("categories", [str(meeting.get_kind_display())])
            yield event.to_ical()
        for delegation in delegations.order_by("start_date", "pk").iterator(chunk_size=1000):
            event = Event()
            event.add("uid", f"delegation-{delegation.pk}@{host}")
            event.add("dtstamp", delegation.updated_at)
            event.add("dtstart", delegation.start_date)
            # All-day events end on the day after the last day.
            event.add("dtend", delegation.end_date + dt.timedelta(days=1))
            event.add("summary", delegation.title)
            if delegation.purpose:
                event.add("description", delegation.purpose)
            event.add("url", build_url(delegation.get_absolute_url()))
            event.add("categories", [str(delegation.get_direction_display())])
            yield event.to_ical()
    yield end
