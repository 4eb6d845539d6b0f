"""The forms' renderer: Django's templates, the smallest of them written in Python.

A change form renders 60–70 widgets and 30–40 labels, each through a template
and its includes (the input, its attributes; a select one include per option,
and a country list has ~250): about half of a change form's time. The few
smallest of Django's form templates — an input (text, hidden, number, URL,
e-mail…), a text area, a select and its options, their attributes, a label, a
list of errors (rendered, mostly empty, for every field), a form of hidden
fields only (a formset's management form), the admin's date, time and address
boxes and its related-object links around a box (their titles are Django's
strings, from Django's catalogue) — are
written here with the same output, escaping and localisation as the template
language's. Every other template is Django's, and so is each of these where
the installed template's text is not the one written here (e.g. after an
upgrade of Django changes it): :func:`_writers` compares them at start-up.
``tests/core/test_form_renderer.py`` renders every admin form both ways.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from html import escape

from django.forms.renderers import DjangoTemplates
from django.templatetags.static import static
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

_ATTRS = (
    "{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}"
    "{% if value is not True %}=\"{{ value|stringformat:'s' }}\"{% endif %}{% endif %}"
    "{% endfor %}"
)
_LABEL_ATTRS = _ATTRS.replace("widget.attrs.items", "attrs.items")
_INPUT = (
    '<input type="{{ widget.type }}" name="{{ widget.name }}"{% if widget.value != None %}'
    " value=\"{{ widget.value|stringformat:'s' }}\"{% endif %}"
    '{% include "django/forms/widgets/attrs.html" %}>\n'
)
_INCLUDES_INPUT = '{% include "django/forms/widgets/input.html" %}\n'
_SELECT = (
    '<select name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>'
    "{% for group_name, group_choices, group_index in widget.optgroups %}{% if group_name %}\n"
    '  <optgroup label="{{ group_name }}">{% endif %}{% for option in group_choices %}\n'
    "  {% include option.template_name with widget=option %}{% endfor %}{% if group_name %}\n"
    "  </optgroup>{% endif %}{% endfor %}\n"
    "</select>\n"
)
_OPTION = (
    "<option value=\"{{ widget.value|stringformat:'s' }}\""
    '{% include "django/forms/widgets/attrs.html" %}>{{ widget.label }}</option>\n'
)
_LABEL = (
    "{% if use_tag %}<{{ tag }}{% include 'django/forms/attrs.html' %}>{{ label }}</{{ tag }}>"
    "{% else %}{{ label }}{% endif %}\n"
)
_ERRORS = (
    '{% if errors %}<ul class="{{ error_class }}"{% if errors.field_id %}'
    ' id="{{ errors.field_id }}_error"{% endif %}>{% for error in errors %}<li>{{ error }}</li>'
    "{% endfor %}</ul>{% endif %}"
)
_INCLUDES_ERRORS = '{% include "django/forms/errors/list/ul.html" %}'
_TEXTAREA = (
    '<textarea name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" %}>\n'
    "{% if widget.value %}{{ widget.value }}{% endif %}</textarea>\n"
)
_ADMIN_DATE = '<p class="date">\n  {% include "django/forms/widgets/date.html" %}\n</p>\n'
_ADMIN_TIME = '<p class="time">\n  {% include "django/forms/widgets/time.html" %}\n</p>\n'
_SPLIT_DATETIME = (
    '<p class="datetime">\n  {{ date_label }} {% with widget=widget.subwidgets.0 %}'
    "{% include widget.template_name %}{% endwith %}<br>\n  {{ time_label }} "
    "{% with widget=widget.subwidgets.1 %}{% include widget.template_name %}{% endwith %}\n"
    "</p>\n"
)
_URL = (
    '{% if url_valid %}<p class="url">{{ current_label }} <a href="{{ widget.href }}">'
    "{{ widget.value }}</a><br>{{ change_label }} {% endif %}"
    '{% include "django/forms/widgets/input.html" %}{% if url_valid %}</p>{% endif %}\n'
)
_DIV = (
    "{{ errors }}\n{% if errors and not fields %}\n"
    "  <div>{% for field in hidden_fields %}{{ field }}{% endfor %}</div>\n{% endif %}\n"
    "{% for field, errors in fields %}\n"
    "  <div{% with classes=field.css_classes %}{% if classes %}"
    ' class="{{ classes }}"{% endif %}{% endwith %}>\n'
    "    {{ field.as_field_group }}\n    {% if forloop.last %}\n"
    "      {% for field in hidden_fields %}{{ field }}{% endfor %}\n    {% endif %}\n"
    "</div>\n{% endfor %}\n{% if not fields and not errors %}\n"
    "  {% for field in hidden_fields %}{{ field }}{% endfor %}\n{% endif %}\n"
)
RELATED = "admin/widgets/related_widget_wrapper.html"
_RELATED_LINK = (
    "\n        {{% if {flag} %}}"
    '\n        <a class="related-widget-wrapper-link {kind}-related" id="{kind}_id_{{{{ name }}}}"'
    "{attributes}"
    '\n            title="{{% blocktranslate %}}{title} {{{{ model }}}}{{% endblocktranslate %}}">'
    "\n            <img src=\"{{% static 'admin/img/icon-{icon}link.svg' %}}\""
    ' alt="" width="24" height="24">'
    "\n        </a>\n        {{% endif %}}"
)
_RELATED_LINKS = {
    # kind: (flag, the link's attributes, Django's string, icon)
    "change": (
        "can_change_related",
        '\n            data-href-template="{{ change_related_template_url }}?{{ url_params }}"'
        '\n            data-popup="yes"',
        "Change selected",
        "change",
    ),
    "add": (
        "can_add_related",
        '\n            data-popup="yes"\n            href="{{ add_related_url }}?{{ url_params }}"',
        "Add another",
        "add",
    ),
    "delete": (
        "can_delete_related",
        '\n            data-href-template="{{ delete_related_template_url }}?{{ url_params }}"'
        '\n            data-popup="yes"',
        "Delete selected",
        "delete",
    ),
}
_RELATED = (
    "{% load i18n static %}\n"
    '<div class="related-widget-wrapper" {% if not model_has_limit_choices_to %}'
    'data-model-ref="{{ model_name }}"{% endif %}>\n'
    "    {{ rendered_widget }}\n    {% block links %}\n        {% spaceless %}"
    "\n        {% if not is_hidden %}"
    + "".join(
        _RELATED_LINK.format(flag=flag, kind=kind, attributes=attributes, title=title, icon=icon)
        for kind, (flag, attributes, title, icon) in _RELATED_LINKS.items()
    )
    + "\n        {% if can_view_related %}"
    '\n          <a class="related-widget-wrapper-link view-related" id="view_id_{{ name }}"'
    '\n             data-href-template="{{ change_related_template_url }}'
    '?{{ view_related_url_params }}"'
    '\n             title="{% blocktranslate %}View selected {{ model }}{% endblocktranslate %}">'
    "\n            <img src=\"{% static 'admin/img/icon-viewlink.svg' %}\""
    ' alt="" width="24" height="24">'
    "\n          </a>\n        {% endif %}\n        {% endif %}\n        {% endspaceless %}"
    "\n    {% endblock %}\n</div>\n"
)
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
#: Django's inputs that are its input.html and nothing else.
_INPUT_KINDS = (
    "text",
    "hidden",
    "number",
    "url",
    "email",
    "password",
    "search",
    "tel",
    "date",
    "time",
    "datetime",
    "checkbox",
    "color",
)


def template_value(value) -> str:
    """``{{ value }}``: localised, escaped unless safe, as the template language writes it."""
    if type(value) is str:  # most values: nothing to localise
        return escape(value)
    value = localize(template_localtime(value))
    return conditional_escape(value if isinstance(value, str) else str(value))


def _string(value) -> str:
    """``{{ value|stringformat:'s' }}``."""
    if type(value) is str:
        return escape(value)
    try:
        text = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        return ""
    return template_value(mark_safe(text) if isinstance(value, SafeData) else text)  # noqa: S308


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {template_value(name)}" + ("" if value is True else f'="{_string(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _input(context) -> str:
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{_string(widget["value"])}"'
    return (
        f'<input type="{template_value(widget["type"])}" name="{template_value(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>\n"
    )


def _select(context) -> str | None:
    widget = context["widget"]
    parts = [f'<select name="{template_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{template_value(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(
                f'\n  <option value="{_string(option["value"])}"{_attrs(option["attrs"])}>'
                f"{template_value(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _label(context) -> str:
    if not context["use_tag"]:
        return template_value(context["label"]) + "\n"
    tag = template_value(context["tag"])
    attrs = _attrs(context["attrs"] or {})  # (none: the template's loop writes nothing)
    return f"<{tag}{attrs}>{template_value(context['label'])}</{tag}>\n"


def _textarea(context) -> str:
    widget = context["widget"]
    value = template_value(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{template_value(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{value}</textarea>\n"
    )


def _hidden_form(context) -> str | None:
    """A form of hidden fields only and no errors (a formset's management form), as
    Django's ``div.html`` writes it; any other form is left to the template."""
    if context["fields"] or context["errors"]:
        return None
    hidden = "".join(template_value(field) for field in context["hidden_fields"])
    return f"\n\n\n\n  {hidden}\n\n"


def _url(context) -> str:
    """The admin's address box: the address as a link above it, when it is one."""
    widget = context["widget"]
    if not context["url_valid"]:
        return _input(context) + "\n"
    return (
        f'<p class="url">{template_value(context["current_label"])} '
        f'<a href="{template_value(widget["href"])}">{template_value(widget["value"])}</a>'
        f"<br>{template_value(context['change_label'])} {_input(context)}</p>\n"
    )


def _django_string(msgid: str, model) -> str:
    """``{% blocktranslate %}… {{ model }}{% endblocktranslate %}``: Django's string in
    Django's catalogue (passed by name, so not copied into the project's)."""
    return gettext(msgid) % {"model": template_value(model)}


def _related(context) -> str:
    """Django's related-object links around a box (add, change, delete, view)."""
    name = template_value(context["name"])
    params = template_value(context["url_params"])
    model = context["model"]
    links = []
    if not context["is_hidden"]:
        if context["can_change_related"]:
            links.append(
                f'<a class="related-widget-wrapper-link change-related" id="change_id_{name}"'
                f'\n            data-href-template="'
                f'{template_value(context["change_related_template_url"])}?{params}"'
                '\n            data-popup="yes"'
                f'\n            title="{_django_string("Change selected %(model)s", model)}">'
                f'<img src="{template_value(static("admin/img/icon-changelink.svg"))}"'
                ' alt="" width="24" height="24"></a>'
            )
        if context["can_add_related"]:
            links.append(
                f'<a class="related-widget-wrapper-link add-related" id="add_id_{name}"'
                '\n            data-popup="yes"'
                f'\n            href="{template_value(context["add_related_url"])}?{params}"'
                f'\n            title="{_django_string("Add another %(model)s", model)}">'
                f'<img src="{template_value(static("admin/img/icon-addlink.svg"))}"'
                ' alt="" width="24" height="24"></a>'
            )
        if context["can_delete_related"]:
            links.append(
                f'<a class="related-widget-wrapper-link delete-related" id="delete_id_{name}"'
                f'\n            data-href-template="'
                f'{template_value(context["delete_related_template_url"])}?{params}"'
                '\n            data-popup="yes"'
                f'\n            title="{_django_string("Delete selected %(model)s", model)}">'
                f'<img src="{template_value(static("admin/img/icon-deletelink.svg"))}"'
                ' alt="" width="24" height="24"></a>'
            )
        if context["can_view_related"]:
            links.append(
                f'<a class="related-widget-wrapper-link view-related" id="view_id_{name}"'
                f'\n             data-href-template="'
                f"{template_value(context['change_related_template_url'])}"
                f'?{template_value(context["view_related_url_params"])}"'
                f'\n             title="{_django_string("View selected %(model)s", model)}">'
                f'<img src="{template_value(static("admin/img/icon-viewlink.svg"))}"'
                ' alt="" width="24" height="24"></a>'
            )
    reference = ""
    if not context["model_has_limit_choices_to"]:
        reference = f'data-model-ref="{template_value(context["model_name"])}"'
    return (
        f'<div class="related-widget-wrapper" {reference}>\n'
        f"    {template_value(context['rendered_widget'])}\n"
        f"    \n        {''.join(links)}\n    \n</div>\n"
    )


def _errors(context) -> str:
    """A field's or form's list of errors (most often empty: rendered for every field)."""
    errors = context["errors"]
    if not errors:
        return ""
    field_id = getattr(errors, "field_id", None)
    where = f' id="{template_value(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{template_value(error)}</li>" for error in errors)
    return f'<ul class="{template_value(context["error_class"])}"{where}>{items}</ul>'


class FormRenderer(DjangoTemplates):
    """Django's template renderer, with :func:`_writers`' templates written in Python."""

    @cached_property
    def writers(self) -> dict[str, Callable]:
        return _writers(self.engine)

    def render(self, template_name, context, request=None):
        write = self.writers.get(template_name)
        if write is not None:
            markup = write(context)
            if markup is not None:
                # (Stripped, as Django's renderer strips what a template renders.)
                return mark_safe(markup.strip())  # noqa: S308 (escaped as the template is)
        return super().render(template_name, context, request)


def _paragraph(kind: str, included: Callable) -> Callable:
    """The admin's date or time box: Django's input in a paragraph of its class."""
    return lambda context: f'<p class="{kind}">\n  {included(context)}\n</p>\n'


def _split(context, writers: dict) -> str | None:
    """The admin's date and time boxes of one value, each by its own writer."""
    parts = []
    for widget in context["widget"]["subwidgets"]:
        write = writers.get(widget["template_name"])
        markup = write({"widget": widget}) if write is not None else None
        if markup is None:
            return None
        parts.append(markup)
    return (
        f'<p class="datetime">\n  {template_value(context["date_label"])} {parts[0]}<br>\n'
        f"  {template_value(context['time_label'])} {parts[1]}\n</p>\n"
    )


def _writers(engine) -> dict[str, Callable]:
    """The templates written here whose installed text (and that of the templates
    they include) is the one written here."""

    def source(name: str) -> str | None:
        try:
            return engine.get_template(name).template.source
        except Exception:  # noqa: BLE001 (not installed: rendered by Django, which says why)
            return None

    attrs_ok = source("django/forms/widgets/attrs.html") == _ATTRS
    writers: dict[str, Callable] = {}
    if attrs_ok and source("django/forms/widgets/input.html") == _INPUT:
        for kind in _INPUT_KINDS:
            name = f"django/forms/widgets/{kind}.html"
            if source(name) == _INCLUDES_INPUT:
                writers[name] = lambda context: _input(context) + "\n"
    if (
        attrs_ok
        and source("django/forms/widgets/select.html") == _SELECT
        and source(OPTION_TEMPLATE) == _OPTION
    ):
        writers["django/forms/widgets/select.html"] = _select
    if source("django/forms/errors/list/ul.html") == _ERRORS:
        writers["django/forms/errors/list/ul.html"] = _errors
        if source("django/forms/errors/list/default.html") == _INCLUDES_ERRORS:
            writers["django/forms/errors/list/default.html"] = _errors
    if attrs_ok and source("django/forms/widgets/textarea.html") == _TEXTAREA:
        writers["django/forms/widgets/textarea.html"] = _textarea
    if source(RELATED) == _RELATED:
        writers[RELATED] = _related
    for kind, text in (("date", _ADMIN_DATE), ("time", _ADMIN_TIME)):
        included = writers.get(f"django/forms/widgets/{kind}.html")
        if included is not None and source(f"admin/widgets/{kind}.html") == text:
            writers[f"admin/widgets/{kind}.html"] = _paragraph(kind, included)
    if source("admin/widgets/split_datetime.html") == _SPLIT_DATETIME:
        writers["admin/widgets/split_datetime.html"] = lambda context: _split(context, writers)
    if (
        attrs_ok
        and source("django/forms/widgets/input.html") == _INPUT
        and (source("admin/widgets/url.html") == _URL)
    ):
        writers["admin/widgets/url.html"] = _url
    if source("django/forms/div.html") == _DIV:
        writers["django/forms/div.html"] = _hidden_form
    if source("django/forms/attrs.html") == _LABEL_ATTRS and source("django/forms/label.html") == (
        _LABEL
    ):
        writers["django/forms/label.html"] = _label
    return writers
