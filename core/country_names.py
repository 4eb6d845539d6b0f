"""Country names in every language of the site, Belarusian included.

django-countries translates its country names through its own gettext
catalogues, and it has none for Belarusian: every Belarusian page would show
the names in English. Its ``COUNTRIES_OVERRIDE`` setting replaces names for
all languages at once, so the override given here is made of lazy names that
look at the language active when they are shown: in a language django-countries
cannot translate (``CLDR_LANGUAGES``) the name comes from the Unicode CLDR
through Babel; in any other language it is exactly what django-countries itself
would give (its catalogue, its common names, its fallback to a country's
former name).

Every place that shows a country's name (``Country.name``, ``countries.name()``,
the admin's and the filters' choices, the report writers and open data) goes
through django-countries, and so through these names. Nothing here touches the
database.
"""

from __future__ import annotations

from functools import cache

from django.utils.functional import lazy
from django.utils.translation import get_language

#: Languages of the site for which django-countries has no catalogue: their
#: country names come from CLDR (Babel) instead.
CLDR_LANGUAGES = frozenset({"be"})


@cache
def _cldr_names(language: str) -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → the CLDR name of the territory in ``language``."""
    from babel import Locale

    return dict(Locale.parse(language).territories)


@cache
def _library_countries():
    """django-countries' own names: a ``Countries`` that ignores this module's override."""
    from django_countries import Countries

    countries = Countries()
    # An instance attribute comes before the setting (Countries.get_option).
    countries.override = {}
    return countries


def country_name(code: str) -> str:
    """The name of the country ``code`` in the active language."""
    language = (get_language() or "en").split("-")[0]
    if language in CLDR_LANGUAGES:
        name = _cldr_names(language).get(code)
        if name:
            return name
    return str(_library_countries().name(code))


_lazy_country_name = lazy(country_name, str)


def language_aware_names() -> dict[str, object]:
    """The value of ``COUNTRIES_OVERRIDE``: every country, named when it is shown."""
    from django_countries.data import COUNTRIES

    return {code: _lazy_country_name(code) for code in COUNTRIES}
