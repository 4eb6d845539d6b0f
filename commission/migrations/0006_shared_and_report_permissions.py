"""Two permissions of the commission's own, and the roles' changes that use them.

- ``commission.publish_shared``: change or delete people, organisations, topics,
  photos and memberships shown on published pages (``commission.public_use``).
  Publishers get it.
- ``commission.view_annual_report``: open the admin's annual-report page. Both
  roles get it.
- Editors no longer add, change or delete commission memberships (every one is
  on the public members page); they keep viewing them.

The changes are frozen here rather than read from ``core.roles``, which is
the live rule and may change again: a later change is a later migration. The
test ``tests/backoffice/test_roles.py`` checks that the migrated groups hold
exactly what ``core.roles`` says.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

#: (role, app_label, codename) granted.
GRANTED = [
    ("Editor", "commission", "view_annual_report"),
    ("Publisher", "commission", "view_annual_report"),
    ("Publisher", "commission", "publish_shared"),
]
#: (role, app_label, codename) taken away.
REVOKED = [
    ("Editor", "commission", "add_membership"),
    ("Editor", "commission", "change_membership"),
    ("Editor", "commission", "delete_membership"),
]


def _permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def _apply(apps, grant, revoke):
    # Permissions are normally made after all migrations; make the new ones now.
    app_config = apps.get_app_config("commission")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    groups = apps.get_model("auth", "Group").objects
    # A group an administrator has removed stays removed.
    for role, app_label, codename in grant:
        for group in groups.filter(name=role):
            group.permissions.add(_permission(apps, app_label, codename))
    for role, app_label, codename in revoke:
        for group in groups.filter(name=role):
            group.permissions.remove(_permission(apps, app_label, codename))


def forwards(apps, schema_editor):
    _apply(apps, GRANTED, REVOKED)


def backwards(apps, schema_editor):
    _apply(apps, REVOKED, GRANTED)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("commission", "0005_clean_control_characters"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="person",
            options={
                "ordering": ["name"],
                "permissions": [
                    (
                        "publish_shared",
                        "Can change and delete people, organisations, topics, photos and "
                        "memberships shown on published pages",
                    ),
                    ("view_annual_report", "Can make the annual report"),
                ],
                "verbose_name": "person",
                "verbose_name_plural": "people",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
