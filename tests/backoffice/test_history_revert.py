"""A history revert is a change like any other: the same permission, form and save rules."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse

from aid.models import AidProject
from meetings.models import Meeting
from tests.factories import make_meeting, make_project, make_staff, meeting_form

pytestmark = pytest.mark.django_db


def published_with_a_draft_past(make, **fields):
    """An item first saved as a draft titled "Early draft", then published as it is now."""
    item = make(status="draft", title_en="Early draft", **fields)
    draft_version = item.history.get()
    item.title_en = "Published title"
    item.status = "published"
    item.save()
    return item, draft_version


def revert_url(item, version) -> str:
    opts = item._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[item.pk, version.history_id],
    )


def project_form(project: AidProject, **overrides) -> dict:
    data = {
        "title_en": project.title_en,
        "donor": project.donor_id,
        "recipient_country": "BY",
        "sector": project.sector,
        "project_status": project.project_status,
        "slug": project.slug,
    }
    data.update(overrides)
    return data


def test_an_editor_cannot_revert_a_published_meeting(editor_client, client):
    meeting, draft_version = published_with_a_draft_past(make_meeting)
    url = revert_url(meeting, draft_version)
    form = meeting_form(title_en="Early draft", slug=meeting.slug, status="draft")

    assert editor_client.post(url, form).status_code == 403

    meeting.refresh_from_db()
    assert (meeting.status, meeting.title_en) == ("published", "Published title")
    assert meeting.history.count() == 2
    editor_client.logout()
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_an_editor_cannot_revert_a_published_aid_project(editor_client, client):
    project, draft_version = published_with_a_draft_past(make_project)
    url = revert_url(project, draft_version)

    response = editor_client.post(url, project_form(project, title_en="Early draft"))

    assert response.status_code == 403
    project.refresh_from_db()
    assert (project.status, project.title_en) == ("published", "Published title")
    editor_client.logout()
    assert client.get(project.get_absolute_url()).status_code == 200


def test_the_editor_is_told_why_the_revert_page_of_a_published_item_has_no_button(
    editor_client,
):
    meeting, draft_version = published_with_a_draft_past(make_meeting)
    page = editor_client.get(revert_url(meeting, draft_version))
    assert page.status_code == 200
    content = page.content.decode()
    assert "only a publisher can change it" in content
    assert 'name="_save"' not in content


def test_a_publisher_reverts_a_published_meeting_and_it_stays_published(publisher_client, client):
    meeting = make_meeting(status="published", title_en="First published title")
    first_version = meeting.history.get()
    meeting.title_en = "Second published title"
    meeting.save()
    url = revert_url(meeting, first_version)
    assert publisher_client.get(url).status_code == 200

    form = meeting_form(title_en="First published title", slug=meeting.slug, status="published")
    assert publisher_client.post(url, form).status_code == 302

    meeting.refresh_from_db()
    assert (meeting.status, meeting.title_en) == ("published", "First published title")
    assert meeting.history.first().history_user.username == "publisher"
    publisher_client.logout()
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_an_editor_may_still_revert_a_draft_and_it_stays_a_draft(editor_client):
    meeting = make_meeting(status="draft", title_en="First draft")
    first_version = meeting.history.get()
    meeting.title_en = "Second draft"
    meeting.save()

    form = meeting_form(title_en="First draft", slug=meeting.slug, status="published")
    response = editor_client.post(revert_url(meeting, first_version), form)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.title_en) == ("draft", "First draft")


def test_staff_who_may_only_view_cannot_revert_even_a_draft(client):
    viewer = make_staff("viewer", None)
    viewer.user_permissions.add(Permission.objects.get(codename="view_meeting"))
    client.force_login(viewer)
    meeting = make_meeting(status="draft", title_en="First draft")
    first_version = meeting.history.get()
    meeting.title_en = "Second draft"
    meeting.save()

    form = meeting_form(title_en="Vandalised", slug=meeting.slug)
    assert client.post(revert_url(meeting, first_version), form).status_code == 403

    meeting.refresh_from_db()
    assert meeting.title_en == "Second draft"


def test_a_revert_with_an_invalid_form_shows_the_errors_and_saves_nothing(publisher_client):
    meeting = make_meeting(status="draft", title_en="First draft")
    first_version = meeting.history.get()

    form = meeting_form(title_en="Renamed", slug=meeting.slug, date="not a date")
    response = publisher_client.post(revert_url(meeting, first_version), form)

    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title_en == "First draft"


def test_a_revert_of_a_deleted_item_is_refused_with_a_message(publisher_client):
    meeting = make_meeting(status="draft")
    version = meeting.history.get()
    url = revert_url(meeting, version)
    meeting.delete()

    response = publisher_client.post(url, meeting_form(slug="back-again"), follow=True)

    assert "a deleted item cannot be reverted" in response.content.decode()
    assert not Meeting.objects.exists()


def test_every_admin_with_history_guards_its_revert():
    from core.history import GuardedHistoryAdmin

    with_history = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if hasattr(model, "history")
    ]
    assert len(with_history) >= 9
    assert all(isinstance(model_admin, GuardedHistoryAdmin) for model_admin in with_history)
