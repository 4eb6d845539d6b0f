"""Names that only drafts use stay private: filter choices and related objects."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from aid.models import AidProgramme
from commission.models import Person, Topic
from core.preview import preview_url
from delegations.models import ProgrammeItem
from meetings.models import Participant
from reports.data import AnnualReport
from tests.factories import make_delegation, make_meeting, make_organisation, make_project

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def option(slug: str) -> str:
    return f'<option value="{slug}"'


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_a_person_only_in_a_draft_meeting_is_not_in_the_person_filter(client):
    make_meeting(title_en="Public talks")
    draft = make_meeting(title_en="Secret talks", status="draft")
    envoy = Person.objects.create(name_en="Hidden Envoy", slug="hidden-envoy")
    Participant.objects.create(meeting=draft, person=envoy)
    url = reverse("meetings:archive")

    listing = page(client, url)
    assert "Hidden Envoy" not in listing and option("hidden-envoy") not in listing
    # Asked for by name, the person is not a valid choice: ignored with the note.
    filtered = page(client, f"{url}?person=hidden-envoy")
    assert "is not valid and was ignored" in filtered and "Hidden Envoy" not in filtered

    draft.status = "published"
    draft.save()
    assert option("hidden-envoy") in page(client, url)
    assert "Secret talks" in page(client, f"{url}?person=hidden-envoy")


def test_a_topic_only_in_a_draft_meeting_is_not_in_the_topic_filter(client):
    make_meeting(title_en="Public talks")
    draft = make_meeting(title_en="Secret talks", status="draft")
    draft.topics.add(Topic.objects.create(name_en="Undisclosed matter", slug="undisclosed"))
    url = reverse("meetings:archive")

    assert "Undisclosed matter" not in page(client, url)

    draft.status = "published"
    draft.save()
    assert option("undisclosed") in page(client, url)


def test_a_donor_with_only_draft_projects_is_not_in_the_donor_filter(client):
    make_project(title_en="Public grant")
    secret_donor = make_organisation(name_en="Quiet Foundation", slug="quiet-foundation")
    draft = make_project(title_en="Secret grant", donor=secret_donor, status="draft")
    url = reverse("aid:index")

    listing = page(client, url)
    assert "Quiet Foundation" not in listing and option("quiet-foundation") not in listing
    assert "is not valid and was ignored" in page(client, f"{url}?donor=quiet-foundation")

    draft.status = "published"
    draft.save()
    assert option("quiet-foundation") in page(client, url)


def test_a_scheduled_programme_joins_the_programme_filter_when_its_time_comes(client):
    donor = make_organisation()
    programme = AidProgramme.objects.create(
        title_en="Future programme",
        slug="future-programme",
        donor=donor,
        status="scheduled",
        published_at=timezone.now() + dt.timedelta(days=1),
    )
    url = reverse("aid:index")
    assert option("future-programme") not in page(client, url)

    # Its time comes (the choices are read at each request, not once at start-up).
    programme.published_at = timezone.now()
    programme.save()
    assert option("future-programme") in page(client, url)


@pytest.fixture
def project_of_a_draft_programme():
    donor = make_organisation(name_en="Example Fund")
    programme = AidProgramme.objects.create(
        title_en="Unannounced programme", slug="unannounced", donor=donor, status="draft"
    )
    return make_project(title_en="Announced grant", donor=donor, programme=programme)


def test_a_published_project_does_not_name_its_draft_programme(
    client, project_of_a_draft_programme
):
    project = project_of_a_draft_programme
    detail = page(client, project.get_absolute_url())
    assert "Announced grant" in detail
    assert "Unannounced programme" not in detail

    csv_rows = list(
        csv.DictReader(io.StringIO(streamed(client.get("/en/open-data/aid-projects.csv"))))
    )
    assert [(row["title"], row["programme"]) for row in csv_rows] == [("Announced grant", "")]
    json_rows = json.loads(streamed(client.get("/en/open-data/aid-projects.json")))
    assert [(row["title"], row["programme"]) for row in json_rows] == [("Announced grant", "")]

    programme = project.programme
    programme.status = "published"
    programme.save()
    detail = page(client, project.get_absolute_url())
    assert f'<a href="{programme.get_absolute_url()}">Unannounced programme</a>' in detail
    csv_rows = list(
        csv.DictReader(io.StringIO(streamed(client.get("/en/open-data/aid-projects.csv"))))
    )
    assert csv_rows[0]["programme"] == "Unannounced programme"


def test_staff_see_the_draft_programme_in_the_preview_and_the_internal_report(
    admin_client, project_of_a_draft_programme
):
    project = project_of_a_draft_programme
    preview = admin_client.get(preview_url(project)).content.decode()
    assert "Unannounced programme" in preview
    assert 'href="/en/aid/programmes/unannounced/"' not in preview

    internal = AnnualReport(None, include_drafts=True)
    assert [row["programme"] for row in internal.project_rows()] == ["Unannounced programme"]
    public = AnnualReport(None)
    assert [row["programme"] for row in public.project_rows()] == [""]


def test_related_drafts_are_neither_linked_nor_named_on_public_pages(client):
    draft_meeting = make_meeting(title_en="Closed-door talks", slug="closed-door", status="draft")
    visit = make_delegation(title_en="Visit from Japan")
    ProgrammeItem.objects.create(
        delegation=visit, date=dt.date(2026, 3, 2), title="Talks", meeting=draft_meeting
    )
    project = make_project(title_en="Announced grant")
    project.related_meetings.add(draft_meeting)
    for url in (visit.get_absolute_url(), project.get_absolute_url()):
        body = page(client, url)
        assert "closed-door" not in body and "Closed-door talks" not in body, url
