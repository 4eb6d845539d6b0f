"""Tabular inlines written in Python (core/templatetags/admin_forms.py) are Django's markup.

Every tabular inline of every admin add and change form of the site — rows
with and without an original, the empty row a script copies, read-only cells,
help texts, required columns, a row sent back with errors, an editor's view of
an item only a publisher may change (no empty row, no deletion boxes) — in
English, Russian and Belarusian, is rendered by Django's own
``admin/edit_inline/tabular.html`` and by the project's, and compared byte for byte.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import django.contrib.admin
import pytest
from django.contrib import admin
from django.db.models.fields.files import FieldFile
from django.template import Context, Template, engines
from django.urls import reverse

from commission.models import StaffPreference
from tests.core.admin_forms import form_pages, form_urls, forms_of_the_admin
from tests.core.test_admin_rows import content  # noqa: F401 (the fixture: one of each kind)
from tests.factories import make_person

ENGINE = engines["django"].engine
ORIGINAL = Path(django.contrib.admin.__file__).parent / "templates/admin/edit_inline/tabular.html"
DJANGOS = Template(ORIGINAL.read_text(), engine=ENGINE)
OURS = ENGINE.get_template("admin/edit_inline/tabular.html")


def compare(response) -> int:
    """Compare each tabular inline of the page both ways; how many were compared."""
    formsets = response.context["inline_admin_formsets"]
    compared = 0
    for number, formset in enumerate(formsets):
        if formset.opts.template != "admin/edit_inline/tabular.html":
            continue
        values = {
            "inline_admin_formset": formset,
            "forloop": {"last": number == len(formsets) - 1, "counter0": number},
            "request": response.wsgi_request,
        }
        ours = OURS.render(Context(values))
        djangos = DJANGOS.render(Context(values))
        assert ours == djangos, formset.formset.prefix
        compared += 1
    return compared


@pytest.fixture
def inline_rows(content):  # noqa: F811
    """Rows in every inline: a visit's members, programme and documents; a project's milestones."""
    from delegations.models import Delegation

    delegation = Delegation.objects.get()
    delegation.members.create(person=make_person(name_en="Member <one>"), role_en="Head & chair")
    delegation.programme.create(date=dt.date(2026, 3, 3), title_en="Visit to a plant")
    delegation.documents.create(title_en="Joint statement", url="https://example.org/s.pdf")


def test_the_project_overrides_djangos_tabular_inline():
    assert "tabular_inline_markup" in OURS.source
    assert "tabular_inline_markup" not in DJANGOS.source


@pytest.mark.parametrize("language", ["en", "ru", "be"])
@pytest.mark.parametrize("name", forms_of_the_admin())
def test_every_tabular_inline_of_every_admin_form_is_djangos(
    admin_client, superuser, inline_rows, name, language
):
    if language != "en":
        StaffPreference.objects.create(user=superuser, language=language)
    compared = sum(compare(response) for response in form_pages(admin_client, name))
    if not compared:
        pytest.skip(f"{name}: no tabular inline on its forms")


def test_the_strings_are_djangos_translations(admin_client, superuser, inline_rows):
    StaffPreference.objects.create(user=superuser, language="be")
    from delegations.models import Delegation

    url = reverse("admin:delegations_delegation_change", args=[Delegation.objects.get().pk])
    response = admin_client.get(url)
    assert compare(response) == 4
    page = response.content.decode()
    assert "help-tooltip" in page  # a column's help (the documents' file)
    assert "<th>Delete?</th>" not in page and "<th>Ці выдаліць?</th>" in page  # Django's


def test_a_row_sent_back_with_errors(admin_client, inline_rows):
    from delegations.models import Delegation

    delegation = Delegation.objects.get()
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    response = admin_client.get(url)
    forms = [response.context["adminform"].form]
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        forms += [formset.formset.management_form, *formset.formset.forms]
    for form in forms:  # what the page shows, sent back (files aside)
        for field in form:
            value = field.value()
            if value not in (None, False) and not isinstance(value, FieldFile):
                data[field.html_name] = value
    data["programme-0-date"] = "not a date"
    data["members-0-person"] = ""
    response = admin_client.post(url, data)
    assert response.status_code == 200  # sent back
    assert compare(response) == 4
    assert response.content.decode().count("errorlist") >= 2


def test_an_editor_sees_a_published_items_rows_read_only(editor_client, inline_rows):
    from delegations.models import Delegation

    delegation = Delegation.objects.get()  # published: only a publisher may change it
    response = editor_client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk])
    )
    assert response.status_code == 200
    assert compare(response) == 4
    page = response.content.decode()
    assert "empty-form" not in page and "Member &lt;one&gt;" in page


def test_every_inline_makes_its_empty_row_once(admin_client, inline_rows):
    from core.admin_inlines import InlineAdminMixin, InlineFormSet

    inlines = [
        inline for model_admin in admin.site._registry.values() for inline in model_admin.inlines
    ]
    assert inlines and all(issubclass(inline, InlineAdminMixin) for inline in inlines)
    from delegations.models import Delegation

    url = reverse("admin:delegations_delegation_change", args=[Delegation.objects.get().pk])
    for formset in admin_client.get(url).context["inline_admin_formsets"]:
        assert isinstance(formset.formset, InlineFormSet)
        assert formset.formset.empty_form is formset.formset.empty_form


@pytest.mark.parametrize("name", forms_of_the_admin())
def test_every_inlines_media_are_djangos(admin_client, inline_rows, name):
    from django.contrib.admin import helpers

    from core.admin_inlines import InlineAdminFormSet

    urls = form_urls(name)
    compared = 0
    for url in urls:
        response = admin_client.get(url)
        for formset in (response.context or {}).get("inline_admin_formsets", []):
            assert isinstance(formset, InlineAdminFormSet)
            djangos = helpers.InlineAdminFormSet.media.fget(formset)
            assert formset.media._js == djangos._js and formset.media._css == djangos._css
            compared += 1
    if not compared:
        pytest.skip(f"{name}: no inline on its forms")


def test_an_inlines_fieldsets_are_worked_out_once_a_page(admin_client, inline_rows, monkeypatch):
    from modeltranslation.admin import TranslationInlineModelAdmin

    from delegations.models import Delegation

    asked: list[str] = []
    original = TranslationInlineModelAdmin.get_fieldsets

    def counting(self, request, obj=None):
        asked.append(type(self).__name__)
        return original(self, request, obj)

    monkeypatch.setattr(TranslationInlineModelAdmin, "get_fieldsets", counting)
    url = reverse("admin:delegations_delegation_change", args=[Delegation.objects.get().pk])
    assert admin_client.get(url).status_code == 200
    assert asked and len(asked) == len(set(asked))  # each inline once
