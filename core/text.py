"""The one rule for text: what may be stored, and how text is written into files.

Editors paste titles from word processors, and those bring control characters
along: Word's manual line break is a vertical tab (``\\x0b``), its page break a
form feed (``\\x0c``). XML 1.0 cannot carry them at all, so a single one makes
the feeds, the IATI file, the XLSX and DOCX files and the backup fail.

- :func:`clean_text` is the rule. Every text field of the project's models
  goes through it before it is saved (:func:`clean_text_fields`, a
  ``pre_save`` receiver), whatever the path: admin forms, imports, history
  reverts, commands, the model API. Each writer also passes what it writes
  through it, for rows stored before the rule existed (and history rows).
- :func:`spreadsheet_text` is the rule for text bound for a spreadsheet (CSV or
  XLSX): cleaned, and a cell that a spreadsheet would read as a formula is
  made plain text (the OWASP "CSV injection" rule).
- :func:`feed_html` is how plain text goes into a feed's HTML description.
"""

from __future__ import annotations

import functools
import inspect
import json
import re

from django.db import models
from django.utils.html import linebreaks

from core.kinds import project_app_labels

#: Control characters that mean "new line" in pasted text: vertical tab (Word's
#: manual line break), form feed (its page break) and NEL.
_LINE_BREAKS = "\x0b\x0c\x85"
#: Everything else that is dropped: the other C0 and C1 controls, DEL, and what
#: XML 1.0 forbids besides (lone surrogates, U+FFFE, U+FFFF).
_DROPPED = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"

_ANY_CONTROL = re.compile(f"[\t\n\r{_LINE_BREAKS}{_DROPPED}]")
_MULTILINE_BREAKS = re.compile(f"[{_LINE_BREAKS}]")
_SINGLE_LINE_BREAKS = re.compile(f"\r\n|[\t\n\r{_LINE_BREAKS}]")
_DROP = re.compile(f"[{_DROPPED}]")

#: Characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: A cell that is just a number ("-5", "+3.25", "-1e3") is harmless and left alone.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def clean_text(value: str, *, multiline: bool) -> str:
    """Text without control characters, safe to store and to write as XML 1.0.

    Multi-line text keeps tab, newline and carriage return; a vertical tab,
    form feed or NEL becomes a newline. Single-line text has every line break
    and tab turned into a space (``\\r\\n`` into one). Other control
    characters are removed.
    """
    if not _ANY_CONTROL.search(value):
        return value  # the usual case, at the cost of one search
    breaks, replacement = (_MULTILINE_BREAKS, "\n") if multiline else (_SINGLE_LINE_BREAKS, " ")
    return _DROP.sub("", breaks.sub(replacement, value))


def spreadsheet_text(value: str, *, multiline: bool = True) -> str:
    """Text for a CSV or XLSX cell: cleaned, and never read as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a leading apostrophe, unless it is just a number. The apostrophe is
    what spreadsheets themselves use to mark a cell as text.
    """
    value = clean_text(value, multiline=multiline)
    if value[:1] in FORMULA_TRIGGERS and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def spreadsheet_value(value):
    """A cell's value for a spreadsheet: text as :func:`spreadsheet_text`, the rest unchanged."""
    return spreadsheet_text(value) if isinstance(value, str) else value


def restore_spreadsheet_text(value: str) -> str:
    """Undo :func:`spreadsheet_text`'s apostrophe when a file we exported is imported."""
    if value[:1] == "'" and value[1:2] in FORMULA_TRIGGERS:
        return value[1:]
    return value


def feed_html(text: str) -> str:
    """Plain text as the HTML a feed's description carries: escaped, in paragraphs.

    An editor's ``<b>`` is shown as typed, never interpreted by the feed reader.
    """
    return linebreaks(clean_text(text, multiline=True), autoescape=True)


def is_multiline(field: models.Field) -> bool:
    """Text fields hold several lines; char fields (titles, names, slugs…) one."""
    return isinstance(field, models.TextField)


# --- stored text ------------------------------------------------------------------


@functools.cache
def _text_fields(model: type[models.Model]) -> tuple[tuple[str, bool, bool], ...]:
    """(attribute name, multi-line, rich text) of the model's text columns that are cleaned."""
    from modeltranslation.fields import TranslationFieldDescriptor

    from core.richtext import is_rich_text

    # The project's own apps' models (their historical models too).
    if model._meta.app_label not in project_app_labels():
        return ()
    return tuple(
        (field.attname, is_multiline(field), is_rich_text(field))
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        # A translated field's own attribute reads and writes the active language's
        # column (with fallback); the per-language columns are cleaned instead.
        and not isinstance(
            inspect.getattr_static(model, field.attname, None), TranslationFieldDescriptor
        )
    )


def clean_text_fields(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    """``pre_save`` receiver: clean every text column of the project's models.

    Connected once, for every sender (``commission.apps``), so that forms,
    imports, reverts, commands and ``Model.save()``/``objects.create()`` all
    store clean text; the per-language columns of modeltranslation and the
    historical tables of django-simple-history are plain columns and are
    covered too (a historical record is built from the already cleaned
    instance). ``QuerySet.update()`` and ``bulk_create()`` bypass it: the
    writers clean what they write for that reason.

    Rich text columns (``core.richtext.RichTextField``) are sanitised
    to the one HTML allow-list here too.
    """
    from core.richtext import sanitize_html

    for attname, multiline, rich in _text_fields(sender):
        value = instance.__dict__.get(attname)
        if isinstance(value, str):
            cleaned = clean_text(value, multiline=multiline)
            if rich:
                cleaned = sanitize_html(cleaned)
            if cleaned != value:
                setattr(instance, attname, cleaned)


def json_ld(data: dict) -> str:
    """JSON for a <script type="application/ld+json">, safe inside HTML."""
    return (
        json.dumps(data, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
