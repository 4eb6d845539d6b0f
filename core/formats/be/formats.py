"""Belarusian, which Django has no formats for: «26 студзеня 2026 г.», «40 000 000,50».

``E`` is the month in the genitive (the msgctxt "alt. month" entries of the
catalogue, see ``core.formats.month_names``).
"""

DATE_FORMAT = "j E Y г."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y г., H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# Django adds the ISO 8601 forms (2026-01-26) to these on its own.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '26.01.2026'
    "%d.%m.%y",  # '26.01.26'
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",  # '26.01.2026 14:30:59'
    "%d.%m.%Y %H:%M:%S.%f",  # '26.01.2026 14:30:59.000200'
    "%d.%m.%Y %H:%M",  # '26.01.2026 14:30'
    "%d.%m.%y %H:%M:%S",  # '26.01.26 14:30:59'
    "%d.%m.%y %H:%M",  # '26.01.26 14:30'
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # no-break space
NUMBER_GROUPING = 3
