"""The public pages show published content, in every language, and never drafts."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    make_delegation,
    make_meeting,
    make_organisation,
    make_person,
    make_project,
)

pytestmark = pytest.mark.django_db


def test_the_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_home_lists_the_latest_meeting_in_each_language(client, language):
    make_meeting(
        title_en="Commission Chairman Sergei Aleinik meets the Ambassador of Japan",
        title_ru="Председатель комиссии Сергей Алейник встретился с Послом Японии",
        title_be="Старшыня камісіі Сяргей Алейнік сустрэўся з Паслом Японіі",
    )
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    expected = {
        "en": "Commission Chairman Sergei Aleinik meets the Ambassador of Japan",
        "ru": "Председатель комиссии Сергей Алейник встретился с Послом Японии",
        "be": "Старшыня камісіі Сяргей Алейнік сустрэўся з Паслом Японіі",
    }[language]
    assert expected in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


def test_drafts_are_absent_from_lists_and_their_pages_are_404(client):
    public = make_meeting(title_en="Open sitting")
    draft = make_meeting(title_en="Secret sitting", status="draft")
    archive = client.get(reverse("meetings:archive")).content.decode()
    assert "Open sitting" in archive and "Secret sitting" not in archive
    assert client.get(public.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_delegation_and_project_are_404(client):
    delegation = make_delegation(status="draft")
    project = make_project(status="draft")
    assert client.get(delegation.get_absolute_url()).status_code == 404
    assert client.get(project.get_absolute_url()).status_code == 404


def test_meeting_detail_lists_participants(client):
    meeting = make_meeting()
    chairman = make_person(name_en="Sergei Aleinik")
    ambassador = make_person(name_en="Ambassador of Japan to Belarus")
    meeting.participant_set.create(person=chairman, side="commission", position=0)
    meeting.participant_set.create(person=ambassador, side="counterpart", position=1)
    with translation.override("en"):
        url = meeting.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Sergei Aleinik" in page
    assert "Ambassador of Japan to Belarus" in page


def test_a_meeting_under_the_wrong_year_is_404(client):
    meeting = make_meeting()
    assert client.get(f"/en/meetings/1999/{meeting.slug}/").status_code == 404


def test_aid_page_shows_unknown_amounts_as_unknown_and_the_approximate_total(client):
    from aid.models import AidProgramme

    donor = make_organisation(name_en="Government of Japan")
    AidProgramme.objects.create(
        title_en="Chernobyl assistance",
        slug="chernobyl-assistance",
        donor=donor,
        reported_total=40_000_000,
        reported_total_currency="USD",
        reported_total_is_approximate=True,
        status="published",
    )
    make_project(donor=donor, amount=None)
    page = client.get("/en/aid/").content.decode()
    assert "not known" in page
    assert "≈" in page and "40,000,000 USD" in page


def test_members_page_shows_the_chairman(client):
    from commission.models import Membership

    chairman = make_person(name_en="Sergei Aleinik")
    Membership.objects.create(person=chairman, role=Membership.Role.CHAIR)
    page = client.get("/en/members/").content.decode()
    assert "Sergei Aleinik" in page and "Chairman" in page


def test_development_media_serves_variants_but_never_originals(rf, settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.http import Http404

    from website.views import serve_public_media

    settings.SERVE_MEDIA = True
    default_storage.save("originals/secret.jpg", ContentFile(b"original"))
    default_storage.save("photos/ab/public.webp", ContentFile(b"variant"))
    response = serve_public_media(rf.get("/"), "photos/ab/public.webp")
    assert b"".join(response.streaming_content) == b"variant"
    for path in ("originals/secret.jpg", "photos/../originals/secret.jpg", "photos/missing.jpg"):
        with pytest.raises(Http404):
            serve_public_media(rf.get("/"), path)
    settings.SERVE_MEDIA = False
    with pytest.raises(Http404):
        serve_public_media(rf.get("/"), "photos/ab/public.webp")
