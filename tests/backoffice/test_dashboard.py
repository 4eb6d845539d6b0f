"""The admin's front page says what needs attention."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from backoffice.dashboard import attention_items
from photos.models import Photo
from tests.factories import make_meeting, make_project

pytestmark = pytest.mark.django_db


def counts(user) -> dict[tuple[str, str], int]:
    return {
        (str(section), str(item.label)): item.count
        for section, items in attention_items(user)
        for item in items
    }


def test_it_counts_drafts_scheduled_untranslated_and_photo_states(superuser):
    make_meeting(status="draft", title_en="Draft", title_ru="Черновик", title_be="Чарнавік")
    make_meeting(
        status="scheduled",
        published_at=timezone.now() + dt.timedelta(days=1),
        title_ru="Запланировано",
        title_be="Запланавана",
    )
    make_meeting(status="published", title_ru="", title_be="")
    make_project(status="draft")
    Photo.objects.create(alt_text="Failed", status=Photo.Status.FAILED)
    Photo.objects.create(alt_text="Waiting")
    found = counts(superuser)
    assert found[("Drafts", "meetings")] == 1
    assert found[("Drafts", "aid projects")] == 1
    assert found[("Scheduled", "meetings")] == 1
    assert found[("Translation incomplete (Russian or Belarusian)", "meetings")] == 1
    assert found[("Photos", "failed")] == 1
    assert found[("Photos", "waiting")] == 1


def test_the_admin_index_shows_it_with_links_to_the_lists(admin_client):
    make_meeting(status="draft")
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "Needs attention" in page
    assert reverse("admin:meetings_meeting_changelist") + "?status__exact=draft" in page


def test_the_missing_translation_filter_lists_what_the_dashboard_counts(admin_client):
    make_meeting(title_en="Only English", title_ru="", title_be="")
    make_meeting(title_en="All three", title_ru="Все три", title_be="Усе тры")
    url = reverse("admin:meetings_meeting_changelist") + "?translations=incomplete"
    page = admin_client.get(url).content.decode()
    assert "Only English" in page and "All three" not in page


def test_the_counts_are_kept_until_the_content_changes(superuser, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from photos.models import update_photos

    now = timezone.now()
    meeting = make_meeting(status="draft")
    photo = Photo.objects.create(alt_text="Waiting")
    assert counts(superuser)[("Drafts", "meetings")] == 1
    with CaptureQueriesContext(connection) as again:
        counts(superuser)
    assert not [q for q in again.captured_queries if "COUNT(" in q["sql"].upper()]

    meeting.status, meeting.published_at = "scheduled", now + dt.timedelta(hours=1)
    meeting.save()  # a save: seen at once
    found = counts(superuser)
    assert found[("Drafts", "meetings")] == 0 and found[("Scheduled", "meetings")] == 1
    update_photos(Photo.objects.filter(pk=photo.pk), status=Photo.Status.FAILED)
    assert counts(superuser)[("Photos", "failed")] == 1
    # The scheduled meeting's time comes, with nothing saved: no longer counted.
    monkeypatch.setattr(timezone, "now", lambda: now + dt.timedelta(hours=2))
    assert counts(superuser)[("Scheduled", "meetings")] == 0
