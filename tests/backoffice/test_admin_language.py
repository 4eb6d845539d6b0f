"""Staff choose the admin's language; the public site keeps the language of its URL."""

import pytest
from django.urls import reverse

from commission.models import StaffPreference
from tests.factories import make_meeting, make_staff

pytestmark = pytest.mark.django_db


def page_language(response) -> str:
    """The language the page declares (<html lang>), which is the one it was rendered in."""
    page = response.content.decode()
    return page.split('<html lang="', 1)[1].split('"', 1)[0]


def choose(client, language: str, next_url: str = "/admin/"):
    return client.post(reverse("admin:language"), {"language": language, "next": next_url})


def test_a_russian_speaking_editor_sees_the_admin_in_russian_without_choosing(editor_client):
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru")
    assert page_language(response) == "ru"
    assert "Выйти" in response.content.decode()  # "Log out"


def test_after_choosing_belarusian_the_admin_is_belarusian_whatever_the_browser_says(
    editor_client, editor
):
    response = choose(editor_client, "be", "/admin/meetings/meeting/")
    assert response.status_code == 302 and response["Location"] == "/admin/meetings/meeting/"
    assert StaffPreference.objects.get(user=editor).language == "be"

    for browser in ("ru", "en", "en-GB,en;q=0.9"):
        response = editor_client.get("/admin/meetings/meeting/", HTTP_ACCEPT_LANGUAGE=browser)
        assert page_language(response) == "be", browser
        assert response["Content-Language"] == "be"
        assert "Выйсьці" in response.content.decode()  # "Log out" (Django's catalogue)


def test_the_choice_is_the_users_own_and_follows_them_to_another_browser(client, editor):
    other = make_staff("other-editor", "Editor")
    client.force_login(editor)
    choose(client, "be")
    client.logout()
    client.force_login(other)
    assert page_language(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru")) == "ru"
    client.logout()
    client.force_login(editor)  # a new session, as on another computer
    assert page_language(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")) == "be"


def test_choosing_the_browsers_language_again_follows_accept_language(editor_client, editor):
    choose(editor_client, "be")
    choose(editor_client, "")
    assert StaffPreference.objects.get(user=editor).language == ""
    assert page_language(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru")) == "ru"
    assert page_language(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")) == "en"


def test_the_admin_header_offers_the_languages_with_the_saved_one_selected(editor_client):
    choose(editor_client, "ru")
    page = editor_client.get("/admin/").content.decode()
    assert 'action="/admin/language/"' in page
    assert '<option value="ru" selected lang="ru">Русский</option>' in page
    assert 'lang="be">беларуская</option>' in page


def test_a_staff_member_without_permissions_may_still_choose_a_language(client):
    client.force_login(make_staff("clerk", None))
    choose(client, "be")
    assert page_language(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")) == "be"


def test_an_unknown_language_is_refused_with_a_message_and_nothing_saved(editor_client, editor):
    response = choose(editor_client, "xx")
    assert response.status_code == 302
    assert not StaffPreference.objects.filter(user=editor).exists()
    page = editor_client.get("/admin/").content.decode()
    assert "Choose one of the languages offered." in page


def test_the_return_address_must_be_on_this_site(editor_client):
    response = choose(editor_client, "be", "https://evil.example.org/")
    assert response["Location"] == reverse("admin:index")


def test_only_logged_in_staff_can_save_a_choice(client):
    response = client.post(reverse("admin:language"), {"language": "be"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not StaffPreference.objects.exists()
    assert client.get(reverse("admin:language")).status_code == 302  # to the login page


def test_the_public_site_keeps_the_language_of_its_url_whatever_was_chosen(client, editor_client):
    meeting = make_meeting(title_en="Talks with Japan")
    choose(editor_client, "be")
    # The staff member on the public site: the URL decides.
    for language in ("en", "ru"):
        response = editor_client.get(f"/{language}/", HTTP_ACCEPT_LANGUAGE="be")
        assert page_language(response) == language
    editor_client.logout()
    # Anonymous visitors, from the same browser or another.
    response = client.get("/en" + meeting.get_absolute_url()[3:], HTTP_ACCEPT_LANGUAGE="be")
    assert page_language(response) == "en"
    assert page_language(client.get("/ru/")) == "ru"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"


def test_the_choice_is_read_once_and_a_change_by_any_path_shows_at_once(editor_client, editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    choose(editor_client, "be")
    editor_client.get("/admin/")
    with CaptureQueriesContext(connection) as context:
        assert page_language(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")) == "be"
    assert not [q for q in context.captured_queries if "staffpreference" in q["sql"]]
    preference = StaffPreference.objects.get(user=editor)
    preference.language = "ru"
    preference.save()  # not through the form (e.g. the shell, the staff list)
    assert page_language(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")) == "ru"
    StaffPreference.objects.filter(user=editor).delete()
    assert page_language(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")) == "en"
