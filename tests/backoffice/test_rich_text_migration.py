"""The migrations that turn the plain text stored so far into rich text, run on real rows."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

#: (app, model, fields) whose plain text becomes HTML.
CONVERTED = [
    ("meetings", "Meeting", ["body"]),
    ("delegations", "Delegation", ["summary", "outcomes"]),
    ("aid", "AidProgramme", ["description"]),
    ("aid", "AidProject", ["body"]),
    ("commission", "Person", ["biography"]),
]
PLAIN = "First line of <b>plain</b> text & more\nsecond line\n\n\nA new paragraph."
EXPECTED = (
    "<p>First line of &lt;b&gt;plain&lt;/b&gt; text &amp; more<br>second line</p>"
    "<p>A new paragraph.</p>"
)


def rich_text_migrations(executor) -> dict[str, tuple[str, str]]:
    """{app: (the rich text migration, the one before it)}, whatever their numbers."""
    found = {}
    for app, name in executor.loader.graph.nodes:
        if name.endswith("_rich_text"):
            (parent,) = executor.loader.graph.node_map[(app, name)].parents
            assert parent.key[0] == app
            found[app] = (name, parent.key[1])
    return found


@pytest.mark.django_db(transaction=True)
def test_plain_text_becomes_paragraphs_in_every_language_and_in_the_history():
    executor = MigrationExecutor(connection)
    migrations = rich_text_migrations(executor)
    assert set(migrations) == {"meetings", "delegations", "aid", "commission"}
    before = [(app, previous) for app, (_name, previous) in migrations.items()]
    executor.migrate(before)
    try:
        old = MigrationExecutor(connection).loader.project_state(before).apps
        organisation = old.get_model("commission", "Organisation").objects.create(
            name_en="Donor", slug="donor", kind="government", country="JP"
        )
        values = {
            "Meeting": {
                "title_en": "M",
                "slug": "m",
                "kind": "sitting",
                "date": dt.date(2026, 1, 2),
            },
            "Delegation": {
                "title_en": "D",
                "slug": "d",
                "direction": "incoming",
                "start_date": dt.date(2026, 1, 2),
                "end_date": dt.date(2026, 1, 3),
            },
            "AidProgramme": {"title_en": "P", "slug": "p", "donor": organisation},
            "AidProject": {"title_en": "J", "slug": "j", "donor": organisation},
            "Person": {"name_en": "Someone", "slug": "someone"},
        }
        for app, model_name, fields in CONVERTED:
            model = old.get_model(app, model_name)
            texts = {f"{field}_{code}": PLAIN for field in fields for code in ("en", "ru")}
            item = model.objects.create(**values[model_name], **texts)
            # Its history row, as django-simple-history writes it: a copy of the columns.
            history = old.get_model(app, f"Historical{model_name}")
            columns = {field.attname for field in model._meta.concrete_fields}
            history.objects.create(
                **{
                    field.attname: getattr(item, field.attname)
                    for field in history._meta.concrete_fields
                    if field.attname in columns
                },
                history_date=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
                history_type="+",
            )
    finally:
        # Forward to the latest migrations (later ones build on the rich text),
        # so that the database is left as every other test expects it.
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        latest = executor.loader.graph.leaf_nodes()
        executor.migrate(latest)

    new = MigrationExecutor(connection).loader.project_state(latest).apps
    for app, model_name, fields in CONVERTED:
        for name in (model_name, f"Historical{model_name}"):
            row = new.get_model(app, name).objects.get()
            for field in fields:
                assert getattr(row, f"{field}_en") == EXPECTED, (name, field)
                assert getattr(row, f"{field}_ru") == EXPECTED, (name, field)
                assert getattr(row, f"{field}_be") in ("", None), (name, field)  # stays empty
