"""The annual-report page: its own permission, and drafts only for those who may see them."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from reports.writers import FORMATS
from tests.factories import make_meeting, make_staff

pytestmark = pytest.mark.django_db

URL = "annual_report"


@pytest.fixture
def two_meetings():
    make_meeting(title_en="Public sitting")
    make_meeting(title_en="Draft sitting", status="draft")


def logged_in(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def report_json(browser: Client, **extra) -> dict:
    params = {"year": "2026", "language": "en", "format": "json", **extra}
    response = browser.get(reverse(URL), params)
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))


def test_staff_without_the_permission_get_403_for_the_page_and_every_format(two_meetings):
    clerk = logged_in(make_staff("clerk", None))
    assert clerk.get(reverse(URL)).status_code == 403
    for file_format in FORMATS:
        params = {"year": "2026", "language": "en", "format": file_format}
        assert clerk.get(reverse(URL), params).status_code == 403
        drafts = {**params, "include_drafts": "on"}
        assert clerk.get(reverse(URL), drafts).status_code == 403


@pytest.mark.parametrize("role", ["Editor", "Publisher"])
def test_editors_and_publishers_make_the_report_with_or_without_drafts(role, two_meetings):
    browser = logged_in(make_staff(role.lower(), role))
    page = browser.get(reverse(URL))
    assert page.status_code == 200 and 'name="include_drafts"' in page.content.decode()
    assert report_json(browser)["summary"]["meetings"] == 1
    assert report_json(browser, include_drafts="on")["summary"]["meetings"] == 2


def test_staff_who_may_not_see_drafts_get_the_published_report_only(two_meetings):
    reader = make_staff("reader", None)
    reader.user_permissions.add(Permission.objects.get(codename="view_annual_report"))
    browser = logged_in(reader)

    page = browser.get(reverse(URL))
    assert page.status_code == 200 and 'name="include_drafts"' not in page.content.decode()
    assert report_json(browser)["summary"]["meetings"] == 1

    params = {"year": "2026", "language": "en", "format": "json", "include_drafts": "on"}
    refused = browser.get(reverse(URL), params)
    assert refused.status_code == 400
    assert "The version with drafts is for staff who may see" in refused.content.decode()


def test_the_admin_home_links_to_the_report_only_for_those_who_may_make_it(editor):
    link = reverse(URL)
    clerk_home = logged_in(make_staff("clerk", None)).get(reverse("admin:index"))
    editor_home = logged_in(editor).get(reverse("admin:index"))
    assert clerk_home.status_code == editor_home.status_code == 200
    assert link not in clerk_home.content.decode()
    assert link in editor_home.content.decode()
