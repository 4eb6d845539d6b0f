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
