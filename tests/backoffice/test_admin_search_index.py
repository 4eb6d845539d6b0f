"""The admin's search of meetings, delegations and aid projects is read from a trigram index.

On PostgreSQL each of these lists has a GIN index of the trigrams of its
search columns (``*/migrations/*_admin_search_trigrams.py``). The index must
cover exactly the admin's ``search_fields``, and the query Django's admin
search makes must be one the index can answer.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import connection
from django.test import RequestFactory

from aid.models import AidProject
from delegations.models import Delegation
from meetings.models import Meeting

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram indexes are PostgreSQL's (pg_trgm)"
)

MODELS = [Meeting, Delegation, AidProject]


def index_of(model) -> str:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [table, "%gin_trgm_ops%"],
        )
        rows = cursor.fetchall()
    assert len(rows) == 1, f"{table} has {len(rows)} trigram indexes"
    return rows[0]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_the_trigram_index_covers_the_admins_search_fields(db, model):
    _name, definition = index_of(model)
    search_fields = admin.site._registry[model].search_fields
    indexed = [
        part.split("(")[-1].split(")")[0]
        for part in definition.split("gin (", 1)[1].split("gin_trgm_ops")
        if "upper" in part
    ]
    assert indexed == list(search_fields)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_the_admins_search_is_answered_from_the_index(superuser, model):
    name, _definition = index_of(model)
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/", {"q": "japan"})
    request.user = superuser
    queryset, _duplicates = model_admin.get_search_results(request, model.objects.all(), "japan")
    with connection.cursor() as cursor:
        # An empty test table is read whole whatever the indexes: the planner
        # is asked whether the index can answer the query at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = queryset.order_by().explain()  # as the list's count and date drill-down ask
    assert f"Bitmap Index Scan on {name}" in plan
