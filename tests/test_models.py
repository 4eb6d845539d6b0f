"""Model rules: validation, publishing, totals, translation fallback."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from aid.models import AidProgramme, AidProject
from aid.totals import totals_by_currency, usd_total
from commission.models import Membership
from delegations.models import Delegation, ProgrammeItem
from meetings.models import Meeting
from tests.factories import (
    make_delegation,
    make_meeting,
    make_organisation,
    make_person,
    make_project,
)

pytestmark = pytest.mark.django_db


def field_errors(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_it_rejects_a_delegation_ending_before_it_starts():
    delegation = Delegation(
        title_en="Visit",
        slug="visit",
        direction="outgoing",
        start_date=dt.date(2026, 5, 10),
        end_date=dt.date(2026, 5, 9),
    )
    assert "before the start date" in field_errors(delegation)["end_date"][0]


def test_it_rejects_a_membership_ending_before_it_starts():
    membership = Membership(
        person=make_person(), start_date=dt.date(2024, 1, 1), end_date=dt.date(2023, 1, 1)
    )
    assert "end_date" in field_errors(membership)


def test_it_rejects_a_programme_item_outside_the_visit():
    delegation = make_delegation(start_date=dt.date(2026, 3, 2), end_date=dt.date(2026, 3, 4))
    item = ProgrammeItem(delegation=delegation, date=dt.date(2026, 3, 5), title_en="Dinner")
    assert "outside the dates" in field_errors(item)["date"][0]


def test_it_rejects_a_negative_amount():
    project = AidProject(
        title_en="Grant",
        slug="grant",
        donor=make_organisation(),
        amount=Decimal("-1"),
        currency="USD",
    )
    assert "cannot be negative" in field_errors(project)["amount"][0]


def test_it_rejects_an_amount_without_a_currency():
    project = AidProject(title_en="Grant", slug="grant", donor=make_organisation(), amount=10)
    assert "currency" in field_errors(project)["currency"][0]


def test_it_rejects_a_programme_total_without_a_currency():
    programme = AidProgramme(
        title_en="Aid", slug="aid", donor=make_organisation(), reported_total=Decimal("5")
    )
    assert "reported_total_currency" in field_errors(programme)


def test_it_rejects_a_slug_clash_as_a_field_error():
    make_meeting(slug="taken")
    meeting = Meeting(title_en="Another", slug="taken", date=dt.date(2026, 1, 1))
    assert "already used" in field_errors(meeting)["slug"][0]


def test_it_fills_an_empty_slug_from_the_english_title():
    meeting = Meeting(title_en="Talks with Japan", date=dt.date(2026, 1, 1))
    meeting.full_clean()
    assert meeting.slug == "talks-with-japan"


def test_a_scheduled_item_needs_its_publication_time():
    meeting = Meeting(title_en="Later", slug="later", date=dt.date(2026, 1, 1), status="scheduled")
    assert "published_at" in field_errors(meeting)


def test_usd_amount_fills_the_usd_figure():
    project = AidProject(
        title_en="Grant", slug="grant", donor=make_organisation(), amount=100, currency="USD"
    )
    project.full_clean()
    assert project.amount_usd == 100


def test_published_hides_drafts_and_future_scheduled_items():
    now = timezone.now()
    public = make_meeting(status="published")
    make_meeting(status="draft")
    make_meeting(status="scheduled", published_at=now + dt.timedelta(hours=1))
    due = make_meeting(status="scheduled", published_at=now - dt.timedelta(minutes=1))
    assert set(Meeting.objects.published()) == {public, due}
    assert Meeting.objects.get(pk=due.pk).is_public
    assert Meeting.objects.get(pk=public.pk).published_at is not None


@pytest.mark.parametrize(
    "factory",
    [make_meeting, make_delegation, make_project],
    ids=["meeting", "delegation", "project"],
)
def test_every_model_family_shares_the_published_rule(factory):
    public = factory(status="published")
    factory(status="draft")
    model = type(public)
    assert list(model.objects.published()) == [public]


def test_totals_are_per_currency_never_mixed():
    make_project(amount=Decimal("100"), currency="USD")
    make_project(amount=Decimal("50.50"), currency="USD", amount_is_approximate=True)
    make_project(amount=Decimal("1000000"), currency="JPY", amount_usd=Decimal("6500"))
    make_project(amount=None, currency="")
    totals = {total.currency: total for total in totals_by_currency(AidProject.objects.all())}
    assert set(totals) == {"USD", "JPY"}
    assert totals["USD"].amount == Decimal("150.50")
    assert totals["USD"].approximate is True
    assert totals["JPY"].amount == Decimal("1000000")
    assert totals["JPY"].approximate is False


def test_usd_total_counts_projects_lacking_a_usd_figure():
    make_project(amount=Decimal("100"), currency="USD", amount_usd=Decimal("100"))
    make_project(amount=Decimal("1000"), currency="EUR")
    total = usd_total(AidProject.objects.all())
    assert total.amount == Decimal("100")
    assert total.projects == 1
    assert total.projects_without_usd == 1


def test_for_country_matches_whole_codes():
    japanese = make_meeting(countries=["JP", "CN"])
    make_meeting(countries=["BJ", "PL"])
    assert list(Meeting.objects.for_country("jp")) == [japanese]


def test_translations_fall_back_to_english():
    meeting = make_meeting(title_en="Talks", title_ru="Переговоры")
    with translation.override("ru"):
        assert Meeting.objects.get(pk=meeting.pk).title == "Переговоры"
    with translation.override("be"):
        assert Meeting.objects.get(pk=meeting.pk).title == "Talks"


def test_current_membership_includes_open_ended_and_unknown_start():
    person = make_person()
    Membership.objects.create(person=person, role="chair")
    Membership.objects.create(
        person=make_person(),
        role="member",
        start_date=dt.date(2019, 1, 1),
        end_date=dt.date(2020, 1, 1),
    )
    assert [m.person for m in Membership.objects.current()] == [person]
