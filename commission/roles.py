"""The secretariat's roles: which permissions the Editor and Publisher groups hold.

Used by the data migration that creates the groups; kept here so tests and the
migration read the same rule.
"""

EDITOR = "Editor"
PUBLISHER = "Publisher"

#: Models whose objects are published; an editor may only change their drafts.
PUBLISHABLE = ["meetings.meeting", "delegations.delegation", "aid.aidprogramme", "aid.aidproject"]

#: Models editors work on (add, change, view, and delete of drafts' parts).
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

#: Editors may not delete these at all (deletion of published work is the
#: publisher's; photos may be in use on published pages).
EDITOR_MAY_NOT_DELETE = {"photos.photo", "commission.person", "commission.organisation"}


def permissions_for(role: str) -> list[tuple[str, str]]:
    """(app_label, codename) pairs of the role's permissions."""
    pairs: list[tuple[str, str]] = []
    for label in CONTENT:
        app_label, model_name = label.split(".")
        actions = ["add", "change", "view", "delete"]
        if role == EDITOR and label in EDITOR_MAY_NOT_DELETE:
            actions.remove("delete")
        pairs.extend((app_label, f"{action}_{model_name}") for action in actions)
        if role == PUBLISHER and label in PUBLISHABLE:
            pairs.append((app_label, f"publish_{model_name}"))
    return pairs


def create_roles(group_model, permission_model) -> None:
    """Create (or complete) the groups; used by the data migration and the tests."""
    for role in (EDITOR, PUBLISHER):
        group, _ = group_model.objects.get_or_create(name=role)
        for app_label, codename in permissions_for(role):
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )
