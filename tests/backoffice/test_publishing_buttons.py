"""Save draft / Preview / Publish / Schedule as buttons, by permission, checked on the server."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import make_meeting, meeting_form

pytestmark = pytest.mark.django_db

ADD = "admin:meetings_meeting_add"


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def button_values(response) -> list[str]:

    return re.findall(r'<button type="submit" name="_action" value="(\w+)"', response.text)


def test_an_editor_sees_save_draft_and_preview_but_no_publish_and_no_state_dropdown(editor_client):
    response = editor_client.get(reverse(ADD))
    values = button_values(response)
    assert "draft" in values and "preview" in values
    assert "publish" not in values and "schedule" not in values
    assert 'name="status"' not in response.text


def test_a_publisher_sees_publish_and_schedule_and_the_state_is_not_a_dropdown(publisher_client):
    response = publisher_client.get(reverse(ADD))
    values = button_values(response)
    assert {"draft", "preview", "publish", "schedule"} <= set(values)
    assert '<select name="status"' not in response.text
    assert 'type="hidden" name="status"' in response.text


def test_an_editor_posting_publish_is_refused_and_nothing_is_saved(editor_client):
    response = editor_client.post(
        reverse(ADD), meeting_form(title_en="Talks kept", _action="publish")
    )
    assert response.status_code == 200
    assert "Only a publisher can publish" in response.text
    assert "Talks kept" in response.text  # what was typed is still in the form
    assert not Meeting.objects.exists()


def test_an_editor_saves_a_draft_and_stays_on_the_form(editor_client):
    response = editor_client.post(reverse(ADD), meeting_form(_action="draft"))
    meeting = Meeting.objects.get()
    assert meeting.status == "draft"
    assert response.status_code == 302 and response["Location"] == change_url(meeting)


def test_save_and_preview_goes_to_the_signed_preview(editor_client):
    response = editor_client.post(reverse(ADD), meeting_form(_action="preview"))
    assert response.status_code == 302 and "/preview/" in response["Location"]
    page = editor_client.get(response["Location"])
    assert page.status_code == 200
    assert "Back to edit" in page.text
    assert change_url(Meeting.objects.get()) in page.text
    assert "preview-publish" not in page.text  # an editor gets no Publish button


def test_a_publisher_publishes_with_the_button(publisher_client):
    meeting = make_meeting(status="draft", title_en="Ready")
    response = publisher_client.post(
        change_url(meeting),
        meeting_form(title_en="Ready", slug=meeting.slug, status="draft", _action="publish"),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "published" and meeting.published_at is not None


def test_a_publisher_schedules_only_for_a_future_time(publisher_client):
    meeting = make_meeting(status="draft")
    past = timezone.localtime() - dt.timedelta(days=1)
    form = meeting_form(
        slug=meeting.slug,
        status="draft",
        published_at_0=past.strftime("%Y-%m-%d"),
        published_at_1=past.strftime("%H:%M:%S"),
        _action="schedule",
    )
    response = publisher_client.post(change_url(meeting), form)
    assert response.status_code == 200 and "in the future" in response.text
    meeting.refresh_from_db()
    assert meeting.status == "draft"

    future = timezone.localtime() + dt.timedelta(days=2)
    form["published_at_0"] = future.strftime("%Y-%m-%d")
    form["published_at_1"] = future.strftime("%H:%M:%S")
    assert publisher_client.post(change_url(meeting), form).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "scheduled" and not meeting.is_public


def test_unpublish_takes_a_published_item_back_to_draft(publisher_client):
    meeting = make_meeting(status="published")
    form = meeting_form(slug=meeting.slug, status="published", _action="unpublish")
    assert publisher_client.post(change_url(meeting), form).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "draft"


def test_the_preview_banner_publishes_for_a_publisher_only(editor, publisher_client):
    from django.test import Client

    editor_client = Client()
    editor_client.force_login(editor)
    meeting = make_meeting(status="draft")
    publish = reverse("admin:meetings_meeting_publish", args=[meeting.pk])
    assert editor_client.post(publish).status_code == 403
    assert publisher_client.get(publish).status_code == 405
    meeting.refresh_from_db()
    assert meeting.status == "draft"

    from core.preview import preview_url

    page = publisher_client.get(preview_url(meeting))
    assert publish in page.text
    response = publisher_client.post(publish)
    assert response.status_code == 302 and response["Location"] == change_url(meeting)
    meeting.refresh_from_db()
    assert meeting.status == "published"


def test_a_project_takes_its_programme_donor_and_donors_are_donor_organisations(
    publisher_client,
):
    from aid.models import AidProgramme, AidProject
    from tests.factories import make_organisation

    japan = make_organisation(name_en="Government of Japan", kind="government")
    hospital = make_organisation(name_en="Senno Hospital", kind="hospital")
    programme = AidProgramme.objects.create(
        title_en="Grass-roots grants", slug="grass-roots", donor=japan, status="published"
    )
    from tests.backoffice.test_money_input import project_form

    form = project_form(
        publisher_client,
        title_en="A new X-ray unit",
        programme=str(programme.pk),
        donor="",
        _action="draft",
    )
    add = reverse("admin:aid_aidproject_add")
    response = publisher_client.post(add, form)
    assert response.status_code == 302
    assert AidProject.objects.get().donor == japan

    response = publisher_client.post(add, {**form, "title_en": "Another", "donor": hospital.pk})
    assert response.status_code == 200
    assert AidProject.objects.count() == 1

    autocomplete = publisher_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "aid", "model_name": "aidproject", "field_name": "donor", "term": ""},
    ).json()
    names = [row["text"] for row in autocomplete["results"]]
    assert "Government of Japan" in names and "Senno Hospital" not in names
