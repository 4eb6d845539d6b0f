"""Rich text: the plain text stored so far becomes HTML, once.

Escaped, paragraphs from blank lines, ``<br>`` from single line breaks, in
every language's column and in the history's rows. The conversion is written
out here (migrations never import project code that may change).
"""

import re
from html import escape

from django.db import migrations

FIELDS = {"AidProgramme": ["description"], "AidProject": ["body"]}
LANGUAGES = ("en", "ru", "be")


def plain_text_to_html(text):
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paragraphs = re.split(r"\n[ \t]*\n\s*", text)
    return "".join(
        "<p>" + "<br>".join(escape(line, quote=False) for line in paragraph.split("\n")) + "</p>"
        for paragraph in paragraphs
    )


def convert(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        for name in (model_name, "Historical" + model_name):
            model = apps.get_model("aid", name)
            pk = "history_id" if name.startswith("Historical") else "pk"
            columns = [f"{field}_{code}" for field in fields for code in LANGUAGES]
            changed = []
            for row in model.objects.only(pk, *columns).iterator(chunk_size=500):
                for column in columns:
                    value = getattr(row, column)
                    if value:  # empty and missing translations stay as they are
                        setattr(row, column, plain_text_to_html(value))
                changed.append(row)
                if len(changed) == 500:
                    model.objects.bulk_update(changed, columns)
                    changed = []
            if changed:
                model.objects.bulk_update(changed, columns)


class Migration(migrations.Migration):
    dependencies = [("aid", "0005_sample_records")]

    operations = [migrations.RunPython(convert, migrations.RunPython.noop, elidable=True)]
