"""Create the Editor and Publisher groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from commission.roles import EDITOR, PUBLISHER, create_roles


def add_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, PUBLISHER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("commission", "0002_history"),
        ("meetings", "0002_history_and_publish_permission"),
        ("delegations", "0002_history_and_publish_permission"),
        ("aid", "0002_history_and_publish_permission"),
        ("photos", "0002_history"),
    ]

    operations = [migrations.RunPython(add_roles, remove_roles)]
