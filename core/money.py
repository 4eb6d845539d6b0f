"""Amounts of money as people type and read them: one rule for every path.

An amount typed in the admin or read from an import file is read by
``parse_amount`` in the language the admin is shown in, and what cannot be read
one way only is refused with a message saying how to write it; nothing is
guessed. The rule:

- spaces of any kind (ordinary, no-break, thin) group digits in every language:
  "85 000,50" in Russian and Belarusian, "85 000.50" in English;
- the language's decimal mark (English ".", Russian and Belarusian ",") may
  appear once; its group mark (English ",") may group digits in threes:
  "85,000.50" in English;
- in Russian and Belarusian a point is also read as a decimal point
  ("85000.50", as number pads type it), and points may group digits in threes
  ("1.000.000");
- refused: a decimal mark followed by exactly three digits ("85.000" in
  English, "85,000" in Russian), which reads as thousands in the other
  convention; both marks in the order the language does not use ("85.000,50"
  in English); groups that are not groups of three ("8 50 00"); anything that
  is not a number.

``format_amount`` writes an amount back in the same language, grouped
("85 000,50"). ``MoneyField`` is the form field of every money field of the
admin, ``MoneyWidget`` the import widget.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import get_format, number_format
from django.utils.translation import gettext as _
from import_export.widgets import DecimalWidget

#: Characters that group digits in any language: space, no-break space,
#: narrow no-break space, thin space.
SPACES = " \u00a0\u202f\u2009"
_NUMBER_SHAPE = re.compile(rf"[0-9][0-9{SPACES}.,]*")
_MINUS_SIGNS = "-\u2212"


class AmountError(ValueError):
    """An amount that cannot be read one way only; ``message`` says how to write it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def format_amount(value: Decimal | int | float, currency: str = "", *, decimals: int = 2) -> str:
    """``value`` grouped and with the active language's decimal mark, the currency after it."""
    text = number_format(value, decimals, use_l10n=True, force_grouping=True)
    return f"{text} {currency}" if currency else text


def _example() -> str:
    return format_amount(Decimal("85000.50"))


def _check_groups(groups: list[str], original: str) -> None:
    """The first group has one to three digits, every other exactly three."""
    first = groups[0]
    if not (
        1 <= len(first) <= 3
        and not first.startswith("0")
        and all(len(group) == 3 for group in groups[1:])
    ):
        raise AmountError(
            _(
                "The digits of “%(value)s” are not grouped in threes. "
                "Write the amount as %(example)s or without separators."
            )
            % {"value": original, "example": _example()}
        )


def parse_amount(text: str) -> Decimal:
    """The amount ``text`` means in the active language; ``AmountError`` if it is unclear."""
    original = text.strip()
    decimal_mark = get_format("DECIMAL_SEPARATOR")
    group_mark = get_format("THOUSAND_SEPARATOR")
    value = original
    negative = value[:1] in _MINUS_SIGNS
    if negative:
        value = value[1:].lstrip(SPACES)
    if not _NUMBER_SHAPE.fullmatch(value) or value[-1] in ".,":
        raise AmountError(
            _("Enter the amount in figures, e.g. %(example)s.") % {"example": _example()}
        )
    ambiguous = AmountError(
        _(
            "“%(value)s” can be read in two ways. In this language the decimal mark is "
            "“%(mark)s”: write the amount as %(example)s."
        )
        % {"value": original, "mark": decimal_mark, "example": _example()}
    )

    marks = [char for char in value if char in ".,"]
    fraction = ""
    if len(set(marks)) == 2:
        # Both marks: the last one ends the whole units, the other groups them.
        point = marks[-1]
        grouping = "," if point == "." else "."
        if point != decimal_mark or grouping != group_mark or marks.count(point) > 1:
            raise ambiguous
        value, fraction = value.rsplit(point, 1)
        value = value.replace(grouping, " ")
    elif marks:
        mark = marks[0]
        if len(marks) > 1:
            if mark == decimal_mark:  # a decimal mark appears once at most
                raise ambiguous
            value = value.replace(mark, " ")
        else:
            digits_after = len(value.rsplit(mark, 1)[1])
            if mark == group_mark:
                if digits_after != 3:
                    raise ambiguous
                value = value.replace(mark, " ")
            elif digits_after == 3:
                # "85.000" or "85,000": thousands in one convention, a fraction in the other.
                raise ambiguous
            else:
                value, fraction = value.split(mark)

    groups = re.split(f"[{SPACES}]+", value)
    if len(groups) > 1:
        _check_groups(groups, original)
    if any(char in fraction for char in SPACES):
        raise AmountError(
            _("Enter the amount in figures, e.g. %(example)s.") % {"example": _example()}
        )
    try:
        amount = Decimal("".join(groups) + (f".{fraction}" if fraction else ""))
    except InvalidOperation as error:  # the shape was checked; kept for safety
        raise AmountError(
            _("Enter the amount in figures, e.g. %(example)s.") % {"example": _example()}
        ) from error
    return -amount if negative else amount


class MoneyField(forms.DecimalField):
    """An amount typed with the grouping and decimal mark of the admin's language.

    A text box, not a browser number box: a number box drops what it cannot
    read and sends digits the browser reassembled, so "85 000,50" could arrive
    as 8500050. The amount is shown back grouped ("85 000,50"); what the user
    typed is kept when it is refused.
    """

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("spellcheck", "false")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            return parse_amount(str(value))
        except AmountError as error:
            raise ValidationError(error.message, code="invalid") from error

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_amount(value, decimals=self.decimal_places or 0)
        return value


class MoneyWidget(DecimalWidget):
    """Import: amounts read by the same rule as the admin's forms; exports unchanged."""

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))  # a spreadsheet's number cell
        try:
            return parse_amount(str(value))
        except AmountError as error:
            raise ValueError(error.message) from error
