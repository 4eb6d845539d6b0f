"""The admin's autocomplete boxes, their chosen options read only when not already at hand.

Django's autocomplete box writes the options chosen (the rest come from the
server as one types) with a query per box: the choices filtered by the values
chosen. On a change form that is one query per box and per inline row (the
empty row a script copies included), about a fifth of a change form's time,
for values the form mostly holds already: the row's person read with the row
(``select_related``), a relation's rows read for the form's initial values or
prefetched with the item. These boxes write the same options:

- none chosen: no option but the empty one, without building the query (Django's
  filters the choices by nothing);
- one chosen, held by the form (its instance's related object, or the one row of
  a relation's initial values), and certainly among the choices — they are not
  filtered, or filtered only by the field's ``limit_choices_to`` as Django
  applies it, a plain condition on the object's own columns (a donor's kind)
  that the object meets — that object (any other filter asks the database);
- otherwise Django's query.

:class:`AutocompleteAdminMixin` gives a model admin or an inline these boxes for
its ``autocomplete_fields``; ``tests/core/test_autocomplete.py`` compares their
markup with Django's and checks that every admin form uses them.
"""

from __future__ import annotations

from django.contrib.admin import widgets
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db.models import Exists, OuterRef, Q
from django.forms.boundfield import BoundField


class _ChosenOptions:
    """Django's ``AutocompleteMixin.optgroups``, with the objects the form holds."""

    #: The objects the form holds for the value being written, and whether they are
    #: certainly among the choices (set by :class:`HeldObjectsBoundField` just before
    #: it writes the box).
    held: list | None = None
    held_in_choices = False

    def optgroups(self, name, value, attr=None):
        selected_choices = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        held, self.held = self.held, None
        if not self.held_in_choices:
            held = None
        self.held_in_choices = False
        if selected_choices:
            objects = self._held_objects(selected_choices, held)
            if objects is None:
                return super().optgroups(name, value, attr)
        else:
            objects = []
        default = (None, [], 0)
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        has_selected = False
        to_field_name = self._to_field_name()
        for obj in objects:  # Django's loop, as written in AutocompleteMixin.optgroups
            option_value = getattr(obj, to_field_name)
            option_label = self.choices.field.label_from_instance(obj)
            selected = str(option_value) in value and (
                has_selected is False or self.allow_multiple_selected
            )
            has_selected |= selected
            default[1].append(
                self.create_option(
                    name, option_value, option_label, selected_choices, len(default[1])
                )
            )
        return [default]

    def _to_field_name(self) -> str:
        remote = self.field.remote_field
        opts = remote.model._meta
        return opts.get_field(getattr(remote, "field_name", opts.pk.attname)).attname

    def _held_objects(self, selected_choices: set[str], held) -> list | None:
        """The one chosen object, if the form holds it."""
        if not held or len(selected_choices) != 1 or len(held) != 1:
            return None
        queryset = self.choices.queryset
        if queryset.query.is_sliced:
            return None
        obj = held[0]
        if (
            not isinstance(obj, queryset.model)
            or {str(getattr(obj, self._to_field_name()))} != selected_choices
        ):
            return None
        return [obj]


def _meets(obj, condition: Q) -> bool:
    """Whether ``obj`` meets ``condition``, where it is a plain one: every part an
    equality or a membership on one of the object's own columns (else False)."""
    if condition.negated or condition.connector != Q.AND:
        return False
    for child in condition.children:
        if not isinstance(child, tuple):
            return False
        lookup, value = child
        name, _sep, kind = lookup.partition("__")
        try:
            column = obj._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if column.is_relation or not column.concrete or kind not in ("", "exact", "in"):
            return False
        own = getattr(obj, column.attname)
        if not (own in value if kind == "in" else own == value):
            return False
    return True


class AutocompleteSelect(_ChosenOptions, widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(_ChosenOptions, widgets.AutocompleteSelectMultiple):
    pass


class HeldObjectsBoundField(BoundField):
    """A bound autocomplete field that hands its box the object(s) its form holds
    for its value: the instance's related object (read with it), or the rows a
    relation's initial value was read as."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        box = widget or self.field.widget
        box = getattr(box, "widget", box)  # inside Django's related-object links
        if isinstance(box, _ChosenOptions):
            box.held = self._held()
            box.held_in_choices = bool(box.held) and self._among_choices(box.held)
        return super().as_widget(widget, attrs, only_initial)

    def _among_choices(self, held: list) -> bool:
        """Whether the objects held are certainly among the field's choices: they are
        not filtered, or filtered only by the field's ``limit_choices_to`` as Django
        applies it (``apply_limit_choices_to_to_formfield``, compared as SQL), a plain
        condition the objects meet (checked here; anything else: False)."""
        queryset = self.field.queryset
        if not queryset.query.where:
            return True
        base = self.form.base_fields.get(self.name)
        limit = self.field.get_limit_choices_to()
        if base is None or base.queryset.query.where or not limit:
            return False
        condition = limit if isinstance(limit, Q) else Q(**limit)
        limited = base.queryset.filter(
            Exists(base.queryset.model._base_manager.filter(condition & Q(pk=OuterRef("pk"))))
        )
        try:
            if str(limited.query) != str(queryset.query):
                return False  # filtered otherwise (e.g. by the form)
        except EmptyResultSet:
            return False
        return all(_meets(obj, condition) for obj in held)

    def _held(self) -> list | None:
        if self.form.is_bound:
            return None  # the value is what was sent
        initial = self.initial
        if isinstance(initial, (list, tuple)):  # a relation's rows, as the form read them
            return list(initial)
        instance = getattr(self.form, "instance", None)
        try:
            field = instance._meta.get_field(self.name)
        except (AttributeError, LookupError):
            return None  # not a model's form, or not a field of the model
        if (field.many_to_one or field.one_to_one) and field.is_cached(instance):
            related = field.get_cached_value(instance)
            return [related] if related is not None else None
        return None


class AutocompleteAdminMixin:
    """A model admin's or inline's ``autocomplete_fields`` through the boxes above."""

    def _with_box(self, box, db_field, request, kwargs: dict) -> dict:
        """``kwargs`` with the box for a field of ``autocomplete_fields`` (Django's
        otherwise, or the widget given)."""
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = box(db_field, self.admin_site, using=kwargs.get("using"))
            kwargs.setdefault("bound_field_class", HeldObjectsBoundField)
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = self._with_box(AutocompleteSelect, db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = self._with_box(AutocompleteSelectMultiple, db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
