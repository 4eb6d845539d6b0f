"""The annual report files, opened with their readers and checked."""

import csv
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from aid.models import Milestone
from tests.factories import (
    make_delegation,
    make_hospital_project,
    make_japan_meeting,
    make_meeting,
    make_organisation,
    make_project,
)

pytestmark = pytest.mark.django_db


def report(tmp_path, year="2026", file_format="xlsx", *extra) -> bytes:
    output = tmp_path / f"report.{file_format}"
    call_command("annual_report", year, "--format", file_format, "--output", str(output), *extra)
    return output.read_bytes()


@pytest.fixture
def year_2026():
    make_japan_meeting()
    make_hospital_project()
    make_meeting(title_en="Draft sitting", status="draft", countries=["CN"])
    make_meeting(title_en="Talks with China", countries=["CN"], kind="video")
    make_delegation(title_en="Visit to Tokyo", direction="outgoing", countries=["JP"])
    donor = make_organisation(name_en="Kingdom of Example", slug="example-donor")
    make_project(
        title_en="Euro grant", donor=donor, year=2026, amount=Decimal("1000.50"), currency="EUR"
    )
    make_project(
        title_en="Dollar grant",
        donor=donor,
        year=2026,
        amount=Decimal("250"),
        currency="USD",
        amount_usd=Decimal("250"),
    )
    make_project(title_en="Old grant", donor=donor, year=2019, amount=Decimal("99"), currency="USD")


def test_the_workbook_has_a_summary_with_charts_and_a_sheet_per_entity(tmp_path, year_2026):
    workbook = load_workbook(io.BytesIO(report(tmp_path)))
    assert workbook.sheetnames == [
        "Summary",
        "Meetings",
        "Delegations",
        "Aid projects",
        "About these figures",
        "Meetings by country",
        "Meetings by kind",
        "Delegations in and out",
        "Aid projects by status",
    ]
    summary = workbook["Summary"]
    assert [len(sheet._charts) for sheet in workbook.chartsheets] == [1, 1, 1, 1]
    values = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row and row[0]}
    assert values["Meetings"] == 2  # the two published ones; not the draft
    assert values["Delegations"] == 1
    assert values["Aid projects"] == 3  # the hospital (signed 2026) and the two 2026 grants

    meetings = workbook["Meetings"]
    assert meetings.freeze_panes == "A2"
    assert meetings.auto_filter.ref == "A1:I3"
    dates = [row[0] for row in meetings.iter_rows(min_row=2, values_only=True)]
    assert [d.date().isoformat() for d in dates] == ["2026-01-26", "2026-01-26"]
    titles = [row[1] for row in meetings.iter_rows(min_row=2, values_only=True)]
    assert "Draft sitting" not in titles

    projects = workbook["Aid projects"]
    header = [cell.value for cell in projects[1]]
    rows = [
        dict(zip(header, row, strict=True))
        for row in projects.iter_rows(min_row=2, values_only=True)
    ]
    euro = next(row for row in rows if row["Project"] == "Euro grant")
    assert euro["Amount"] == 1000.5 and euro["Currency"] == "EUR"
    hospital = next(row for row in rows if row["Project"].startswith("Supply"))
    assert hospital["Amount"] is None
    assert hospital["Agreement signed"].date().isoformat() == "2026-01-16"


def test_totals_in_the_workbook_never_mix_currencies(tmp_path, year_2026):
    summary = load_workbook(io.BytesIO(report(tmp_path)))["Summary"]
    rows = list(summary.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == "Totals by currency")
    table = {row[0]: row[2] for row in rows[start + 2 : start + 4]}
    assert table == {"EUR": 1000.5, "USD": 250}


def test_the_docx_has_headings_and_tables(tmp_path, year_2026):
    document = Document(io.BytesIO(report(tmp_path, "2026", "docx")))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == ("Title", "International work of the commission in 2026")
    assert ("Heading 1", "Meetings") in headings
    assert ("Heading 1", "Delegations") in headings
    assert ("Heading 1", "Aid projects") in headings
    meetings_table = document.tables[0]
    titles = [row.cells[1].text for row in meetings_table.rows[1:]]
    assert "Talks with China" in titles and "Draft sitting" not in titles
    totals = document.tables[-1]
    assert [row.cells[0].text for row in totals.rows[1:]] == ["EUR", "USD"]


