"""What an annual report may be asked for: a year, a format, a language.

One rule for the management command and the admin form: both check their
input here and give these messages.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.translations import LANGUAGE_CODES
from reports.writers import FORMATS

MIN_YEAR = 1900
MAX_YEAR = 2200


def report_year(value) -> int:
    """``value`` as a year the report can cover (1900–2200)."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            _("The year must be a number, not %(value)s.") % {"value": repr(value)},
            code="year",
        ) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            _("The year %(year)s is out of range (%(min)s–%(max)s).")
            % {"year": year, "min": MIN_YEAR, "max": MAX_YEAR},
            code="year_range",
        )
    return year


def report_format(value: str) -> str:
    """``value`` as one of the writers' formats (in any case)."""
    file_format = (value or "").lower()
    if file_format not in FORMATS:
        raise ValidationError(
            _("Unknown format %(value)s; use one of: %(formats)s.")
            % {"value": repr(value), "formats": ", ".join(FORMATS)},
            code="format",
        )
    return file_format


def report_language(value: str) -> str:
    """``value`` as one of the site's languages."""
    if value not in LANGUAGE_CODES:
        raise ValidationError(
            _("Unknown language %(value)s; use one of: %(languages)s.")
            % {"value": repr(value), "languages": ", ".join(LANGUAGE_CODES)},
            code="language",
        )
    return value
