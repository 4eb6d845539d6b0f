"""The iCalendar feed of published meetings and visits."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from icalendar import Calendar, Event

from delegations.models import Delegation
from meetings.models import Meeting


def build_calendar(build_url, host: str, language: str = "en") -> bytes:
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
    with translation.override(language):
        for meeting in Meeting.objects.published().order_by("date", "pk").iterator(chunk_size=1000):
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
            calendar.add_component(event)
        for delegation in (
            Delegation.objects.published().order_by("start_date", "pk").iterator(chunk_size=1000)
        ):
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
            calendar.add_component(event)
    return calendar.to_ical()
