"""A Russian-speaking editor switches the admin to Belarusian and types an amount her way."""

from decimal import Decimal

import pytest

from aid.models import AidProject
from tests.browser.conftest import log_in
from tests.browser.test_secretariat_day import choose_autocomplete
from tests.factories import make_organisation

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_an_editor_chooses_belarusian_and_an_amount_typed_the_russian_way_is_kept(
    new_page, live_server, editor, tmp_path
):
    make_organisation(name_en="Government of Japan", slug="government-of-japan")
    page = new_page()
    page.set_extra_http_headers({"Accept-Language": "ru-RU,ru;q=0.9"})
    log_in(page, live_server, "editor")
    assert page.get_attribute("html", "lang") == "ru"

    page.select_option("#admin-language", "be")
    page.click("#admin-language-form button")
    page.wait_for_selector("#user-tools")
    assert page.get_attribute("html", "lang") == "be"

    page.goto(f"{live_server.url}/admin/aid/aidproject/add/")
    assert page.get_attribute("html", "lang") == "be"
    page.fill("#id_title_en", "Equipment for the Stolin hospital")
    choose_autocomplete(page, ".field-donor", "Government of Japan")
    page.fill("#id_amount", "85 000,50")
    page.select_option("#id_currency", "EUR")
    page.screenshot(path=str(tmp_path / "amount.png"), full_page=True)
    page.locator("button[name=_action][value=draft]").first.click()
    page.wait_for_selector(".messagelist .success")

    project = AidProject.objects.get()
    assert project.amount == Decimal("85000.50")
    assert page.input_value("#id_amount") == "85\xa0000,50"
