"""Date ranges written compactly, in the active language's own date style.

Single dates use the language's ``DATE_FORMAT`` (core/formats). A range
says the month and the year once where they are shared:

=====================  ==========================  ==================================
range                  English                     Russian
=====================  ==========================  ==================================
one day                26 January 2026             26 января 2026 г.
within a month         12–15 October 2026          12–15 октября 2026 г.
within a year          30 September – 2 October    30 сентября – 2 октября 2026 г.
                       2026
across years           30 December 2026 –          30 декабря 2026 г. –
                       2 January 2027              2 января 2027 г.
=====================  ==========================  ==================================

Every language of the site writes the day before the month and the year, which
is what lets the start of a range be cut to its day (or day and month).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.utils.formats import date_format

#: Between two days of one month: an en dash, no spaces ("12–15").
DAY_RANGE_DASH = "\u2013"
#: Between longer ends: an en dash with spaces ("30 September – 2 October").
RANGE_DASH = " \u2013 "


class DateRange(NamedTuple):
    """The two ends of a range as text, and what goes between them."""

    start: str
    separator: str
    end: str

    def __str__(self) -> str:
        return f"{self.start}{self.separator}{self.end}" if self.separator else self.end


def date_range(start: dt.date, end: dt.date | None) -> DateRange:
    """The range from ``start`` to ``end`` in the active language (one day: ``end`` alone)."""
    if end is None or end == start:
        return DateRange("", "", date_format(start, "DATE_FORMAT"))
    if end < start:
        start, end = end, start
    last_day = date_format(end, "DATE_FORMAT")
    if (start.year, start.month) == (end.year, end.month):
        return DateRange(str(start.day), DAY_RANGE_DASH, last_day)
    if start.year == end.year:
        return DateRange(date_format(start, "MONTH_DAY_FORMAT"), RANGE_DASH, last_day)
    return DateRange(date_format(start, "DATE_FORMAT"), RANGE_DASH, last_day)
