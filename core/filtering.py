"""Public list filters (django-filter) that never fail on a bad URL parameter.

A value that does not validate is dropped, the rest of the filters still
apply, and the page says which parameter was ignored.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.core.validators import EMPTY_VALUES
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.content_cache import cached
from core.countries import choices as country_choices
from core.tracking import parameters_without_tracking
from core.years import MAX_YEAR, MIN_YEAR

#: Parameters that are not filters (pagination, order).
NOT_FILTERS = {"page", "sort"}


class CountryFilter(django_filters.ChoiceFilter):
    """One ISO code among items that concern several countries.

    Offers only the countries the published items concern (not all 250).
    """

    def __init__(self, *args, model=None, **kwargs):
        self.model = model
        kwargs.setdefault("label", _("Country"))
        kwargs.setdefault("empty_label", _("All countries"))
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        # Each request's FilterSet has its own copy of the filter: the choices
        # are read when its form field is first built.
        if not hasattr(self, "_field"):
            # Kept until the content changes (core.content_cache).
            self.extra["choices"] = cached(
                f"countries:{self.model._meta.label}", self.present_countries, per_language=True
            )
        return super().field

    def present_countries(self) -> list[tuple[str, str]]:
        return country_choices(self.model.objects.published().present_countries())

    def filter(self, queryset, value):
        return queryset.for_country(value) if value else queryset


class PublicChoiceFilter(django_filters.ChoiceFilter):
    """One of the records (by slug) that published items show: people, topics, donors…

    ``records`` is a callable returning them (the public ones, e.g. people of
    a published meeting); the choices are kept until the content changes
    (core.content_cache), per language as their names are translated.
    """

    def __init__(self, *args, records=None, **kwargs):
        self.records = records
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self.extra["choices"] = cached(
                f"choices:{self.model._meta.label}.{self.field_name}",
                lambda: [(record.slug, str(record)) for record in self.records()],
                per_language=True,
            )
        return super().field

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        return queryset.filter(**{f"{self.field_name}__slug": value})


class YearFilter(django_filters.NumberFilter):
    """A whole year; one a date cannot hold (0, 99999…) is invalid, so ignored."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("widget", forms.NumberInput(attrs={"min": 1990, "max": 2100}))
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value in (None, ""):
            return queryset
        return super().filter(queryset, int(value))


def apply_filters(filterset_class, data, queryset: QuerySet):
    """Return the bound filterset; the invalid parameters are left out and listed.

    An invalid parameter (``?year=abc``) does not empty the list: the filterset
    is built again without it, and ``filterset.ignored`` lists each one left out
    as (name, value given, label) for the page to say so.
    """
    filterset = filterset_class(data or None, queryset=queryset)
    if filterset.is_bound and not filterset.is_valid():
        ignored = sorted(filterset.errors)
        cleaned = data.copy()
        for name in ignored:
            cleaned.pop(name, None)
        filterset = filterset_class(cleaned, queryset=queryset)
        filterset.is_valid()
        filterset.ignored = [
            (name, data.get(name, ""), (filterset_class.base_filters[name].label or name))
            for name in ignored
            if name in filterset_class.base_filters
        ]
    else:
        filterset.ignored = []
    return filterset


class CachedCountPaginator(Paginator):
    """A paginator whose item count is kept until the content changes.

    Counting thousands of published items costs more than the rest of a list
    page; the count of one list with one set of filters is the same for every
    visitor until something is saved (core.content_cache).
    """

    count_key = ""

    @cached_property
    def count(self) -> int:
        if not self.count_key:
            return super().count
        return cached(f"count:{self.count_key}", self.object_list.count)


class FilteredListMixin:
    """A list view whose queryset goes through a FilterSet built from the URL."""

    filterset_class = None

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        paginator = CachedCountPaginator(
            queryset, per_page, orphans=orphans, allow_empty_first_page=allow_empty_first_page
        )
        # What the list is: its address (year included) and the filters applied.
        paginator.count_key = f"{self.request.path}?{self.applied_filters()!r}"
        return paginator

    def applied_filters(self) -> list[tuple[str, str]]:
        """The valid filters of this request, in a canonical order (for cache keys)."""
        if not self.filterset.is_bound:
            return []
        return sorted(
            (name, value)
            for name in self.filterset.filters
            for value in self.filterset.data.getlist(name)
            if value
        )

    def filter(self, queryset: QuerySet) -> QuerySet:
        self.filterset = apply_filters(self.filterset_class, self.request.GET, queryset)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        # Tracking parameters (utm_source…) are not filters: the page is the
        # same with or without them, and its links do not pass them on.
        params = parameters_without_tracking(self.request.GET)
        params.pop("page", None)
        # An order the list does not offer is not passed on either.
        sort = getattr(self, "sort", "")
        params.pop("sort", None)
        context["sort_query"] = params.urlencode()  # the filters, for the column links
        if sort:
            params["sort"] = sort
        context["filter_query"] = params.urlencode()
        context["filtered"] = any(k not in NOT_FILTERS and v for k, v in params.items())
        return context


class SortedListMixin:
    """A list ordered by a column the visitor chose: ``?sort=key`` or ``?sort=-key``.

    ``sort_keys`` are the orders offered; any other value gives the list's
    default order (never an error). The view orders by
    :meth:`sort_queryset`; pagination and the filter form keep the order
    (``filter_query``, ``sort`` in the context), and the column headings
    link to the other orders (``{% sort_heading %}``).
    """

    sort_keys: tuple[str, ...] = ()

    @cached_property
    def sort(self) -> str:
        """The order asked for, if the list offers it; "" for the default order."""
        value = self.request.GET.get("sort", "")
        return value if value.removeprefix("-") in self.sort_keys else ""

    def sort_queryset(self, queryset: QuerySet, key: str, descending: bool) -> QuerySet:
        raise NotImplementedError

    def sorted(self, queryset: QuerySet) -> QuerySet:
        if not self.sort:
            return queryset
        return self.sort_queryset(
            queryset, self.sort.removeprefix("-"), descending=self.sort.startswith("-")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sort"] = self.sort
        context["sortable"] = True
        return context
