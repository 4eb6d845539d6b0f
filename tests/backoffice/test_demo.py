"""The demo loader holds the facts of DOMAIN.md and is safe to run twice."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command

from aid.models import AidProgramme, AidProject
from commission.models import Membership, Organisation, Person
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

MODELS = [Meeting, AidProgramme, AidProject, Person, Organisation, Membership]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_it_is_idempotent(capsys, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("load_demo")
    first = counts()
    assert first["Meeting"] > 20  # the facts and the sample set
    call_command("load_demo")
    assert counts() == first
    assert "0 objects created" in capsys.readouterr().out.splitlines()[-1]


def test_it_loads_the_meeting_with_the_ambassador_of_japan():
    call_command("load_demo", "--without-samples")
    meeting = Meeting.objects.published().get()
    assert [country.code for country in meeting.countries.all()] == ["JP"]
    assert meeting.date == dt.date(2026, 1, 26)
    assert meeting.source_url.startswith("https://news.by")
    participants = {p.person.slug: p.side for p in meeting.participant_set.all()}
    assert participants == {
        "sergei-aleinik": "commission",
        "ambassador-of-japan-to-belarus": "counterpart",
    }
    assert meeting.title_ru and meeting.title_be
    chair = Membership.objects.current().get()
    assert (chair.person.slug, chair.role) == ("sergei-aleinik", "chair")


def test_it_loads_the_grass_roots_programme_and_its_projects():
    call_command("load_demo")
    programme = AidProgramme.objects.get(slug="japan-grass-roots-grant-assistance")
    assert (programme.start_year, programme.revived_year) == (2004, 2025)
    assert programme.donor.country.code == "JP"
    projects = {p.recipient.slug: p for p in programme.projects.all()}
    assert projects["senno-central-district-hospital"].project_status == "completed"
    assert projects["senno-central-district-hospital"].region == "BY-VI"
    assert projects["gomel-oncology-center"].project_status == "completed"
    assert projects["gomel-oncology-center"].region == "BY-HO"
    stolin = projects["stolin-central-district-hospital"]
    assert stolin.region == "BY-BR"
    signed = stolin.milestones.get(kind="agreement_signed")
    assert signed.date == dt.date(2026, 1, 16)
    # The source gives no amounts: none is invented.
    assert all(p.amount is None and p.amount_usd is None for p in projects.values())


def test_it_marks_the_chernobyl_total_approximate():
    call_command("load_demo")
    chernobyl = AidProgramme.objects.get(slug="japan-chernobyl-assistance")
    assert chernobyl.reported_total == Decimal("40000000")
    assert chernobyl.reported_total_currency == "USD"
    assert chernobyl.reported_total_is_approximate is True


def test_it_translates_institution_names():
    call_command("load_demo")
    hospital = Organisation.objects.get(slug="stolin-central-district-hospital")
    assert hospital.name_ru == "Столинская центральная районная больница"
    assert hospital.name_be == "Столінская цэнтральная раённая бальніца"


def test_demo_admin_is_refused_in_production(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("demo_admin")
