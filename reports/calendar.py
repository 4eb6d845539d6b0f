"""The iCalendar feed of published meetings and visits.

The feed calendar clients subscribe to covers a window: the last
``WINDOW_DAYS`` days and everything upcoming (a visit counts while any of its
days is in the window). Older events are in one archive file per year.
Written event by event (constant memory), for ``core.cached_files``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from delegations.models import Delegation
from meetings.models import Meeting

#: The subscribed feed's past: a year, as calendar clients expect.
WINDOW_DAYS = 365
ONE_HOUR = dt.timedelta(hours=1)
ONE_DAY = dt.timedelta(days=1)


# --- events, written directly (RFC 5545): icalendar's objects cost a few ms each ---


def _text(value: str) -> str:
    """A TEXT value, escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> bytes:
    """A content line folded at 75 octets, never inside a character."""
    data = line.encode()
    if len(data) <= 75:
        return data + b"\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # a continuation byte
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # the leading space of a continuation counts
    return b"\r\n ".join(parts) + b"\r\n"


def _date(name: str, value: dt.date) -> str:
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def _datetime(name: str, value: dt.datetime) -> str:
    return f"{name};TZID={value.tzinfo.key}:{value:%Y%m%dT%H%M%S}"


def _event(uid, stamp, times, *, summary, url, category, location="", description="") -> bytes:
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(summary)}",
        *times,
        f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
        f"UID:{_text(uid)}",
        f"CATEGORIES:{_text(category)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{_text(description)}")
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    lines += [f"URL:{url}", "END:VEVENT"]
    return b"".join(_fold(line) for line in lines)


def _url_maker(name: str):
    """``reverse(name, year, slug)`` for thousands of events: one reverse, then formatting."""
    pattern = reverse(name, kwargs={"year": 1999, "slug": "slug-placeholder"})
    head, tail = pattern.split("1999/slug-placeholder")
    return lambda year, slug: f"{head}{year}/{slug}{tail}"


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
        kinds = {value: str(label) for value, label in Meeting.Kind.choices}
        directions = {value: str(label) for value, label in Delegation.Direction.choices}
        meeting_url = _url_maker("meetings:detail")
        delegation_url = _url_maker("delegations:detail")
        for meeting in meetings.order_by("date", "pk").iterator(chunk_size=1000):
            if meeting.start_time:
                start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
                times = [_datetime("DTSTART", start), _datetime("DTEND", start + ONE_HOUR)]
            else:
                times = [_date("DTSTART", meeting.date)]
            yield _event(
                f"meeting-{meeting.pk}@{host}",
                meeting.updated_at,
                times,
                summary=meeting.title,
                location=meeting.place,
                description=meeting.summary,
                url=build_url(meeting_url(meeting.date.year, meeting.slug)),
                category=kinds.get(meeting.kind, meeting.kind),
            )
        for delegation in delegations.order_by("start_date", "pk").iterator(chunk_size=1000):
            yield _event(
                f"delegation-{delegation.pk}@{host}",
                delegation.updated_at,
                # All-day events end on the day after the last day.
                [
                    _date("DTSTART", delegation.start_date),
                    _date("DTEND", delegation.end_date + ONE_DAY),
                ],
                summary=delegation.title,
                description=delegation.purpose,
                url=build_url(delegation_url(delegation.start_date.year, delegation.slug)),
                category=directions.get(delegation.direction, delegation.direction),
            )
    yield end
