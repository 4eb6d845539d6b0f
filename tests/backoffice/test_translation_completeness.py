"""Translation completeness: every translated field of an item and of the rows shown with it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from core.translations import (
    COMPLETE,
    MISSING,
    PARTIAL,
    completeness,
    completeness_by_language,
    completeness_of_many,
    incomplete_q,
)
from delegations.models import Delegation, DelegationMember, ProgrammeItem
from meetings.models import Meeting, MeetingPhoto, Participant
from photos.models import Photo
from tests.factories import make_delegation, make_meeting, make_person

pytestmark = pytest.mark.django_db

FULL = {
    "title_en": "Talks with Japan",
    "title_ru": "Переговоры с Японией",
    "title_be": "Перамовы з Японіяй",
    "place_en": "Minsk",
    "place_ru": "Минск",
    "place_be": "Мінск",
    "body_en": "The chairman met the ambassador.",
    "body_ru": "Председатель встретился с послом.",
    "body_be": "Старшыня сустрэўся з паслом.",
}


def photo(**fields) -> Photo:
    return Photo.objects.create(**fields)


def meeting_with_parts(**overrides) -> Meeting:
    meeting = make_meeting(**{**FULL, **overrides})
    Participant.objects.create(
        meeting=meeting,
        person=make_person(),
        role_en="Chairman",
        role_ru="Председатель",
        role_be="Старшыня",
    )
    MeetingPhoto.objects.create(
        meeting=meeting,
        photo=photo(
            alt_text_en="The chairman and the ambassador",
            alt_text_ru="Председатель и посол",
            alt_text_be="Старшыня і пасол",
            caption_en="At the talks",
            caption_ru="На переговорах",
            caption_be="На перамовах",
        ),
    )
    return meeting


def test_a_fully_translated_meeting_with_its_rows_is_complete():
    meeting = meeting_with_parts()
    for language in ("ru", "be"):
        state = completeness(meeting, language)
        assert state.state == COMPLETE, state.gaps
        # title, place, body; the role; the photo's caption and alt text
        assert state.total == state.translated == 6
    assert not Meeting.objects.filter(incomplete_q(Meeting)).exists()


def test_only_the_title_translated_is_partial_and_names_every_other_field():
    meeting = meeting_with_parts(place_ru="", body_ru="")
    Participant.objects.filter(meeting=meeting).update(role_ru="")
    Photo.objects.update(caption_ru="", alt_text_ru="")
    meeting.refresh_from_db()
    with translation.override("en"):
        state = completeness(meeting, "ru")
    assert state.state == PARTIAL
    assert state.gap_names() == [
        "place",
        "full text",
        "role at the meeting (participants)",
        "alternative text (meeting photos)",
        "caption (meeting photos)",
    ]
    assert completeness(meeting, "be").state == COMPLETE
    assert set(Meeting.objects.filter(incomplete_q(Meeting))) == {meeting}
    assert set(Meeting.objects.filter(incomplete_q(Meeting, ["ru"]))) == {meeting}
    assert not Meeting.objects.filter(incomplete_q(Meeting, ["be"])).exists()


def test_a_photo_caption_alone_makes_the_item_incomplete_in_python_and_in_the_query():
    meeting = meeting_with_parts()
    Photo.objects.update(caption_be="")
    meeting.refresh_from_db()
    assert completeness(meeting, "be").state == PARTIAL
    assert list(Meeting.objects.filter(incomplete_q(Meeting, ["be"]))) == [meeting]


def test_fields_empty_in_english_are_not_counted_and_nothing_translated_is_missing():
    meeting = make_meeting(title_en="Only English", title_ru="", title_be="")
    state = completeness(meeting, "ru")
    assert (state.total, state.translated, state.state) == (1, 0, MISSING)
    assert list(Meeting.objects.filter(incomplete_q(Meeting))) == [meeting]


def test_a_visits_members_and_programme_count():
    visit = make_delegation(title_ru="Визит", title_be="Візіт")
    DelegationMember.objects.create(delegation=visit, person=make_person(), role_en="Head")
    ProgrammeItem.objects.create(
        delegation=visit,
        date=visit.start_date,
        title_en="Talks",
        title_ru="Переговоры",
        title_be="Перамовы",
    )
    visit.refresh_from_db()
    state = completeness(visit, "ru")
    assert state.state == PARTIAL
    assert [gap.label for gap in state.gaps] == ["role in the delegation (delegation members)"]
    assert list(Delegation.objects.filter(incomplete_q(Delegation, ["ru"]))) == [visit]


def test_a_page_of_items_read_at_once_has_the_states_read_one_by_one(
    django_assert_num_queries,
):
    complete = meeting_with_parts()
    partial = meeting_with_parts(place_ru="", slug="partial")
    Participant.objects.filter(meeting=partial).update(role_be="")
    MeetingPhoto.objects.create(meeting=partial, photo=photo(caption_en="Extra", caption_ru="Ещё"))
    bare = make_meeting(title_en="Only English", title_ru="", title_be="")
    meetings = list(Meeting.objects.filter(pk__in=[complete.pk, partial.pk, bare.pk]))
    with django_assert_num_queries(1):  # participants and photos, one query for the page
        together = completeness_of_many(meetings)
    for meeting in meetings:
        for language, state in completeness_by_language(meeting).items():
            read = together[meeting.pk][language]
            assert (read.state, read.total, read.translated) == (
                state.state,
                state.total,
                state.translated,
            )
            assert read.gaps == state.gaps
    assert together[partial.pk]["be"].gap_names() == [
        "role at the meeting (participants)",
        "caption (meeting photos)",
    ]


def test_the_admin_list_ticks_filter_and_form_headings(admin_client):
    complete = meeting_with_parts(title_en="All three")
    partial = meeting_with_parts(title_en="Partly", place_be="")
    missing = make_meeting(title_en="Only English", title_ru="", title_be="")
    changelist = reverse("admin:meetings_meeting_changelist")
    page = admin_client.get(changelist).content.decode()
    # Every state has a symbol and words for screen readers.
    assert page.count('class="translation-state translation-complete"') == 2 + 1
    assert page.count('class="translation-state translation-partial"') == 1
    assert page.count('class="translation-state translation-missing"') == 2
    assert "partly translated" in page and "not translated" in page
    assert "Shown in English: place" in page

    filtered = admin_client.get(changelist + "?translations=incomplete").content.decode()
    assert "Partly" in filtered and "Only English" in filtered and "All three" not in filtered
    only_ru = admin_client.get(changelist + "?translations=incomplete_ru").content.decode()
    assert "Only English" in only_ru and "Partly" not in only_ru
    assert "Translation incomplete" in page

    form = admin_client.get(reverse("admin:meetings_meeting_change", args=[partial.pk]))
    headings = form.content.decode()
    assert "Беларуская — incomplete, shown in English: place" in headings
    assert "Русский — " not in headings
    form = admin_client.get(reverse("admin:meetings_meeting_change", args=[missing.pk]))
    assert "Русский — not translated" in form.content.decode()
    assert complete.pk


def test_the_public_page_says_which_parts_are_in_english(client):
    meeting = meeting_with_parts(body_ru="")
    Photo.objects.update(alt_text_ru="")
    page = client.get(f"/ru{meeting.get_absolute_url()[3:]}").content.decode()
    assert "показаны на английском" in page
    assert "полный текст, альтернативный текст (фотографии встречи)." in page
    assert "ещё не переведён" not in page
    whole = client.get(f"/be{meeting.get_absolute_url()[3:]}").content.decode()
    assert "на англійскай" not in whole
