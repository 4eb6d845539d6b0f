"""Remove control characters from text already stored, history included.

Text is cleaned on save since this release (``core.text``); rows saved
before it may hold a vertical tab pasted from a word processor, which XML 1.0
cannot carry (backups, feeds, IATI, XLSX and DOCX failed on it). The rule is
frozen here as it was when this migration was written: later changes to
``core.text`` must not change what this migration did.
"""

import re

from django.db import migrations, models

APPS = ("commission", "photos", "meetings", "delegations", "aid")

LINE_BREAKS = "\x0b\x0c\x85"
DROPPED = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
ANY_CONTROL = re.compile(f"[\t\n\r{LINE_BREAKS}{DROPPED}]")
MULTILINE_BREAKS = re.compile(f"[{LINE_BREAKS}]")
SINGLE_LINE_BREAKS = re.compile(f"\r\n|[\t\n\r{LINE_BREAKS}]")
DROP = re.compile(f"[{DROPPED}]")


def clean(value, multiline):
    if not isinstance(value, str) or not ANY_CONTROL.search(value):
        return value
    if multiline:
        value = MULTILINE_BREAKS.sub("\n", value)
    else:
        value = SINGLE_LINE_BREAKS.sub(" ", value)
    return DROP.sub("", value)


def clean_stored_text(apps, schema_editor):
    for app_label in APPS:
        for model in apps.get_app_config(app_label).get_models():
            fields = [
                (field.attname, isinstance(field, models.TextField))
                for field in model._meta.concrete_fields
                if isinstance(field, models.CharField | models.TextField)
            ]
            if not fields:
                continue
            names = [name for name, _multiline in fields]
            rows = model._base_manager.values_list("pk", *names).order_by("pk")
            updates = []  # written after reading: SQLite does not isolate the two
            for pk, *values in rows.iterator(chunk_size=2000):
                changes = {}
                for (name, multiline), value in zip(fields, values, strict=True):
                    cleaned = clean(value, multiline)
                    if cleaned != value:
                        changes[name] = cleaned
                if changes:
                    updates.append((pk, changes))
            for pk, changes in updates:
                model._base_manager.filter(pk=pk).update(**changes)


class Migration(migrations.Migration):
    dependencies = [
        ("commission", "0004_search_indexes"),
        ("photos", "0002_history"),
        ("meetings", "0002_history_and_publish_permission"),
        ("delegations", "0002_history_and_publish_permission"),
        ("aid", "0002_history_and_publish_permission"),
    ]

    operations = [migrations.RunPython(clean_stored_text, migrations.RunPython.noop)]
