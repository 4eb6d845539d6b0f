"""Load the sample set (``samples.py``): every record made here has ``is_sample=True``.

Called by :func:`backoffice.demo.loader.load_demo_content`, which checks
that samples are allowed and wraps the load in one transaction. Safe to run
again: records are keyed on slugs (and their rows on their parents).
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from aid.models import AidProgramme, AidProject, Milestone
from backoffice.demo import samples
from backoffice.demo.content import tr
from backoffice.demo.loader import _upsert, fill_gallery, sample_photo, upsert_participants
from commission.models import Membership, Organisation, Person, Topic
from delegations.models import Delegation, DelegationDocument, DelegationMember, ProgrammeItem
from meetings.models import Meeting

SAMPLE = {"is_sample": True}


def _tr(field: str, texts: tuple[str, str, str], *args) -> dict[str, str]:
    """The three language columns of ``field`` from (en, ru, be) templates."""
    return tr(field, *(text.format(*(arg[i] for arg in args)) for i, text in enumerate(texts)))


def _published_at(model, slug: str, day: dt.date):
    """Published on the day of the event (kept as first loaded on reloads)."""
    existing = model.objects.filter(slug=slug).values_list("published_at", flat=True).first()
    if existing:
        return existing
    return timezone.make_aware(dt.datetime.combine(day, dt.time(17, 0)))


def load_sample_set(counts: Counter) -> None:
    topics = {
        slug: _upsert(Topic, counts, {"slug": slug}, {**fields, **SAMPLE})
        for slug, fields in samples.TOPICS.items()
    }
    topics.update({topic.slug: topic for topic in Topic.objects.filter(is_sample=False)})

    organisations = {
        slug: _upsert(Organisation, counts, {"slug": slug}, {**fields, **SAMPLE})
        for slug, fields in samples.ORGANISATIONS.items()
    }
    organisations.update(
        {org.slug: org for org in Organisation.objects.filter(is_sample=False, slug__in=_real())}
    )

    people = {}
    for slug, fields in samples.PEOPLE.items():
        fields = {**fields, **SAMPLE, "organisation": organisations[fields["organisation"]]}
        people[slug] = _upsert(Person, counts, {"slug": slug}, fields)
    for person, role, start in samples.MEMBERSHIPS:
        _upsert(
            Membership,
            counts,
            {"person": people[person], "role": role},
            {"start_date": start, **SAMPLE},
        )

    meetings = _meetings(counts, topics, people)
    delegations = _delegations(counts, topics, people, organisations, meetings)
    projects = _aid(counts, organisations, meetings)

    photos = {
        key: sample_photo(counts, filename, tr("alt_text", *alt), credit, licence)
        for key, (filename, alt, credit, licence) in samples.PHOTOS.items()
    }
    owners = {"meeting": meetings, "delegation": delegations, "project": projects}
    for (kind, slug), keys in samples.GALLERIES.items():
        fill_gallery(owners[kind][slug], [photos[key] for key in keys])


def _real() -> list[str]:
    from backoffice.demo import content

    return list(content.ORGANISATIONS)


def _meeting(counts, slug, fields, topic_slugs, topics):
    fields = {
        **fields,
        **SAMPLE,
        "status": "published",
        "published_at": _published_at(Meeting, slug, fields["date"]),
    }
    country_codes = fields.pop("countries")
    meeting = _upsert(Meeting, counts, {"slug": slug}, fields)
    meeting.topics.set([topics[topic] for topic in topic_slugs])
    meeting.countries.set(country_codes)
    return meeting


def _meetings(counts, topics, people) -> dict[str, Meeting]:
    meetings = {}
    commission_side = ["natalia-kovalchuk", "andrei-lazarenko", "viktor-shumsky"]
    for index, (date, agenda, topic_slugs) in enumerate(samples.SITTINGS):
        slug = f"commission-sitting-{date:%Y-%m}"
        meeting = _meeting(
            counts,
            slug,
            {
                **_tr("title", samples.SITTING_TITLE, agenda),
                **_tr("summary", samples.SITTING_SUMMARY, agenda),
                **_tr("body", samples.SITTING_BODY, agenda),
                **samples.PLACE_COUNCIL,
                "kind": "sitting",
                "date": date,
                "start_time": dt.time(10, 0),
                "countries": [],
            },
            topic_slugs,
            topics,
        )
        present = commission_side[: 2 + index % 2] + ["olga-belskaya"]
        upsert_participants(counts, meeting, [(person, "commission") for person in present], people)
        meetings[slug] = meeting

    for slug, date, kind, country, counterpart, topic_slugs in samples.BILATERAL:
        of_country = samples.COUNTRIES[country][1]
        title_kind = next(
            key
            for prefix, key in [
                ("meeting-with-ambassador", "ambassador"),
                ("talks-", "talks"),
                ("video-", "video"),
                ("meeting-with-turkiye", "friendship"),
                ("hearing-", "hearing"),
                ("conference-", "conference"),
            ]
            if slug.startswith(prefix)
        )
        meeting = _meeting(
            counts,
            slug,
            {
                **_tr("title", samples.MEETING_TITLES[title_kind], of_country),
                **_tr("summary", samples.MEETING_SUMMARY, of_country),
                **_tr("body", samples.MEETING_BODY, of_country),
                **samples.PLACE_COUNCIL,
                "kind": kind,
                "date": date,
                "start_time": dt.time(11, 30),
                "countries": [country],
            },
            topic_slugs,
            topics,
        )
        sides = [("natalia-kovalchuk", "commission"), ("andrei-lazarenko", "commission")]
        if counterpart:
            sides.append((counterpart, "counterpart"))
        upsert_participants(counts, meeting, sides, people)
        meetings[slug] = meeting
    return meetings


def _delegations(counts, topics, people, organisations, meetings) -> dict[str, Delegation]:
    delegations = {}
    for (
        slug,
        direction,
        country,
        start,
        end,
        head,
        members,
        hosts,
        programme,
    ) in samples.DELEGATIONS:
        where = (
            samples.COUNTRIES[country][1]
            if direction == "incoming"
            else (samples.COUNTRY_TO[country])
        )
        fields = {
            **_tr("title", samples.DELEGATION_TITLES[direction], where),
            **tr("purpose", *samples.DELEGATION_PURPOSE),
            **tr("summary", *samples.DELEGATION_SUMMARY),
            **tr("outcomes", *samples.DELEGATION_OUTCOMES),
            **SAMPLE,
            "direction": direction,
            "start_date": start,
            "end_date": end,
            "head": people[head],
            "status": "published",
            "published_at": _published_at(Delegation, slug, end),
        }
        delegation = _upsert(Delegation, counts, {"slug": slug}, fields)
        delegation.countries.set([country])
        delegation.host_organisations.set([organisations[host] for host in hosts])
        delegation.topics.set([topics["interparliamentary-cooperation"]])
        for position, member in enumerate(members):
            _upsert(
                DelegationMember,
                counts,
                {"delegation": delegation, "person": people[member]},
                {"position": position},
            )
        items = []
        for offset, time, title, place, meeting in programme:
            date = start + dt.timedelta(days=offset)
            hour, minute = map(int, time.split(":"))
            item = _upsert(
                ProgrammeItem,
                counts,
                {"delegation": delegation, "date": date, "time": dt.time(hour, minute)},
                {
                    **tr("title", *title),
                    **tr("place", *place),
                    "meeting": meetings[meeting] if meeting else None,
                },
            )
            items.append(item)
        _programme_document(counts, delegation, items)
        delegations[slug] = delegation
    return delegations


def _programme_document(counts, delegation: Delegation, items) -> None:
    """The visit's programme as a Word document, made now (once per visit)."""
    if delegation.documents.filter(title_en=samples.DOCUMENT_TITLE["title_en"]).exists():
        counts["documents updated"] += 1
        return
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading(f"{delegation.title_en}", level=1)
    word.add_paragraph("Sample record: this document is invented for the demo.")
    table = word.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text, table.rows[0].cells[2].text = (
        "Date",
        "Item",
        "Place",
    )
    for item in items:
        cells = table.add_row().cells
        cells[0].text = f"{item.date:%d.%m.%Y} {item.time:%H:%M}" if item.time else str(item.date)
        cells[1].text = item.title_en
        cells[2].text = item.place_en
    buffer = io.BytesIO()
    word.save(buffer)
    document = DelegationDocument(delegation=delegation, **samples.DOCUMENT_TITLE)
    document.file.save("programme.docx", ContentFile(buffer.getvalue()), save=False)
    document.full_clean(exclude=["file"])
    document.save()
    counts["documents created"] += 1


