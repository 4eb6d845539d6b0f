"""The search triggers' SQL lives frozen in migrations, and matches the models.

A migration never calls the search code (``core.search_vectors``): it holds
the statements as they were when it was written. When a model's
``search_fields`` change, a new migration with the new statements is needed;
this test says so.
"""

import importlib
import pkgutil

from django.apps import apps

from core.search_vectors import SearchVectorsModel, removal_statements, trigger_statements


def frozen_statements(app_label: str) -> dict[str, tuple[list[str], list[str]]]:
    """Per table, the latest migration's (install, remove) statements for its trigger."""
    package = importlib.import_module(f"{app_label}.migrations")
    found = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name):
        migration = importlib.import_module(f"{package.__name__}.{info.name}")
        install = getattr(migration, "INSTALL", None)
        remove = getattr(migration, "REMOVE", None)
        if not install:
            continue
        for statement in install:
            if statement.startswith("CREATE TRIGGER "):
                table = statement.split(" ON ")[1].split()[0]
                found[table] = (
                    [s for s in install if f" {table}" in s or f"{table}_search" in s],
                    [s for s in remove if f" {table}" in s or table[:20] in s],
                )
    return found


def searchable_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, SearchVectorsModel) and model.search_fields
    ]


def test_every_searchable_model_has_its_trigger_frozen_in_a_migration():
    models = searchable_models()
    assert {model._meta.label for model in models} >= {
        "meetings.Meeting",
        "delegations.Delegation",
        "aid.AidProject",
        "aid.AidProgramme",
    }
    for model in models:
        table = model._meta.db_table
        frozen = frozen_statements(model._meta.app_label)
        assert table in frozen, f"no migration installs the search trigger of {table}"
        install, remove = frozen[table]
        assert install == trigger_statements(table, model.search_fields), (
            f"{model._meta.label}.search_fields changed: write a migration with the new statements"
        )
        assert remove == removal_statements(table)


def test_migrations_do_not_import_the_search_code():
    for app_label in ("meetings", "delegations", "aid"):
        package = importlib.import_module(f"{app_label}.migrations")
        for info in pkgutil.iter_modules(package.__path__):
            source = importlib.util.find_spec(f"{package.__name__}.{info.name}").loader.get_source(
                f"{package.__name__}.{info.name}"
            )
            assert "core.search_vectors" not in source, info.name
