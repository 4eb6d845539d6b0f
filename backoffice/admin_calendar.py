"""The admin's calendar of meetings and visits: a month grid and an agenda list.

Drafts, scheduled and published items all show, each with its state; a day
of the grid offers "New meeting" on that date (the add form filled in from
the address). Everything is links and tables: it works from the keyboard and
without script.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from dataclasses import dataclass, field

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegation
from meetings.models import Meeting


@dataclass
class Entry:
    kind: str  # "meeting" or "visit"
    title: str
    url: str
    status: str
    status_label: str
    start: dt.date
    end: dt.date
    time: dt.time | None = None


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    entries: list[Entry] = field(default_factory=list)
    add_url: str = ""


def parse_month(value: str | None, today: dt.date) -> dt.date:
    """The first day of the month asked for (YYYY-MM); this month if absent or unreadable."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        if 1900 <= year <= 2100 and 1 <= month <= 12:
            return dt.date(year, month, 1)
    except ValueError:
        pass
    return today.replace(day=1)


def shift_month(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def entries_between(user, start: dt.date, end: dt.date) -> list[Entry]:
    """Meetings and visits the user may view that touch [start, end]."""
    entries: list[Entry] = []
    if user.has_perm("meetings.view_meeting"):
        for meeting in Meeting.objects.filter(date__range=(start, end)).order_by(
            "date", "start_time", "pk"
        ):
            entries.append(
                Entry(
                    "meeting",
                    meeting.title,
                    reverse("admin:meetings_meeting_change", args=[meeting.pk]),
                    meeting.status,
                    meeting.get_status_display(),
                    meeting.date,
                    meeting.date,
                    meeting.start_time,
                )
            )
    if user.has_perm("delegations.view_delegation"):
        for visit in Delegation.objects.filter(start_date__lte=end, end_date__gte=start).order_by(
            "start_date", "pk"
        ):
            entries.append(
                Entry(
                    "visit",
                    visit.title,
                    reverse("admin:delegations_delegation_change", args=[visit.pk]),
                    visit.status,
                    visit.get_status_display(),
                    visit.start_date,
                    max(visit.end_date, visit.start_date),
                )
            )
    entries.sort(key=lambda entry: (entry.start, entry.time or dt.time.min, entry.kind))
    return entries


def month_weeks(
    first: dt.date, today: dt.date, entries: list[Entry], add_url: str
) -> list[list[Day]]:
    first_weekday = int(get_format("FIRST_DAY_OF_WEEK")) % 7  # 0 = Sunday in Django
    grid = pycalendar.Calendar(firstweekday=(first_weekday - 1) % 7)  # 0 = Monday in Python
    weeks = []
    for week in grid.monthdatescalendar(first.year, first.month):
        days = []
        for date in week:
            day = Day(date, date.month == first.month, date == today)
            day.entries = [entry for entry in entries if entry.start <= date <= entry.end]
            if add_url:
                day.add_url = f"{add_url}?{urlencode({'date': date.isoformat()})}"
            days.append(day)
        weeks.append(days)
    return weeks


def weekday_headers() -> list[tuple[str, str]]:
    first_weekday = int(get_format("FIRST_DAY_OF_WEEK")) % 7
    python_first = (first_weekday - 1) % 7
    order = [(python_first + offset) % 7 for offset in range(7)]
    return [(WEEKDAYS_ABBR[index], WEEKDAYS[index]) for index in order]


def month_title(first: dt.date) -> str:
    """ "February 2026", «Февраль 2026», «Люты 2026»: the stand-alone month (CLDR, Babel)."""
    from babel.dates import format_date
    from django.utils.translation import get_language, to_locale

    text = format_date(first, "LLLL y", locale=to_locale(get_language() or "en"))
    return text[:1].upper() + text[1:]


@staff_member_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    from django.contrib import admin

    today = timezone.localdate()
    first = parse_month(request.GET.get("month"), today)
    last = shift_month(first, 1) - dt.timedelta(days=1)
    agenda = request.GET.get("view") == "agenda"
    may_add = request.user.has_perm("meetings.add_meeting")
    add_url = reverse("admin:meetings_meeting_add") if may_add else ""

    if agenda:
        entries = entries_between(request.user, first, last)
        weeks = []
    else:
        # The grid shows whole weeks: the days around the month too.
        entries = entries_between(
            request.user, first - dt.timedelta(days=7), last + dt.timedelta(days=7)
        )
        weeks = month_weeks(first, today, entries, add_url)

    def month_url(month: dt.date, view: str | None = None) -> str:
        params = {"month": month.strftime("%Y-%m")}
        if view or agenda:
            params["view"] = view or "agenda"
        return f"{reverse('admin:calendar')}?{urlencode(params)}"

    by_day: list[tuple[dt.date, list[Entry]]] = []
    for entry in entries:
        day = max(entry.start, first)
        if by_day and by_day[-1][0] == day:
            by_day[-1][1].append(entry)
        else:
            by_day.append((day, [entry]))

    context = {
        **admin.site.each_context(request),
        "title": _("Calendar of meetings and visits"),
        "month": first,
        "month_title": month_title(first),
        "weeks": weeks,
        "weekdays": weekday_headers(),
        "agenda": agenda,
        "agenda_days": by_day,
        "previous_url": month_url(shift_month(first, -1)),
        "next_url": month_url(shift_month(first, 1)),
        "today_url": month_url(today.replace(day=1)),
        "grid_url": f"{reverse('admin:calendar')}?{urlencode({'month': first.strftime('%Y-%m')})}",
        "agenda_url": month_url(first, "agenda"),
        "add_url": add_url,
        "today": today,
    }
    return TemplateResponse(request, "admin/calendar.html", context)
