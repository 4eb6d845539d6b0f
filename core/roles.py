"""The secretariat's roles: which permissions the Editor and Publisher groups hold.

This is the one live list of what each role holds (the kinds of content and
their parts come from their apps' declarations, ``core.kinds``). The tests
build the groups from it (``create_roles``) and a test checks that the
migrated database gives the groups exactly these permissions. The data
migrations do not import this module: each freezes the list it applied, so
that changing a role later needs a new migration rather than silently
rewriting an old one.

The rule, as enforced by the admin:

- Editors create and change drafts of published content (meetings, delegations,
  aid programmes and projects) and their parts; they may delete drafts only.
- Editors create people, organisations, topics and photos, and change those not
  in public use (``commission.public_use``). Changing or deleting one in public
  use needs ``commission.publish_shared``, which publishers hold.
- Commission memberships are all public (the members page): editors only view
  them; adding, changing and deleting one is the publisher's.
- Both roles make the annual report (``commission.view_annual_report``); its
  drafts-included version is for those who may see every kind of draft it lists.
"""

from core.kinds import kinds, publishable_labels

EDITOR = "Editor"
PUBLISHER = "Publisher"

#: Change or delete people, organisations, topics, photos and memberships that
#: appear on published pages.
PUBLISH_SHARED = "commission.publish_shared"
#: Open the admin's annual-report page.
VIEW_ANNUAL_REPORT = "commission.view_annual_report"

#: Shared records editors work on besides the kinds of content and their parts.
SHARED = [
    "commission.person",
    "commission.organisation",
    "commission.topic",
    "commission.membership",
    "photos.photo",
]


def content() -> list[str]:
    """Models editors work on (add, change, view, and delete of drafts' parts):
    the kinds of content (published: an editor may only change their drafts),
    their parts, then the shared records."""
    return publishable_labels() + [part for kind in kinds() for part in kind.parts] + SHARED


#: Editors may not delete these at all (deletion of published work is the
#: publisher's; photos may be in use on published pages).
EDITOR_MAY_NOT_DELETE = {"photos.photo", "commission.person", "commission.organisation"}

#: Editors only view these: every membership is shown on the public members page.
EDITOR_MAY_ONLY_VIEW = {"commission.membership"}

#: Permissions beyond the per-model ones, by role.
EXTRA = {
    EDITOR: [VIEW_ANNUAL_REPORT],
    PUBLISHER: [VIEW_ANNUAL_REPORT, PUBLISH_SHARED],
}


def permissions_for(role: str) -> list[tuple[str, str]]:
    """(app_label, codename) pairs of the role's permissions."""
    pairs: list[tuple[str, str]] = []
    published = publishable_labels()
    for label in content():
        app_label, model_name = label.split(".")
        actions = ["add", "change", "view", "delete"]
        if role == EDITOR and label in EDITOR_MAY_ONLY_VIEW:
            actions = ["view"]
        elif role == EDITOR and label in EDITOR_MAY_NOT_DELETE:
            actions.remove("delete")
        pairs.extend((app_label, f"{action}_{model_name}") for action in actions)
        if role == PUBLISHER and label in published:
            pairs.append((app_label, f"publish_{model_name}"))
    pairs.extend(tuple(name.split(".")) for name in EXTRA[role])
    return pairs


def create_roles(group_model, permission_model) -> None:
    """Create (or complete) the groups; used by the tests after a flush."""
    for role in (EDITOR, PUBLISHER):
        group, _ = group_model.objects.get_or_create(name=role)
        for app_label, codename in permissions_for(role):
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
