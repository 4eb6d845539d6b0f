"""Countries move from comma-separated text to a relation without loss or change.

The same data is written with the models as they were before the migration
(countries as ``"CN,JP"`` text, historical records included); what the site
showed then is computed here with the old parsing; after the migration the
relation, the helpers and the public pages and open data give exactly that.
The migration also runs backwards to the same text.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_countries import countries as catalogue

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("commission", "0007_staff_language_preference"),
    ("meetings", "0002_history_and_publish_permission"),
    ("delegations", "0003_document_file_checked_and_private"),
]
CODES = ["JP", "CN", "DE", "IN", "RU", "TR", "KZ", "AE", "VN", "BR", "IR", "PL"]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    return list(executor.loader.graph.leaf_nodes())


def old_codes(value: str) -> list[str]:
    """The old parsing: comma-separated ISO codes."""
    return [code for code in (value or "").split(",") if code]


def seed_old(apps, rng: random.Random) -> dict:
    """Meetings and delegations as stored before: published, drafts, none, one, several."""
    Meeting = apps.get_model("meetings", "Meeting")
    Delegation = apps.get_model("delegations", "Delegation")
    HistoricalMeeting = apps.get_model("meetings", "HistoricalMeeting")
    now = timezone.now()
    meetings = []
    for n in range(80):
        codes = sorted(rng.sample(CODES, rng.choice([0, 1, 1, 2, 3])))
        meeting = Meeting.objects.create(
            title_en=f"Meeting {n}",
            slug=f"meeting-{n}",
            kind="bilateral",
            date=dt.date(2026, 1, 1) + dt.timedelta(days=n % 200),
            countries=",".join(codes),
            status="draft" if n % 7 == 0 else "published",
            published_at=now - dt.timedelta(days=1),
        )
        meetings.append(meeting)
        HistoricalMeeting.objects.create(
            id=meeting.pk,
            title_en=meeting.title_en,
            slug=meeting.slug,
            kind=meeting.kind,
            date=meeting.date,
            countries=meeting.countries,
            status=meeting.status,
            published_at=meeting.published_at,
            created_at=meeting.created_at,
            updated_at=meeting.updated_at,
            history_date=now,
            history_type="+",
        )
    for n in range(30):
        Delegation.objects.create(
            title_en=f"Visit {n}",
            slug=f"visit-{n}",
            direction="incoming" if n % 2 else "outgoing",
            countries=",".join(sorted(rng.sample(CODES, rng.choice([0, 1, 2])))),
            start_date=dt.date(2026, 3, 1) + dt.timedelta(days=n),
            end_date=dt.date(2026, 3, 2) + dt.timedelta(days=n),
            status="draft" if n % 9 == 0 else "published",
            published_at=now - dt.timedelta(days=1),
        )
    published = {"status": "published"}
    meeting_rows = list(Meeting.objects.filter(**published).values("pk", "slug", "countries"))
    delegation_rows = list(Delegation.objects.filter(**published).values("pk", "countries"))
    return {
        "all_meetings": dict(Meeting.objects.values_list("pk", "countries")),
        "all_delegations": dict(Delegation.objects.values_list("pk", "countries")),
        "history": dict(HistoricalMeeting.objects.values_list("history_id", "countries")),
        "meetings": meeting_rows,
        "delegations": delegation_rows,
        "order": list(
            Meeting.objects.filter(**published)
            .order_by("-date", "-start_time", "-pk")
            .values_list("pk", "countries")
        ),
    }


def counts(rows) -> Counter:
    result: Counter = Counter()
    for row in rows:
        result.update(old_codes(row["countries"]))
    return result


def test_countries_move_to_the_relation_and_back_without_loss(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    old = seed_old(migrate(BEFORE), random.Random(12))
    migrate(latest())

    from commission.models import Country
    from delegations.models import Delegation
    from meetings.models import Meeting

    # Rows: the same codes for every item (drafts included), in the same order.
    assert {
        m.pk: ",".join(c.code for c in m.countries.all())
        for m in Meeting.objects.prefetch_related("countries")
    } == old["all_meetings"]
    assert {
        d.pk: ",".join(c.code for c in d.countries.all())
        for d in Delegation.objects.prefetch_related("countries")
    } == old["all_delegations"]
    pairs = sum(len(old_codes(value)) for value in old["all_meetings"].values())
    assert Meeting.countries.through.objects.count() == pairs
    assert Country.objects.count() >= len(list(catalogue))
    # The history keeps the codes as they were.
    history = Meeting.history.model.objects.values_list("history_id", "countries")
    assert dict(history) == old["history"]

    # The helpers give what the old parsing gave.
    meeting_counts, visit_counts = counts(old["meetings"]), counts(old["delegations"])
    assert Meeting.objects.published().count_by_country() == meeting_counts
    assert Delegation.objects.published().count_by_country() == visit_counts
    assert Meeting.objects.published().present_countries() == sorted(meeting_counts)
    for code in CODES:
        old_ids = {r["pk"] for r in old["meetings"] if code in old_codes(r["countries"])}
        assert (
            set(Meeting.objects.published().for_country(code.lower()).values_list("pk", flat=True))
            == old_ids
        )

    # The pages show the same results.
    listing = client.get("/en/countries/").context["countries"]
    assert {row["code"]: (row["meetings"], row["delegations"]) for row in listing} == {
        code: (meeting_counts[code], visit_counts[code])
        for code in set(meeting_counts) | set(visit_counts)
    }
    japan = client.get("/en/countries/JP/").context
    expected = [pk for pk, value in old["order"] if "JP" in old_codes(value)]
    assert japan["meetings_count"] == len(expected)
    assert [m.pk for m in japan["meetings"]] == expected[:20]
    assert japan["delegations_count"] == visit_counts["JP"]
    filtered = client.get("/en/meetings/?country=CN").context
    expected = [pk for pk, value in old["order"] if "CN" in old_codes(value)]
    assert filtered["paginator"].count == len(expected)
    assert [m.pk for m in filtered["object_list"]] == expected[:20]
    choices = [code for code, _name in filtered["filter"].form.fields["country"].choices if code]
    assert sorted(choices) == sorted(meeting_counts)

    # Open data names the same countries in the same order.
    rows = json.loads(b"".join(client.get("/en/open-data/meetings.json").streaming_content))
    by_url = {row["url"].rstrip("/").rsplit("/", 1)[-1]: row["countries"] for row in rows}
    for row in old["meetings"]:
        names = ", ".join(str(catalogue.name(code)) for code in old_codes(row["countries"]))
        assert by_url[row["slug"]] == names

    # And back: the text is written again, code for code.
    back = migrate(BEFORE)
    assert (
        dict(back.get_model("meetings", "Meeting").objects.values_list("pk", "countries"))
        == (old["all_meetings"])
    )
    assert (
        dict(back.get_model("delegations", "Delegation").objects.values_list("pk", "countries"))
        == (old["all_delegations"])
    )
    migrate(latest())
