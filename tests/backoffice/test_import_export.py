"""Exports use natural keys and follow the admin's filters; imports are all-or-nothing."""

import csv
import io
import json

import pytest
import tablib
from django.urls import reverse
from openpyxl import load_workbook

from aid.models import AidProject
from aid.resources import AidProjectResource
from meetings.models import Meeting
from meetings.resources import MeetingResource
from tests.factories import make_hospital_project, make_meeting, make_project

pytestmark = pytest.mark.django_db


def export(client, model: str, file_format: int, query: str = "") -> bytes:
    """Export every field through the admin; formats: 0 CSV, 1 XLSX, 2 JSON."""
    url = reverse(f"admin:{model}_export") + query
    page = client.get(url)
    assert page.status_code == 200
    data = {"format": str(file_format), "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if "resource_" in name})
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content


def test_csv_export_uses_slugs_and_iso_codes_not_ids(admin_client):
    make_hospital_project()
    make_project()
    rows = list(
        csv.DictReader(io.StringIO(export(admin_client, "aid_aidproject", 0).decode("utf-8-sig")))
    )
    stolin = next(
        row for row in rows if row["slug"] == "stolin-central-district-hospital-equipment"
    )
    assert stolin["donor"] == "government-of-japan"
    assert stolin["programme"] == "japan-grass-roots-grant-assistance"
    assert stolin["recipient"] == "stolin-central-district-hospital"
    assert stolin["recipient_country"] == "BY"
    assert stolin["title_ru"].startswith("Поставка")
    assert "id" not in rows[0]


def test_export_respects_the_current_filters(admin_client):
    make_meeting(title_en="Published one", status="published")
    make_meeting(title_en="Draft one", status="draft")
    data = json.loads(export(admin_client, "meetings_meeting", 2, "?status__exact=draft"))
    assert [row["title_en"] for row in data] == ["Draft one"]


def test_xlsx_export_opens_as_a_workbook(admin_client):
    make_meeting(countries=["JP"])
    workbook = load_workbook(io.BytesIO(export(admin_client, "meetings_meeting", 1)))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert "slug" in header and "countries" in header
    assert sheet.cell(row=2, column=header.index("countries") + 1).value == "JP"


def test_an_export_imports_into_another_site():
    make_hospital_project()
    make_project(title_en="Another project")
    make_project(title_en="A third project", region="BY-MI")
    dataset = AidProjectResource().export()
    AidProject.objects.all().delete()
    result = AidProjectResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert AidProject.objects.count() == 3
    stolin = AidProject.objects.get(slug="stolin-central-district-hospital-equipment")
    assert stolin.donor.slug == "government-of-japan" and stolin.region == "BY-BR"


def meeting_rows(*rows: dict) -> tablib.Dataset:
    headers = ["slug", "title_en", "kind", "date", "countries", "status"]
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        dataset.append([row.get(header, "") for header in headers])
    return dataset


def test_an_import_with_a_broken_row_saves_nothing_and_names_the_row():
    make_meeting(slug="existing", title_en="Before the import")
    dataset = meeting_rows(
        {
            "slug": "existing",
            "title_en": "Changed by import",
            "kind": "sitting",
            "date": "2026-03-01",
            "status": "draft",
        },
        {
            "slug": "new-one",
            "title_en": "Valid new",
            "kind": "sitting",
            "date": "2026-03-02",
            "status": "draft",
        },
        {
            "slug": "broken",
            "title_en": "Broken",
            "kind": "no-such-kind",
            "date": "2026-03-03",
            "status": "draft",
        },
        {
            "slug": "bad-country",
            "title_en": "Bad country",
            "kind": "sitting",
            "date": "2026-03-04",
            "countries": "XX",
        },
    )
    result = MeetingResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors() or result.has_errors()
    invalid = {row.number: row.error.message_dict for row in result.invalid_rows}
    assert set(invalid) == {3, 4}
    assert "kind" in invalid[3]
    assert "countries" in invalid[4]
    assert Meeting.objects.count() == 1
    assert Meeting.objects.get().title_en == "Before the import"


def test_the_admin_import_previews_then_refuses_a_broken_file(publisher_client):
    dataset = meeting_rows(
        {
            "slug": "ok",
            "title_en": "Fine",
            "kind": "sitting",
            "date": "2026-03-02",
            "status": "draft",
        },
        {
            "slug": "bad-date",
            "title_en": "Bad",
            "kind": "sitting",
            "date": "not a date",
            "status": "draft",
        },
    )
    upload = io.BytesIO(dataset.export("csv").encode())
    upload.name = "meetings.csv"
    response = publisher_client.post(
        reverse("admin:meetings_meeting_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Some rows failed to validate" in page
    assert "Value could not be parsed" in page
    assert "confirm_form" not in response.context  # nothing to confirm
    assert Meeting.objects.count() == 0


def project_rows(*rows: dict) -> tablib.Dataset:
    headers = ["slug", "title_en", "programme", "donor", "recipient_country", "sector"]
    headers += ["project_status", "status", "currency"]
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        defaults = {"recipient_country": "BY", "sector": "12230", "project_status": "pipeline"}
        row = {**defaults, "status": "draft", "currency": "EUR", **row}
        dataset.append([row.get(header, "") for header in headers])
    return dataset


def test_an_imported_project_without_a_donor_takes_its_programme_donor():
    from aid.models import AidProgramme
    from tests.factories import make_organisation

    japan = make_organisation(name_en="Government of Japan", slug="government-of-japan")
    make_organisation(name_en="Government of Korea", slug="government-of-korea")
    AidProgramme.objects.create(title_en="Grants", slug="grants", donor=japan)
    dataset = project_rows(
        {"slug": "x-ray", "title_en": "X-ray unit", "programme": "grants"},
        {"slug": "ambulance", "title_en": "Ambulance", "programme": "grants",
         "donor": "government-of-korea"},
        {"slug": "no-donor", "title_en": "Nobody's", "programme": ""},
    )  # fmt: skip
    result = AidProjectResource().import_data(dataset, dry_run=False)
    invalid = {row.number: row.error.message_dict for row in result.invalid_rows}
    assert list(invalid) == [3] and "donor" in invalid[3]
    assert AidProject.objects.count() == 0  # all or nothing
    result = AidProjectResource().import_data(project_rows(*dataset.dict[:2]), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    donors = dict(AidProject.objects.values_list("slug", "donor__slug"))
    assert donors == {"x-ray": "government-of-japan", "ambulance": "government-of-korea"}
