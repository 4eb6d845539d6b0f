"""Stored search vectors (PostgreSQL): always up to date, indexed, same results as before."""

import datetime as dt
import importlib

import pytest
from django.db import connection

from aid.models import AidProgramme, AidProject
from core.search_vectors import CONFIGS, LANGUAGES, search_vector, vector_field_name
from delegations.models import Delegation
from meetings.models import Meeting
from tests.factories import make_delegation, make_meeting, make_organisation, make_project
from website import search as search_module
from website.search import search, sources

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="stored search vectors are PostgreSQL's"
    ),
]

WORDS = ["hospital", "equipment", "grant", "medical", "school", "water", "energy", "trade"]


def make_content() -> None:
    """Items whose texts share words in different numbers and places (distinct ranks)."""
    donor = make_organisation(name_en="Japan", slug="japan", country="JP")
    AidProgramme.objects.create(
        title_en="Grass-roots grant programme",
        description_en="Grants for hospital equipment and school water supply.",
        slug="grass-roots",
        donor=donor,
        status="published",
    )
    for n in range(24):
        words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(1 + n % 5))
        make_meeting(
            title_en=f"Meeting on {WORDS[n % len(WORDS)]} number {n}",
            title_ru=f"Встреча о больнице номер {n}" if n % 3 == 0 else "",
            summary_en=f"Talks about {words}.",
            body_en=f"The {words} {'hospital ' * (n % 4)}question.",
            date=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
        make_delegation(
            title_en=f"Visit {n} on {WORDS[(n + 3) % len(WORDS)]}",
            purpose_en=f"To discuss {words}.",
        )
        make_project(
            title_en=f"Project {n}: {WORDS[(n + 5) % len(WORDS)]}",
            summary_en=f"Supply of {words}.",
            donor=donor,
        )
    make_meeting(title_en="Hospital draft", status="draft")


def stored_equals_expression(model, fields) -> None:
    for language in LANGUAGES:
        column = vector_field_name(language)
        mismatched = (
            model.objects.annotate(expected=search_vector(fields, language))
            .values_list("pk", column, "expected")
            .order_by("pk")
        )
        for pk, stored, expected in mismatched:
            assert stored == expected, (model, pk, language)


def test_the_stored_vectors_follow_every_way_of_writing():
    make_content()
    meeting = Meeting.objects.published().first()
    meeting.title_en = "Renamed: a water treaty"
    meeting.save()
    Meeting.objects.filter(pk=meeting.pk).update(summary_en="Updated in bulk")
    Meeting.objects.bulk_create(
        [Meeting(title_en="Bulk hospital", slug="bulk-hospital", date=dt.date(2026, 5, 1))]
    )
    for model, _label, fields in sources():
        assert model.objects.exclude(search_en=None).count() == model.objects.count() > 0
        stored_equals_expression(model, fields)
    assert search("treaty", "en")[0].title == "Renamed: a water treaty"


def test_the_migration_fills_the_vectors_of_existing_rows():
    make_content()
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE meetings_meeting DISABLE TRIGGER meetings_meeting_search")
        cursor.execute("UPDATE meetings_meeting SET search_en = NULL, search_ru = NULL")
        cursor.execute("ALTER TABLE meetings_meeting ENABLE TRIGGER meetings_meeting_search")
    assert Meeting.objects.filter(search_en=None).count() == Meeting.objects.count()
    migration = importlib.import_module("meetings.migrations.0006_search_vectors")
    with connection.schema_editor() as schema_editor:
        migration.install(None, schema_editor)
    assert not Meeting.objects.filter(search_en=None).exists()
    stored_equals_expression(Meeting, sources()[0][2])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_search_is_answered_from_the_gin_index_of_its_language(language):
    from django.contrib.postgres.search import SearchQuery

    for model, _label, _fields in sources():
        query = SearchQuery("hospital", search_type="websearch", config=CONFIGS[language])
        rows = model.objects.filter(**{vector_field_name(language): query}).order_by()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned
            plan = rows.explain()
        assert f"{vector_field_name(language)}_gin" in plan, plan


def search_before(query: str, language: str) -> list[tuple]:
    """The search as it was before the stored vectors: every match ranked from its text."""
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
    from django.db.models import TextField, Value
    from django.db.models.functions import Concat

    config = CONFIGS[language]
    search_query = SearchQuery(query, search_type="websearch", config=config)
    results = []
    for model, label, fields in sources():
        vector = search_vector(fields, language)
        body = Concat(
            f"title_{language}", Value(". "), f"{fields[1]}_{language}", output_field=TextField()
        )
        rows = (
            model.objects.published()
            .alias(document=vector)
            .filter(document=search_query)
            .annotate(rank=SearchRank(vector, search_query))
            .annotate(
                snippet=SearchHeadline(
                    body,
                    search_query,
                    config=config,
                    start_sel=search_module.START,
                    stop_sel=search_module.STOP,
                    max_words=30,
                    min_words=12,
                )
            )
            .order_by("-rank", "-pk")[: search_module.RESULTS_PER_KIND]
        )
        for obj in rows:
            snippet = obj.snippet or ""
            if search_module.START not in snippet:
                snippet = (getattr(obj, fields[1], "") or "")[:200]
            results.append(
                (
                    str(label),
                    obj.title,
                    obj.get_absolute_url(),
                    search_module._marked(snippet),
                    obj.rank,
                )
            )
    return sorted(results, key=lambda result: -result[-1])


def as_tuples(results) -> list[tuple]:
    return [(r.kind, r.title, r.url, r.snippet, r.rank) for r in results]


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("hospital", "en"),
        ("hospital equipment", "en"),
        ("grant OR water", "en"),
        ('"medical school"', "en"),
        ("-trade meeting", "en"),
        ("больница", "ru"),
        ("hospital", "ru"),
        ("hospital", "be"),
        ("nothing-matches-this", "en"),
    ],
)
def test_results_are_the_same_as_before_the_stored_vectors(query, language):
    make_content()
    from django.utils import translation

    with translation.override(language):
        before = search_before(query, language)
        after = as_tuples(search(query, language))
    assert after == before
    if query != "nothing-matches-this":
        assert after


def test_only_the_newest_matches_are_ranked(monkeypatch):
    make_content()
    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    meetings = [r for r in search("hospital", "en") if r.kind == "Meeting"]
    newest = Meeting.objects.published().filter(search_en="hospital").order_by("-pk")[:3]
    assert sorted(r.url for r in meetings) == sorted(m.get_absolute_url() for m in newest)


def test_the_vectors_are_not_read_by_ordinary_queries(django_assert_num_queries):
    make_content()
    for model in (Meeting, Delegation, AidProject, AidProgramme):
        obj = model.objects.published().first()
        assert set(obj.get_deferred_fields()) >= {"search_en", "search_ru", "search_be"}
    with django_assert_num_queries(1):
        list(Meeting.objects.published()[:5])
