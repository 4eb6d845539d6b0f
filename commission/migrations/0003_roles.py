"""Create the Editor and Publisher groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from commission.roles import EDITOR, PUBLISHER, permissions_for


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in (EDITOR, PUBLISHER):
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in permissions_for(role):
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


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

    operations = [migrations.RunPython(create_roles, remove_roles)]
