"""Countries in the admin, and changelists doing constant work per row."""

from __future__ import annotations

import json

import pytest
from django import forms
from django.contrib.admin import helpers
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from commission.models import Person
from delegations.models import Delegation
from meetings.models import Meeting
from photos.services import photo_create
from tests.factories import make_delegation, make_meeting, make_person, make_project, meeting_form
from tests.photos.images import jpeg_bytes

pytestmark = pytest.mark.django_db


def autocomplete(client, term: str, model: str = "meeting", app: str = "meetings") -> list:
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app, "model_name": model, "field_name": "countries", "term": term},
    )
    assert response.status_code == 200
    return [(row["id"], row["text"]) for row in json.loads(response.content)["results"]]


def test_an_editor_finds_a_country_by_its_name_in_the_admins_language(editor_client):
    assert ("JP", "Japan") in autocomplete(editor_client, "japan")
    assert ("JP", "Japan") in autocomplete(
        editor_client, "JP", model="delegation", app="delegations"
    )
    with translation.override("ru"):
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "meetings",
                "model_name": "meeting",
                "field_name": "countries",
                "term": "Япон",
            },
            HTTP_ACCEPT_LANGUAGE="ru",
        )
    codes = [row["id"] for row in json.loads(response.content)["results"]]
    assert codes == ["JP"]
    assert autocomplete(editor_client, "no such country") == []


def test_the_country_table_is_not_edited_nor_listed_in_the_index(publisher_client):
    assert publisher_client.get(reverse("admin:commission_country_add")).status_code == 403
    index = publisher_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:commission_country_changelist") not in index


def test_a_meeting_saved_in_the_admin_gets_its_countries_and_keeps_them_in_history(
    admin_client,
):
    response = admin_client.post(
        reverse("admin:meetings_meeting_add"), meeting_form(countries=["JP", "CN"], status="draft")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    meeting = Meeting.objects.get()
    assert [c.code for c in meeting.countries.all()] == ["CN", "JP"]
    assert meeting.history.latest().countries == "CN,JP"
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    form = meeting_form(countries=["DE"], slug=meeting.slug, status="draft")
    assert admin_client.post(url, form).status_code == 302
    assert [c.code for c in meeting.countries.all()] == ["DE"]
    assert list(meeting.history.order_by("history_id").values_list("countries", flat=True)) == [
        "CN,JP",
        "DE",
    ]
    # An unknown code is refused with a message, nothing changes.
    response = admin_client.post(
        url, meeting_form(countries=["XX"], slug=meeting.slug, status="draft")
    )
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert [c.code for c in meeting.countries.all()] == ["DE"]


def test_the_country_filters_offer_only_the_countries_present(admin_client, client):
    make_meeting(countries=["JP"])
    make_meeting(countries=["CN"], status="draft")
    admin_page = admin_client.get(reverse("admin:meetings_meeting_changelist"))
    offered = {code for code, _name in admin_page.context["cl"].filter_specs[2].lookup_choices}
    assert offered == {"CN", "JP"}  # the admin sees drafts too
    public = client.get("/en/meetings/").context["filter"].form.fields["country"].choices
    assert {code for code, _name in public if code} == {"JP"}  # the public does not
    assert [m.country for m in [make_person(country="DE"), make_person(country="")]]
    people = admin_client.get(reverse("admin:commission_person_changelist"), {"country": "DE"})
    assert [p.name for p in people.context["cl"].result_list] == [
        p.name for p in Person.objects.filter(country="DE")
    ]


def test_the_selection_box_is_the_one_django_renders():
    from meetings.admin import MeetingAdmin

    meeting = Meeting(pk=7, title_en='Talks "A" & <B>')
    ours = MeetingAdmin(Meeting, None).action_checkbox(meeting)
    attrs = {
        "class": "action-select",
        "aria-label": f"Select this object for an action - {meeting}",
    }
    theirs = forms.CheckboxInput(attrs, lambda value: False).render(
        helpers.ACTION_CHECKBOX_NAME, "7"
    )
    assert str(ours) == str(theirs)


def changelist_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "admin:meetings_meeting_changelist",
        "admin:delegations_delegation_changelist",
        "admin:commission_person_changelist",
        "admin:aid_aidproject_changelist",
    ],
)
def test_admin_lists_run_as_many_queries_for_30_rows_as_for_1(admin_client, url):
    def add(n: int) -> None:
        person = make_person(country="JP")
        meeting = make_meeting(countries=["JP", "CN"], title_en=f"Meeting {n}")
        make_delegation(countries=["DE"], head=person, title_en=f"Visit {n}")
        project = make_project(title_en=f"Project {n}")
        for item in (meeting, project):  # a cover on each row
            item.gallery.create(photo=photo, is_cover=True)

    photo = photo_create(
        file=ContentFile(jpeg_bytes(640, 480), name="cover.jpg"), alt_text="A cover"
    )

    add(0)
    admin_client.get(reverse(url))
    one = changelist_queries(admin_client, reverse(url))
    for n in range(1, 30):
        add(n)
    assert Delegation.objects.count() == 30
    # Each measured after a first view: what is kept until the content changes
    # (the country filter's choices) is computed once, not per row.
    admin_client.get(reverse(url))
    assert changelist_queries(admin_client, reverse(url)) == one
