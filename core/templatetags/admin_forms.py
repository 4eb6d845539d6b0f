"""An admin form's fieldsets and tabular inlines written in Python: Django's
``admin/includes/fieldset.html`` and ``admin/edit_inline/tabular.html``.

A change form shows 5–8 fieldsets of 30–40 fields; Django's template works
out a dozen conditions per field through the template language, about a
quarter of the page's time. ``templates/admin/includes/fieldset.html`` (the
project's override, included by Django's change form and stacked inlines as
the original is) calls :func:`fieldset_markup`, which writes the same markup —
every space and line break of the original's output — from the same objects
(Django's ``Fieldset``, ``Fieldline``, ``AdminField``, ``AdminReadonlyField``:
the widgets, labels, errors and read-only contents are theirs).
``tests/core/test_admin_forms.py`` renders every fieldset of every admin form
(and of a form sent back with errors) both ways and compares them.

The tabular inlines (``templates/admin/edit_inline/tabular.html`` calls
:func:`tabular_inline_markup`) likewise: 4–5 on a change form, each a table of
rows and the empty row its script copies; ``tests/core/test_admin_inlines.py``
compares them, in each language, read-only and sent back with errors.
"""

from __future__ import annotations

from django import template
from django.contrib.admin.templatetags.admin_modify import cell_count
from django.contrib.admin.utils import quote
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from core.form_renderer import template_value as _text  # ``{{ value }}``

register = template.Library()


def _get(obj, name: str):
    """A template variable's look-up (a key, else an attribute, called if callable);
    empty where there is none, as the template's default ``string_if_invalid``."""
    try:
        value = obj[name]
    except (TypeError, KeyError, AttributeError, IndexError, ValueError):
        value = getattr(obj, name, "")
    if callable(value) and not getattr(value, "do_not_call_in_templates", False):
        value = value()
    return value


def _field_markup(line, field, single: bool) -> str:
    bound = field.field
    name = _get(bound, "name")
    readonly = field.is_readonly
    hidden = _get(bound, "is_hidden")
    errors = "" if (single or readonly) else _text(field.errors())
    classes = ["flex-container"]
    if not single:
        classes.append(" fieldBox")
        if name:
            classes.append(f" field-{_text(name)}")
        if not readonly and field.errors():
            classes.append(" errors")
        if hidden:
            classes.append(" hidden")
    if field.is_checkbox:
        classes.append(" checkbox-row")
        inner = (
            f"\n                                {_text(bound)}{_text(field.label_tag())}"
            "\n                            "
        )
    else:
        if readonly:
            shown = (
                f'\n                                    <div class="readonly">'
                f"{_text(field.contents())}</div>\n                                "
            )
        else:
            shown = (
                f"\n                                    {_text(bound)}"
                "\n                                "
            )
        inner = (
            f"\n                                {_text(field.label_tag())}"
            f"\n                                {shown}\n                            "
        )
    help_text = _get(bound, "help_text")
    helped = ""
    if help_text:
        for_label = _get(bound, "id_for_label")
        where = f' id="{_text(for_label)}_helptext"' if for_label else ""
        helped = (
            f'\n                        <div class="help{" hidden" if hidden else ""}"{where}>'
            f"\n                            <div>{mark_safe(str(help_text))}</div>"  # noqa: S308 (|safe)
            "\n                        </div>\n                    "
        )
    return (
        f"\n                <div>\n                    {errors}"
        f'\n                        <div class="{"".join(classes)}">\n                            '
        f"{inner}\n                        </div>\n                    {helped}"
        "\n                </div>\n            "
    )


def _line_markup(line) -> str:
    fields = list(line)
    single = len(line.fields) == 1
    classes = ["form-row"]
    if single and line.errors():
        classes.append(" errors")
    if not line.has_visible_field:
        classes.append(" hidden")
    for field in fields:
        name = _get(field.field, "name")
        if name:
            classes.append(f" field-{_text(name)}")
    start = _text(line.errors()) if single else '<div class="flex-container form-multiline">'
    body = "".join(_field_markup(line, field, single) for field in fields)
    return (
        f'\n        <div class="{"".join(classes)}">\n            {start}\n            {body}'
        f"\n            {'' if single else '</div>'}\n        </div>\n    "
    )


