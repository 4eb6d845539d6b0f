"""Stored search vectors: one ``tsvector`` column per language on each searchable model.

On PostgreSQL a trigger fills the columns on every insert and update (forms,
imports, reverts, ``bulk_create()`` and ``QuerySet.update()`` alike), so they
are never stale, and a GIN index on each answers ``@@``. Ranking reads the
stored vector instead of rebuilding it from the text of every match. Other
databases keep the columns empty (the search there matches the text itself).

The vector of a language is made of that language's columns and, for Russian
and Belarusian, the English ones too (content falls back to English); titles
weigh most ("A"), the other fields "B". :func:`vector_sql` writes it for the
trigger; :func:`search_vector` is the same expression in the ORM.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models

LANGUAGES = ("en", "ru", "be")
#: PostgreSQL text-search configurations by language (none ships for Belarusian).
CONFIGS = {"en": "english", "ru": "russian", "be": "simple"}


def vector_field_name(language: str) -> str:
    return f"search_{language}"


class SearchVectorsModel(models.Model):
    """The stored vectors; never edited, exported, backed up or kept in history."""

    search_en = SearchVectorField(null=True, editable=False, serialize=False)
    search_ru = SearchVectorField(null=True, editable=False, serialize=False)
    search_be = SearchVectorField(null=True, editable=False, serialize=False)

    #: (field, …) searched; the first is the title. Set by each model.
    search_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True


SEARCH_VECTOR_FIELDS = tuple(vector_field_name(language) for language in LANGUAGES)


def deferred_vector_fields(model) -> tuple[str, ...]:
    """The vector columns of ``model``, which ordinary queries leave unread."""
    if isinstance(model, type) and issubclass(model, SearchVectorsModel):
        return SEARCH_VECTOR_FIELDS
    return ()


def columns(fields: tuple[str, ...], language: str) -> list[str]:
    result = [f"{field}_{language}" for field in fields]
    if language != "en":
        result += [f"{field}_en" for field in fields]
    return result


def _weight(column: str) -> str:
    return "A" if column.startswith("title") else "B"


def search_vector(fields: tuple[str, ...], language: str):
    """The weighted vector of one kind of item in one language, as an ORM expression."""
    from django.contrib.postgres.search import SearchVector

    config = CONFIGS.get(language, "simple")
    names = columns(fields, language)
    vector = SearchVector(names[0], weight=_weight(names[0]), config=config)
    for column in names[1:]:
        vector += SearchVector(column, weight=_weight(column), config=config)
    return vector


def vector_sql(fields: tuple[str, ...], language: str, row: str = "NEW") -> str:
    """The same vector as :func:`search_vector`, in SQL over the trigger's row."""
    config = CONFIGS.get(language, "simple")
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({row}.\"{column}\", '')), "
        f"'{_weight(column)}')"
        for column in columns(fields, language)
    )


def trigger_statements(table: str, fields: tuple[str, ...]) -> list[str]:
    """The SQL creating (or replacing) the trigger that keeps ``table``'s vectors,
    filling them for existing rows and indexing them (PostgreSQL).

    For writing a migration: a migration holds a copy of these statements as
    they are when it is written (never a call to this function), so that later
    changes here cannot change what an old migration does.
    ``tests/core/test_search_vectors.py`` checks that the latest migration of
    each searchable model holds the statements for its ``search_fields``.
    """
    assignments = "\n".join(
        f"  NEW.{vector_field_name(language)} := {vector_sql(fields, language)};"
        for language in LANGUAGES
    )
    name = f"{table}_search"
    statements = [
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$\n"
        f"BEGIN\n{assignments}\n  RETURN NEW;\nEND\n$$ LANGUAGE plpgsql",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {name}()",
        # Existing rows: the trigger computes their vectors.
        f"UPDATE {table} SET id = id",
    ]
    for language in LANGUAGES:
        column = vector_field_name(language)
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {table[:20]}_{column}_gin ON {table} USING gin ({column})"
        )
    return statements


def removal_statements(table: str) -> list[str]:
    """The SQL undoing :func:`trigger_statements` (for a migration's reverse, copied likewise)."""
    name = f"{table}_search"
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"DROP FUNCTION IF EXISTS {name}()",
        *(
            f"DROP INDEX IF EXISTS {table[:20]}_{vector_field_name(language)}_gin"
            for language in LANGUAGES
        ),
    ]
