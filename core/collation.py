"""Alphabetical order in the language of the page, by the Unicode CLDR's rules (ICU).

Python sorts strings by code point: Belarusian "Іран" and "Ўзбекістан" would
come after "Японія", and Latin names before Cyrillic ones in any language.
ICU's collator for the language puts "Іран" after "Ирландия" in Russian,
"Ўзбекістан" right after "Украіна" in Belarusian, and ignores case and accents
at the first level, as a dictionary does.

Every list sorted by name for readers goes through :func:`sort_key`: the
country choices in the admin's forms (django-countries' own sorting is
pointed here in ``CoreConfig.ready``), the admin's and the public
filters' country lists, the countries page and the annual report.
"""

from __future__ import annotations

from functools import cache

import icu
from django.utils.translation import get_language


@cache
def _collator(language: str):
    return icu.Collator.createInstance(icu.Locale(language))


def current_language() -> str:
    return (get_language() or "en").split("-")[0]


def sort_key(text, language: str | None = None) -> bytes:
    """The collation key of ``text`` in ``language`` (the active language by default)."""
    return _collator(language or current_language()).getSortKey(str(text))


def sorted_by_name(items, name=lambda item: item, language: str | None = None) -> list:
    """``items`` in the alphabetical order of ``name(item)`` in the language."""
    collator = _collator(language or current_language())
    return sorted(items, key=lambda item: collator.getSortKey(str(name(item))))


def country_choice_sort_key(pair) -> bytes:
    """django-countries' sort key for a (code, name) pair, in the active language."""
    return sort_key(pair[1])


def install_country_sorting() -> None:
    """Make django-countries sort its choices (admin forms, widgets) with this collation."""
    import django_countries

    django_countries.sort_key = country_choice_sort_key
