"""Every model is editable in the admin, and only by staff."""

import pytest
from django.contrib import admin
from django.urls import reverse

from backoffice.demo.loader import load_demo_content
from tests.factories import (
    make_delegation,
    make_meeting,
    make_organisation,
    make_person,
    make_project,
)

pytestmark = pytest.mark.django_db

REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name) for model in admin.site._registry
)
OURS = [
    entry
    for entry in REGISTERED
    if entry[0] in {"commission", "meetings", "delegations", "aid", "photos"}
    # The country table is fixed (no add page): it serves the autocomplete boxes.
    and entry != ("commission", "country")
]


def test_every_content_model_is_registered():
    expected = {
        ("commission", "person"),
        ("commission", "organisation"),
        ("commission", "membership"),
        ("commission", "topic"),
        ("meetings", "meeting"),
        ("delegations", "delegation"),
        ("aid", "aidprogramme"),
        ("aid", "aidproject"),
        ("photos", "photo"),
    }
    assert expected <= set(OURS)


def some_of_everything() -> None:
    """A row in every list of the admin, a photo (its thumbnail column) among them."""
    from django.core.files.base import ContentFile

    from aid.models import AidProgramme
    from commission.models import Membership, Topic
    from photos.services import photo_create
    from tests.photos.images import jpeg_bytes

    person = make_person(name_en="Sergei Aleinik")
    Membership.objects.create(person=person, role=Membership.Role.CHAIR)
    Topic.objects.create(name_en="Health care", slug="health-care")
    meeting = make_meeting(countries=["JP"])
    meeting.participant_set.create(person=person, side="commission", position=0)
    make_delegation(countries=["CN"])
    donor = make_organisation(name_en="Government of Japan")
    programme = AidProgramme.objects.create(
        title_en="Grass-roots grants", slug="grass-roots", donor=donor, status="published"
    )
    make_project(
        donor=donor,
        programme=programme,
        recipient=make_organisation(kind="hospital", country="BY"),
        region="BY-BR",
    )
    photo_create(file=ContentFile(jpeg_bytes(640, 480), name="visit.jpg"), alt_text="A visit")


@pytest.mark.parametrize("app_label,model_name", OURS)
def test_changelist_and_add_page_answer_for_a_superuser(admin_client, app_label, model_name):
    some_of_everything()
    for view in ("changelist", "add"):
        response = admin_client.get(reverse(f"admin:{app_label}_{model_name}_{view}"))
        assert response.status_code == 200, (view, response.status_code)


@pytest.mark.parametrize("app_label,model_name", OURS)
def test_anonymous_visitors_are_sent_to_the_login_page(client, app_label, model_name):
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_demo_content_is_visible_in_the_admin(admin_client):
    load_demo_content()
    response = admin_client.get(reverse("admin:aid_aidproject_changelist"))
    assert b"Stolin Central District Hospital" in response.content


def test_a_meeting_is_created_with_participants_through_the_admin(admin_client):
    from meetings.models import Meeting

    chair = make_person(name_en="Sergei Aleinik")
    data = {
        "title_en": "Sitting on the budget",
        "kind": "sitting",
        "date": "2026-02-10",
        "status": "draft",
        "slug": "",
        "participant_set-TOTAL_FORMS": "1",
        "participant_set-INITIAL_FORMS": "0",
        "participant_set-0-person": str(chair.pk),
        "participant_set-0-side": "commission",
        "participant_set-0-position": "0",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors if response.context else ""
    )
    meeting = Meeting.objects.get(slug="sitting-on-the-budget")
    assert [p.person for p in meeting.participant_set.all()] == [chair]
