"""The aid projects as an IATI 2.03 activity file (published projects only).

IATI requires at least one activity date; projects with no known date are
left out of this file (they are in the CSV and JSON open data) and the file
says how many in a comment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from lxml import etree

from aid.models import AidProject, Milestone
from commission.models import Organisation
from core.text import clean_text
from core.translations import LANGUAGE_CODES, text_in

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: IATI ActivityStatus codes.
ACTIVITY_STATUS = {
    AidProject.Status.PIPELINE: "1",
    AidProject.Status.IMPLEMENTATION: "2",
    AidProject.Status.COMPLETED: "4",
    AidProject.Status.CANCELLED: "5",
    AidProject.Status.SUSPENDED: "6",
}

#: IATI OrganisationType codes for our kinds of organisation.
ORGANISATION_TYPE = {
    Organisation.Kind.GOVERNMENT: "10",
    Organisation.Kind.MINISTRY: "10",
    Organisation.Kind.EMBASSY: "10",
    Organisation.Kind.AGENCY: "10",
    Organisation.Kind.PARLIAMENT: "15",
    Organisation.Kind.COMMITTEE: "15",
    Organisation.Kind.HOSPITAL: "15",
    Organisation.Kind.INTERNATIONAL: "40",
    Organisation.Kind.NGO: "22",
    Organisation.Kind.OTHER: "90",
}

#: IATI ActivityDateType: 2 actual start, 4 actual end.
START_MILESTONES = (Milestone.Kind.AGREEMENT_SIGNED, Milestone.Kind.FUNDS_DISBURSED)
END_MILESTONES = (Milestone.Kind.COMPLETED, Milestone.Kind.HANDED_OVER)


def _text(value: str, *, multiline: bool = False) -> str:
    """Stored text as XML 1.0 can carry it (rows saved before text was cleaned on save)."""
    return clean_text(value, multiline=multiline).strip()


def _narratives(parent, obj, field: str, *, multiline: bool = False) -> None:
    """One narrative per language that has text; English without xml:lang."""
    for code in LANGUAGE_CODES:
        text = _text(text_in(obj, field, code), multiline=multiline)
        if text:
            narrative = etree.SubElement(parent, "narrative")
            if code != "en":
                narrative.set(XML_LANG, code)
            narrative.text = text


def _organisation(parent, tag: str, organisation: Organisation, **attributes) -> None:
    element = etree.SubElement(parent, tag, **attributes)
    element.set("type", ORGANISATION_TYPE.get(organisation.kind, "90"))
    _narratives(element, organisation, "name")


def activity_dates(project: AidProject) -> list[tuple[str, dt.date]]:
    milestones = sorted(project.milestones.all(), key=lambda m: m.date)
    dates = []
    start = next((m.date for m in milestones if m.kind in START_MILESTONES), None)
    end = next((m.date for m in reversed(milestones) if m.kind in END_MILESTONES), None)
    if start:
        dates.append(("2", start))
    if end:
        dates.append(("4", end))
    return dates


def build_activities(build_url) -> bytes:
    """The IATI XML of every published project; ``build_url`` makes absolute URLs."""
    return b"".join(activities_chunks(build_url))


def activities_chunks(build_url) -> Iterator[bytes]:
    """The IATI XML, one activity at a time (constant memory)."""
    reporting_ref = settings.IATI_REPORTING_ORG_REF
    now = timezone.now().replace(microsecond=0).isoformat()
    root = etree.Element("iati-activities", version="2.03", **{"generated-datetime": now})
    # The root element, open: its activities are written one by one.
    opening = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    assert opening.endswith(b"/>")
    yield opening[:-2] + b">\n"
    projects = (
        AidProject.objects.published()
        .select_related("donor", "recipient", "programme")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("date")))
        .order_by("pk")
    )
    left_out = 0
    with translation.override("en"):
        for project in projects.iterator(chunk_size=1000):
            dates = activity_dates(project)
            if not dates:
                left_out += 1
                continue
            activity = etree.Element(
                "iati-activity",
                **{
                    "last-updated-datetime": project.updated_at.replace(microsecond=0).isoformat(),
                    XML_LANG: "en",
                },
            )
            if project.currency:
                activity.set("default-currency", project.currency)
            etree.SubElement(activity, "iati-identifier").text = _text(
                f"{reporting_ref}-{project.slug}"
            )
            reporting = etree.SubElement(
                activity,
                "reporting-org",
                ref=reporting_ref,
                type="15",
                **{"secondary-reporter": "1"},
            )
            etree.SubElement(reporting, "narrative").text = settings.IATI_REPORTING_ORG_NAME
            title = etree.SubElement(activity, "title")
            _narratives(title, project, "title")
            description = etree.SubElement(activity, "description", type="1")
            _narratives(description, project, "summary", multiline=True)
            if not len(description):
                _narratives(description, project, "title")
            _organisation(activity, "participating-org", project.donor, role="1")
            if project.recipient:
                _organisation(activity, "participating-org", project.recipient, role="4")
            etree.SubElement(
                activity, "activity-status", code=ACTIVITY_STATUS[project.project_status]
            )
            for date_type, date in dates:
                etree.SubElement(
                    activity, "activity-date", type=date_type, **{"iso-date": date.isoformat()}
                )
            etree.SubElement(
                activity, "recipient-country", code=project.recipient_country.code, percentage="100"
            )
            if project.region:
                location = etree.SubElement(activity, "location", ref=project.region)
                name = etree.SubElement(location, "name")
                etree.SubElement(name, "narrative").text = str(project.get_region_display())
            etree.SubElement(
                activity, "sector", vocabulary="1", code=project.sector, percentage="100"
            )
            signed = next(
                (
                    m.date
                    for m in project.milestones.all()
                    if m.kind == Milestone.Kind.AGREEMENT_SIGNED
                ),
                None,
            )
            if project.amount is not None and project.currency and signed:
                # A known amount and signing date: the donor's commitment.
                transaction = etree.SubElement(activity, "transaction")
                etree.SubElement(transaction, "transaction-type", code="2")
                etree.SubElement(
                    transaction, "transaction-date", **{"iso-date": signed.isoformat()}
                )
                value = etree.SubElement(
                    transaction,
                    "value",
                    currency=project.currency,
                    **{"value-date": signed.isoformat()},
                )
                value.text = f"{project.amount:.2f}"
            link = etree.SubElement(
                activity,
                "document-link",
                url=build_url(project.get_absolute_url()),
                format="text/html",
            )
            link_title = etree.SubElement(link, "title")
            etree.SubElement(link_title, "narrative").text = _text(project.title_en)
            etree.SubElement(link, "category", code="A01")
            yield etree.tostring(activity, encoding="UTF-8", pretty_print=True)
    if left_out:
        comment = etree.Comment(
            f" {left_out} published project(s) without any known date are not listed: "
            "IATI requires an activity date. They are in the CSV and JSON open data. "
        )
        yield etree.tostring(comment, encoding="UTF-8") + b"\n"
    yield b"</iati-activities>\n"