@register.simple_tag(takes_context=True)
def fieldset_markup(context) -> str:
    """What Django's ``admin/includes/fieldset.html`` writes for ``fieldset`` (without
    its last line break, which the including template adds)."""
    fieldset = context["fieldset"]
    heading = f"{_text(context.get('prefix', ''))}-{_text(context.get('id_prefix', ''))}"
    heading += f"-{_text(context.get('id_suffix', ''))}-heading"
    level = _text(context.get("heading_level") or 2)
    name = fieldset.name
    collapsible = fieldset.is_collapsible
    parts = [f'<fieldset class="module aligned {_text(fieldset.classes)}"']
    if name:
        parts.append(f' aria-labelledby="{heading}"')
    parts.append(">\n    ")
    if name:
        parts.append(
            f"\n        {'<details><summary>' if collapsible else ''}"
            f'\n        <h{level} id="{heading}" class="fieldset-heading">{_text(name)}</h{level}>'
            f"\n        {'</summary>' if collapsible else ''}\n    "
        )
    parts.append("\n    ")
    if fieldset.description:
        description = mark_safe(str(fieldset.description))  # noqa: S308 (|safe)
        parts.append(f'\n        <div class="description">{description}</div>\n    ')
    parts.append("\n    ")
    parts.extend(_line_markup(line) for line in fieldset)
    parts.append(f"\n    {'</details>' if name and collapsible else ''}\n</fieldset>")
    return mark_safe("".join(parts))  # noqa: S308 (escaped as the template is)


# --- tabular inlines ---------------------------------------------------------

#: The strings of Django's ``admin/edit_inline/tabular.html``, translated by
#: Django's own catalogue as the template's ``{% translate %}`` is (passed by
#: name, so that they are not copied into the project's catalogues).
_DJANGO_STRINGS = {
    "delete": "Delete?",
    "change": "Change",
    "view": "View",
    "view_on_site": "View on site",
}


def _django_string(key: str) -> str:
    return _text(gettext(_DJANGO_STRINGS[key]))


def _url_app(context) -> str | None:
    """The ``{% url %}`` tag's current application."""
    request = context.get("request")
    try:
        return request.current_app
    except AttributeError:
        try:
            return request.resolver_match.namespace
        except AttributeError:
            return None


