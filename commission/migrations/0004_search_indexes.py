"""GIN indexes for the public search on PostgreSQL (nothing on other databases).

One expression index per kind of item and language, over exactly the vector
``commission.search.search_vector`` builds, so that ``@@`` is answered from
the index instead of reading every row.
"""

from django.db import migrations


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex

    from commission.search import SOURCES, index_name, search_vector

    for model, _label, fields in SOURCES:
        historical = apps.get_model(model._meta.app_label, model._meta.model_name)
        for language in ("en", "ru", "be"):
            index = GinIndex(search_vector(fields, language), name=index_name(model, language))
            yield historical, index


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
