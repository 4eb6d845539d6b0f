"""GIN indexes for the public search on PostgreSQL (nothing on other databases).

One expression index per kind of item and language, over exactly the vector
the search builds (``website.search.search_vector``), so that ``@@`` is answered
from the index instead of reading every row.

What the indexes are made of is frozen here, as it was when this migration was
written: a later change to the search needs a new migration, never a change to
this one.
"""

from django.db import migrations


#: PostgreSQL text-search configurations by language (none ships for Belarusian).
CONFIGS = {"en": "english", "ru": "russian", "be": "simple"}

#: (app label, model name, the text fields searched; the first is the title).
SOURCES = [
    ("meetings", "meeting", ("title", "summary", "body")),
    ("delegations", "delegation", ("title", "purpose", "summary")),
    ("aid", "aidproject", ("title", "summary", "body")),
    ("aid", "aidprogramme", ("title", "description")),
]


def search_vector(fields, language):
    """The weighted text vector of one kind of item in one language (titles weigh most)."""
    from django.contrib.postgres.search import SearchVector

    config = CONFIGS.get(language, "simple")
    columns = [f"{field}_{language}" for field in fields]
    if language != "en":
        columns += [f"{field}_en" for field in fields]
    weights = ["A" if column.startswith("title") else "B" for column in columns]
    vector = SearchVector(columns[0], weight=weights[0], config=config)
    for column, weight in zip(columns[1:], weights[1:], strict=True):
        vector += SearchVector(column, weight=weight, config=config)
    return vector


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex

    for app_label, model_name, fields in SOURCES:
        historical = apps.get_model(app_label, model_name)
        for language in ("en", "ru", "be"):
            name = f"{historical._meta.db_table[:16]}_fts_{language}"
            yield historical, GinIndex(search_vector(fields, language), name=name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.add_index(model, index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [
        ("commission", "0003_roles"),
        ("meetings", "0002_history_and_publish_permission"),
        ("delegations", "0002_history_and_publish_permission"),
        ("aid", "0002_history_and_publish_permission"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
