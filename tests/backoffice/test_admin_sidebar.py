"""The admin's sidebar (templates/admin/base_site.html) is Django's, rendered once per kind.

Its list of apps is kept by everything it is rendered from (the apps and
models the user may see, their addresses, the language, the page's app and
model): each page is compared with Django's own ``admin/nav_sidebar.html``
rendered for the same request, as users with different permissions walk
from page to page and change their language.
"""

from __future__ import annotations

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from commission.models import StaffPreference
from tests.factories import make_meeting

DJANGOS = engines["django"].get_template("admin/nav_sidebar.html")


def sidebar(content: str) -> str:
    start = content.index('<button class="sticky toggle-nav-sidebar"')
    return content[start : content.index("</nav>", start) + len("</nav>")]


def assert_djangos_sidebar(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    apps = response.context["available_apps"]
    with translation.override(response.context["LANGUAGE_CODE"]):
        expected = DJANGOS.render({"available_apps": apps}, response.wsgi_request)
    shown = sidebar(response.content.decode())
    assert expected.strip() in shown
    return shown


@pytest.fixture
def pages(db):
    meeting = make_meeting()
    return [
        reverse("admin:commission_topic_changelist"),
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        reverse("admin:aid_aidproject_changelist"),
        reverse("admin:commission_person_add"),
    ]


def test_each_page_shows_djangos_sidebar_with_its_own_model_current(admin_client, pages):
    shown = [assert_djangos_sidebar(admin_client, url) for url in pages]
    meetings, projects = shown[1], shown[3]
    assert 'class="model-meeting current-model"' in meetings
    assert 'class="model-aidproject current-model"' in projects
    assert 'class="model-topic current-model"' in shown[0]
    assert 'class="model-meeting current-model"' not in shown[0]
    assert shown[1] == shown[2]  # the meetings' list and a meeting: the same place


def test_each_user_sees_their_own_apps_and_language(client, admin_client, editor, pages):
    as_superuser = assert_djangos_sidebar(admin_client, pages[1])
    client.force_login(editor)
    as_editor = assert_djangos_sidebar(client, pages[1])
    assert as_editor != as_superuser
    assert "/auth/user/" in as_superuser and "/auth/user/" not in as_editor  # only a superuser's
    StaffPreference.objects.create(user=editor, language="be")
    in_belarusian = assert_djangos_sidebar(client, pages[1])
    assert in_belarusian != as_editor
