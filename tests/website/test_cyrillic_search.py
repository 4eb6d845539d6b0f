"""Search ignores case in every alphabet, on SQLite as on PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import translation

from tests.factories import make_meeting
from website.search import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return make_meeting(
        title_en="Meeting with the Ambassador of Japan",
        title_ru="Встреча с Послом Японии",
        title_be="Сустрэча з Паслом ЯПОНІІ",
        summary_ru="Обсуждены проекты ПОМОЩИ.",
    )


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("ru", "японии"),
        ("ru", "ЯПОНИИ"),
        ("ru", "послом японии"),
        ("ru", "помощи"),
        ("be", "японіі"),
        ("be", "Японіі"),
        ("en", "JAPAN"),
    ],
)
def test_cyrillic_words_match_whatever_their_case(meeting, language, query):
    with translation.override(language):
        results = search(query, language)
    assert [result.title for result in results] == [
        {"ru": "Встреча с Послом Японии", "be": "Сустрэча з Паслом ЯПОНІІ"}.get(
            language, "Meeting with the Ambassador of Japan"
        )
    ]
    if connection.vendor == "sqlite" and query == "помощи":
        # The snippet highlights the match in its own case.
        assert "<mark>ПОМОЩИ</mark>" in results[0].snippet


def test_a_word_not_there_finds_nothing_and_the_page_says_so(client, meeting):
    assert search("китая", "ru") == []
    page = client.get("/ru/search/", {"q": "японии"}).content.decode()
    assert "Встреча с Послом Японии" in page
