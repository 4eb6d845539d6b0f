"""The project form's script asks the admin for a programme's donor (programme-donor/)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aid.models import AidProgramme
from tests.factories import make_organisation, make_staff


def donor_url() -> str:
    return reverse("admin:aid_aidproject_programme_donor")


@pytest.fixture
def programme(db):
    japan = make_organisation(name_en="Government of Japan", kind="government")
    return AidProgramme.objects.create(
        title_en="Grass-roots grants", slug="grass-roots", donor=japan, status="draft"
    )


def test_it_gives_the_programme_donor_as_the_autocomplete_shows_it(editor_client, programme):
    response = editor_client.get(donor_url(), {"programme": programme.pk})
    assert response.status_code == 200
    assert response.json() == {"id": str(programme.donor_id), "text": "Government of Japan"}


def test_it_names_the_donor_in_the_admin_language(editor_client, programme):
    programme.donor.name_ru = "Правительство Японии"
    programme.donor.save()
    response = editor_client.get(
        donor_url(), {"programme": programme.pk}, HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.json()["text"] == "Правительство Японии"


@pytest.mark.parametrize("value", ["", "abc", "999999", "99999999999999999999999", "-1", " 1"])
def test_it_answers_not_found_for_no_such_programme(editor_client, programme, value):
    assert editor_client.get(donor_url(), {"programme": value}).status_code == 404


def test_staff_who_may_not_see_programmes_are_refused(client, programme):
    client.force_login(make_staff("visitor", None))
    response = client.get(donor_url(), {"programme": programme.pk})
    assert response.status_code == 403


def test_it_is_not_for_the_public(client, programme):
    response = client.get(donor_url(), {"programme": programme.pk})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_project_form_tells_its_script_where_to_ask(editor_client):
    page = editor_client.get(reverse("admin:aid_aidproject_add")).content.decode()
    assert f'data-donor-url="{donor_url()}"' in page
    assert "admin_extra/programme_donor.js" in page
