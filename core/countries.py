"""Counting items by country for models that concern several countries at once."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, QuerySet


def count_by_country(queryset: QuerySet) -> Counter:
    """Items per ISO code; grouped in the database by their combination of countries."""
    counts: Counter = Counter()
    for row in queryset.order_by().values("countries").annotate(items=Count("id")):
        for code in (row["countries"] or "").split(","):
            if code:
                counts[code] += row["items"]
    return counts
