"""Files for spreadsheets: a UTF-8 byte-order mark, yes/no in words of the language."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.backoffice.test_import_export import export
from tests.factories import make_meeting, make_organisation, make_project

pytestmark = pytest.mark.django_db

BOM = "\ufeff".encode()


@pytest.fixture
def projects():
    donor = make_organisation(name_en="Government of Japan", slug="japan")
    make_project(
        title_en="Chernobyl aid",
        title_ru="Чернобыльская помощь",
        donor=donor,
        year=2026,
        amount=Decimal("40000000"),
        currency="USD",
        amount_is_approximate=True,
    )
    make_project(
        title_en="Hospital",
        title_ru="Больница",
        donor=donor,
        year=2026,
        amount=Decimal("85000.50"),
        currency="EUR",
    )


def rows_of(data: bytes) -> list[dict]:
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("language", "yes", "no"), [("en", "yes", "no"), ("ru", "да", "нет"), ("be", "так", "не")]
)
def test_the_annual_report_csv_has_a_bom_and_words_for_flags(tmp_path, projects, language, yes, no):
    output = tmp_path / "report.zip"
    call_command(
        "annual_report", "2026", "--format", "csv", "--language", language, "--output", str(output)
    )
    archive = zipfile.ZipFile(output)
    for name in archive.namelist():
        assert archive.read(name).startswith(BOM), name
    projects = rows_of(archive.read("aid_projects-2026.csv"))
    assert sorted(row["approximate"] for row in projects) == sorted([yes, no])
    assert "True" not in archive.read("aid_projects-2026.csv").decode("utf-8-sig")
    # The first column's name is read without the mark.
    assert next(iter(projects[0])) == "id" or "\ufeff" not in next(iter(projects[0]))


def test_open_data_csv_has_a_bom_and_speaks_the_pages_language(client, projects):
    make_meeting(title_en="Talks", title_ru="Переговоры")
    response = client.get("/ru/open-data/aid-projects.csv")
    rows = rows_of(b"".join(response.streaming_content))
    assert {row["title"] for row in rows} == {"Чернобыльская помощь", "Больница"}
    assert sorted(row["approximate"] for row in rows) == ["да", "нет"]
    meetings = client.get("/ru/open-data/meetings.csv")
    assert b"".join(meetings.streaming_content).startswith(BOM)


def test_the_admins_csv_export_has_a_bom_and_imports_back(admin_client):
    make_meeting(title_en="Talks", title_ru="Переговоры с Японией", slug="talks")
    data = export(admin_client, "meetings_meeting", 0)
    rows = rows_of(data)
    assert rows[0]["title_ru"] == "Переговоры с Японией"
    # The admin's import reads the file it exported (the mark is not part of the first column).
    url = reverse("admin:meetings_meeting_import")
    upload = io.BytesIO(data)
    upload.name = "meetings.csv"
    response = admin_client.post(url, {"format": "0", "resource": "0", "import_file": upload})
    assert response.status_code == 200
    assert "errors" not in response.context or not response.context.get("errors")
    assert "Переговоры с Японией" in response.content.decode()
