"""People, organisations, topics, photos and memberships shown on published pages are
the publisher's to change: real admin POSTs by an editor and a publisher."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commission.models import Membership, Person, Topic
from commission.public_use import in_public_use, is_in_public_use
from meetings.models import MeetingPhoto, Participant
from photos.models import Photo
from photos.services import photo_create
from tests.factories import (
    make_delegation,
    make_meeting,
    make_organisation,
    make_person,
    make_project,
)
from tests.photos import images

pytestmark = pytest.mark.django_db


def person_form(person: Person, **overrides) -> dict:
    data = {
        "name_en": person.name_en,
        "slug": person.slug,
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def photo_form(photo: Photo, **overrides) -> dict:
    data = {"alt_text_en": photo.alt_text_en, "focal_x": "0.5", "focal_y": "0.5"}
    data.update(overrides)
    return data


def membership_form(membership: Membership, **overrides) -> dict:
    data = {"person": membership.person_id, "role": membership.role, "start_date": "2024-01-01"}
    data.update(overrides)
    return data


def make_photo(alt: str = "The chairman and the ambassador") -> Photo:
    jpeg = images.encode(images.upright_marker(640, 400), "JPEG")
    return photo_create(file=ContentFile(jpeg, name="visit.jpg"), alt_text=alt)


def jpeg_upload(name: str = "replacement.jpg") -> SimpleUploadedFile:
    data = images.encode(images.upright_marker(500, 500), "JPEG")
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def on_meeting(person: Person, status: str) -> None:
    Participant.objects.create(meeting=make_meeting(status=status), person=person)


def change(model_name: str, obj) -> str:
    return reverse(f"admin:commission_{model_name}_change", args=[obj.pk])


# --- what "in public use" means ---------------------------------------------------


def test_people_are_in_public_use_through_published_content_and_current_membership():
    on_draft, on_published, head, member, current, former, unused = (
        make_person() for _ in range(7)
    )
    on_meeting(on_draft, "draft")
    on_meeting(on_published, "published")
    make_delegation(head=head)
    make_delegation().members.create(person=member)
    Membership.objects.create(person=current, start_date=dt.date(2024, 1, 1))
    Membership.objects.create(
        person=former, start_date=dt.date(2010, 1, 1), end_date=dt.date(2014, 1, 1)
    )
    assert set(in_public_use(Person)) == {on_published, head, member, current}
    assert not is_in_public_use(unused) and not is_in_public_use(on_draft)


def test_a_scheduled_item_puts_its_people_in_public_use_only_when_it_goes_public():
    person = make_person()
    future = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
    Participant.objects.create(
        meeting=make_meeting(status="scheduled", published_at=future), person=person
    )
    assert not is_in_public_use(person)


def test_organisations_and_topics_are_in_public_use_on_published_content():
    donor, recipient, host, unused = (make_organisation() for _ in range(4))
    make_project(donor=donor, recipient=recipient)
    make_delegation().host_organisations.add(host)
    make_project(donor=unused, status="draft")
    shown, hidden = (
        Topic.objects.create(name_en="Health", slug="health"),
        Topic.objects.create(name_en="Trade", slug="trade"),
    )
    make_meeting().topics.add(shown)
    make_meeting(status="draft").topics.add(hidden)
    assert {donor, recipient, host} <= set(in_public_use(type(donor)))
    assert not is_in_public_use(unused)
    assert set(in_public_use(Topic)) == {shown}


def test_photos_are_in_public_use_in_published_galleries_and_as_portraits():
    in_gallery, in_draft_gallery, portrait, unused = (make_photo() for _ in range(4))
    MeetingPhoto.objects.create(meeting=make_meeting(), photo=in_gallery)
    MeetingPhoto.objects.create(meeting=make_meeting(status="draft"), photo=in_draft_gallery)
    Membership.objects.create(person=make_person(portrait=portrait))
    assert set(in_public_use(Photo)) == {in_gallery, portrait}
    assert not is_in_public_use(unused)


# --- people -----------------------------------------------------------------------


def test_an_editor_cannot_rename_a_person_who_appears_on_a_published_meeting(editor_client):
    person = make_person(name_en="Sergei Aleinik")
    on_meeting(person, "published")

    response = editor_client.post(change("person", person), person_form(person, name_en="X"))

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name_en == "Sergei Aleinik"


def test_the_editor_sees_the_person_read_only_with_the_reason(editor_client):
    person = make_person(name_en="Sergei Aleinik")
    on_meeting(person, "published")
    page = editor_client.get(change("person", person))
    assert page.status_code == 200
    content = page.content.decode()
    assert "shown on published pages: only a publisher can change or delete it" in content
    assert 'name="name_en"' not in content


def test_an_editor_may_rename_a_person_who_appears_only_in_drafts(editor_client):
    person = make_person(name_en="Draft name")
    on_meeting(person, "draft")

    response = editor_client.post(change("person", person), person_form(person, name_en="Fixed"))

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name_en == "Fixed"


def test_a_publisher_may_rename_a_person_in_public_use(publisher_client):
    person = make_person(name_en="Old name")
    on_meeting(person, "published")
    response = publisher_client.post(
        change("person", person), person_form(person, name_en="New name")
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name_en == "New name"


def test_an_editor_cannot_change_memberships_through_the_person_page(editor_client):
    person = make_person()
    membership = Membership.objects.create(
        person=person, role="member", start_date=dt.date(2010, 1, 1), end_date=dt.date(2014, 1, 1)
    )
    assert not is_in_public_use(person)  # a former member: the person form is the editor's

    form = person_form(
        person,
        **{
            "memberships-TOTAL_FORMS": "2",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": membership.pk,
            "memberships-0-person": person.pk,
            "memberships-0-role": "chair",
            "memberships-0-start_date": "2010-01-01",
            "memberships-0-end_date": "",
            "memberships-1-person": person.pk,
            "memberships-1-role": "chair",
            "memberships-1-start_date": "2025-01-01",
        },
    )
    editor_client.post(change("person", person), form)

    membership.refresh_from_db()
    assert (membership.role, membership.end_date) == ("member", dt.date(2014, 1, 1))
    assert Membership.objects.count() == 1


def test_an_editor_cannot_import_people_but_a_publisher_can(editor_client, publisher):
    url = reverse("admin:commission_person_import")
    assert editor_client.get(url).status_code == 403
    editor_client.force_login(publisher)
    assert editor_client.get(url).status_code == 200


# --- memberships ------------------------------------------------------------------


def test_an_editor_cannot_add_edit_or_delete_a_membership(editor_client):
    membership = Membership.objects.create(person=make_person(), start_date=dt.date(2024, 1, 1))

    edited = editor_client.post(
        change("membership", membership), membership_form(membership, role="chair")
    )
    deleted = editor_client.post(
        reverse("admin:commission_membership_delete", args=[membership.pk]), {"post": "yes"}
    )
    added = editor_client.post(
        reverse("admin:commission_membership_add"), membership_form(membership, role="chair")
    )

    assert (edited.status_code, deleted.status_code, added.status_code) == (403, 403, 403)
    membership.refresh_from_db()
    assert membership.role == "member" and Membership.objects.count() == 1


def test_a_publisher_edits_and_deletes_a_membership(publisher_client):
    membership = Membership.objects.create(person=make_person(), start_date=dt.date(2024, 1, 1))
    edited = publisher_client.post(
        change("membership", membership), membership_form(membership, role="chair")
    )
    assert edited.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "chair"
    deleted = publisher_client.post(
        reverse("admin:commission_membership_delete", args=[membership.pk]), {"post": "yes"}
    )
    assert deleted.status_code == 302 and not Membership.objects.exists()


# --- photos -----------------------------------------------------------------------


def test_an_editor_cannot_replace_the_file_or_caption_of_a_published_gallery_photo(
    editor_client,
):
    photo = make_photo()
    MeetingPhoto.objects.create(meeting=make_meeting(), photo=photo)
    original = photo.original.name
    url = reverse("admin:photos_photo_change", args=[photo.pk])

    by_caption = editor_client.post(url, photo_form(photo, caption_en="Defaced"))
    by_file = editor_client.post(url, photo_form(photo, original=jpeg_upload()))

    assert (by_caption.status_code, by_file.status_code) == (403, 403)
    photo.refresh_from_db()
    assert (photo.caption_en or "", photo.original.name, photo.width) == ("", original, 640)


def test_an_editor_may_caption_a_photo_of_a_draft_and_a_publisher_a_published_one(
    editor_client, publisher
):
    draft_photo, public_photo = make_photo(), make_photo()
    MeetingPhoto.objects.create(meeting=make_meeting(status="draft"), photo=draft_photo)
    MeetingPhoto.objects.create(meeting=make_meeting(), photo=public_photo)

    url = reverse("admin:photos_photo_change", args=[draft_photo.pk])
    assert editor_client.post(url, photo_form(draft_photo, caption_en="Ok")).status_code == 302

    editor_client.force_login(publisher)
    url = reverse("admin:photos_photo_change", args=[public_photo.pk])
    assert editor_client.post(url, photo_form(public_photo, caption_en="Fine")).status_code == 302
    draft_photo.refresh_from_db()
    public_photo.refresh_from_db()
    assert (draft_photo.caption_en, public_photo.caption_en) == ("Ok", "Fine")


def test_an_editor_cannot_revert_a_photo_in_public_use(editor_client):
    photo = make_photo(alt="First alt text")
    first_version = photo.history.earliest()
    photo.alt_text_en = "Second alt text"
    photo.save()
    MeetingPhoto.objects.create(meeting=make_meeting(), photo=photo)
    url = reverse("admin:photos_photo_simple_history", args=[photo.pk, first_version.history_id])

    response = editor_client.post(url, photo_form(photo, alt_text_en="First alt text"))

    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.alt_text_en == "Second alt text"


# --- bulk delete --------------------------------------------------------------------


def test_the_bulk_delete_action_as_an_editor_removes_nothing_in_public_use(editor_client):
    shown = Topic.objects.create(name_en="Health", slug="health")
    unused = Topic.objects.create(name_en="Trade", slug="trade")
    make_meeting().topics.add(shown)
    changelist = reverse("admin:commission_topic_changelist")

    both = editor_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [shown.pk, unused.pk], "post": "yes"},
    )
    assert both.status_code == 403
    assert Topic.objects.count() == 2

    only_unused = editor_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [unused.pk], "post": "yes"},
    )
    assert only_unused.status_code == 302
    assert list(Topic.objects.all()) == [shown]