def test_csv_zip_and_json_round_trip(tmp_path, year_2026):
    archive = zipfile.ZipFile(io.BytesIO(report(tmp_path, "2026", "csv")))
    assert sorted(archive.namelist()) == [
        "aid_projects-2026.csv",
        "delegations-2026.csv",
        "meetings-2026.csv",
    ]
    meetings = list(
        csv.DictReader(io.TextIOWrapper(archive.open("meetings-2026.csv"), "utf-8-sig"))
    )
    assert {row["title"] for row in meetings} == {
        "Commission Chairman Sergei Aleinik meets the Ambassador of Japan",
        "Talks with China",
    }
    data = json.loads(report(tmp_path, "2026", "json"))
    assert data["year"] == 2026 and data["summary"]["meetings"] == 2
    assert [m["title"] for m in data["meetings"]] == [row["title"] for row in meetings]
    assert {t["currency"]: t["total"] for t in data["summary"]["totals_by_currency"]} == {
        "EUR": "1000.50",
        "USD": "250.00",
    }


def test_drafts_come_in_only_when_asked_and_are_marked(tmp_path, year_2026):
    data = json.loads(report(tmp_path, "2026", "json", "--include-drafts"))
    draft = next(m for m in data["meetings"] if m["title"] == "Draft sitting")
    assert draft["state"] == "DRAFT (internal)"
    assert data["includes_drafts"] is True


def test_the_report_speaks_the_chosen_language(tmp_path, year_2026):
    data = json.loads(report(tmp_path, "2026", "json", "--language", "ru"))
    japan = data["meetings"][0]
    assert japan["title"] == "Председатель комиссии Сергей Алейник встретился с Послом Японии"
    assert data["language"] == "ru"


def test_an_empty_year_gives_a_valid_report_that_says_so(tmp_path, db):
    workbook = load_workbook(io.BytesIO(report(tmp_path, "1999")))
    texts = [row[0] for row in workbook["Summary"].iter_rows(values_only=True) if row and row[0]]
    assert "There was no published work to report for 1999." in texts
    document = Document(io.BytesIO(report(tmp_path, "1999", "docx")))
    assert any("no published work" in p.text for p in document.paragraphs)
    assert json.loads(report(tmp_path, "1999", "json"))["meetings"] == []
    zipfile.ZipFile(io.BytesIO(report(tmp_path, "1999", "csv"))).testzip()


@pytest.mark.parametrize(
    "arguments,message",
    [
        (["20x6", "--format", "xlsx"], "must be a number"),
        (["2026", "--format", "pdf"], "Unknown format"),
        (["2026", "--format", "xlsx", "--language", "de"], "Unknown language"),
    ],
)
def test_bad_arguments_are_clear_errors_and_write_nothing(tmp_path, db, arguments, message):
    output = tmp_path / "out.file"
    with pytest.raises(CommandError, match=message):
        call_command("annual_report", *arguments, "--output", str(output))
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_output_is_a_clear_error(tmp_path, db):
    with pytest.raises(CommandError, match="does not exist"):
        call_command(
            "annual_report", "2026", "--format", "xlsx", "--output", str(tmp_path / "no" / "x.xlsx")
        )
    # /proc takes no new files, whoever asks (CI runs as root).
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("annual_report", "2026", "--format", "xlsx", "--output", "/proc/x.xlsx")


def test_the_admin_page_serves_the_same_files(admin_client, year_2026):
    url = reverse("annual_report")
    page = admin_client.get(url)
    assert page.status_code == 200 and b"Download XLSX" in page.content
    response = admin_client.get(url, {"year": "2026", "language": "en", "format": "json"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        'attachment; filename="annual-report-2026-en.json"'
    )
    data = json.loads(b"".join(response.streaming_content))
    assert data["summary"]["meetings"] == 2
    bad = admin_client.get(url, {"year": "twenty", "language": "en", "format": "xlsx"})
    assert bad.status_code == 400 and b"Enter a whole number" in bad.content


def test_the_admin_page_is_for_staff_only(client):
    response = client.get(reverse("annual_report"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_milestones_bring_a_project_into_the_year(tmp_path, db):
    project = make_project(title_en="Delivered in 2027", year=2025)
    Milestone.objects.create(project=project, kind="equipment_delivered", date="2027-03-01")
    data = json.loads(report(tmp_path, "2027", "json"))
    assert [p["title"] for p in data["aid_projects"]] == ["Delivered in 2027"]
