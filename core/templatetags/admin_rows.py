"""An admin list's rows at a constant, small cost per cell: Django's markup, the same HTML.

Django's ``items_for_result`` works out again for every cell what depends only
on the column: which field or method it shows, its CSS class, its empty value,
whether it links (looking a method up as a field first, which raises); and for
every row it reverses the change URL and merges the list's filters into it.
Here the columns are worked out once per page and the change URL once, with
each row's id put into it; a row is written as one piece of markup. What each
cell shows is still Django's (``lookup_field``, ``display_for_field``,
``display_for_value``), so a column behaves as it does in Django's list.
``tests/core/test_admin_rows.py`` compares every admin list of the demo site
with Django's own rendering. Lists with editable columns (a form per row) are
left to Django.

A list whose model admin says so (``keep_rows``) keeps its rows in the cache
(:class:`KeptRows`) under the keys of the public cards (``core.cards``): the
item's row, the rows joined to it and the rows of the relations its columns
show, with the language, the time zone, the columns and the change address.
A page of rows already rendered is read back in one round trip; an edit, by
any path, re-renders only the rows of what it changed. The keys are read as
values; whole items (and what their columns show) only for the rows to render.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django import template
from django.contrib.admin.templatetags import admin_list
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
)
from django.contrib.admin.views.main import ChangeList
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.cards import TIMEOUT, instance_keys, query_keys

register = template.Library()

#: Stands for a row's id in the change URL worked out once per page.
_ID = "__row_id__"


@dataclass
class _Column:
    name: Any
    classes: list[str]
    link_tag: str  # "th" or "td" for the linked columns, "" for the others
    field: models.Field | None  # a model field shown as such (Django's ``f``)
    method: Any  # the model admin's method or the callable shown, if that is it
    empty: str
    choices: dict | None = None  # a field's choices' labels, looked up once per page


def _columns(cl) -> list[_Column]:
    model_admin = cl.model_admin
    empty = model_admin.get_empty_value_display()
    columns = []
    first = True
    for index, name in enumerate(cl.list_display):
        linked = _links(cl, name, first)
        tag = ""
        if linked:
            tag = "th" if first else "td"
            first = False
        field = method = None
        if callable(name):
            method = name
        else:
            try:
                field = _get_non_gfk_field(cl.lookup_opts, name)
            except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
                if name != "__str__" and hasattr(model_admin, name):
                    method = getattr(model_admin, name)
        classes = [f"field-{admin_list._coerce_field_name(name, index)}"]
        shown_as_field = field is not None and not field.auto_created
        if not shown_as_field and name == "action_checkbox":
            classes = ["action-checkbox"]
        if shown_as_field and isinstance(
            field, (models.DateField, models.TimeField, models.ForeignKey)
        ):
            classes.append("nowrap")
        column_empty = getattr(method, "empty_value_display", empty) if method else empty
        choices = None
        if shown_as_field and getattr(field, "flatchoices", None):
            try:
                choices = dict(field.flatchoices)
            except TypeError:  # choices that are lists: left to display_for_field
                choices = None
        columns.append(_Column(name, classes, tag, field, method, column_empty, choices))
    return columns


def _links(cl, name, first: bool) -> bool:
    if cl.list_display_links is None:
        return False
    if first and not cl.list_display_links:
        return True
    return name in cl.list_display_links


def _cell_text(column: _Column, result, model_admin) -> tuple[Any, list[str]]:
    """What a cell shows and its classes (as items_for_result works them out)."""
    classes = column.classes
    empty = column.empty
    try:
        if column.field is not None:
            field, attr, value = column.field, None, getattr(result, column.name)
        elif column.method is not None:
            field, attr, value = None, column.method, column.method(result)
        else:
            field, attr, value = lookup_field(column.name, result, model_admin)
            empty = getattr(attr, "empty_value_display", empty)
    except ObjectDoesNotExist:
        return model_admin.get_empty_value_display(), classes
    if isinstance(value, str) and value.strip() == "":
        value = ""
    if field is None or field.auto_created:
        boolean = getattr(attr, "boolean", False)
        if isinstance(attr, property) and hasattr(attr, "fget"):
            boolean = getattr(attr.fget, "boolean", False)
        if isinstance(value, (datetime.date, datetime.time)):
            classes = [*classes, "nowrap"]
        return display_for_value(value, empty, boolean), classes
    if isinstance(field.remote_field, models.ManyToOneRel):
        related = getattr(result, field.name)
        return (empty if related is None else related), classes
    if column.choices is not None:
        return column.choices.get(value, empty), classes
    return display_for_field(value, field, empty, avoid_link=bool(column.link_tag)), classes


class _ChangeLink:
    """A row's change URL with the list's filters kept: reversed once per page."""

    def __init__(self, cl):
        self.cl = cl
        self.parts = None
        default_url = type(cl).url_for_result is ChangeList.url_for_result
        if default_url and not cl.to_field:
            try:
                url = reverse(
                    f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change",
                    args=(_ID,),
                    current_app=cl.model_admin.admin_site.name,
                )
            except NoReverseMatch:
                return
            self.parts = escape(self.with_filters(url)).split(_ID, 1)

    def with_filters(self, url: str) -> str:
        """The address with the list's filters kept (for the way back to the list)."""
        return add_preserved_filters(
            {"preserved_filters": self.cl.preserved_filters, "opts": self.cl.opts}, url
        )

    def anchor(self, result, text) -> str | None:
        """``<a href=…>text</a>``, or None where the change page has no URL."""
        cl = self.cl
        pk = getattr(result, cl.pk_attname)
        popup = ""
        if cl.is_popup:
            value = result.serializable_value(str(cl.to_field) if cl.to_field else cl.pk_attname)
            popup = format_html(' data-popup-opener="{}"', value)
        if self.parts is not None and isinstance(pk, int) and not isinstance(pk, bool):
            before, after = self.parts
            return f'<a href="{before}{pk}{after}"{popup}>{conditional_escape(text)}</a>'
        try:
            url = cl.url_for_result(result)
        except NoReverseMatch:
            return None
        return format_html('<a href="{}"{}>{}</a>', self.with_filters(url), popup, text)


