"""Load the demo content; safe to run any number of times (keyed on slugs)."""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.utils import timezone

from aid.models import AidProgramme, AidProject, Milestone, Sector
from commission.demo import content
from commission.models import Membership, Organisation, Person, Topic
from meetings.models import Meeting, Participant


def _upsert(model, counts: Counter, lookup: dict, defaults: dict):
    instance, created = model.objects.update_or_create(**lookup, defaults=defaults)
    counts[f"{model._meta.verbose_name_plural} {'created' if created else 'updated'}"] += 1
    return instance


@transaction.atomic
def load_demo_content() -> Counter:
    """Create or update every demo object; return how many of each were touched."""
    counts: Counter = Counter()

    topics = {
        slug: _upsert(Topic, counts, {"slug": slug}, fields)
        for slug, fields in content.TOPICS.items()
    }

    organisations: dict[str, Organisation] = {}
    for slug, fields in content.ORGANISATIONS.items():
        fields = dict(fields)
        parent = fields.pop("parent", None)
        fields["parent"] = organisations[parent] if parent else None
        organisations[slug] = _upsert(Organisation, counts, {"slug": slug}, fields)

    people: dict[str, Person] = {}
    for slug, fields in content.PEOPLE.items():
        fields = dict(fields, organisation=organisations[fields["organisation"]])
        people[slug] = _upsert(Person, counts, {"slug": slug}, fields)

    for person_slug, role in content.MEMBERSHIPS:
        _upsert(Membership, counts, {"person": people[person_slug], "role": role}, {})

    meeting_fields = dict(content.MEETING)
    topic_slugs = meeting_fields.pop("topics")
    participants = meeting_fields.pop("participants")
    slug = meeting_fields.pop("slug")
    meeting_fields["published_at"] = _keep_published_at(Meeting, slug)
    meeting = _upsert(Meeting, counts, {"slug": slug}, meeting_fields)
    meeting.topics.set([topics[topic_slug] for topic_slug in topic_slugs])
    for position, (person_slug, side) in enumerate(participants):
        _upsert(
            Participant,
            counts,
            {"meeting": meeting, "person": people[person_slug]},
            {"side": side, "position": position},
        )

    programmes: dict[str, AidProgramme] = {}
    for slug, fields in content.PROGRAMMES.items():
        fields = dict(fields, donor=organisations[fields["donor"]])
        fields["published_at"] = _keep_published_at(AidProgramme, slug)
        programmes[slug] = _upsert(AidProgramme, counts, {"slug": slug}, fields)

    grass_roots = programmes["japan-grass-roots-grant-assistance"]
    for slug, fields in content.PROJECTS.items():
        fields = dict(fields)
        milestones = fields.pop("milestones")
        fields.update(
            recipient=organisations[fields["recipient"]],
            programme=grass_roots,
            donor=grass_roots.donor,
            sector=Sector.MEDICAL_SERVICES,
            source_url=content.SOURCE_URL,
            status="published",
            published_at=_keep_published_at(AidProject, slug),
        )
        project = _upsert(AidProject, counts, {"slug": slug}, fields)
        project.related_meetings.add(meeting)
        for kind, date in milestones:
            _upsert(Milestone, counts, {"project": project, "kind": kind, "date": date}, {})

    return counts


def _keep_published_at(model, slug: str):
    """Keep the first publication time on reloads, so reloading changes nothing."""
    existing = model.objects.filter(slug=slug).values_list("published_at", flat=True).first()
    return existing or timezone.now()
