"""Counts read right in Russian and Belarusian: 0, 1, 2, 5, 11, 21, 22 and 25, on the real pages."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from delegations.models import Delegation
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

COUNTS = (0, 1, 2, 5, 11, 21, 22, 25)

VISITS = {
    "ru": ["0 визитов", "1 визит", "2 визита", "5 визитов", "11 визитов", "21 визит",
           "22 визита", "25 визитов"],
    "be": ["0 візітаў", "1 візіт", "2 візіты", "5 візітаў", "11 візітаў", "21 візіт",
           "22 візіты", "25 візітаў"],
}  # fmt: skip
MEETINGS = {
    "ru": ["0 встреч", "1 встреча", "2 встречи", "5 встреч", "11 встреч", "21 встреча",
           "22 встречи", "25 встреч"],
    "be": ["0 сустрэч", "1 сустрэча", "2 сустрэчы", "5 сустрэч", "11 сустрэч", "21 сустрэча",
           "22 сустрэчы", "25 сустрэч"],
}  # fmt: skip
RESULTS = {
    "ru": ["0 результатов", "1 результат", "2 результата", "5 результатов", "11 результатов",
           "21 результат", "22 результата", "25 результатов"],
    "be": ["0 вынікаў", "1 вынік", "2 вынікі", "5 вынікаў", "11 вынікаў", "21 вынік",
           "22 вынікі", "25 вынікаў"],
}  # fmt: skip
PROJECTS = {
    "ru": ["0 проектов", "1 проект", "2 проекта", "5 проектов", "11 проектов", "21 проект",
           "22 проекта", "25 проектов"],
    "be": ["0 праектаў", "1 праект", "2 праекты", "5 праектаў", "11 праектаў", "21 праект",
           "22 праекты", "25 праектаў"],
}  # fmt: skip
PUBLISHED = {
    "ru": ["0 материалов опубликовано.", "1 материал опубликован.",
           "2 материала опубликованы.", "5 материалов опубликовано.",
           "11 материалов опубликовано.", "21 материал опубликован.",
           "22 материала опубликованы.", "25 материалов опубликовано."],
    "be": ["0 матэрыялаў апублікавана.", "1 матэрыял апублікаваны.",
           "2 матэрыялы апублікаваны.", "5 матэрыялаў апублікавана.",
           "11 матэрыялаў апублікавана.", "21 матэрыял апублікаваны.",
           "22 матэрыялы апублікаваны.", "25 матэрыялаў апублікавана."],
}  # fmt: skip


def year_of(count: int) -> int:
    return 2000 + count


@pytest.fixture
def items():
    """``n`` meetings and ``n`` visits in the year 2000 + n, titled with the word "знакNш"."""
    meetings, visits = [], []
    for count in COUNTS:
        for index in range(count):
            start = dt.date(year_of(count), 3, 1) + dt.timedelta(days=index)
            meetings.append(
                Meeting(
                    title_en=f"Meeting {index} mark{count}",
                    title_ru=f"Встреча {index} знак{count}ш",
                    title_be=f"Сустрэча {index} знак{count}ш",
                    slug=f"meeting-{count}-{index}",
                    date=start,
                    status="published",
                )
            )
            visits.append(
                Delegation(
                    title_en=f"Visit {index}",
                    title_ru=f"Визит {index}",
                    title_be=f"Візіт {index}",
                    slug=f"visit-{count}-{index}",
                    direction="incoming",
                    start_date=start,
                    end_date=start,
                    status="published",
                )
            )
    Meeting.objects.bulk_create(meetings)
    Delegation.objects.bulk_create(visits)


def count_line(page: str) -> str:
    match = re.search(r'<p class="count"[^>]*>(.*?)</p>', page, re.S)
    assert match, "no count on the page"
    return html.unescape(match.group(1)).strip()


@pytest.mark.parametrize("language", ["ru", "be"])
def test_visits_meetings_and_search_results_are_counted_in_the_right_form(
    client, items, language, monkeypatch
):
    # Search lists at most 20 items of a kind; enough room for 25 here.
    monkeypatch.setattr("website.search.RESULTS_PER_KIND", 30)
    for count, visits, meetings, results in zip(
        COUNTS, VISITS[language], MEETINGS[language], RESULTS[language], strict=True
    ):
        year = year_of(count)
        page = client.get(f"/{language}/delegations/", {"year": year}).content.decode()
        assert count_line(page) == visits
        if count:
            page = client.get(f"/{language}/meetings/{year}/").content.decode()
            assert count_line(page) == meetings
        page = client.get(f"/{language}/search/", {"q": f"знак{count}ш"}).content.decode()
        about = "по запросу" if language == "ru" else "па запыце"
        assert count_line(page) == f"{results} {about} «знак{count}ш»"


@pytest.mark.parametrize("language", ["ru", "be"])
def test_every_plural_string_has_its_forms(language):
    with translation.override(language):
        for count, projects, published in zip(
            COUNTS, PROJECTS[language], PUBLISHED[language], strict=True
        ):
            assert (
                ngettext("%(counter)s project", "%(counter)s projects", count) % {"counter": count}
                == projects
            )
            assert (
                ngettext("%(count)d item published.", "%(count)d items published.", count)
                % {"count": count}
                == published
            )
