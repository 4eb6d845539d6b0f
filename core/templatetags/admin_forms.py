"""An admin form's fieldsets written in Python: Django's ``admin/includes/fieldset.html``.

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
"""

from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

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
