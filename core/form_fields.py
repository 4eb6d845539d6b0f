"""The admin's form fields made once per field, language and set of permissions.

Django's admin builds its form classes for every request (a change form's
form, and each inline's formset three times: for its fields, its fieldsets
and itself), and each build makes every form field again through
``formfield_for_dbfield``: the model field's form field, its widget, the
related-object links around it, the translation's label and classes — about
a sixth of a change form's time, for the same fields every time.
:class:`KeptFormFieldsMixin` keeps what ``formfield_for_dbfield`` returns per
model field and arguments, in the admin's language and for the user's
permissions (the related-object links a field shows depend on them); the
form classes are still built per request, from the fields kept, so that what
depends on the item or the request (the fields shown, read-only or
excluded; an inline's add, change and delete rights; the publishing rule's
state) is as Django's.

A form field kept is shared by the classes built from it, as a form class's
fields are shared by its forms: each form works on its own deep copy
(``BaseForm.__init__``), and nothing changes a form class's fields after it
is built.
"""

from __future__ import annotations

from django.utils.translation import get_language

from core.kept import Kept

#: The form fields kept (a change form has 40–80, per language and set of permissions).
_KEPT = Kept(limit=20_000)


def permission_key(user) -> tuple:
    """What an admin's answers to ``has_*_permission(request)`` depend on for ``user``."""
    if user.is_active and user.is_superuser:
        return ("superuser",)
    return (user.is_active, user.is_staff, frozenset(user.get_all_permissions()))


def _argument_key(value):
    if isinstance(value, dict):
        return tuple(sorted((name, _argument_key(item)) for name, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_argument_key(item) for item in value)
    if isinstance(value, type) or value is None or type(value) in (str, int, bool):
        return value
    raise TypeError(f"not kept for an argument {type(value).__name__}")


class KeptFormFieldsMixin:
    """A model admin's or inline's ``formfield_for_dbfield``, its results kept (per class:
    Django makes an admin's inlines anew for each request)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        try:
            key = (
                type(self),
                self.admin_site.name,
                getattr(self, "parent_model", None),
                db_field,
                _argument_key(kwargs),
                get_language(),
                permission_key(request.user),
            )
        except TypeError:  # an argument given as an object (a widget, a lazy label): not kept
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        return _KEPT.get(
            key,
            lambda: super(KeptFormFieldsMixin, self).formfield_for_dbfield(
                db_field, request, **kwargs
            ),
        )
