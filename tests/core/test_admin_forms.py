"""Admin fieldsets written in Python (core/templatetags/admin_forms.py) are Django's markup.

Every fieldset of every admin add and change form of the site (with read-only
fields, lines of several fields, check boxes, help texts, collapsible and
described fieldsets), of a form sent back with errors, and of the stacked
inlines, in English and in Russian, is rendered by Django's own
``admin/includes/fieldset.html`` and by the project's, and compared byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import django.contrib.admin
import pytest
from django.contrib import admin
from django.template import Context, Template, engines
from django.urls import reverse

from commission.models import StaffPreference
from tests.core.admin_forms import form_urls, forms_of_the_admin
from tests.core.test_admin_rows import content  # noqa: F401 (the fixture: one of each kind)

ENGINE = engines["django"].engine
ORIGINAL = Path(django.contrib.admin.__file__).parent / "templates/admin/includes/fieldset.html"
DJANGOS = Template(ORIGINAL.read_text(), engine=ENGINE)
OURS = ENGINE.get_template("admin/includes/fieldset.html")


def both(fieldset, **context) -> tuple[str, str]:
    values = {"fieldset": fieldset, **context}
    return OURS.render(Context(values)), DJANGOS.render(Context(values))


def fieldsets_of(response):
    """(fieldset, its include's context) of the page's form and its stacked inlines."""
    adminform = response.context["adminform"]
    for number, fieldset in enumerate(adminform):
        yield (
            fieldset,
            {"heading_level": 2, "prefix": "fieldset", "id_prefix": 0, "id_suffix": number},
        )
    for formset in response.context["inline_admin_formsets"]:
        for counter, inline_form in enumerate(formset):
            for number, fieldset in enumerate(inline_form):
                yield (
                    fieldset,
                    {
                        "heading_level": 4,
                        "prefix": formset.formset.prefix,
                        "id_prefix": counter,
                        "id_suffix": number,
                    },
                )


def test_the_project_overrides_djangos_fieldset():
    assert "fieldset_markup" in OURS.source
    assert "fieldset_markup" not in DJANGOS.source


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("name", forms_of_the_admin())
def test_every_fieldset_of_every_admin_form_is_djangos(
    admin_client,
    superuser,
    content,  # noqa: F811
    name,
    language,
):
    if language != "en":
        StaffPreference.objects.create(user=superuser, language=language)
    urls = form_urls(name)
    compared = 0
    for url in urls:
        response = admin_client.get(url)
        if response.status_code != 200 or "adminform" not in (response.context or {}):
            continue
        for fieldset, context in fieldsets_of(response):
            ours, djangos = both(fieldset, **context)
            assert ours == djangos, (url, fieldset.name)
            compared += 1
    if not compared:
        pytest.skip(f"{name}: no form shown to a superuser with this test's data")


def test_a_form_sent_back_with_errors(admin_client, content):  # noqa: F811
    response = admin_client.post(
        reverse("admin:meetings_meeting_add"),
        {"title_en": "", "date": "not a date", "start_time": "25:99", "kind": "nonsense"},
    )
    assert response.status_code == 200 and response.context["adminform"].form.errors
    shown = 0
    for fieldset, context in fieldsets_of(response):
        ours, djangos = both(fieldset, **context)
        assert ours == djangos, fieldset.name
        shown += ours.count("errorlist")
    assert shown >= 2  # the errors were in the fieldsets compared


def test_collapsible_and_described_fieldsets(admin_client, content, monkeypatch):  # noqa: F811
    from django.contrib.admin import helpers

    response = admin_client.get(reverse("admin:commission_topic_add"))
    form = response.context["adminform"].form
    fieldset = helpers.Fieldset(
        form,
        name="Details <and> more",
        fields=(("name_en", "slug"), "name_ru"),
        classes=("collapse", "wide"),
        description="Read <em>this</em> first.",
        readonly_fields=("slug",),
        model_admin=admin.site._registry[type(form.instance)],
    )
    ours, djangos = both(fieldset, heading_level=3, prefix="x", id_prefix=1, id_suffix=2)
    assert "<details>" in ours and "Read <em>this</em>" in ours
    assert ours == djangos
