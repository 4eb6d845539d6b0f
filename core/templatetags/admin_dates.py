"""The admin's date drill-down, with the years found at constant cost.

Django lists the years of a changelist with a ``DISTINCT`` over the date of
every row (a scan that grows with the table). Here the first and last dates
come from the date's index, and each year between them is one indexed
``EXISTS``: the cost follows the number of years, not of rows. Months and days
(within a chosen year, or of a list whose rows are all in one year) are
Django's own, as is everything shown; both are kept until the content changes.
"""

import hashlib

from django import template
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.contrib.admin.utils import get_fields_from_path
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language

from core.content_cache import cached, query_key

register = template.Library()


def date_hierarchy(cl):
    field_name = cl.date_hierarchy
    field = get_fields_from_path(cl.model, field_name)[-1]
    lookups = (f"{field_name}__year", f"{field_name}__month", f"{field_name}__day")
    # Kept until the content changes, per list as filtered and searched (its SQL).
    key = query_key(cl.queryset.order_by())
    if not isinstance(field, models.DateTimeField) and not any(
        cl.params.get(name) for name in lookups
    ):
        years = cached(f"admin-years:{key}", lambda: _years(cl.queryset, field_name))
        if years is not None:
            return {
                "show": True,
                "back": None,
                "choices": [
                    {
                        "link": cl.get_query_string({lookups[0]: str(year)}, [f"{field_name}__"]),
                        "title": str(year),
                    }
                    for year in years
                ],
            }
    # Django's own (the months of the one year, or of a chosen year; a chosen month's
    # days: a DISTINCT over the rows), kept likewise, per language, time zone and
    # query string (its links keep the list's other filters).
    shown = repr(
        (
            sorted((name, str(value)) for name, value in cl.params.items()),
            get_language(),
            timezone.get_current_timezone_name(),
        )
    )
    return cached(
        f"admin-dates:{key}:{hashlib.sha256(shown.encode()).hexdigest()[:32]}",
        lambda: admin_list.date_hierarchy(cl),
    )


def _years(queryset, field_name: str) -> list[int] | None:
    """The years with rows; None for one year or none (Django then lists months)."""
    span = queryset.aggregate(first=models.Min(field_name), last=models.Max(field_name))
    if not (span["first"] and span["last"]) or span["first"].year == span["last"].year:
        return None
    return [
        year
        for year in range(span["first"].year, span["last"].year + 1)
        if queryset.filter(**{f"{field_name}__year": year}).exists()
    ]


@register.tag(name="date_hierarchy")
def date_hierarchy_tag(parser, token):
    return InclusionAdminNode(
        parser, token, func=date_hierarchy, template_name="date_hierarchy.html", takes_context=False
    )
