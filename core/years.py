"""Years in addresses and in filters: one rule, the years a date can hold.

A year outside that range cannot become a date (``datetime.date(99999, 1, 1)``
raises), so it is refused before any date is built: in a path it matches no
URL (404), in a filter it is ignored with the page's usual note.
"""

from __future__ import annotations

import datetime

from django.urls import register_converter

MIN_YEAR = datetime.MINYEAR
MAX_YEAR = datetime.MAXYEAR


def is_valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


class YearConverter:
    """``<year:year>`` in a path: at most four digits, within the range above."""

    regex = "[0-9]{1,4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not is_valid_year(year):
            raise ValueError(f"year {year} is out of range")  # no match: 404
        return year

    def to_url(self, value: int | str) -> str:
        return str(value)


# Registered once, when the first URL module that uses it imports this one.
register_converter(YearConverter, "year")
