"""Text pasted with control characters is stored without them, whichever way it comes in."""

import io

import pytest
import tablib
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import meeting_form

pytestmark = pytest.mark.django_db


def test_a_title_pasted_with_a_vertical_tab_is_saved_without_it(publisher_client):
    response = publisher_client.post(
        reverse("admin:meetings_meeting_add"),
        meeting_form(
            title_en="Talks\x0bwith the Ambassador of Japan",
            summary_en="First paragraph.\x0bSecond line.\x01",
            status="published",
        ),
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    meeting = Meeting.objects.get()
    assert meeting.title_en == "Talks with the Ambassador of Japan"
    assert meeting.summary_en == "First paragraph.\nSecond line."
    history = meeting.history.get()
    assert (history.title_en, history.summary_en) == (meeting.title_en, meeting.summary_en)


def test_the_admin_import_stores_text_without_control_characters(publisher_client):
    dataset = tablib.Dataset(headers=["slug", "title_en", "summary_en", "kind", "date", "status"])
    dataset.append(
        ["pasted", "Talks\x0bwith Japan\x07", "One\x0btwo", "sitting", "2026-03-02", "draft"]
    )
    upload = io.BytesIO(dataset.export("csv").encode())
    upload.name = "meetings.csv"
    preview = publisher_client.post(
        reverse("admin:meetings_meeting_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert preview.status_code == 200
    confirm = preview.context["confirm_form"]
    assert not Meeting.objects.exists()  # the dry run saved nothing

    response = publisher_client.post(
        reverse("admin:meetings_meeting_process_import"), confirm.initial
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(slug="pasted")
    assert meeting.title_en == "Talks with Japan"
    assert meeting.summary_en == "One\ntwo"
    assert meeting.history.get().title_en == "Talks with Japan"
