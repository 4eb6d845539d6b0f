"""Public list filters (django-filter) that never fail on a bad URL parameter.

A value that does not validate is dropped, the rest of the filters still
apply, and the page says which parameter was ignored.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.countries import choices as country_choices
from core.tracking import parameters_without_tracking
from core.years import MAX_YEAR, MIN_YEAR

#: Parameters that are not filters (pagination).
NOT_FILTERS = {"page"}


class CountryFilter(django_filters.ChoiceFilter):
    """One ISO code among items that concern several countries.

    Offers only the countries the published items concern (not all 250).
    """

    def __init__(self, *args, model=None, **kwargs):
        self.model = model
        kwargs.setdefault("label", _("Country"))
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        # Each request's FilterSet has its own copy of the filter: the choices
        # are read when its form field is first built.
        if not hasattr(self, "_field"):
            self.extra["choices"] = self.present_countries()
        return super().field

    def present_countries(self) -> list[tuple[str, str]]:
        return country_choices(self.model.objects.published().present_countries())

    def filter(self, queryset, value):
        return queryset.for_country(value) if value else queryset


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


class FilteredListMixin:
    """A list view whose queryset goes through a FilterSet built from the URL."""

    filterset_class = None

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
        context["filter_query"] = params.urlencode()
        context["filtered"] = any(k not in NOT_FILTERS and v for k, v in params.items())
        return context