def _striptags(value) -> str:
    """``{{ value|striptags }}``."""
    text = strip_tags(str(value))
    return _text(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308


def _capfirst(value) -> str:
    """``{{ value|capfirst }}``."""
    text = capfirst(str(value))
    return _text(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308


def _inline_heading(formset) -> str:
    fields = []
    for field in formset.fields():
        classes = f"column-{_text(field['name'])}"
        if _get(field, "required"):
            classes += " required"
        if _get(_get(field, "widget"), "is_hidden"):
            classes += " hidden"
        help_text = field["help_text"]
        helped = ""
        if help_text:
            described = _striptags(help_text)
            icon = _text(static("admin/img/icon-unknown.svg"))
            helped = (
                f'<img src="{icon}" class="help help-tooltip" width="10" height="10"'
                f' alt="({described})" title="{described}">'
            )
        fields.append(
            f'\n       <th class="{classes}">{_capfirst(field["label"])}'
            f"\n       {helped}\n       </th>\n     "
        )
    deletable = formset.formset.can_delete and formset.has_delete_permission
    return (
        '\n     <thead><tr>\n       <th class="original"></th>\n     '
        f"{''.join(fields)}"
        f"\n     <th>{_django_string('delete') if deletable else ''}</th>\n     </tr></thead>\n"
    )


def _inline_original(context, formset, form) -> str:
    original = form.original
    parts = []
    if original or form.show_url:
        parts.append("<p>\n          ")
        if original:
            parts.append(f"\n          {_text(original)}\n          ")
            model_admin = form.model_admin
            if model_admin.show_change_link and model_admin.has_registered_model:
                opts = model_admin.opts
                url = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[quote(original.pk)],
                    current_app=_url_app(context),
                )
                may_change = formset.has_change_permission
                kind = "inlinechangelink" if may_change else "inlineviewlink"
                label = _django_string("change" if may_change else "view")
                parts.append(f'<a href="{_text(url)}" class="{kind}">{label}</a>')
            parts.append("\n          ")
        parts.append("\n          ")
        if form.show_url:
            parts.append(
                f'<a href="{_text(form.absolute_url)}">{_django_string("view_on_site")}</a>'
            )
        parts.append("\n            </p>")
    parts.append("\n          ")
    if form.needs_explicit_pk_field():
        parts.append(_text(form.pk_field().field))
    parts.append("\n          ")
    fk_field = form.fk_field()
    if fk_field:
        parts.append(_text(fk_field.field))
    return "".join(parts)


def _inline_cells(form) -> str:
    cells = []
    for fieldset in form:
        cells.append("\n          ")
        for line in fieldset:
            cells.append("\n            ")
            for field in line:
                bound = field.field
                name = _get(bound, "name")
                classes = f"field-{_text(name)}" if name else ""
                if _get(bound, "is_hidden"):
                    classes += " hidden"
                if field.is_readonly:
                    shown = f"\n                  <p>{_text(field.contents())}</p>\n              "
                else:
                    shown = (
                        f"\n                  {_text(bound.errors.as_ul())}"
                        f"\n                  {_text(bound)}\n              "
                    )
                cells.append(
                    f'\n              <td class="{classes}">\n              {shown}'
                    "\n              </td>\n            "
                )
            cells.append("\n          ")
        cells.append("\n        ")
    return "".join(cells)


def _inline_rows(context, formset) -> str:
    rows = []
    forms = list(formset)
    prefix = _text(formset.formset.prefix)
    deletable = formset.formset.can_delete and formset.has_delete_permission
    for counter, form in enumerate(forms):
        last = counter == len(forms) - 1
        empty = last and formset.has_add_permission
        errors = form.form.non_field_errors()
        row_errors = ""
        if errors:
            row_errors = (
                f'\n        <tr class="row-form-errors"><td colspan="{_text(cell_count(form))}">'
                f"{_text(errors)}</td></tr>\n        "
            )
        classes = "has_original" if (form.original or form.show_url) else ""
        if empty:
            classes += " empty-form"
        number = "empty" if empty else _text(counter)
        delete = ""
        if deletable and form.original:
            delete = _text(form.deletion_field().field)
        rows.append(
            f"\n        {row_errors}"
            f'\n        <tr class="form-row {classes}"\n             id="{prefix}-{number}">'
            f'\n        <td class="original">\n          {_inline_original(context, formset, form)}'
            f"\n        </td>\n        {_inline_cells(form)}"
            f'\n        <td class="delete">{delete}</td>\n        </tr>\n     '
        )
    return "".join(rows)


@register.simple_tag(takes_context=True)
def tabular_inline_markup(context) -> str:
    """What Django's ``admin/edit_inline/tabular.html`` writes for ``inline_admin_formset``
    (without its last line break, which the including template adds)."""
    formset = context["inline_admin_formset"]
    prefix = _text(formset.formset.prefix)
    loop = context.get("forloop") or {}
    collapsible = formset.is_collapsible
    opts = formset.opts
    name = opts.verbose_name if formset.formset.max_num == 1 else opts.verbose_name_plural
    markup = (
        f'\n<div class="js-inline-admin-formset inline-group" id="{prefix}-group"'
        '\n     data-inline-type="tabular"'
        f'\n     data-inline-formset="{_text(formset.inline_formset_data())}">'
        f'\n  <div class="tabular inline-related {"last-related" if loop.get("last") else ""}">'
        f"\n{_text(formset.formset.management_form)}"
        f'\n<fieldset class="module {_text(formset.classes)}" aria-labelledby="{prefix}-heading">'
        f"\n  {'<details><summary>' if collapsible else ''}"
        f'\n  <h2 id="{prefix}-heading" class="inline-heading">'
        f"\n  \n    {_capfirst(name)}\n  \n  </h2>"
        f"\n  {'</summary>' if collapsible else ''}"
        f"\n   {_text(formset.formset.non_form_errors())}"
        f"\n   <table>{_inline_heading(formset)}"
        f"\n     <tbody>\n     {_inline_rows(context, formset)}"
        f"\n     </tbody>\n   </table>\n  {'</details>' if collapsible else ''}"
        "\n</fieldset>\n  </div>\n</div>"
    )
    return mark_safe(markup)  # noqa: S308 (escaped as the template is)
