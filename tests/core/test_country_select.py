"""The admin's country select (core/countries.py): django-countries' markup, kept."""

from __future__ import annotations

import copy

import pytest
from django.contrib import admin
from django.forms.renderers import get_default_renderer
from django.test import RequestFactory
from django.utils import translation
from django_countries.widgets import LazySelect

from aid.models import AidProject
from commission.models import Person
from core import countries
from core.countries import CountrySelect


def country_field(model, name: str, superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    model_admin = admin.site._registry[model]
    formfield = model_admin.formfield_for_dbfield(model._meta.get_field(name), request)
    assert isinstance(formfield.widget, CountrySelect)
    return copy.deepcopy(formfield)  # a form's own copy of the field the admin keeps


def djangos(formfield, name, value, attrs) -> str:
    widget = LazySelect(choices=formfield.widget.choices)
    widget.is_required = formfield.widget.is_required
    return widget.render(name, value, attrs, get_default_renderer())


@pytest.mark.parametrize("language", ["en", "ru", "be"])
@pytest.mark.parametrize(
    ("model", "name", "value", "kept"),
    [
        (AidProject, "recipient_country", "BY", True),
        (AidProject, "recipient_country", "JP", True),
        # (A field that may be blank has its choices as a list, with "None": not kept.)
        (Person, "country", "", False),
        (Person, "country", "JP", False),
    ],
)
def test_the_markup_is_django_countries_and_kept(superuser, language, model, name, value, kept):
    countries._SELECTS.clear()
    with translation.override(language):
        formfield = country_field(model, name, superuser)
        attrs = {"id": f"id_{name}", **({"required": True} if formfield.required else {})}
        renderer = get_default_renderer()
        first = formfield.widget.render(name, value, attrs, renderer)
        assert first == djangos(formfield, name, value, attrs)
        assert bool(countries._SELECTS) == kept
        assert formfield.widget.render(name, value, attrs, renderer) == first
        other = "DE" if value != "DE" else "FR"
        assert formfield.widget.render(name, other, attrs, renderer) == djangos(
            formfield, name, other, attrs
        )


def test_each_language_has_its_own(superuser):
    formfield = country_field(AidProject, "recipient_country", superuser)
    with translation.override("en"):
        english = formfield.widget.render("c", "JP", {}, get_default_renderer())
    with translation.override("ru"):
        russian = formfield.widget.render("c", "JP", {}, get_default_renderer())
    assert ">Japan<" in english and ">Япония<" in russian


def test_choices_given_otherwise_are_not_kept(superuser):
    formfield = country_field(AidProject, "recipient_country", superuser)
    formfield.choices = [("BY", "Belarus"), ("JP", "Japan")]  # e.g. by a form
    markup = formfield.widget.render("c", "JP", {}, get_default_renderer())
    assert markup.count("<option") == 2


@pytest.mark.parametrize("language", ["en", "be"])
def test_a_project_form_shows_the_select_as_django_countries_does(
    admin_client, superuser, language
):
    from django.urls import reverse

    from commission.models import StaffPreference
    from tests.factories import make_hospital_project

    StaffPreference.objects.create(user=superuser, language=language)
    project = make_hospital_project()
    url = reverse("admin:aid_aidproject_change", args=[project.pk])
    for _ in range(2):  # made, then kept
        response = admin_client.get(url)
        bound = response.context["adminform"].form["recipient_country"]
        with translation.override(language):
            widget = LazySelect(choices=bound.field.widget.choices)
            widget.is_required = bound.field.widget.is_required
            expected = bound.as_widget(widget=widget)
        assert str(expected) in response.content.decode()
    assert countries._SELECTS
