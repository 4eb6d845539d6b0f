"""A trigram index for the admin's search of delegations (PostgreSQL; other databases have none).

Django's admin search matches each word anywhere in the searched columns, case
aside (``UPPER(column::text) LIKE UPPER('%word%')``): without an index every row
is read. A GIN index of the trigrams of those same expressions (``pg_trgm``)
answers it from the index. The columns are the admin's ``search_fields``, frozen
here (``tests/backoffice/test_admin_search_index.py`` fails when they change
without a new index).
"""

from django.db import migrations

TABLE = "delegations_delegation"
COLUMNS = ("title_en", "title_ru", "title_be", "purpose_en", "slug")
INDEX = "delegations_delegation_admin_trgm"


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    expressions = ", ".join(f'UPPER("{column}"::text) gin_trgm_ops' for column in COLUMNS)
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({expressions})")
    schema_editor.execute(f"ANALYZE {TABLE}")  # the planner's statistics of the expressions


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("delegations", "0007_search_vectors")]

    operations = [migrations.RunPython(install, remove, elidable=False)]
