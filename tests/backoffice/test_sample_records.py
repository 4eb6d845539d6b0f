"""The demo's sample records: every page kind has content, labelled; production never has them.

The whole sample set is loaded once per test through the load_demo command.
Photo variants are made by the task backend; most tests here do not need
them and use the dummy backend (the photos stay pending and render as grey
boxes), the removal test makes them for real.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models
from icalendar import Calendar
from lxml import etree

from aid.models import AidProgramme, AidProject
from commission.models import Membership, Organisation, Person, Topic
from delegations.models import Delegation, DelegationDocument
from meetings.models import Meeting
from photos.models import Photo

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
FLAGGED = [Meeting, Delegation, AidProgramme, AidProject, Person, Organisation, Membership, Topic]
CONTENT_APPS = ["commission", "meetings", "delegations", "aid", "photos"]


@pytest.fixture
def no_variants(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def demo(no_variants):
    call_command("load_demo", verbosity=0)


SAMPLE_MEETING = "/en/meetings/2026/talks-with-senate-of-kazakhstan/"
SAMPLE_VISIT = "/en/delegations/2026/visit-of-senate-of-kazakhstan/"
SAMPLE_PROJECT = "/en/aid/projects/sample-perinatal-centre-equipment/"
SAMPLE_PROGRAMME = "/en/aid/programmes/koica-grant-projects/"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_sample_set_is_a_year_of_records_in_three_languages(demo):
    samples = Meeting.objects.filter(is_sample=True)
    assert samples.count() >= 20
    assert {m.kind for m in samples} >= {"sitting", "bilateral", "video", "hearing"}
    countries = {c.code for m in samples for c in m.countries.all()}
    assert len(countries) >= 5
    dates = sorted(m.date for m in samples)
    assert (dates[-1] - dates[0]).days >= 330
    assert {d.direction for d in Delegation.objects.filter(is_sample=True)} == {
        "incoming",
        "outgoing",
    }
    projects = AidProject.objects.filter(is_sample=True)
    assert projects.count() >= 12
    assert len({p.currency for p in projects}) >= 4
    assert len({p.region for p in projects}) == 7
    assert AidProgramme.objects.filter(is_sample=True).count() >= 3
    for model, field in [(Meeting, "title"), (Delegation, "title"), (AidProject, "title")]:
        for obj in model.objects.filter(is_sample=True):
            assert getattr(obj, f"{field}_ru") and getattr(obj, f"{field}_be"), obj
    assert Membership.objects.filter(is_sample=True).count() >= 3


def test_the_facts_stay_as_loaded_without_invented_amounts(demo):
    # DOMAIN.md's projects carry no amount; only sample projects do.
    real = AidProject.objects.filter(is_sample=False)
    assert real.count() == 3
    assert all(p.amount is None and p.amount_usd is None for p in real)
    assert not AidProject.objects.filter(is_sample=False, programme__is_sample=True).exists()
    real_meeting = Meeting.objects.get(is_sample=False)
    assert real_meeting.slug == "chairman-meets-ambassador-of-japan"
    assert not real_meeting.participants.filter(is_sample=True).exists()


def test_every_public_page_kind_has_content_and_labels_its_samples(client, demo):
    home = page(client, "/en/")
    assert home.count("Sample record") >= 3
    first = page(client, "/en/meetings/")
    second = page(client, "/en/meetings/?page=2")
    assert first.count('<article class="card') == 20 and '<article class="card' in second
    assert "Sample record" in first
    assert "Sample record" in page(client, "/en/meetings/2026/")
    assert "Sample record" in page(client, "/en/meetings/?kind=sitting")

    meeting = page(client, SAMPLE_MEETING)
    assert "Sample record" in meeting and "Participants" in meeting and "gallery" in meeting

    visits = page(client, "/en/delegations/")
    assert visits.count("Sample record") == Delegation.objects.filter(is_sample=True).count()
    visit = page(client, SAMPLE_VISIT)
    assert "Sample record" in visit
    assert visit.count("<li><time") >= 4  # the day-by-day programme
    assert "Programme of the visit" in visit and "gallery" in visit
    document = DelegationDocument.objects.filter(delegation__slug="visit-of-senate-of-kazakhstan")
    response = client.get(document.get().get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK\x03\x04")  # a real DOCX

    aid = page(client, "/en/aid/")
    assert aid.count("<svg") >= 9  # by donor, region and year, each in several currencies
    for label in ("Totals by donor", "Totals by region", "Totals by year"):
        assert label in aid
    assert "invented amounts of" in aid
    for currency in ("CNY", "KRW", "EUR", "USD"):
        assert currency in aid
    programme = page(client, SAMPLE_PROGRAMME)
    assert "Sample record" in programme and "<svg" in programme
    project = page(client, SAMPLE_PROJECT)
    assert "Sample record" in project and "Agreement signed" in project

    countries = page(client, "/en/countries/")
    for name in ("Kazakhstan", "China", "Serbia", "Japan"):
        assert name in countries
    kazakhstan = page(client, "/en/countries/KZ/")
    assert kazakhstan.count('<article class="card') >= 3  # meetings and a visit
    china = page(client, "/en/countries/CN/")
    assert "Sample record" in china and "<svg" in china  # projects and their charts

    members = page(client, "/en/members/")
    assert "Sergei Aleinik" in members and members.count("Sample record") == 4
    assert "Sample record" in page(client, "/en/search/?q=Kazakhstan")


def test_each_feed_the_calendar_and_the_sitemap_have_entries(client, demo):
    for url in ("/en/meetings/feed/rss/", "/en/delegations/feed/rss/"):
        assert page(client, url).count("<item>") >= 6, url
    for url in ("/en/meetings/feed/atom/", "/en/delegations/feed/atom/"):
        assert page(client, url).count("<entry>") >= 6, url
    events = Calendar.from_ical(client.get("/en/open-data/calendar.ics").content).walk("VEVENT")
    assert len(events) >= 25
    sitemap = page(client, "/sitemap.xml")
    sections = re.findall(r"<loc>https?://testserver(/[^<]+)</loc>", sitemap)
    urls = "".join(page(client, section) for section in sections)
    assert "talks-with-senate-of-kazakhstan" in urls


def test_the_iati_file_has_every_project_and_validates(client, demo):
    from tests.reports.test_open_data import IATI_SCHEMA

    document = etree.fromstring(client.get("/en/open-data/iati-activities.xml").content)
    schema = etree.XMLSchema(etree.parse(str(IATI_SCHEMA)))
    assert schema.validate(document), schema.error_log
    activities = document.findall("iati-activity")
    assert len(activities) >= 12
    currencies = {a.get("default-currency") for a in activities}
    assert {"CNY", "KRW", "EUR", "USD"} <= currencies


def test_with_samples_off_no_public_path_shows_them(client, demo, settings):
    settings.SHOW_SAMPLE_RECORDS = False
    for url in (SAMPLE_MEETING, SAMPLE_VISIT, SAMPLE_PROJECT, SAMPLE_PROGRAMME):
        assert client.get(url).status_code == 404, url
    for url in (
        "/en/",
        "/en/meetings/",
        "/en/delegations/",
        "/en/aid/",
        "/en/members/",
        "/en/countries/",
        "/en/countries/CN/",
        "/en/search/?q=parliamentary",
        "/en/meetings/feed/rss/",
        "/en/delegations/feed/atom/",
        "/en/open-data/meetings.csv",
        "/en/open-data/aid-projects.json",
        "/en/open-data/calendar.ics",
        "/en/open-data/iati-activities.xml",
    ):
        response = client.get(url)
        body = b"".join(
            response.streaming_content if response.streaming else [response.content]
        ).decode()
        assert response.status_code == 200, url
        for marker in ("Sample record", "Kazakhstan", "Natalia", "KOICA", "sample-perinatal"):
            assert marker not in body, (url, marker)
    sitemap = page(client, "/sitemap.xml")
    for section in re.findall(r"<loc>https?://testserver(/[^<]+)</loc>", sitemap):
        assert "kazakhstan" not in page(client, section)
    assert "Sergei Aleinik" in page(client, "/en/members/")


def test_samples_are_refused_where_debug_is_off(settings, no_variants):
    settings.SHOW_SAMPLE_RECORDS = False  # what settings.py gives with DEBUG off
    with pytest.raises(CommandError, match="not loaded with DEBUG off") as refused:
        call_command("load_demo")
    assert "\n" not in str(refused.value)
    assert not any(model.objects.exists() for model in FLAGGED + [Photo])
    call_command("load_demo", "--without-samples", verbosity=0)
    assert Meeting.objects.count() == 1
    assert not any(model.objects.filter(is_sample=True).exists() for model in FLAGGED + [Photo])


def test_the_production_settings_refuse_samples_in_one_line(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "SHOW_SAMPLE_RECORDS": "true",  # cannot be turned on in production
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "CommandError: Sample records are for development only and are not loaded with DEBUG "
        "off (SHOW_SAMPLE_RECORDS); run load_demo --without-samples to load the real facts only."
    ]


def _natural(obj, depth: int = 0):
    """A row as comparable content: no ids or times; related rows by their own content."""
    if obj is None:
        return None
    slug = getattr(obj, "slug", None)
    if slug and depth:
        return (type(obj).__name__, slug)
    values = []
    for field in obj._meta.concrete_fields:
        if field.primary_key or isinstance(field, models.DateTimeField):
            continue
        if field.name in {"id", "history_id", "history_user"}:
            continue
        if field.is_relation:
            try:
                related = getattr(obj, field.name)
            except Exception:  # a history row pointing at a deleted row
                related = "gone"
            value = related if related == "gone" else _natural(related, depth + 1)
        elif isinstance(field, models.FileField):
            value = bool(getattr(obj, field.attname))
        else:
            value = getattr(obj, field.attname)
        values.append((field.name, repr(value)))
    return tuple(values)


def snapshot() -> dict[str, list]:
    """Every table of the content apps (history and link tables too), as sorted contents."""
    tables = {}
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            rows = sorted(repr(_natural(obj)) for obj in model._base_manager.all())
            tables[model._meta.db_table] = rows
    return tables


def stored_files() -> set[str]:
    found = set()

    def walk(folder: str) -> None:
        folders, files = default_storage.listdir(folder)
        found.update(f"{folder}/{name}".lstrip("/") for name in files)
        for name in folders:
            walk(f"{folder}/{name}".lstrip("/"))

    if os.path.isdir(default_storage.location):
        walk("")
    return found


def test_remove_samples_leaves_exactly_the_facts_and_no_files(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # photo variants are made on commit
        call_command("load_demo", verbosity=0)
    photos = list(Photo.objects.all())
    assert len(photos) == 7 and all(photo.is_ready for photo in photos)
    documents = [d.file.name for d in DelegationDocument.objects.all()]
    assert len(documents) == 6
    files = stored_files()
    assert all(name in files for name in documents)
    assert all(photo.original.name in files for photo in photos)
    assert all(v["name"] in files for photo in photos for v in photo.variants)

    with django_capture_on_commit_callbacks(execute=True):  # files are deleted on commit
        call_command("remove_samples", verbosity=0)
    after_removal = snapshot()
    assert stored_files() == set()  # originals, variants and documents all gone

    for model in [Meeting, Delegation, AidProject, AidProgramme, Photo, *FLAGGED]:
        model.objects.all().delete()
    for label in CONTENT_APPS:  # then what is left, history included
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            model._base_manager.all().delete()
    call_command("load_demo", "--without-samples", verbosity=0)
    facts_only = snapshot()

    assert {t: len(rows) for t, rows in after_removal.items()} == {
        t: len(rows) for t, rows in facts_only.items()
    }
    assert after_removal == facts_only
    assert sum(len(rows) for rows in facts_only.values()) > 20


def test_pages_with_samples_are_valid_html(client, demo, tmp_path):
    import json
    import shutil

    from tests.website.test_html_valid import VNU

    if not shutil.which("java") or not VNU.exists():
        pytest.skip("the Nu HTML checker needs Java and vnu-jar (npm install)")
    pages = [
        "/en/",
        "/en/meetings/",
        SAMPLE_MEETING,
        SAMPLE_VISIT,
        "/en/aid/",
        SAMPLE_PROGRAMME,
        SAMPLE_PROJECT,
        "/en/members/",
        "/en/search/?q=Kazakhstan",
    ]
    files = []
    for number, url in enumerate(pages):
        path = tmp_path / f"page-{number}.html"
        path.write_text(page(client, url))
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert not messages, messages
