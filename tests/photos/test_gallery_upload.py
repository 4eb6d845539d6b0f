"""A gallery upload: each new photo has its own alt text and caption; errors lose no file."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Meeting
from photos import pending
from photos.models import Photo
from tests.factories import make_meeting, meeting_form
from tests.photos import images

pytestmark = pytest.mark.django_db


def jpeg(name: str, width: int = 800, height: int = 600) -> SimpleUploadedFile:
    data = images.encode(images.upright_marker(width, height), "JPEG", quality=90)
    return SimpleUploadedFile(name, data, "image/jpeg")


def tokens(html: str) -> list[str]:
    return re.findall(r'name="pending_photos" value="([^"]+)"', html)


def test_a_photo_without_its_alt_text_comes_back_kept_and_the_second_post_saves_both(
    editor_client, django_capture_on_commit_callbacks
):
    data = meeting_form(title_en="Talks with Japan", _action="draft")
    data["upload_photos"] = [jpeg("table.jpg"), jpeg("hands.jpg", 600, 800)]
    data["upload_photos_alt_0"] = "The delegations at the table"
    data["upload_photos_caption_0"] = "Minsk, 10 February"
    response = editor_client.post(reverse("admin:meetings_meeting_add"), data)

    assert response.status_code == 200
    html = response.text
    assert "Give the alternative text of the new photo hands.jpg" in html
    assert not Meeting.objects.exists() and not Photo.objects.exists()
    kept = tokens(html)
    assert len(kept) == 2
    assert 'value="The delegations at the table"' in html and 'value="Minsk, 10 February"' in html

    again = meeting_form(title_en="Talks with Japan", _action="draft")
    again["pending_photos"] = kept
    again["pending_photos_alt_0"] = "The delegations at the table"
    again["pending_photos_caption_0"] = "Minsk, 10 February"
    again["pending_photos_alt_1"] = "The chairman shakes hands with the ambassador"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("admin:meetings_meeting_add"), again)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.status == "draft"
    photos = [item.photo for item in meeting.gallery.select_related("photo")]
    assert [p.alt_text for p in photos] == [
        "The delegations at the table",
        "The chairman shakes hands with the ambassador",
    ]
    assert [p.caption for p in photos] == ["Minsk, 10 February", ""]
    assert [p.original_name for p in photos] == ["table.jpg", "hands.jpg"]
    assert all(p.status == Photo.Status.READY and p.content_hash for p in photos)
    assert (photos[1].width, photos[1].height) == (600, 800)


def test_an_error_elsewhere_in_the_form_keeps_the_chosen_photos(editor_client):
    data = meeting_form(title_en="", _action="draft")  # the title is required
    data["upload_photos"] = [jpeg("table.jpg")]
    data["upload_photos_alt_0"] = "The delegations at the table"
    response = editor_client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 200
    assert len(tokens(response.text)) == 1
    assert "table.jpg" in response.text


def test_a_kept_photo_can_be_left_out(editor_client, settings):
    data = meeting_form(title_en="", _action="draft")
    data["upload_photos"] = [jpeg("table.jpg")]
    kept = tokens(editor_client.post(reverse("admin:meetings_meeting_add"), data).text)
    again = meeting_form(title_en="Talks", _action="draft")
    again["pending_photos"] = kept
    again["pending_photos_remove_0"] = "1"
    assert editor_client.post(reverse("admin:meetings_meeting_add"), again).status_code == 302
    assert Meeting.objects.get().gallery.count() == 0
    assert pending.load(kept[0]) is None  # its file is gone


def test_a_forged_token_is_ignored(editor_client):
    meeting = make_meeting(status="draft")
    data = meeting_form(slug=meeting.slug, _action="draft")
    data["pending_photos"] = ["originals/secret.jpg", "x:y:z"]
    data["pending_photos_alt_0"] = "Forged"
    response = editor_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert not Photo.objects.exists()


def test_the_kept_photo_preview_is_for_staff_who_add_photos(editor_client, client):
    data = meeting_form(title_en="", _action="draft")
    data["upload_photos"] = [jpeg("table.jpg")]
    kept = tokens(editor_client.post(reverse("admin:meetings_meeting_add"), data).text)
    url = reverse("admin:photos_photo_pending", args=[kept[0]])
    response = editor_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    client.logout()
    assert client.get(url).status_code == 302  # to the login
