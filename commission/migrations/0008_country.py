from django.db import migrations, models


def add_countries(apps, schema_editor):
    """Every ISO 3166-1 country django-countries knows, so any code can be chosen."""
    from django_countries import countries

    Country = apps.get_model("commission", "Country")
    Country.objects.bulk_create(
        [Country(code=country.code) for country in countries], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("commission", "0007_staff_language_preference"),
    ]

    operations = [
        migrations.CreateModel(
            name="Country",
            fields=[
                (
                    "code",
                    models.CharField(
                        max_length=2, primary_key=True, serialize=False, verbose_name="ISO code"
                    ),
                ),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ["code"],
            },
        ),
        migrations.RunPython(add_countries, migrations.RunPython.noop, elidable=False),
    ]