def row_markup(cl, result, columns: list[_Column], link: _ChangeLink) -> str:
    """One row's cells, as Django's items_for_result writes them."""
    model_admin = cl.model_admin
    cells = []
    for column in columns:
        text, classes = _cell_text(column, result, model_admin)
        class_attr = f' class="{" ".join(classes)}"'
        if column.link_tag:
            anchor = link.anchor(result, text)
            inner = conditional_escape(text) if anchor is None else anchor
            cells.append(f"<{column.link_tag}{class_attr}>{inner}</{column.link_tag}>")
        else:
            cells.append(f"<td{class_attr}>{conditional_escape(text)}</td>")
    return mark_safe("".join(cells))


class KeptRow:
    """A row of a page kept whole in the cache: its id is all the page reads of it."""

    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk


class KeptRows:
    """The keys of a page's rows and the rows found in the cache; the page's
    ``result_list`` made of whole items for the rows not found, :class:`KeptRow`
    for the others.

    ``relations`` are the relations whose rows the columns show; ``state(values)``
    what else a row shows (e.g. what the clock decides), from the values of the
    item's ``state_fields``. Where the page is a query not yet read whose joins are
    named, the keys are read as values (``core.cards.query_keys``: no instance made)
    and whole items only for the rows not kept: a page seen again reads no row.
    """

    def __init__(self, cl, relations: tuple[str, ...], state_fields: tuple[str, ...], state):
        self.link = _ChangeLink(cl)  # (the rows rendered here use it too)
        common = (
            "admin-row",
            get_language(),
            timezone.get_current_timezone_name(),
            type(cl.model_admin).__qualname__,
            tuple(_name(column) for column in cl.list_display),
            None if cl.list_display_links is None else tuple(map(_name, cl.list_display_links)),
            str(cl.model_admin.get_empty_value_display()),
            cl.is_popup,
            str(cl.to_field),
            self.link.parts,
        )
        page = cl.result_list
        read = None
        if (
            isinstance(page, models.QuerySet)
            and page._result_cache is None
            and not page.query.is_sliced
            and page.query.select_related is not True  # (joins not named: read the items)
        ):
            self.keys = query_keys(page, relations, common, state_fields, state)
        else:
            read = {item.pk: item for item in page}
            self.keys = (
                instance_keys(
                    list(read.values()),
                    relations,
                    common,
                    lambda item: state({name: getattr(item, name) for name in state_fields}),
                )
                if read
                else {}
            )
        # The whole table (its headers too: sorting, the filters in their links),
        # kept under its rows' keys in order; else the rows kept one by one.
        table = (
            common,
            sorted((name, tuple(values)) for name, values in cl.filter_params.items()),
            sorted(cl.get_ordering_field_columns().items()),
            list(self.keys.values()),
        )
        self.table_key = "admin-table:" + hashlib.sha256(repr(table).encode()).hexdigest()
        self.table = cache.get(self.table_key)
        self.found = {}
        missing = []
        if self.table is None:
            self.found = cache.get_many(list(self.keys.values()))
            missing = [pk for pk, key in self.keys.items() if key not in self.found]
        if read is None:
            read = {item.pk: item for item in page.filter(pk__in=missing)} if missing else {}
        # (An item deleted since its key was read is left out, not an error.)
        cl.result_list = [
            read[pk] if pk in read else KeptRow(pk)
            for pk in self.keys
            if pk in read or pk not in missing
        ]
        self.missing = [read[pk] for pk in missing if pk in read]


def _name(column) -> str:
    return getattr(column, "__qualname__", None) or str(column)


def rows(cl) -> list:
    """The page's rows for change_list_results.html: each one item, its whole markup."""
    if cl.formset:
        return list(admin_list.results(cl))
    kept = getattr(cl, "kept_rows", None)
    keys, found = (kept.keys, kept.found) if kept else ({}, {})
    columns = link = None
    made, written = [], {}
    for result in cl.result_list:
        key = keys.get(result.pk)
        markup = found.get(key)
        if markup is None:
            if columns is None:
                columns, link = _columns(cl), kept.link if kept else _ChangeLink(cl)
            markup = row_markup(cl, result, columns, link)
            if key is not None:
                written[key] = str(markup)
        made.append(admin_list.ResultList(None, [mark_safe(markup)]))  # noqa: S308 (rendered here)
    if written:
        cache.set_many(written, TIMEOUT)
    return made


def result_list(cl) -> dict:
    """Django's result_list (admin_list.result_list) with the rows written here."""
    headers = list(admin_list.result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(admin_list.result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": rows(cl),
    }


class _ResultListNode(InclusionAdminNode):
    """Django's ``change_list_results.html`` (per model, app or site), read back
    whole where the list keeps its rows and the same table was rendered before."""

    def render(self, context):
        kept = getattr(self.args[0].resolve(context), "kept_rows", None)
        if kept is not None and kept.table is not None:
            return mark_safe(kept.table)  # noqa: S308 (rendered by the template)
        markup = super().render(context)
        if kept is not None:
            cache.set(kept.table_key, str(markup), TIMEOUT)
        return markup


@register.tag(name="page_result_list")
def page_result_list_tag(parser, token):
    return _ResultListNode(
        parser,
        token,
        func=result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )
