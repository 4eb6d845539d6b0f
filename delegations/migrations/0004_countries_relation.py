"""Countries become a relation to commission.Country instead of comma-separated codes.

The codes move without loss (a code unknown to the country table is added to
it); the historical records keep their codes as text. Reversible.
"""

from django.db import migrations, models

BATCH = 2000


def codes_to_relation(apps, schema_editor):
    Item = apps.get_model("delegations", "delegation")
    Country = apps.get_model("commission", "Country")
    Through = Item.countries.through
    known = set(Country.objects.values_list("code", flat=True))
    rows = []
    items = Item.objects.exclude(countries_codes="").values_list("pk", "countries_codes")
    for pk, value in items.iterator(chunk_size=BATCH):
        codes = sorted({code.strip().upper() for code in value.split(",") if code.strip()})
        for code in codes:
            if code not in known:
                Country.objects.get_or_create(code=code)
                known.add(code)
            rows.append(Through(delegation_id=pk, country_id=code))
        if len(rows) >= BATCH:
            Through.objects.bulk_create(rows)
            rows = []
    Through.objects.bulk_create(rows)


def relation_to_codes(apps, schema_editor):
    Item = apps.get_model("delegations", "delegation")
    Through = Item.countries.through
    codes: dict[int, list[str]] = {}
    for pk, code in Through.objects.order_by("delegation_id", "country_id").values_list(
        "delegation_id", "country_id"
    ):
        codes.setdefault(pk, []).append(code)
    for pk, item_codes in codes.items():
        Item.objects.filter(pk=pk).update(countries_codes=",".join(item_codes))


class Migration(migrations.Migration):
    dependencies = [
        ("commission", "0008_country"),
        ("delegations", "0003_document_file_checked_and_private"),
    ]

    operations = [
        migrations.RenameField(
            model_name="delegation", old_name="countries", new_name="countries_codes"
        ),
        migrations.AlterField(
            model_name="historicaldelegation",
            name="countries",
            field=models.CharField(blank=True, max_length=746, verbose_name="countries"),
        ),
        migrations.AddField(
            model_name="delegation",
            name="countries",
            field=models.ManyToManyField(
                blank=True,
                help_text="Where the delegation comes from (incoming) or goes to (outgoing).",
                related_name="delegations",
                to="commission.country",
                verbose_name="countries",
            ),
        ),
        migrations.RunPython(codes_to_relation, relation_to_codes, elidable=False),
        migrations.RemoveField(model_name="delegation", name="countries_codes"),
    ]
