"""What every inline of the admin shares: kept form fields, autocomplete boxes, an empty row
made once.

Django's inline formset builds a new empty form (the row the page's script
copies to add one) each time it is asked for: the table's headings read it,
its rows end with it, the page's media reads it and each form's again — three
or four forms built per inline and page, each a copy of every field.
:class:`InlineFormSet` makes it once per formset (a formset lives for one
request).
:class:`InlineAdminFormSet` reads the page's media of an inline once, not once
per row.
"""

from __future__ import annotations

from functools import cached_property

from django.contrib.admin import helpers
from django.forms.models import BaseInlineFormSet

from core.autocomplete import AutocompleteAdminMixin
from core.form_fields import KeptFormFieldsMixin


class InlineAdminFormSet(helpers.InlineAdminFormSet):
    """Django's inline on a page, its media read once.

    Django's adds the media of each of its forms (each a row, wrapped for the
    page: its view-on-site address reversed) to the formset's, which is its
    first form's: the forms of a formset have the same fields and widgets, so
    the same media, and adding media already there leaves them as they are.
    """

    @property
    def media(self):
        return self.opts.media + self.formset.media


class InlineFormSet(BaseInlineFormSet):
    @cached_property
    def empty_form(self):
        return super().empty_form


class InlineAdminMixin(KeptFormFieldsMixin, AutocompleteAdminMixin):
    """An inline of the admin: its form fields kept, the project's autocomplete boxes and
    :class:`InlineFormSet`."""

    formset = InlineFormSet

    def get_fieldsets(self, request, obj=None):
        # Asked for twice a page (by its formset and by the page); each answer builds
        # the inline's form class once more (modeltranslation's): once per request.
        answers = request.__dict__.setdefault("_inline_fieldsets", {})
        key = (type(self), self.parent_model, getattr(obj, "pk", None))
        if key not in answers:
            answers[key] = super().get_fieldsets(request, obj)
        return answers[key]
