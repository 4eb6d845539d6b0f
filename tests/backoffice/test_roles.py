"""The migrated groups hold exactly what core.roles says, and nothing else."""

import pytest
from django.contrib.auth.models import Group

from core.roles import EDITOR, PUBLISH_SHARED, PUBLISHER, VIEW_ANNUAL_REPORT, permissions_for

pytestmark = pytest.mark.django_db


def held(role: str) -> set[tuple[str, str]]:
    # Read before any test helper completes the groups: what the migrations made.
    permissions = Group.objects.get(name=role).permissions.select_related("content_type")
    return {(p.content_type.app_label, p.codename) for p in permissions}


@pytest.mark.parametrize("role", [EDITOR, PUBLISHER])
def test_the_migrations_give_each_role_exactly_its_permissions(role):
    assert held(role) == set(permissions_for(role))


def test_editors_make_the_report_and_only_view_memberships(editor):
    assert editor.has_perm(VIEW_ANNUAL_REPORT) and editor.has_perm("commission.view_membership")
    assert not editor.has_perm(PUBLISH_SHARED)
    for action in ("add", "change", "delete"):
        assert not editor.has_perm(f"commission.{action}_membership")


def test_publishers_change_shared_objects_in_public_use_and_make_the_report(publisher):
    assert publisher.has_perm(PUBLISH_SHARED) and publisher.has_perm(VIEW_ANNUAL_REPORT)
    assert publisher.has_perm("commission.change_membership")
