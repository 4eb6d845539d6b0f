"""What every inline of the admin shares: kept form fields, autocomplete boxes, an empty row
made once.

Django's inline formset builds a new empty form (the row the page's script
copies to add one) each time it is asked for: the table's headings read it,
its rows end with it, the page's media reads it and each form's again — three
or four forms built per inline and page, each a copy of every field.
:class:`InlineFormSet` makes it once per formset (a formset lives for one
request).
"""

from __future__ import annotations

from functools import cached_property

from django.forms.models import BaseInlineFormSet

from core.autocomplete import AutocompleteAdminMixin
from core.form_fields import KeptFormFieldsMixin


class InlineFormSet(BaseInlineFormSet):
    @cached_property
    def empty_form(self):
        return super().empty_form


class InlineAdminMixin(KeptFormFieldsMixin, AutocompleteAdminMixin):
    """An inline of the admin: its form fields kept, the project's autocomplete boxes and
    :class:`InlineFormSet`."""

    formset = InlineFormSet
