"""Amounts typed in the admin are read in the admin's language, or refused; never misread."""

import io
from decimal import Decimal

import pytest
import tablib
from django.urls import reverse
from django.utils import translation

from aid.models import AidProgramme, AidProject
from core.money import AmountError, parse_amount
from tests.factories import make_organisation, make_project

pytestmark = pytest.mark.django_db

NBSP = "\xa0"
ADD_PROJECT = "/admin/aid/aidproject/add/"


def project_form(client, url: str = ADD_PROJECT, **overrides) -> dict:
    """POST data for the project form: what the page offers, empty inlines, and ``overrides``."""
    response = client.get(url)
    assert response.status_code == 200
    data = {
        "title_en": "Equipment for a district hospital",
        "donor": str(make_organisation().pk),
        "recipient_country": "BY",
        "sector": "12230",
        "project_status": "pipeline",
        "slug": "",
        "currency": "EUR",
    }
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(overrides)
    return data


def post_project(client, language: str, url: str = ADD_PROJECT, **overrides):
    data = project_form(client, url, **overrides)
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)


def amount_errors(response) -> list[str]:
    return response.context["adminform"].form.errors.get("amount", [])


def test_a_russian_amount_with_a_space_and_a_decimal_comma_is_stored_exactly(editor_client):
    response = post_project(editor_client, "ru", amount="85 000,50")
    assert response.status_code == 302, amount_errors(response)
    assert AidProject.objects.get().amount == Decimal("85000.50")


def test_a_no_break_space_as_browsers_paste_it_is_read_as_grouping(editor_client):
    post_project(editor_client, "be", amount=f"1{NBSP}085{NBSP}000,5")
    assert AidProject.objects.get().amount == Decimal("1085000.50")


def test_an_english_amount_with_commas_and_a_decimal_point_is_stored_exactly(editor_client):
    response = post_project(editor_client, "en", amount="85,000.50")
    assert response.status_code == 302, amount_errors(response)
    assert AidProject.objects.get().amount == Decimal("85000.50")


def test_swapped_marks_in_english_are_refused_and_what_was_typed_is_kept(editor_client):
    response = post_project(editor_client, "en", amount="85.000,50")
    assert response.status_code == 200
    assert not AidProject.objects.exists()
    [error] = amount_errors(response)
    assert "can be read in two ways" in error and "85,000.50" in error
    assert 'value="85.000,50"' in response.content.decode()


@pytest.mark.parametrize(("language", "typed"), [("ru", "85,000"), ("en", "85.000")])
def test_a_decimal_mark_before_three_digits_is_refused_as_ambiguous(editor_client, language, typed):
    response = post_project(editor_client, language, amount=typed)
    assert response.status_code == 200 and amount_errors(response)
    assert not AidProject.objects.exists()


def test_the_amount_field_is_a_text_box_and_shows_the_amount_grouped_with_its_currency(
    editor_client,
):
    project = make_project(status="draft", amount=Decimal("85000.50"), currency="EUR")
    url = reverse("admin:aid_aidproject_change", args=[project.pk])
    page = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert f'type="text" name="amount" value="85{NBSP}000,50"' in page
    assert 'inputmode="decimal"' in page
    assert f"85{NBSP}000,50 EUR" in page  # what is stored, beside the field
    page = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="amount" value="85,000.50"' in page
    # Saved again unchanged, in either language, the amount stays what it was.
    post_project(editor_client, "ru", url, amount=f"85{NBSP}000,50", title_en="Renamed")
    project.refresh_from_db()
    assert (project.title_en, project.amount) == ("Renamed", Decimal("85000.50"))


def test_the_programme_reported_total_is_read_by_the_same_rule(publisher_client):
    donor = make_organisation()
    data = {
        "title_en": "Grass-roots grants",
        "donor": str(donor.pk),
        "slug": "",
        "status": "draft",
        "reported_total": "40 000 000",
        "reported_total_currency": "USD",
    }
    response = publisher_client.post(
        "/admin/aid/aidprogramme/add/", data, HTTP_ACCEPT_LANGUAGE="be"
    )
    assert response.status_code == 302
    assert AidProgramme.objects.get().reported_total == Decimal("40000000")


def programme_with_usual_amounts() -> AidProgramme:
    donor = make_organisation()
    programme = AidProgramme.objects.create(title_en="Grants", slug="grants", donor=donor)
    for amount in ("80000", "85000", "90000"):
        make_project(programme=programme, donor=donor, amount=Decimal(amount), currency="EUR")
    return programme


