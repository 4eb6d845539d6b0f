"""Take the sample records out again, with their files and their history.

What is left is exactly what ``load_demo --without-samples`` loads (a test
compares the two, table by table). Sample records are found by their
``is_sample`` flag; the rows that belong to them (participants, members,
programme, documents, milestones, gallery places) go with them, and so do
their history rows, which would otherwise keep the invented text.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from django.db import transaction

from aid.models import AidProgramme, AidProject, Milestone, ProjectDocument, ProjectPhoto
from commission.models import Membership, Organisation, Person, Topic
from delegations.models import (
    Delegation,
    DelegationDocument,
    DelegationMember,
    DelegationPhoto,
    ProgrammeItem,
)
from meetings.models import Meeting, MeetingPhoto, Participant
from photos.models import Photo

#: Flagged models, in an order that deletes what refers to a record before it.
FLAGGED = [
    Delegation,
    Meeting,
    AidProject,
    AidProgramme,
    Membership,
    Person,
    Organisation,
    Topic,
    Photo,
]

#: Rows without a flag: (model, its parent field, the parent model).
CHILDREN = [
    (Participant, "meeting", Meeting),
    (MeetingPhoto, "meeting", Meeting),
    (MeetingPhoto, "photo", Photo),
    (DelegationMember, "delegation", Delegation),
    (ProgrammeItem, "delegation", Delegation),
    (DelegationDocument, "delegation", Delegation),
    (DelegationPhoto, "delegation", Delegation),
    (DelegationPhoto, "photo", Photo),
    (Milestone, "project", AidProject),
    (ProjectDocument, "project", AidProject),
    (ProjectPhoto, "project", AidProject),
    (ProjectPhoto, "photo", Photo),
]


def _delete_stored(storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


@transaction.atomic
def remove_samples() -> Counter:
    """Delete every sample record and what belongs to it; return counts per kind."""
    counts: Counter = Counter()
    ids = {model: set(model.objects.filter(is_sample=True).values_list("pk", flat=True))
           for model in FLAGGED}  # fmt: skip

    # Documents' files are not removed with their rows (see sweep_files): do it here,
    # once the deletion is committed.
    for model, parent in ((DelegationDocument, Delegation), (ProjectDocument, AidProject)):
        field = model.parent_field
        names = list(
            model.objects.filter(**{f"{field}__in": ids[parent]})
            .exclude(file="")
            .values_list("file", flat=True)
        )
        if names:
            storage = model._meta.get_field("file").storage
            transaction.on_commit(partial(_delete_stored, storage, names))
            counts["document files"] += len(names)

    for model in FLAGGED:
        deleted, _ = model.objects.filter(pk__in=ids[model]).delete()
        counts[str(model._meta.verbose_name_plural)] += len(ids[model])
    # Photos' originals and variants go by their own post_delete handler, on commit.

    # History: the flagged models' own rows carry the flag; their children's
    # rows are found by the parent they belonged to.
    for model in FLAGGED:
        model.history.filter(is_sample=True).delete()
    for model, field, parent in CHILDREN:
        model.history.filter(**{f"{field}_id__in": ids[parent]}).delete()
    return counts
