"""The forms' renderer (core/form_renderer.py) writes what Django's templates write.

Every admin add and change form of the site, and every form widget with
awkward values (quotes, markup, safe text, grouped and disabled options,
boolean, numeric and empty attributes, localised numbers) with its label and
its errors, is rendered with
the project's renderer and with Django's own, and the two must be the same
markup, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import (
    AdminDateWidget,
    AdminSplitDateTime,
    AdminTimeWidget,
    AdminURLFieldWidget,
)
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from core.form_renderer import FormRenderer
from tests.core.test_admin_rows import content  # noqa: F401 (the fixture: one of each kind)

DJANGOS = "django.forms.renderers.DjangoTemplates"
#: What differs from one request to the next: the CSRF token, a new TOTP device's random
#: key, a draft's preview link (signed with the time).
_RANDOM = re.compile(
    r'name="csrfmiddlewaretoken" value="[^"]*"|value="[0-9a-f]{40}"|/preview/[^/"]+/'
)


def test_the_project_renders_with_its_renderer_and_writes_the_usual_templates():
    renderer = get_default_renderer()
    assert isinstance(renderer, FormRenderer)
    assert {
        "django/forms/widgets/text.html",
        "django/forms/widgets/hidden.html",
        "django/forms/widgets/select.html",
        "django/forms/label.html",
    } <= set(renderer.writers)


def forms_of_the_admin() -> list[str]:
    names = []
    for model in admin.site._registry:
        label = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        names += [f"{label}_add", f"{label}_change"]
    return sorted(names)


def page(client, url: str) -> str:
    response = client.get(url)
    return _RANDOM.sub("", response.content.decode()) if response.status_code == 200 else ""


@pytest.mark.parametrize("name", forms_of_the_admin())
def test_every_admin_form_is_djangos_markup(admin_client, content, settings, name):  # noqa: F811
    model = next(
        m
        for m in admin.site._registry
        if name.startswith(f"admin:{m._meta.app_label}_")
        and name.rsplit("_", 1)[0].endswith(f"_{m._meta.model_name}")
    )
    pages = []
    if name.endswith("_add"):
        pages.append(reverse(name))
    else:
        pages += [
            reverse(name, args=[pk])
            for pk in model._default_manager.values_list("pk", flat=True)[:3]
        ]
    ours = [page(admin_client, url) for url in pages]
    if not any(ours):
        pytest.skip(f"{name}: no such form shown to a superuser with this test's data")
    settings.FORM_RENDERER = DJANGOS
    assert not isinstance(get_default_renderer(), FormRenderer)
    assert ours == [page(admin_client, url) for url in pages]


class Everything(forms.Form):
    text = forms.CharField(initial='He said "hello" & <left>', max_length=20)
    hidden = forms.CharField(widget=forms.HiddenInput, initial=mark_safe("<b>safe</b>"))
    number = forms.DecimalField(initial=Decimal("1234.5"), localize=True)
    amount = forms.IntegerField(initial=1234567, required=False)
    url = forms.URLField(initial="https://example.org/?a=1&b=<2>")
    email = forms.EmailField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), initial='x"y')
    day = forms.DateField(initial=dt.date(2026, 1, 26), widget=forms.DateInput)
    when = forms.DateTimeField(initial=dt.datetime(2026, 1, 26, 10, 30), localize=True)
    time = forms.TimeField(initial=dt.time(9, 5), widget=forms.TimeInput)
    agree = forms.BooleanField(initial=True, required=False)
    colour = forms.CharField(widget=forms.TextInput(attrs={"type": "color"}), initial="#ff0000")
    country = forms.ChoiceField(
        choices=[("", "---"), ("JP", 'Japan "J" & <co>'), ("BY", mark_safe("<i>Belarus</i>"))],
        initial="JP",
    )
    grouped = forms.ChoiceField(
        choices=[("Asia", [("JP", "Japan"), ("CN", "China")]), ("BY", "Belarus"), (3, 2026)],
        initial=3,
    )
    year = forms.TypedChoiceField(choices=[(2025, 2025), (2026, 2026)], coerce=int, initial=2026)
    site = forms.URLField(widget=AdminURLFieldWidget, initial="https://example.org/?a=1&b=<2>")
    no_site = forms.URLField(widget=AdminURLFieldWidget, required=False, initial="not an address")
    on = forms.DateField(widget=AdminDateWidget, initial=dt.date(2026, 1, 26))
    at = forms.TimeField(widget=AdminTimeWidget, initial=dt.time(9, 5), required=False)
    stamp = forms.SplitDateTimeField(
        widget=AdminSplitDateTime, initial=dt.datetime(2026, 1, 26, 10, 30), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.update(
            {"data-x": 'a"b', "disabled": True, "hidden": False, "data-n": 250, "data-none": None}
        )
        self.fields["country"].widget.attrs["aria-describedby"] = "help & <more>"
        self.fields["email"].label = mark_safe("E-mail <abbr>addr</abbr>")


@pytest.mark.parametrize("language", ["en", "ru", "be"])
@pytest.mark.parametrize("bound", [False, True])
def test_every_widget_and_label_writes_djangos_markup(language, bound):
    data = {"text": "<x>", "grouped": "CN", "agree": "", "number": "1,5", "year": "2025"}
    with translation.override(language):
        for renderer_class in (FormRenderer, DjangoTemplates):
            form = Everything(data if bound else None, renderer=renderer_class())
            if bound:
                form.is_valid()
                form.add_error("text", 'Not "this" <b>&</b>')
                form.add_error(None, mark_safe("<em>Safe</em> and <b>bold</b>"))
            html = [
                (
                    str(field),
                    field.label_tag(),
                    field.label_tag(attrs={"class": "x"}, tag="span"),
                    str(field.errors),
                )
                for field in form
            ]
            html.append(str(form.non_field_errors()))
            html.append(str(form["text"].label_tag(contents="<raw>")))
            if renderer_class is FormRenderer:
                ours = html
        assert ours == html


def test_an_option_with_another_template_is_left_to_django():
    class Special(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    field = forms.ChoiceField(choices=[("a", "A")], widget=Special)
    ours = field.widget.render("x", "a", renderer=FormRenderer())
    assert ours == field.widget.render("x", "a", renderer=DjangoTemplates())


def test_a_changed_django_template_is_rendered_by_django(monkeypatch):
    from core import form_renderer

    monkeypatch.setattr(form_renderer, "_INPUT", form_renderer._INPUT.replace("<input", "<in"))
    writers = FormRenderer().writers
    assert "django/forms/widgets/text.html" not in writers
    assert "django/forms/widgets/select.html" in writers


def test_no_admin_url_is_missed():
    # (Every registered model has an add and a change URL: the parametrised test covers them.)
    for name in forms_of_the_admin():
        try:
            reverse(name, args=[1]) if name.endswith("_change") else reverse(name)
        except NoReverseMatch:
            pytest.fail(f"{name} does not exist")


@pytest.mark.parametrize("language", ["ru", "be"])
@pytest.mark.parametrize(
    "name", ["admin:meetings_meeting_change", "admin:delegations_delegation_change"]
)
def test_a_change_form_in_the_staffs_language_is_djangos_markup(
    admin_client,
    superuser,
    content,  # noqa: F811
    settings,
    name,
    language,
):
    from commission.models import StaffPreference

    StaffPreference.objects.create(user=superuser, language=language)
    model = next(
        m
        for m in admin.site._registry
        if name == f"admin:{m._meta.app_label}_{m._meta.model_name}_change"
    )
    url = reverse(name, args=[model._default_manager.values_list("pk", flat=True)[0]])
    ours = page(admin_client, url)
    assert "related-widget-wrapper-link" in ours and "<textarea" in ours
    settings.FORM_RENDERER = DJANGOS
    assert ours == page(admin_client, url)


@pytest.mark.parametrize("bound", [False, True])
def test_a_management_form_and_a_hidden_form_with_errors(bound):
    class Hidden(forms.Form):
        token = forms.CharField(widget=forms.HiddenInput, initial='a"b')

    data = {"form-TOTAL_FORMS": "x", "form-INITIAL_FORMS": "0"} if bound else None
    html = []
    for renderer_class in (FormRenderer, DjangoTemplates):
        rows = forms.formset_factory(Hidden, extra=2, renderer=renderer_class())(data)
        hidden = Hidden({"token": ""}, renderer=renderer_class())
        hidden.is_valid()  # an error on a hidden field: shown above the form
        html.append((str(rows.management_form), str(hidden)))
    assert html[0] == html[1]