def test_an_amount_a_hundred_times_the_programmes_usual_one_waits_for_confirmation(
    editor_client,
):
    programme = programme_with_usual_amounts()
    # "85 000,50" misread the English way would be 8,500,050.
    response = post_project(
        editor_client, "en", programme=str(programme.pk), amount="8,500,050", title_en="Big"
    )
    assert response.status_code == 200
    assert not AidProject.objects.filter(title_en="Big").exists()
    [error] = amount_errors(response)
    assert "8,500,050.00 EUR is far from the usual amounts" in error
    assert "85,000.00 EUR over 3 projects" in error
    page = response.content.decode()
    assert 'value="8,500,050"' in page  # what was typed is kept
    assert 'type="checkbox" name="confirm_unusual_amount"' in page

    response = post_project(
        editor_client,
        "en",
        programme=str(programme.pk),
        amount="8,500,050",
        title_en="Big",
        confirm_unusual_amount="on",
    )
    assert response.status_code == 302
    assert AidProject.objects.get(title_en="Big").amount == Decimal("8500050")


def test_an_amount_in_the_usual_range_or_another_currency_is_saved_at_once(editor_client):
    programme = programme_with_usual_amounts()
    response = post_project(editor_client, "en", programme=str(programme.pk), amount="120000")
    assert response.status_code == 302
    response = post_project(
        editor_client,
        "en",
        programme=str(programme.pk),
        amount="12,000,000",
        currency="JPY",
        title_en="Yen grant",
    )
    assert response.status_code == 302  # yen are not compared with euros


def test_an_amount_a_hundred_times_too_small_is_also_questioned(editor_client):
    programme = programme_with_usual_amounts()
    response = post_project(editor_client, "ru", programme=str(programme.pk), amount="850")
    assert response.status_code == 200 and amount_errors(response)
    assert AidProject.objects.count() == 3


def test_the_confirmation_box_is_hidden_until_an_amount_needs_it(editor_client):
    page = editor_client.get(ADD_PROJECT).content.decode()
    assert 'type="hidden" name="confirm_unusual_amount"' in page


def test_an_import_reads_amounts_by_the_admins_language(publisher_client):
    donor = make_organisation(slug="example-fund")
    dataset = tablib.Dataset(headers=["slug", "title_en", "donor", "amount", "currency", "status"])
    dataset.append(["grant", "Grant", donor.slug, "85 000,50", "EUR", "draft"])
    upload = io.BytesIO(dataset.export("csv").encode())
    upload.name = "projects.csv"
    response = publisher_client.post(
        reverse("admin:aid_aidproject_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 200
    confirm = response.context["confirm_form"].initial
    response = publisher_client.post(
        reverse("admin:aid_aidproject_process_import"), confirm, HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 302
    assert AidProject.objects.get(slug="grant").amount == Decimal("85000.50")


def test_an_import_refuses_an_ambiguous_amount_and_saves_nothing(publisher_client):
    donor = make_organisation(slug="example-fund")
    dataset = tablib.Dataset(headers=["slug", "title_en", "donor", "amount", "currency", "status"])
    dataset.append(["grant", "Grant", donor.slug, "85.000,50", "EUR", "draft"])
    upload = io.BytesIO(dataset.export("csv").encode())
    upload.name = "projects.csv"
    response = publisher_client.post(
        reverse("admin:aid_aidproject_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "can be read in two ways" in response.content.decode()
    assert "confirm_form" not in response.context
    assert not AidProject.objects.exists()


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("en", "1,000,000.5", "1000000.5"),
        ("en", "85 000.50", "85000.50"),
        ("ru", "85000.50", "85000.50"),
        ("ru", "1.000.000", "1000000"),
        ("be", "85,5", "85.5"),
        ("be", "-250,00", "-250.00"),
    ],
)
def test_the_reading_rule_accepts(language, typed, expected):
    with translation.override(language):
        assert parse_amount(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "85,5"),
        ("en", "1.000.000"),
        ("ru", "1,000,000"),
        ("ru", "85,000.50"),
        ("ru", "8 50 00"),
        ("be", "85 EUR"),
        ("be", "0,500 000"),
        ("en", ""),
    ],
)
def test_the_reading_rule_refuses(language, typed):
    with translation.override(language), pytest.raises(AmountError):
        parse_amount(typed)
