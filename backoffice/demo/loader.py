"""Load the demo content; safe to run any number of times (keyed on slugs).

Two parts: the facts of DOMAIN.md (``content.py``), always; and, in
development only, sample records (``samples.py`` and the stand-in photos),
each flagged ``is_sample`` so that the site labels them and
``remove_samples`` can take them out again, leaving the facts exactly as a
load without samples would.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from aid.models import AidProgramme, AidProject, Milestone, Sector
from backoffice.demo import content
from commission.models import Membership, Organisation, Person, Topic
from core.storage import files_follow_transaction
from meetings.models import Meeting, Participant
from photos.models import Photo, update_photos
from photos.services import photo_create
from photos.storage import content_hash


def _upsert(model, counts: Counter, lookup: dict, defaults: dict):
    instance, created = model.objects.update_or_create(**lookup, defaults=defaults)
    counts[f"{model._meta.verbose_name_plural} {'created' if created else 'updated'}"] += 1
    return instance


def upsert_participants(counts: Counter, meeting, sides, people) -> None:
    """The meeting's participants, in order: (person slug, side) pairs."""
    for position, (slug, side) in enumerate(sides):
        _upsert(
            Participant,
            counts,
            {"meeting": meeting, "person": people[slug]},
            {"side": side, "position": position},
        )


class SamplesRefused(Exception):
    """Sample records were asked for where they are not allowed (DEBUG off)."""


SAMPLES_REFUSED = (
    "Sample records are for development only and are not loaded with DEBUG off "
    "(SHOW_SAMPLE_RECORDS); run load_demo --without-samples to load the real facts only."
)


def check_samples_allowed() -> None:
    """The one rule: sample records are loaded only where the site shows them."""
    if not settings.SHOW_SAMPLE_RECORDS:
        raise SamplesRefused(SAMPLES_REFUSED)


def load_demo_content(*, samples: bool = True, sample_set: bool = False) -> Counter:
    """Create or update the demo objects; return how many of each were touched.

    ``samples``: the stand-in photos of the real meeting and project (sample
    images). ``sample_set``: the year of sample meetings, visits, programmes
    and projects as well (``samples.py``). Either is refused with DEBUG off.
    """
    if samples or sample_set:
        check_samples_allowed()
    with files_follow_transaction(), transaction.atomic():
        counts = _load_facts()
        if samples or sample_set:
            meeting = Meeting.objects.get(slug=content.MEETING["slug"])
            _load_sample_photos(counts, meeting)
        if sample_set:
            from backoffice.demo.sample_loader import load_sample_set

            load_sample_set(counts)
    return counts


def _load_facts() -> Counter:
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
    country_codes = meeting_fields.pop("countries")
    participants = meeting_fields.pop("participants")
    slug = meeting_fields.pop("slug")
    meeting_fields["published_at"] = _keep_published_at(Meeting, slug)
    meeting = _upsert(Meeting, counts, {"slug": slug}, meeting_fields)
    meeting.topics.set([topics[topic_slug] for topic_slug in topic_slugs])
    meeting.countries.set(country_codes)
    upsert_participants(counts, meeting, participants, people)

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


PHOTO_DIR = Path(__file__).resolve().parent / "photos"


def _load_sample_photos(counts: Counter, meeting: Meeting) -> None:
    """Stand-in photos in the real meeting's and project's galleries."""
    galleries: dict[str, list] = {}
    for filename, gallery, alt_text, credit, licence in content.SAMPLE_PHOTOS:
        photo = sample_photo(counts, filename, alt_text, credit, licence)
        galleries.setdefault(gallery, []).append(photo)
    for key, photos in galleries.items():
        owner = meeting if key == "meeting" else AidProject.objects.get(slug=key)
        fill_gallery(owner, photos)


def sample_photo(counts: Counter, filename: str, alt_text: dict, credit: str, licence: str):
    """A sample photo from ``photos/``, stored once (keyed on its bytes)."""
    with (PHOTO_DIR / filename).open("rb") as handle:
        digest = content_hash(handle)
        photo = Photo.objects.filter(content_hash=digest, is_sample=True).first()
        if photo is None:
            photo = photo_create(
                file=File(handle, name=filename),
                alt_text=alt_text["alt_text_en"],
                credit=credit,
                licence=licence,
                is_sample=True,
            )
            counts["photos created"] += 1
        else:
            counts["photos updated"] += 1
    update_photos(Photo.objects.filter(pk=photo.pk), **alt_text, credit=credit, licence=licence)
    return photo


def fill_gallery(owner, photos: list) -> None:
    for position, photo in enumerate(photos):
        owner.gallery.update_or_create(
            photo=photo, defaults={"position": position, "is_cover": position == 0}
        )


def _keep_published_at(model, slug: str):
    """Keep the first publication time on reloads, so reloading changes nothing."""
    existing = model.objects.filter(slug=slug).values_list("published_at", flat=True).first()
    return existing or timezone.now()
