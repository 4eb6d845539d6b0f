"""Roles are enforced on the server: real POSTs by an editor, a publisher and a stranger."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import make_meeting, meeting_form

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:meetings_meeting_changelist"


def run_action(client, action: str, meeting: Meeting):
    return client.post(
        reverse(CHANGELIST), {"action": action, "_selected_action": [meeting.pk]}, follow=True
    )


def test_the_roles_exist_with_the_publish_permission_only_for_publishers(editor, publisher):
    assert not editor.has_perm("meetings.publish_meeting")
    assert editor.has_perm("meetings.add_meeting") and editor.has_perm("photos.add_photo")
    assert publisher.has_perm("meetings.publish_meeting")
    assert publisher.has_perm("aid.publish_aidproject")


def test_an_editor_creates_a_draft_even_when_posting_published(editor_client):
    response = editor_client.post(
        reverse("admin:meetings_meeting_add"), meeting_form(status="published")
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.status == "draft" and meeting.published_at is None


def test_an_editor_cannot_publish_with_the_action(editor_client):
    meeting = make_meeting(status="draft")
    response = run_action(editor_client, "publish_selected", meeting)
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == "draft"
    assert Meeting.objects.published().count() == 0


def test_an_editor_cannot_change_or_delete_a_published_meeting(editor_client):
    meeting = make_meeting(status="published", title_en="Public")
    change = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = editor_client.post(change, meeting_form(title_en="Defaced", slug=meeting.slug))
    assert response.status_code == 403
    delete = reverse("admin:meetings_meeting_delete", args=[meeting.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    bulk = editor_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [meeting.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302, 403)
    meeting.refresh_from_db()
    assert meeting.title == "Public"


def test_an_editor_may_delete_a_draft(editor_client):
    meeting = make_meeting(status="draft")
    delete = reverse("admin:meetings_meeting_delete", args=[meeting.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Meeting.objects.exists()


def test_only_a_publisher_may_import(editor, publisher):
    from django.test import Client

    url = reverse("admin:meetings_meeting_import")
    editor_browser, publisher_browser = Client(), Client()
    editor_browser.force_login(editor)
    publisher_browser.force_login(publisher)
    assert editor_browser.get(url).status_code == 403
    assert publisher_browser.get(url).status_code == 200


def test_a_publisher_publishes_and_unpublishes_with_the_actions(publisher_client):
    meeting = make_meeting(status="draft")
    run_action(publisher_client, "publish_selected", meeting)
    meeting.refresh_from_db()
    assert meeting.status == "published" and meeting.published_at is not None
    first_published_at = meeting.published_at
    run_action(publisher_client, "unpublish_selected", meeting)
    meeting.refresh_from_db()
    assert meeting.status == "draft"
    run_action(publisher_client, "publish_selected", meeting)
    meeting.refresh_from_db()
    assert meeting.status == "published" and meeting.published_at >= first_published_at


def test_a_publisher_schedules_through_the_form(publisher_client):
    when = timezone.localtime() + dt.timedelta(days=2)
    response = publisher_client.post(
        reverse("admin:meetings_meeting_add"),
        meeting_form(
            status="scheduled",
            published_at_0=when.strftime("%Y-%m-%d"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.status == "scheduled"
    assert not meeting.is_public
    assert Meeting.objects.scheduled().get() == meeting


def test_a_publisher_may_delete_a_published_meeting(publisher_client):
    meeting = make_meeting(status="published")
    delete = reverse("admin:meetings_meeting_delete", args=[meeting.pk])
    assert publisher_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Meeting.objects.exists()


def test_anonymous_visitors_cannot_post_actions(client):
    meeting = make_meeting(status="draft")
    response = client.post(
        reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [meeting.pk]}
    )
    assert response.status_code == 302 and "/login/" in response["Location"]
    meeting.refresh_from_db()
    assert meeting.status == "draft"
