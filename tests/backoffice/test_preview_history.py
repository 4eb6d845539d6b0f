"""Signed previews of drafts for staff; history that records, reverts and outlives accounts."""

import time
from unittest import mock

import pytest
from django.contrib import admin
from django.core import signing
from django.urls import reverse

from core.preview import SALT, preview_url
from meetings.models import Meeting
from tests.factories import make_meeting, meeting_form

pytestmark = pytest.mark.django_db


def test_staff_see_a_draft_through_its_preview_link(editor_client):
    meeting = make_meeting(status="draft", title_en="Unannounced talks")
    response = editor_client.get(preview_url(meeting))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Unannounced talks" in page and "Preview: this item is not published" in page
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_the_preview_link_is_for_staff_only(client, django_user_model):
    meeting = make_meeting(status="draft", title_en="Unannounced talks")
    url = preview_url(meeting)
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    visitor = django_user_model.objects.create_user("visitor", password="pw-12345")
    client.force_login(visitor)
    assert client.get(url).status_code == 302


def test_a_tampered_or_expired_link_does_not_work(editor_client):
    meeting = make_meeting(status="draft")
    fresh = _sign_in_the_past(meeting.pk, days=6)
    expired = _sign_in_the_past(meeting.pk, days=8)
    assert editor_client.get(reverse("preview", kwargs={"token": fresh})).status_code == 200
    assert editor_client.get(reverse("preview", kwargs={"token": expired})).status_code == 410
    tampered = fresh[:-2] + ("aa" if not fresh.endswith("aa") else "bb")
    assert editor_client.get(reverse("preview", kwargs={"token": tampered})).status_code == 404


def _sign_in_the_past(pk: int, *, days: int) -> str:
    """A preview token as it would have been signed ``days`` ago."""
    past = time.time() - days * 86400
    with mock.patch("django.core.signing.time.time", return_value=past):
        return signing.dumps(["meetings.meeting", pk], salt=SALT, compress=True)


def test_view_on_site_gives_drafts_a_preview_and_published_items_their_page(admin_client):
    draft = make_meeting(status="draft")
    public = make_meeting(status="published")
    model_admin = admin.site._registry[Meeting]
    assert "/preview/" in model_admin.view_on_site(draft)
    assert model_admin.view_on_site(public) == public.get_absolute_url()


def test_history_records_who_changed_what_and_can_revert(publisher_client, publisher):
    meeting = make_meeting(status="draft", title_en="First title")
    change = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = meeting_form(title_en="Second title", status="draft", slug=meeting.slug)
    assert publisher_client.post(change, form).status_code == 302
    latest, first = meeting.history.all()[:2]
    assert (latest.title_en, latest.history_user, latest.history_user_name) == (
        "Second title",
        publisher,
        "publisher",
    )
    delta = latest.diff_against(first)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "title_en"] == [
        ("title_en", "First title", "Second title")
    ]
    history_page = publisher_client.get(
        reverse("admin:meetings_meeting_history", args=[meeting.pk])
    )
    assert history_page.status_code == 200 and "publisher" in history_page.content.decode()

    # Revert to the first version through the history form.
    revert_url = reverse(
        "admin:meetings_meeting_simple_history", args=[meeting.pk, first.history_id]
    )
    assert publisher_client.get(revert_url).status_code == 200
    response = publisher_client.post(revert_url, {**form, "title_en": "First title"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title_en == "First title"


def test_history_survives_the_deletion_of_a_staff_account(publisher_client, publisher):
    meeting = make_meeting(status="draft")
    meeting.title_en = "Changed by a departing colleague"
    meeting._history_user = publisher
    meeting.save()
    publisher.delete()
    record = meeting.history.first()
    assert record.history_user is None
    assert record.history_user_name == "publisher"
    assert record.title_en == "Changed by a departing colleague"
