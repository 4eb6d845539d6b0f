"""The admin's autocomplete boxes write Django's options, reading only what the form does not hold.

Every autocomplete box of every admin form of the site is the project's
(``core/autocomplete.py``), and writes the options Django's own box writes for
the same value (compared as data, in English and Russian); a change form runs
as many queries with five rows of participants as with one (each row's person
is read with the row); a value sent back, or a box whose choices are limited,
is looked up as Django does.
"""

from __future__ import annotations

import pytest
from django.contrib.admin.widgets import AutocompleteMixin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commission.models import StaffPreference
from core.autocomplete import _ChosenOptions
from tests.core.admin_forms import form_pages, forms_of_the_admin
from tests.core.test_admin_rows import content  # noqa: F401 (the fixture: one of each kind)
from tests.factories import make_person


def boxes(response):
    """(bound field, its autocomplete box) of the page's form and its inlines' forms."""
    forms = [response.context["adminform"].form]
    for formset in response.context["inline_admin_formsets"]:
        forms += [*formset.formset.forms, formset.formset.empty_form]
    for form in forms:
        for bound in form:
            box = getattr(bound.field.widget, "widget", bound.field.widget)
            if isinstance(box, AutocompleteMixin):
                yield bound, box


def compare(response) -> int:
    compared = 0
    for bound, box in boxes(response):
        assert isinstance(box, _ChosenOptions), bound.html_name
        value = box.format_value(bound.value())
        box.held = bound._held()
        box.held_in_choices = bool(box.held) and bound._among_choices(box.held)
        ours = box.optgroups(bound.html_name, value)
        djangos = AutocompleteMixin.optgroups(box, bound.html_name, value)
        assert ours == djangos, bound.html_name
        compared += 1
    return compared


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("name", forms_of_the_admin())
def test_every_autocomplete_box_is_the_projects_and_writes_djangos_options(
    admin_client,
    superuser,
    content,  # noqa: F811
    name,
    language,
):
    if language != "en":
        StaffPreference.objects.create(user=superuser, language=language)
    compared = sum(compare(response) for response in form_pages(admin_client, name))
    if not compared:
        pytest.skip(f"{name}: no autocomplete box on its forms")


def change_form_queries(client, meeting) -> int:
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    client.get(url)  # what is kept between pages (the sidebar, the counts) kept
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_a_change_form_reads_as_much_for_five_participants_as_for_one(admin_client, content):  # noqa: F811
    from meetings.models import Meeting

    meeting = Meeting.objects.get(slug="chairman-meets-ambassador-of-japan")
    meeting.participant_set.all().delete()
    meeting.participant_set.create(person=make_person(name_en="First"), side="commission")
    one = change_form_queries(admin_client, meeting)
    for number in range(4):
        meeting.participant_set.create(
            person=make_person(name_en=f"Guest {number}"), side="counterpart", position=number + 1
        )
    assert change_form_queries(admin_client, meeting) == one
    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert "Guest 3" in page.content.decode()  # each row's person, written in its box


def test_a_value_sent_back_is_looked_up(admin_client, content):  # noqa: F811
    from meetings.models import Meeting

    meeting = Meeting.objects.get(slug="chairman-meets-ambassador-of-japan")
    other = make_person(name_en="Chosen <again>")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = admin_client.post(
        url,
        {
            "title_en": "",  # an error: the form is sent back
            "kind": "sitting",
            "date": "2026-01-26",
            "participant_set-TOTAL_FORMS": "1",
            "participant_set-INITIAL_FORMS": "0",
            "participant_set-0-person": str(other.pk),
            "participant_set-0-side": "counterpart",
            "gallery-TOTAL_FORMS": "0",
            "gallery-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200 and response.context["adminform"].form.errors
    assert compare(response)
    page = response.content.decode()
    assert f'<option value="{other.pk}" selected>Chosen &lt;again&gt;</option>' in page


def test_a_box_with_limited_choices_asks_the_database(admin_client, content):  # noqa: F811
    from commission.models import Person
    from meetings.models import Meeting

    meeting = Meeting.objects.get(slug="chairman-meets-ambassador-of-japan")
    response = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    row = response.context["inline_admin_formsets"][0].formset.forms[0]
    person = row.instance.person
    with CaptureQueriesContext(connection) as context:
        shown = str(row["person"])
    assert not context.captured_queries  # held: the person read with the row
    assert f'<option value="{person.pk}" selected>{person}</option>' in shown
    row.fields["person"].queryset = Person.objects.exclude(pk=person.pk)  # e.g. by a form
    with CaptureQueriesContext(connection) as context:
        shown = str(row["person"])
    assert len(context.captured_queries) == 1  # asked: the person is not among the choices
    assert f'value="{person.pk}"' not in shown


def test_a_donor_is_held_when_its_kind_fits_and_asked_for_otherwise(admin_client):
    from commission.models import Organisation
    from tests.factories import make_hospital_project

    project = make_hospital_project()
    url = reverse("admin:aid_aidproject_change", args=[project.pk])
    response = admin_client.get(url)
    assert compare(response)
    form = response.context["adminform"].form
    donor = project.donor
    with CaptureQueriesContext(connection) as context:
        shown = str(form["donor"])
    assert not context.captured_queries  # a government: a donor's kind, checked on the row
    assert f'<option value="{donor.pk}" selected>{donor}</option>' in shown
    Organisation.objects.filter(pk=donor.pk).update(kind="hospital")  # no longer a donor kind
    response = admin_client.get(url)
    assert compare(response)
    form = response.context["adminform"].form
    with CaptureQueriesContext(connection) as context:
        shown = str(form["donor"])
    assert len(context.captured_queries) == 1 and f'value="{donor.pk}"' not in shown


def test_the_items_own_relations_are_read_with_it(admin_client, content):  # noqa: F811
    from delegations.models import Delegation

    delegation = Delegation.objects.get()
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])

    def queries() -> int:
        admin_client.get(url)  # what is kept between pages kept
        with CaptureQueriesContext(connection) as context:
            response = admin_client.get(url)
        return len(context.captured_queries), response

    with_head, response = queries()
    assert compare(response)
    head = delegation.head
    assert f'<option value="{head.pk}" selected>{head}</option>' in response.content.decode()
    Delegation.objects.filter(pk=delegation.pk).update(head=None)
    without_head, _response = queries()
    assert with_head == without_head  # the head read with the delegation, not by its box
