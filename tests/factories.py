"""Small factories of the test data: staff, organisations, people, content, form data."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model

from commission.models import Organisation, Person

_sequence = itertools.count(1)


def make_staff(username: str, group: str | None):
    from django.contrib.auth.models import Group, Permission

    from core.roles import create_roles

    # A transactional test's flush removes what the data migration made.
    create_roles(Group, Permission)

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-12345")
    user.is_staff = True
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_organisation(**fields) -> Organisation:
    number = next(_sequence)
    fields.setdefault("name_en", f"Organisation {number}")
    fields.setdefault("slug", f"organisation-{number}")
    fields.setdefault("kind", Organisation.Kind.GOVERNMENT)
    fields.setdefault("country", "JP")
    return Organisation.objects.create(**fields)


def make_person(**fields) -> Person:
    number = next(_sequence)
    fields.setdefault("name_en", f"Person {number}")
    fields.setdefault("slug", f"person-{number}")
    return Person.objects.create(**fields)


def make_meeting(**fields):
    from meetings.models import Meeting

    number = next(_sequence)
    fields.setdefault("title_en", f"Meeting {number}")
    fields.setdefault("slug", f"meeting-{number}")
    fields.setdefault("date", dt.date(2026, 1, 26))
    fields.setdefault("status", "published")
    codes = fields.pop("countries", [])
    meeting = Meeting.objects.create(**fields)
    if codes:
        meeting.countries.set(codes)
    return meeting


def make_delegation(**fields):
    from delegations.models import Delegation

    number = next(_sequence)
    fields.setdefault("title_en", f"Delegation {number}")
    fields.setdefault("slug", f"delegation-{number}")
    fields.setdefault("direction", "incoming")
    fields.setdefault("start_date", dt.date(2026, 3, 2))
    fields.setdefault("end_date", dt.date(2026, 3, 4))
    fields.setdefault("status", "published")
    codes = fields.pop("countries", [])
    delegation = Delegation.objects.create(**fields)
    if codes:
        delegation.countries.set(codes)
    return delegation


def make_project(**fields):
    from aid.models import AidProject

    number = next(_sequence)
    fields.setdefault("title_en", f"Project {number}")
    fields.setdefault("slug", f"project-{number}")
    if "donor" not in fields:
        fields["donor"] = make_organisation()
    fields.setdefault("status", "published")
    return AidProject.objects.create(**fields)


def make_japan_meeting(*, photo: bool = False, **fields):
    """The meeting of 26 January 2026 with the ambassador of Japan, titled in three languages.

    The commission's chairman and the ambassador take part; with ``photo``, a
    photo is its gallery's cover (its variants are made on commit).
    """
    titles = {
        "en": "Commission Chairman Sergei Aleinik meets the Ambassador of Japan",
        "ru": "Председатель комиссии Сергей Алейник встретился с Послом Японии",
        "be": "Старшыня камісіі Сяргей Алейнік сустрэўся з Паслом Японіі",
    }
    for language, title in titles.items():
        fields.setdefault(f"title_{language}", title)
    fields.setdefault("slug", "chairman-meets-ambassador-of-japan")
    fields.setdefault("countries", ["JP"])
    meeting = make_meeting(**fields)
    chairman = make_person(name_en="Sergei Aleinik")
    ambassador = make_person(
        name_en="Ambassador of Japan to Belarus",
        position_en="Ambassador of Japan to the Republic of Belarus",
    )
    meeting.participant_set.create(person=chairman, side="commission", position=0)
    meeting.participant_set.create(person=ambassador, side="counterpart", position=1)
    if photo:
        from django.core.files.base import ContentFile

        from photos.services import photo_create
        from tests.photos.images import jpeg_bytes

        picture = photo_create(
            file=ContentFile(jpeg_bytes(2400, 1600), name="meeting.jpg"),
            alt_text="The chairman and the ambassador",
        )
        meeting.gallery.create(photo=picture, position=0, is_cover=True)
    return meeting


def make_hospital_project(**fields):
    """A grant for Stolin Central District Hospital under a programme of Japan's, signed in 2026.

    Donor, programme and recipient each have the slug an export writes.
    """
    from aid.models import AidProgramme, Milestone

    donor = make_organisation(name_en="Government of Japan", slug="government-of-japan")
    programme = AidProgramme.objects.create(
        title_en="Grass-roots grant assistance",
        slug="japan-grass-roots-grant-assistance",
        donor=donor,
        status="published",
    )
    recipient = make_organisation(
        name_en="Stolin Central District Hospital",
        slug="stolin-central-district-hospital",
        kind="hospital",
        country="BY",
    )
    fields.setdefault("title_en", "Supply of medical equipment to Stolin Central District Hospital")
    fields.setdefault("title_ru", "Поставка медицинского оборудования в Столинскую больницу")
    fields.setdefault("slug", "stolin-central-district-hospital-equipment")
    fields.setdefault("summary_en", "Diagnostic equipment for the district hospital in Stolin.")
    fields.setdefault("recipient_country", "BY")
    fields.setdefault("region", "BY-BR")
    fields.setdefault("district_en", "Stolin district")
    fields.setdefault("project_status", "implementation")
    fields.setdefault("year", 2026)
    project = make_project(donor=donor, programme=programme, recipient=recipient, **fields)
    Milestone.objects.create(project=project, kind="agreement_signed", date=dt.date(2026, 1, 16))
    return project


def meeting_form(**overrides) -> dict:
    """POST data for the admin's meeting form, with empty inlines."""
    data = {
        "title_en": "Sitting on cooperation",
        "kind": "sitting",
        "date": "2026-02-10",
        "slug": "",
        "participant_set-TOTAL_FORMS": "0",
        "participant_set-INITIAL_FORMS": "0",
        "gallery-TOTAL_FORMS": "0",
        "gallery-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data
