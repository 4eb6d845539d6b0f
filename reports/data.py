"""What the annual report contains, computed once and shared by every format.

Rows are produced lazily (querysets iterated in chunks), so a year with tens of
thousands of items streams instead of filling memory.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from aid.models import AidProject, Milestone, Region, Sector
from aid.totals import totals_by_currency, usd_total
from commission.models import Organisation
from core.collation import sort_key
from core.countries import codes_by_item, count_by_country, name_of
from core.translations import columns, with_fallback
from delegations.models import Delegation, DelegationMember
from meetings.models import Meeting, Participant

CHUNK = 2000


def in_report_language(method):
    """Run a report's ``method`` in the report's language, whoever calls it.

    The one place the language is switched for the report's own texts and rows;
    a generator's rows are made in it too (open data streams them after the
    view has returned).
    """
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def rows(self, *args, **kwargs):
            with translation.override(self.language):
                yield from method(self, *args, **kwargs)

        return rows

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        with translation.override(self.language):
            return method(self, *args, **kwargs)

    return call


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"  # text, date, number, money, flag


def meeting_columns() -> list[Column]:
    return [
        Column("date", _("Date"), "date"),
        Column("title", _("Title")),
        Column("kind", _("Kind")),
        Column("countries", _("Countries")),
        Column("place", _("Place")),
        Column("participants", _("Participants")),
        Column("topics", _("Topics")),
        Column("state", _("Publication state")),
        Column("url", _("Address")),
    ]


def delegation_columns() -> list[Column]:
    return [
        Column("start_date", _("From"), "date"),
        Column("end_date", _("Until"), "date"),
        Column("direction", _("Direction")),
        Column("title", _("Title")),
        Column("countries", _("Countries")),
        Column("head", _("Head of delegation")),
        Column("members", _("Members")),
        Column("purpose", _("Purpose")),
        Column("state", _("Publication state")),
        Column("url", _("Address")),
    ]


def project_columns() -> list[Column]:
    return [
        Column("title", _("Project")),
        Column("programme", _("Programme")),
        Column("donor", _("Donor")),
        Column("recipient", _("Recipient")),
        Column("region", _("Region")),
        Column("district", _("District")),
        Column("sector", _("Sector")),
        Column("project_status", _("Status")),
        Column("year", _("Year"), "number"),
        Column("amount", _("Amount"), "money"),
        Column("currency", _("Currency")),
        Column("approximate", _("Approximate"), "flag"),
        Column("amount_usd", _("Amount in USD"), "money"),
        Column("agreement_signed", _("Agreement signed"), "date"),
        Column("completed", _("Completed"), "date"),
        Column("state", _("Publication state")),
        Column("url", _("Address")),
    ]


@dataclass
class Summary:
    meetings: int = 0
    delegations: int = 0
    projects: int = 0
    meetings_by_country: list[tuple[str, int]] = field(default_factory=list)
    meetings_by_kind: list[tuple[str, int]] = field(default_factory=list)
    delegations_by_country: list[tuple[str, int, int]] = field(default_factory=list)
    projects_by_status: list[tuple[str, int]] = field(default_factory=list)
    totals_by_currency: list = field(default_factory=list)
    totals_by_donor: list[tuple[str, str, Decimal, bool]] = field(default_factory=list)
    totals_by_region: list[tuple[str, str, Decimal, bool]] = field(default_factory=list)
    usd_total: object = None


class AnnualReport:
    """One year of the commission's work, in one language."""

    def __init__(self, year: int | None, *, language: str = "en", include_drafts: bool = False):
        """``year=None`` covers every year (the public open data)."""
        self.year = year
        self.language = language
        self.include_drafts = include_drafts

    @classmethod
    def open_data(cls, language: str) -> AnnualReport:
        """Every year's published content in ``language``: the rows of the open-data files."""
        return cls(None, language=language)

    # --- selections ---------------------------------------------------------

    def _visible(self, queryset: QuerySet) -> QuerySet:
        return queryset if self.include_drafts else queryset.published()

    def meetings(self) -> QuerySet:
        meetings = Meeting.objects.all()
        if self.year is not None:
            meetings = meetings.filter(date__year=self.year)
        return self._visible(meetings).order_by("date", "pk")

    def delegations(self) -> QuerySet:
        delegations = Delegation.objects.all()
        if self.year is not None:
            delegations = delegations.filter(start_date__year=self.year)
        return self._visible(delegations).order_by("start_date", "pk")

    def projects(self) -> QuerySet:
        """Projects of the year: dated that year, or with a milestone in it."""
        projects = AidProject.objects.all()
        if self.year is not None:
            projects = projects.filter(
                Q(year=self.year)
                | Q(pk__in=Milestone.objects.filter(date__year=self.year).values("project"))
            )
        return self._visible(projects).order_by("title_en", "pk")

    # --- rows ---------------------------------------------------------------
    #
    # Rows are read with values() in chunks, related names fetched per chunk:
    # building model instances (and translating choice labels per row) would
    # cost several times more for a large year.

    def _text(self, row: dict, field: str) -> str:
        """A translated field in the report's language, falling back to English."""
        return next((row[name] for name in self._columns(field) if row.get(name)), "")

    def _columns(self, field: str) -> list[str]:
        """``field`` in the report's language, then in the language it falls back to."""
        return columns(field, with_fallback(self.language))

    def _translated(self, *fields: str) -> list[str]:
        return [name for field in fields for name in self._columns(field)]

    @staticmethod
    def _state(row: dict) -> tuple[bool, str]:
        """Rows carry ``is_public_now`` from PublishableQuerySet.with_public_flag()."""
        public = bool(row["is_public_now"])
        return public, (_("published") if public else _("DRAFT (internal)"))

    def _country_names(self, codes: list[str]) -> str:
        names = self._country_cache
        for code in codes:
            if code not in names:
                names[code] = name_of(code)
        return ", ".join(names[code] for code in codes)

    @staticmethod
    def _chunks(rows: Iterator[dict]) -> Iterator[list[dict]]:
        chunk: list[dict] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _names_by(self, queryset, key: str, name_field: str) -> dict[int, list[str]]:
        """{owner id: [names]} for one chunk, in the related rows' order."""
        grouped: dict[int, list[str]] = defaultdict(list)
        for row in queryset.values(key, *self._columns(name_field)):
            grouped[row[key]].append(self._text(row, name_field))
        return grouped

    @in_report_language
    def meeting_rows(self) -> Iterator[dict]:
        self._country_cache = {}
        kinds = {value: str(label) for value, label in Meeting.Kind.choices}
        rows = (
            self.meetings()
            .with_public_flag()
            .values(
                "pk",
                "date",
                "slug",
                "kind",
                "is_public_now",
                *self._translated("title", "place"),
            )
        )
        for chunk in self._chunks(rows.iterator(chunk_size=CHUNK)):
            ids = [row["pk"] for row in chunk]
            country_codes = codes_by_item(Meeting, ids)
            people = self._names_by(
                Participant.objects.filter(meeting__in=ids).order_by("position", "pk"),
                "meeting_id",
                "person__name",
            )
            topics = self._names_by(
                Meeting.topics.through.objects.filter(meeting__in=ids).order_by("topic__name_en"),
                "meeting_id",
                "topic__name",
            )
            for row in chunk:
                public, state = self._state(row)
                url = (
                    reverse(
                        "meetings:detail",
                        kwargs={"year": row["date"].year, "slug": row["slug"]},
                    )
                    if public
                    else ""
                )
                yield {
                    "date": row["date"],
                    "title": self._text(row, "title"),
                    "kind": kinds.get(row["kind"], row["kind"]),
                    "countries": self._country_names(country_codes.get(row["pk"], [])),
                    "place": self._text(row, "place"),
                    "participants": "; ".join(people.get(row["pk"], [])),
                    "topics": ", ".join(topics.get(row["pk"], [])),
                    "state": state,
                    "url": url,
                }

    @in_report_language
    def delegation_rows(self) -> Iterator[dict]:
        self._country_cache = {}
        directions = {value: str(label) for value, label in Delegation.Direction.choices}
        rows = (
            self.delegations()
            .with_public_flag()
            .values(
                "pk",
                "start_date",
                "end_date",
                "slug",
                "direction",
                "is_public_now",
                *self._translated("title", "purpose", "head__name"),
            )
        )
        for chunk in self._chunks(rows.iterator(chunk_size=CHUNK)):
            country_codes = codes_by_item(Delegation, [row["pk"] for row in chunk])
            members = self._names_by(
                DelegationMember.objects.filter(
                    delegation__in=[row["pk"] for row in chunk]
                ).order_by("position", "pk"),
                "delegation_id",
                "person__name",
            )
            for row in chunk:
                public, state = self._state(row)
                url = (
                    reverse(
                        "delegations:detail",
                        kwargs={"year": row["start_date"].year, "slug": row["slug"]},
                    )
                    if public
                    else ""
                )
                yield {
                    "start_date": row["start_date"],
                    "end_date": row["end_date"],
                    "direction": directions.get(row["direction"], row["direction"]),
                    "title": self._text(row, "title"),
                    "countries": self._country_names(country_codes.get(row["pk"], [])),
                    "head": self._text(row, "head__name"),
                    "members": "; ".join(members.get(row["pk"], [])),
                    "purpose": self._text(row, "purpose"),
                    "state": state,
                    "url": url,
                }

    def delegation_outcomes(self) -> Iterator[tuple[str, str]]:
        """(title, outcomes as rich text) of the visits whose outcomes are written."""
        rows = self.delegations().values("pk", *self._translated("title", "outcomes"))
        for row in rows.iterator(chunk_size=CHUNK):
            outcomes = self._text(row, "outcomes")
            if outcomes:
                yield self._text(row, "title"), outcomes

    @in_report_language
    def project_rows(self) -> Iterator[dict]:
        regions = {value: str(label) for value, label in Region.choices}
        sectors = {value: str(label) for value, label in Sector.choices}
        statuses = {value: str(label) for value, label in AidProject.Status.choices}
        rows = (
            self.projects()
            .with_public_flag()
            .with_public_flag(related="programme", name="programme_is_public")
            .values(
                "pk",
                "slug",
                "region",
                "sector",
                "project_status",
                "year",
                "amount",
                "currency",
                "amount_is_approximate",
                "amount_usd",
                "is_public_now",
                "programme_is_public",
                *self._translated(
                    "title", "district", "programme__title", "donor__name", "recipient__name"
                ),
            )
        )
        for chunk in self._chunks(rows.iterator(chunk_size=CHUNK)):
            dates: dict[int, dict[str, dt.date]] = defaultdict(dict)
            milestones = Milestone.objects.filter(project__in=[row["pk"] for row in chunk])
            for milestone in milestones.order_by("date").values("project_id", "kind", "date"):
                dates[milestone["project_id"]].setdefault(milestone["kind"], milestone["date"])
            for row in chunk:
                public, state = self._state(row)
                project_dates = dates.get(row["pk"], {})
                yield {
                    "title": self._text(row, "title"),
                    # A draft programme stays unnamed outside the internal report.
                    "programme": self._text(row, "programme__title")
                    if self.include_drafts or row["programme_is_public"]
                    else "",
                    "donor": self._text(row, "donor__name"),
                    "recipient": self._text(row, "recipient__name"),
                    "region": regions.get(row["region"], ""),
                    "district": self._text(row, "district"),
                    "sector": sectors.get(row["sector"], row["sector"]),
                    "project_status": statuses.get(row["project_status"], row["project_status"]),
                    "year": row["year"],
                    "amount": row["amount"],
                    "currency": row["currency"],
                    "approximate": row["amount_is_approximate"],
                    "amount_usd": row["amount_usd"],
                    "agreement_signed": project_dates.get(Milestone.Kind.AGREEMENT_SIGNED),
                    "completed": project_dates.get(Milestone.Kind.COMPLETED),
                    "state": state,
                    "url": reverse("aid:project", kwargs={"slug": row["slug"]}) if public else "",
                }

    # --- key figures --------------------------------------------------------

    @in_report_language
    def summary(self) -> Summary:
        return self._summary()

    def _summary(self) -> Summary:
        meetings, delegations, projects = self.meetings(), self.delegations(), self.projects()
        by_country = count_by_country(meetings)
        kinds = dict(Meeting.Kind.choices)
        by_kind = meetings.order_by().values("kind").annotate(n=Count("id")).order_by("-n", "kind")
        incoming = count_by_country(delegations.filter(direction=Delegation.Direction.INCOMING))
        outgoing = count_by_country(delegations.filter(direction=Delegation.Direction.OUTGOING))
        statuses = dict(AidProject.Status.choices)
        by_status = (
            projects.order_by().values("project_status").annotate(n=Count("id")).order_by("-n")
        )
        regions = dict(Region.choices)

        def grouped(key: str) -> list[dict]:
            return list(projects.totals_per_currency(key).order_by(key, "currency"))

        by_donor = grouped("donor")
        donors = Organisation.objects.in_bulk({row["donor"] for row in by_donor})
        return Summary(
            meetings=meetings.count(),
            delegations=delegations.count(),
            projects=projects.count(),
            meetings_by_country=sorted(
                ((str(countries.name(code)), n) for code, n in by_country.items()),
                key=lambda pair: (-pair[1], sort_key(pair[0])),
            ),
            meetings_by_kind=[
                (str(kinds.get(row["kind"], row["kind"])), row["n"]) for row in by_kind
            ],
            delegations_by_country=sorted(
                (
                    (str(countries.name(code)), incoming[code], outgoing[code])
                    for code in incoming.keys() | outgoing.keys()
                ),
                key=lambda row: (-(row[1] + row[2]), sort_key(row[0])),
            ),
            projects_by_status=[
                (str(statuses.get(row["project_status"], row["project_status"])), row["n"])
                for row in by_status
            ],
            totals_by_currency=totals_by_currency(projects),
            totals_by_donor=[
                (donors[row["donor"]].name, row["currency"], row["total"], row["approximate"] > 0)
                for row in by_donor
            ],
            totals_by_region=[
                (
                    str(regions.get(row["region"], _("not given"))),
                    row["currency"],
                    row["total"],
                    row["approximate"] > 0,
                )
                for row in grouped("region")
            ],
            usd_total=usd_total(projects),
        )

    @property
    @in_report_language
    def title(self) -> str:
        return _("International work of the commission in %(year)s") % {"year": self.year}

    @in_report_language
    def figure_notes(self) -> list[str]:
        """How the tables write their figures (the Word report's annex)."""
        return [
            _(
                "Amounts are given in each project's own currency, grouped by thousands; "
                "≈ marks an approximate amount."
            ),
            _("A dash in a date or amount column means the date or amount is not known."),
            _("Counts of meetings by country count a meeting once for each country it concerns."),
        ]

    @in_report_language
    def scope_note(self) -> list[str]:
        """What the figures include, said plainly."""
        notes = [
            _(
                "Meetings held in %(year)s; delegations whose visit began in %(year)s; "
                "aid projects dated %(year)s or with a milestone (signing, delivery, "
                "completion) in %(year)s."
            )
            % {"year": self.year},
            _(
                "Amounts are totalled per currency; different currencies are never added "
                "together. The USD total adds only the USD figures given for projects."
            ),
            _("An empty amount means the amount is not known; it is not counted as zero."),
        ]
        if self.include_drafts:
            notes.append(
                _("This internal version includes drafts, marked as such; they are not public.")
            )
        else:
            notes.append(_("Only published items are included."))
        return notes
