"""Country lists in the alphabetical order of the page's language (ICU collation)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from core.collation import sort_key, sorted_by_name
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

CODES = ["JP", "IR", "IE", "IS", "UZ", "UA", "EE", "AT", "AX", "EG"]
ORDER = {
    "en": ["Åland Islands", "Austria", "Egypt", "Estonia", "Iceland", "Iran", "Ireland", "Japan",
           "Ukraine", "Uzbekistan"],
    "ru": ["Австрия", "Аландские острова", "Египет", "Иран", "Ирландия", "Исландия",
           "Узбекистан", "Украина", "Эстония", "Япония"],
    # Code-point order would put "Іран", "Ірландыя", "Ісландыя" before "А".
    "be": ["Аландскія астравы", "Аўстрыя", "Егіпет", "Іран", "Ірландыя", "Ісландыя",
           "Узбекістан", "Украіна", "Эстонія", "Японія"],
}  # fmt: skip


def test_the_collation_follows_each_language():
    assert sorted_by_name(["Ўзбекістан", "Украіна", "Унгарыя"], language="be") == [
        "Украіна",
        "Унгарыя",
        "Ўзбекістан",
    ]
    # Code-point order puts "ё" after "я".
    assert sorted(["яблоко", "ёлка", "жук"], key=lambda s: sort_key(s, "ru")) == [
        "ёлка",
        "жук",
        "яблоко",
    ]
    # Case does not come first: "япония" sorts with "Япония", after "Эстония".
    assert sorted_by_name(["япония", "Эстония"], language="ru") == ["Эстония", "япония"]


@pytest.fixture
def meetings():
    for code in CODES:
        make_meeting(countries=[code])


def option_texts(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [text for value, text in re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)', select)]


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_the_public_filter_and_the_countries_page_follow_the_language(client, meetings, language):
    page = client.get(f"/{language}/meetings/").content.decode()
    assert option_texts(page, "country") == ORDER[language]
    page = client.get(f"/{language}/countries/").content.decode()
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', page)
    assert names == ORDER[language]


@pytest.mark.parametrize("language", ["ru", "be"])
def test_the_admins_country_filter_and_form_choices_follow_the_language(
    admin_client, meetings, language
):
    changelist = admin_client.get(
        reverse("admin:meetings_meeting_changelist"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    listed = re.findall(r'href="\?country=([A-Z]{2})"', changelist)
    assert listed == [
        next(code for code in CODES if str(_name(code, language)) == name)
        for name in ORDER[language]
    ]
    form = admin_client.get(
        reverse("admin:meetings_meeting_add"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    every = option_texts(form, "countries")
    assert every == sorted_by_name(every, language=language)
    positions = [every.index(name) for name in ORDER[language]]
    assert positions == sorted(positions)


def _name(code: str, language: str) -> str:
    from django.utils import translation
    from django_countries import countries

    with translation.override(language):
        return str(countries.name(code))
