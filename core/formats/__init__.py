"""Date and number formats of the site's languages (``FORMAT_MODULE_PATH``).

Django reads a format from ``core.formats.<language>.formats`` first and
from its own ``django.conf.locale`` module for anything not set here, so each
module holds only what differs from Django's. One style per language:

- English: "26 January 2026", amounts "40,000,000.50";
- Russian: «26 января 2026 г.», amounts «40 000 000,50»;
- Belarusian (Django has no formats for it): «26 студзеня 2026 г.», amounts
  «40 000 000,50».

The group separator of Russian and Belarusian is a no-break space. Date ranges
are written by ``core.dates.date_range`` from ``DATE_FORMAT`` and
``MONTH_DAY_FORMAT``.
"""
