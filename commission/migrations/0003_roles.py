"""Create the Editor and Publisher groups with their permissions.

The lists below are the roles as they were when this migration was written,
frozen here: ``core.roles`` is the live rule and has changed since
(migration 0005), and a migration that read it would ask for permissions that
do not exist yet at this point of the history.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Editor"
PUBLISHER = "Publisher"

PUBLISHABLE = ["meetings.meeting", "delegations.delegation", "aid.aidprogramme", "aid.aidproject"]
CONTENT = PUBLISHABLE + [
    "meetings.participant",
    "meetings.meetingphoto",
    "delegations.delegationmember",
    "delegations.programmeitem",
    "delegations.delegationdocument",
    "delegations.delegationphoto",
    "aid.milestone",
    "aid.projectdocument",
    "aid.projectphoto",
    "commission.person",
    "commission.organisation",
    "commission.topic",
    "commission.membership",
    "photos.photo",
]
EDITOR_MAY_NOT_DELETE = {"photos.photo", "commission.person", "commission.organisation"}


def permissions_for(role):
    pairs = []
    for label in CONTENT:
        app_label, model_name = label.split(".")
        actions = ["add", "change", "view", "delete"]
        if role == EDITOR and label in EDITOR_MAY_NOT_DELETE:
            actions.remove("delete")
        pairs.extend((app_label, f"{action}_{model_name}") for action in actions)
        if role == PUBLISHER and label in PUBLISHABLE:
            pairs.append((app_label, f"publish_{model_name}"))
    return pairs


def add_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role in (EDITOR, PUBLISHER):
        group, _ = group_model.objects.get_or_create(name=role)
        for app_label, codename in permissions_for(role):
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
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

    operations = [migrations.RunPython(add_roles, remove_roles)]
