"""Admin list rows written once per column (core/templatetags/admin_rows.py) are Django's rows.

Every admin list of the site is asked for as a superuser would ask for it (as
it is, sorted, searched, as a pop-up of a relation, in Russian), and each row
written by the project's list is compared with the row Django's own
``items_for_result`` writes for the same list: the same cells, classes,
links (with the list's filters kept), empty values and escaping.
"""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from commission.models import Membership, StaffPreference, Topic
from core.templatetags.admin_rows import rows
from tests.factories import (
    make_delegation,
    make_hospital_project,
    make_japan_meeting,
    make_meeting,
    make_organisation,
    make_person,
)


@pytest.fixture
def content(superuser):
    make_japan_meeting(photo=True, title_ru="")  # a cover, Belarusian only: one partly translated
    make_meeting(title_en='Talks "A" & <b>B</b>', countries=["CN", "JP"], status="draft")
    make_meeting(title_en="   ", slug="blank-title", kind="hearing")  # a blank title: empty
    head = make_person(country="DE", position_en="Ambassador <of> Germany")
    make_delegation(countries=["DE"], head=head)
    make_hospital_project()
    make_organisation(name_en="Ministry of Foreign Affairs", country="")
    Topic.objects.create(name_en="Trade", slug="trade")
    Membership.objects.create(person=head, start_date=dt.date(2024, 3, 1))  # no end: empty
    AccessAttempt.objects.create(
        username="admin", ip_address="192.0.2.1", user_agent="curl", failures_since_start=3
    )
    TOTPDevice.objects.create(user=superuser, name="Phone <1>", confirmed=False)


def changelists() -> list[str]:
    return sorted(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
        for model in admin.site._registry
    )


def djangos_rows(cl) -> list[str]:
    return ["".join(str(cell) for cell in row) for row in admin_list.results(cl)]


def ours(cl) -> list[str]:
    return ["".join(str(cell) for cell in row) for row in rows(cl)]


@pytest.mark.parametrize("url", changelists())
@pytest.mark.parametrize(
    "query",
    [{}, {"o": "-1"}, {"q": "a"}, {"_popup": "1"}],
    ids=["plain", "sorted", "searched", "popup"],
)
def test_every_admin_list_writes_djangos_rows(admin_client, content, url, query):
    response = admin_client.get(reverse(url), query)
    if response.status_code != 200:  # a list not shown this way (e.g. a pop-up it has not)
        pytest.skip(f"{url} answers {response.status_code} to {query}")
    cl = response.context["cl"]
    if not cl.result_list:
        pytest.skip(f"{url} has no rows in this test's data")
    expected = djangos_rows(cl)
    assert ours(cl) == expected
    page = response.content.decode()
    for row in expected:
        assert f"<tr>{row}</tr>" in page


@pytest.mark.parametrize(
    "url",
    [
        "admin:meetings_meeting_changelist",
        "admin:delegations_delegation_changelist",
        "admin:aid_aidproject_changelist",
    ],
)
def test_the_rows_are_djangos_in_the_staffs_language(admin_client, superuser, content, url):
    StaffPreference.objects.create(user=superuser, language="ru")
    response = admin_client.get(reverse(url), {"status__exact": "published"})
    assert response.status_code == 200
    cl = response.context["cl"]
    with translation.override("ru"):
        expected = djangos_rows(cl)
        assert ours(cl) == expected
    assert "_changelist_filters=status__exact%3Dpublished" in expected[0]
    assert any("translation-partial" in row or "translation-missing" in row for row in expected)


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_the_state_column_names_each_state_as_djangos_display_does(language):
    from core.admin import PublishableAdmin
    from core.publishing import PublicationStatus
    from meetings.models import Meeting

    column = PublishableAdmin(Meeting, admin.site).state
    with translation.override(language):
        for status in PublicationStatus.values:
            meeting = Meeting(status=status)
            assert column(meeting) == meeting.get_status_display()
