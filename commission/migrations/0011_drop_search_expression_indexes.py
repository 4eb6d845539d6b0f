"""The search reads the stored vectors now: drop 0004's expression indexes (PostgreSQL)."""

from django.db import migrations

INDEXES = [
    f"{table[:16]}_fts_{language}"
    for table in ("meetings_meeting", "delegations_delegation", "aid_aidproject", "aid_aidprogramme")
    for language in ("en", "ru", "be")
]


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("commission", "0010_rich_text"),
        ("meetings", "0006_search_vectors"),
        ("delegations", "0007_search_vectors"),
        ("aid", "0007_search_vectors"),
    ]

    # Going back, 0004 (if reverted) drops them with IF EXISTS: nothing to restore here.
    operations = [migrations.RunPython(drop, migrations.RunPython.noop, elidable=False)]
