"""Content lists' filters choosing among the database's rows or values read them once per change.

Django's filter by a related row lists every row of the related model, and its
filter by a column's values scans the column, on every list page; the content
admins keep both until the content changes (core.admin.kept_filter). Each
test reads the choices Django's own filter offers and those of the page, as
content is added, renamed and translated.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from aid.models import AidProject
from commission.models import StaffPreference
from core.admin import KeptAllValuesFieldListFilter, KeptRelatedFieldListFilter
from tests.factories import make_hospital_project, make_organisation, make_person, make_project

LIST = "admin:aid_aidproject_changelist"


def filter_choices(client, title: str, **query) -> list[str]:
    """The names of the choices of the list's filter by ``title``, as the page offers them."""
    response = client.get(reverse(LIST), query)
    assert response.status_code == 200
    cl = response.context["cl"]
    (spec,) = [spec for spec in cl.filter_specs if getattr(spec, "field_path", "") == title]
    return [str(choice["display"]) for choice in spec.choices(cl)]


DJANGOS = {"donor": admin.RelatedFieldListFilter, "year": admin.AllValuesFieldListFilter}


def djangos_choices(superuser, title: str) -> list[str]:
    """The same filter's choices from Django's own filter class (read now)."""
    model_admin = admin.site._registry[AidProject]
    request = RequestFactory().get(reverse(LIST))
    request.user = superuser
    field = AidProject._meta.get_field(title)
    spec = DJANGOS[title](field, request, {}, AidProject, model_admin, title)
    cl = model_admin.get_changelist_instance(request)
    return [str(choice["display"]) for choice in spec.choices(cl)]


@pytest.fixture
def projects(db):
    make_hospital_project()
    return make_project(title_en="Water for Pinsk", year=2024)


def test_the_filters_are_the_kept_ones_with_djangos_choices(admin_client, superuser, projects):
    response = admin_client.get(reverse(LIST))
    kinds = {str(spec.title): type(spec) for spec in response.context["cl"].filter_specs}
    assert kinds["donor"] is KeptRelatedFieldListFilter
    assert kinds["year"] is KeptAllValuesFieldListFilter
    for title in ("donor", "year"):
        assert filter_choices(admin_client, title) == djangos_choices(superuser, title)


def test_new_and_renamed_rows_and_new_values_are_offered_at_once(admin_client, superuser, projects):
    filter_choices(admin_client, "donor"), filter_choices(admin_client, "year")  # kept
    donor = make_organisation(name_en="Government of Korea")
    make_project(donor=donor, year=2019)
    assert "Government of Korea" in filter_choices(admin_client, "donor")
    assert "2019" in filter_choices(admin_client, "year")

    donor.name_en = "Republic of Korea"
    donor.save()
    choices = filter_choices(admin_client, "donor")
    assert "Republic of Korea" in choices and "Government of Korea" not in choices
    for title in ("donor", "year"):
        assert filter_choices(admin_client, title) == djangos_choices(superuser, title)


def test_each_language_has_its_own_names(client, superuser, projects):
    donor = make_organisation(name_en="Government of Korea", name_ru="Правительство Кореи")
    make_project(donor=donor)
    StaffPreference.objects.create(user=superuser, language="ru")
    # (Saved before the lists are read: a saved preference is a change of content.)
    client.force_login(get_user_model().objects.create_superuser("english", "en@example.org"))
    assert "Government of Korea" in filter_choices(client, "donor")
    client.force_login(superuser)
    assert "Правительство Кореи" in filter_choices(client, "donor")


def test_a_person_in_a_new_country_is_offered_at_once(admin_client, db):
    make_person(country="DE")
    people = reverse("admin:commission_person_changelist")
    assert "Japan" not in admin_client.get(people).content.decode()
    make_person(country="JP")
    assert "Japan" in admin_client.get(people).content.decode()