def _aid(counts, organisations, meetings) -> dict[str, AidProject]:
    programmes = {}
    for slug, fields in samples.PROGRAMMES.items():
        fields = {
            **fields,
            **samples.PROGRAMME_DESCRIPTION,
            **SAMPLE,
            "donor": organisations[fields["donor"]],
            "status": "published",
            "published_at": _published_at(AidProgramme, slug, dt.date(2025, 12, 1)),
        }
        programmes[slug] = _upsert(AidProgramme, counts, {"slug": slug}, fields)

    projects = {}
    for (
        slug,
        programme,
        recipient,
        region,
        sector,
        year,
        status,
        amount,
        currency,
        usd,
        title,
        milestones,
    ) in samples.PROJECTS:
        fields = {
            **tr("title", *title),
            **samples.PROJECT_SUMMARY,
            **SAMPLE,
            "programme": programmes[programme],
            "donor": programmes[programme].donor,
            "recipient": organisations[recipient],
            "recipient_country": "BY",
            "region": region,
            "sector": sector,
            "year": year,
            "project_status": status,
            "amount": Decimal(amount),
            "currency": currency,
            "amount_usd": Decimal(usd) if usd else None,
            "status": "published",
            "published_at": _published_at(AidProject, slug, milestones[0][1]),
        }
        project = _upsert(AidProject, counts, {"slug": slug}, fields)
        for kind, date in milestones:
            _upsert(Milestone, counts, {"project": project, "kind": kind, "date": date}, {})
        projects[slug] = project
    # Projects discussed at sample meetings.
    projects["sample-emergency-hospital-ambulances"].related_meetings.set(
        [meetings["talks-with-national-peoples-congress"]]
    )
    projects["sample-medical-university-simulation-centre"].related_meetings.set(
        [meetings["meeting-with-ambassador-of-china"], meetings["hearing-on-aid-to-healthcare"]]
    )
    return projects
