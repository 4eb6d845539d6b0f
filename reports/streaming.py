"""CSV and JSON written row by row: the annual report's files and open data share them.

Both read rows from a generator and write each as it comes, so memory stays
constant however many rows there are. Every string goes through ``core.text``:
cleaned of control characters (rows stored before text was cleaned on save),
and in CSV never read as a formula (``spreadsheet_text``). JSON keeps the text
exactly as stored, formula-like or not.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils.translation import gettext as _

from core.text import clean_text, spreadsheet_text

#: Written first in every CSV file: the UTF-8 byte-order mark, without which
#: Excel reads a CSV as the system's legacy code page and garbles Cyrillic.
CSV_BOM = "\ufeff"


def plain_value(value):
    """Dates as ISO 8601, amounts with two decimals: the same on every database.

    Text is cleaned of control characters and otherwise kept exactly (JSON).
    """
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, str):
        return clean_text(value, multiline=True)
    return value


def csv_value(value):
    """A CSV cell: :func:`plain_value`, text never read as a formula, ``None`` empty.

    Yes/no as words of the active language (the report's or the page's), as a
    reader of the spreadsheet expects, not "True"/"False".
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str):
        return spreadsheet_text(value)
    return plain_value(value)  # numbers stay numbers, even negative ones


def csv_lines(keys: list[str], rows: Iterable[dict]) -> Iterator[str]:
    """A CSV file line by line: the byte-order mark and a header of ``keys``, then a row each."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(CSV_BOM)
    writer.writerow(keys)
    for row in rows:
        writer.writerow([csv_value(row[key]) for key in keys])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def json_array(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array of ``rows`` (values as :func:`plain_value`), piece by piece."""
    yield "["
    for index, row in enumerate(rows):
        yield ("," if index else "") + json.dumps(
            {key: plain_value(value) for key, value in row.items()}, ensure_ascii=False
        )
    yield "]"
