"""Content lists' rows kept in the cache under what each shows (core/templatetags/admin_rows.py).

A row is rendered once and read back until what it shows changes, by any
path: a save, a related row added or edited without saving the item (its
countries, a participant's translated role, its gallery's cover), the clock
(a scheduled item's time coming), another language, another list's filters
in its link. Each test counts the rows rendered and reads the page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from commission.models import StaffPreference
from core.templatetags import admin_rows
from meetings.models import Meeting
from tests.factories import make_japan_meeting, make_meeting

LIST = "admin:meetings_meeting_changelist"


@pytest.fixture
def rendered(monkeypatch):
    """The items whose rows were rendered (not read back), in the order rendered."""
    made: list[int] = []
    markup = admin_rows.row_markup

    def counting(cl, result, columns, link):
        made.append(result.pk)
        return markup(cl, result, columns, link)

    monkeypatch.setattr(admin_rows, "row_markup", counting)
    return made


def page(client, **query) -> str:
    """The list's table (headers and rows) as the page shows it."""
    response = client.get(reverse(LIST), query)
    assert response.status_code == 200
    content = response.content.decode()
    start = content.index('<div class="results">')
    return content[start : content.index("</table>", start)]


def test_rows_are_rendered_once_and_read_back(admin_client, rendered):
    meetings = [make_meeting(title_en=f"Talks {number}") for number in range(3)]
    first = page(admin_client)
    assert sorted(rendered) == sorted(meeting.pk for meeting in meetings)
    rendered.clear()
    assert page(admin_client) == first
    assert rendered == []


def test_the_tables_headers_follow_the_sorting(admin_client, rendered):
    make_meeting(title_en="Talks", date=dt.date(2026, 1, 5))
    plain = page(admin_client)
    by_date = page(admin_client, o="2")
    assert "sorted ascending" in by_date and "sorted ascending" not in plain
    rendered.clear()
    assert page(admin_client) == plain and page(admin_client, o="2") == by_date
    assert rendered == []


def test_a_save_renders_only_the_row_of_what_it_changed(admin_client, rendered):
    kept, edited = make_meeting(title_en="Talks kept"), make_meeting(title_en="Talks before")
    page(admin_client)
    rendered.clear()
    edited.title_en = "Talks after"
    edited.save()
    content = page(admin_client)
    assert rendered == [edited.pk]
    assert "Talks after" in content and "Talks before" not in content
    assert "Talks kept" in content and kept.pk not in rendered


def test_related_rows_changed_without_a_save_of_the_item(admin_client, rendered):
    meeting = make_japan_meeting(photo=True)  # titled in the three languages
    page(admin_client)
    rendered.clear()

    meeting.countries.add("CN")  # its countries
    assert "China" in page(admin_client)
    assert rendered == [meeting.pk]

    rendered.clear()  # a participant's role translated: the translation state's count
    before = page(admin_client)
    participant = meeting.participant_set.first()
    participant.role_en, participant.role_ru = "Chairman", ""
    participant.save()
    after = page(admin_client)
    assert rendered == [meeting.pk] and after != before

    rendered.clear()  # the gallery's cover taken away
    meeting.gallery.update(is_cover=False)
    meeting.gallery.all().delete()
    page(admin_client)
    assert rendered == [meeting.pk]


def test_a_scheduled_items_state_follows_the_clock(admin_client, rendered):
    soon = timezone.now() + dt.timedelta(hours=1)
    meeting = make_meeting(title_en="Talks to come", status="scheduled", published_at=soon)
    assert "Scheduled for" in page(admin_client)
    # Its time has come: nothing saved (update() moves no updated_at), only the clock's verdict.
    Meeting.objects.filter(pk=meeting.pk).update(
        published_at=timezone.now() - dt.timedelta(minutes=1)
    )
    rendered.clear()
    content = page(admin_client)
    assert rendered == [meeting.pk]
    assert "Published (scheduled" in content


def test_each_language_and_each_lists_filters_have_their_own_rows(
    admin_client, superuser, rendered
):
    meeting = make_meeting(title_en="Talks", status="draft")
    page(admin_client)
    rendered.clear()

    content = page(admin_client, kind="bilateral")  # the change link keeps the list's filters
    assert rendered == [meeting.pk]
    assert "_changelist_filters=kind%3Dbilateral" in content

    rendered.clear()
    StaffPreference.objects.create(user=superuser, language="ru")
    content = page(admin_client)
    assert rendered == [meeting.pk]
    assert "Черновик" in content  # the state's name in Russian


def test_a_page_seen_again_reads_no_item(admin_client, rendered):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from delegations.models import Delegation
    from tests.factories import make_delegation, make_person

    for number in range(3):
        make_delegation(head=make_person(name_en=f"Head {number}"), countries=["JP"])
    url = reverse("admin:delegations_delegation_changelist")

    def table() -> str:
        content = admin_client.get(url).content.decode()
        start = content.index('<div class="results">')
        return content[start : content.index("</table>", start)]

    first = table()
    rendered.clear()
    with CaptureQueriesContext(connection) as context:
        again = table()
    assert again == first and rendered == []
    whole_row = f'"{Delegation._meta.db_table}"."title_en"'  # a column the keys do not read
    assert not [query for query in context.captured_queries if whole_row in query["sql"]]
    # An edit: only that item is read whole, and its row rendered again.
    edited = Delegation.objects.first()
    edited.title_en = "Visit changed"
    edited.save()
    with CaptureQueriesContext(connection) as context:
        content = table()
    assert rendered == [edited.pk] and "Visit changed" in content
    read = [query["sql"] for query in context.captured_queries if whole_row in query["sql"]]
    assert len(read) == 1 and str(edited.pk) in read[0]


@pytest.mark.parametrize("count", [0, 2])
def test_a_list_joining_every_relation_keeps_its_rows_from_the_items(
    admin_client, rendered, monkeypatch, count
):
    # select_related() with no names: the joins are not known before the rows are
    # read, so the keys are made from the items (an empty page too).
    from django.contrib import admin

    monkeypatch.setattr(admin.site._registry[Meeting], "list_select_related", True)
    meetings = [make_meeting(title_en=f"Talks {number}") for number in range(count)]
    if not meetings:
        assert admin_client.get(reverse(LIST)).status_code == 200
        return
    first = page(admin_client)
    assert sorted(rendered) == sorted(meeting.pk for meeting in meetings)
    rendered.clear()
    assert page(admin_client) == first and rendered == []
