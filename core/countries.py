"""Items that concern several countries: the one home of every country question.

Meetings and delegations refer to ``commission.Country`` rows through a
many-to-many field named ``countries``. Everything asked of those countries
goes through here: the countries of an item (prefetched, in code order), the
countries present among items (a filter's choices), the number of items per
country, and the items concerning one country. All of it is answered from the
relation's indexes; nothing splits text. Names come from django-countries
(``commission.country_names``), never from the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import translation
from django_countries import countries as country_catalogue
from django_countries.widgets import LazySelect

from core.collation import sorted_by_name
from core.kept import Kept


def normalise_code(code: str) -> str:
    return (code or "").strip().upper()


def is_known(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code django-countries knows."""
    return normalise_code(code) in country_catalogue


_names: dict[tuple[str, str], str] = {}


def name_of(code: str) -> str:
    """The country's name in the active language (remembered: names do not change)."""
    key = (translation.get_language() or "", code)
    name = _names.get(key)
    if name is None:
        name = _names[key] = str(country_catalogue.name(code))
    return name


def choices(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) pairs sorted by the name in the active language."""
    return sorted_by_name(((code, name_of(code)) for code in set(codes)), _by_name)


def _by_name(pair: tuple[str, str]) -> str:
    return pair[1]


def matching_codes(term: str) -> list[str]:
    """Codes whose code or name (in the active language or in English) contains ``term``."""
    term = term.casefold()
    codes = set()
    for code, name in country_catalogue:
        if term == code.casefold() or term in str(name).casefold():
            codes.add(code)
    with translation.override("en"):
        for code, name in country_catalogue:
            if term in str(name).casefold():
                codes.add(code)
    return sorted(codes)


class CountriesQuerySet(models.QuerySet):
    """For models with a ``countries`` many-to-many field to ``commission.Country``."""

    def for_country(self, code: str) -> QuerySet:
        """Items concerning the country ``code`` (one join, no duplicates)."""
        return self.filter(countries=normalise_code(code))

    def with_countries(self) -> QuerySet:
        """Prefetch each item's countries (one query for the whole page)."""
        return self.prefetch_related(countries_prefetch(self.model))

    def present_countries(self) -> list[str]:
        """The ISO codes of the countries these items concern.

        Answered from the relation (one semi-join), without reading any text.
        """
        field = self.model.countries.field
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        items = through.objects.filter(
            **{f"{target}_id": OuterRef("pk"), f"{source}_id__in": self.order_by().values("pk")}
        )
        countries = field.related_model.objects.filter(Exists(items)).order_by("code")
        return list(countries.values_list("code", flat=True))

    def count_by_country(self) -> Counter:
        """Items per ISO code (an item concerning two countries counts for both)."""
        through = self.model.countries.through
        source = self.model.countries.field.m2m_field_name()
        target = self.model.countries.field.m2m_reverse_field_name()
        ids = self.order_by().values("pk")
        rows = (
            through.objects.filter(**{f"{source}__in": ids})
            .order_by()
            .values(f"{target}_id")
            .annotate(items=Count("pk"))
        )
        return Counter({row[f"{target}_id"]: row["items"] for row in rows})


def has_countries(model) -> bool:
    """Whether ``model`` has the ``countries`` relation."""
    try:
        return model._meta.get_field("countries").many_to_many
    except FieldDoesNotExist:
        return False


def countries_prefetch(model) -> Prefetch:
    """The prefetch of an item's countries, in code order."""
    country = model.countries.field.related_model
    return Prefetch("countries", queryset=country.objects.order_by("code"))


def codes_of(item) -> list[str]:
    """The ISO codes of an item's countries (read with its page when they were:
    ``country_codes``, e.g. an admin list's; else from its prefetch when there is one)."""
    codes = item.__dict__.get("country_codes")
    if codes is not None:
        return codes
    return [country.code for country in item.countries.all()]


def names_of(item) -> str:
    """An item's country names, comma-separated, as lists and exports show them."""
    return ", ".join(name_of(code) for code in codes_of(item))


def count_by_country(queryset: QuerySet) -> Counter:
    return queryset.count_by_country()


def codes_by_item(model, ids: Iterable[int]) -> dict[int, list[str]]:
    """{item id: [ISO codes in code order]} for the given items, in one query."""
    through = model.countries.through
    source = model.countries.field.m2m_field_name()
    target = model.countries.field.m2m_reverse_field_name()
    grouped: dict[int, list[str]] = {}
    rows = (
        through.objects.filter(**{f"{source}_id__in": list(ids)})
        .order_by(f"{source}_id", f"{target}_id")
        .values_list(f"{source}_id", f"{target}_id")
    )
    for item, code in rows:
        grouped.setdefault(item, []).append(code)
    return grouped


#: The admin's country selects written (see :class:`CountrySelect`).
_SELECTS = Kept(limit=2000)


class CountrySelect(LazySelect):
    """django-countries' select of every country, its markup kept.

    A country field's select lists, sorts and writes ~250 names each time a
    form shows it (twice: once to know whether it may be required), a
    twentieth of a change form with one. Its choices come from one function
    (the model field's, evaluated in the active language), named by the admin
    where it makes the field (``choices_source``); for those choices the markup
    is kept per language, name, value and attributes. Choices given another way
    (e.g. changed by a form) are written as django-countries writes them.
    """

    #: The function the choices come from (set by the admin where it makes the field).
    choices_source = None

    def _named_choices(self) -> bool:
        source = getattr(self.choices, "func", None)
        return source is not None and source is self.choices_source

    def use_required_attribute(self, initial):
        if not self._named_choices():
            return super().use_required_attribute(initial)
        key = ("required", self.choices_source, translation.get_language(), self.is_hidden)
        return _SELECTS.get(key, lambda: super(CountrySelect, self).use_required_attribute(initial))

    def render(self, name, value, attrs=None, renderer=None):
        if not self._named_choices():
            return super().render(name, value, attrs, renderer)
        key = (
            self.choices_source,
            translation.get_language(),
            name,
            repr(value),
            repr(sorted((attrs or {}).items())),
            repr(sorted(self.attrs.items())),
            self.is_required,
            type(renderer),
        )
        return _SELECTS.get(
            key, lambda: super(CountrySelect, self).render(name, value, attrs, renderer)
        )
