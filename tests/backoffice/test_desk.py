"""The admin home for the secretariat and the calendar of meetings and visits."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import make_delegation, make_meeting

pytestmark = pytest.mark.django_db


def section_order(html: str) -> list[str]:
    return re.findall(r'<div class="app-(\w+) module', html)


def test_the_home_puts_content_first_and_hides_technical_sections_from_staff(editor_client):
    response = editor_client.get(reverse("admin:index"))
    html = response.text
    apps = section_order(html)
    assert apps[:3] == ["meetings", "delegations", "aid"]
    assert "axes" not in apps and "otp_totp" not in apps and "django_tasks_db" not in apps
    assert "Technical (administrators only)" not in html
    assert reverse("annual_report") in html and "Annual report" in html
    assert reverse("admin:calendar") in html
    assert reverse("admin:meetings_meeting_add") in html
    assert "manage.py" not in html


def test_a_superuser_sees_technical_sections_last(admin_client):
    html = admin_client.get(reverse("admin:index")).text
    apps = section_order(html)
    assert apps.index("photos") < apps.index("axes")
    assert apps.index("meetings") == 0
    assert "Technical (administrators only)" in html


def test_no_command_line_instructions_on_the_annual_report_page(editor_client):
    html = editor_client.get(reverse("annual_report")).text
    assert "manage.py" not in html and "--format" not in html


def test_the_month_grid_shows_drafts_and_visits_with_a_new_meeting_link_per_day(editor_client):
    make_meeting(title_en="Talks with Japan", date=dt.date(2026, 2, 10), status="draft")
    make_delegation(
        title_en="Visit to Vietnam",
        start_date=dt.date(2026, 2, 27),
        end_date=dt.date(2026, 3, 2),
    )
    make_meeting(title_en="Elsewhere in time", date=dt.date(2026, 5, 1))
    html = editor_client.get(reverse("admin:calendar"), {"month": "2026-02"}).text
    assert "Talks with Japan" in html and "Draft" in html
    assert html.count("Visit to Vietnam") >= 3  # 27 and 28 February, 1 March shown
    assert "Elsewhere in time" not in html
    assert reverse("admin:meetings_meeting_add") + "?date=2026-02-10" in html
    assert "?month=2026-01" in html and "?month=2026-03" in html


def test_the_new_meeting_link_fills_in_the_date(editor_client):
    url = reverse("admin:meetings_meeting_add") + "?date=2026-02-10"
    assert 'value="2026-02-10"' in editor_client.get(url).text


def test_the_agenda_lists_the_month_in_order(editor_client):
    make_meeting(title_en="Second", date=dt.date(2026, 2, 20))
    make_meeting(title_en="First", date=dt.date(2026, 2, 3))
    html = editor_client.get(reverse("admin:calendar"), {"month": "2026-02", "view": "agenda"}).text
    assert html.index("First") < html.index("Second")


@pytest.mark.parametrize("month", ["2026-13", "garbage", "99999-01", ""])
def test_an_unreadable_month_shows_this_month(editor_client, month):
    assert editor_client.get(reverse("admin:calendar"), {"month": month}).status_code == 200


def test_the_calendar_is_translated(editor_client, editor):
    from commission.models import StaffPreference

    StaffPreference.objects.update_or_create(user=editor, defaults={"language": "be"})
    html = editor_client.get(reverse("admin:calendar"), {"month": "2026-02"}).text
    assert "Люты" in html or "люты" in html


def test_a_stranger_is_sent_to_the_login(client):
    response = client.get(reverse("admin:calendar"))
    assert response.status_code == 302 and "login" in response["Location"]
