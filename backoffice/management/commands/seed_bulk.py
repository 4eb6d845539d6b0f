"""Clearly synthetic bulk content for load tests and benchmarks, never for the demo."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from aid.models import AidProgramme, AidProject, Currency, Milestone, Region, Sector
from commission.models import Organisation, Person, Topic
from core.page_cache import bump_content_version
from delegations.models import Delegation
from meetings.models import Meeting, Participant

PREFIX = "synthetic"
COUNTRIES = [
    "JP",
    "CN",
    "DE",
    "FR",
    "IN",
    "KZ",
    "RU",
    "TR",
    "AE",
    "VN",
    "BR",
    "EG",
    "IT",
    "PL",
    "RS",
]


class Command(BaseCommand):
    help = (
        "Add clearly synthetic records (titles start with 'Synthetic', slugs with "
        "'synthetic-') for load tests and benchmarks. Refused when DEBUG is off unless --force."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--meetings", type=int, default=10_000)
        parser.add_argument("--delegations", type=int, default=2_000)
        parser.add_argument("--projects", type=int, default=5_000)
        parser.add_argument(
            "--year", type=int, default=2026, help="Most records fall in this year."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (same seed, same data)."
        )
        parser.add_argument(
            "--one-year",
            action="store_true",
            help="Date every record in --year (for report benchmarks).",
        )
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Refusing to add synthetic records with DEBUG off (use --force).")
        if Meeting.objects.filter(slug__startswith=f"{PREFIX}-").exists():
            raise CommandError("Synthetic records are already present; use a fresh database.")
        rng = random.Random(options["seed"])
        self.one_year = options["one_year"]
        year = options["year"]
        now = timezone.now()
        with transaction.atomic():
            topics = [
                Topic.objects.create(name_en=f"Synthetic topic {n}", slug=f"{PREFIX}-topic-{n}")
                for n in range(12)
            ]
            donors = [
                Organisation.objects.create(
                    name_en=f"Synthetic donor {n}",
                    slug=f"{PREFIX}-donor-{n}",
                    kind=Organisation.Kind.GOVERNMENT,
                    country=COUNTRIES[n % len(COUNTRIES)],
                )
                for n in range(10)
            ]
            people = Person.objects.bulk_create(
                Person(name_en=f"Synthetic person {n}", slug=f"{PREFIX}-person-{n}")
                for n in range(200)
            )
            programmes = [
                AidProgramme.objects.create(
                    title_en=f"Synthetic programme {n}",
                    slug=f"{PREFIX}-programme-{n}",
                    donor=donors[n],
                    start_year=2000 + n,
                    status="published",
                    published_at=now,
                )
                for n in range(len(donors))
            ]
            self._progress("topics, donors, people, programmes")

            def day(n: int) -> dt.date:
                return dt.date(year, 1, 1) + dt.timedelta(days=n % 365)

            meetings = Meeting.objects.bulk_create(
                (
                    Meeting(
                        title_en=f"Synthetic meeting {n}",
                        title_ru=f"Синтетическая встреча {n}",
                        slug=f"{PREFIX}-meeting-{n}",
                        kind=rng.choice(Meeting.Kind.values),
                        date=day(n)
                        if n % 10 or options["one_year"]
                        else day(n).replace(year=year - 1 - n % 5),
                        summary_en=f"Synthetic summary of meeting {n}.",
                        status="published" if n % 20 or self.one_year else "draft",
                        published_at=now,
                    )
                    for n in range(options["meetings"])
                ),
                batch_size=1000,
            )
            Meeting.countries.through.objects.bulk_create(
                (
                    Meeting.countries.through(meeting_id=m.pk, country_id=code)
                    for m in meetings
                    for code in rng.sample(COUNTRIES, rng.randint(1, 2))
                ),
                batch_size=2000,
            )
            Meeting.topics.through.objects.bulk_create(
                (
                    Meeting.topics.through(meeting_id=m.pk, topic_id=rng.choice(topics).pk)
                    for m in meetings
                ),
                batch_size=2000,
            )
            Participant.objects.bulk_create(
                (
                    Participant(meeting=m, person=person, side="commission", position=index)
                    for m in meetings
                    for index, person in enumerate(rng.sample(people, 2))
                ),
                batch_size=2000,
            )
            self._progress(f"{len(meetings)} meetings")
            delegations = Delegation.objects.bulk_create(
                (
                    Delegation(
                        title_en=f"Synthetic delegation {n}",
                        slug=f"{PREFIX}-delegation-{n}",
                        direction=rng.choice(Delegation.Direction.values),
                        start_date=day(n),
                        end_date=day(n) + dt.timedelta(days=rng.randint(0, 4)),
                        head=rng.choice(people),
                        status="published" if n % 20 else "draft",
                        published_at=now,
                    )
                    for n in range(options["delegations"])
                ),
                batch_size=1000,
            )
            Delegation.countries.through.objects.bulk_create(
                (
                    Delegation.countries.through(
                        delegation_id=d.pk, country_id=rng.choice(COUNTRIES)
                    )
                    for d in delegations
                ),
                batch_size=2000,
            )
            self._progress(f"{options['delegations']} delegations")
            currencies = [Currency.USD, Currency.EUR, Currency.JPY]
            projects = AidProject.objects.bulk_create(
                (
                    self._project(n, rng, year, donors, programmes, currencies, now)
                    for n in range(options["projects"])
                ),
                batch_size=1000,
            )
            Milestone.objects.bulk_create(
                (
                    Milestone(project=p, kind="agreement_signed", date=day(index))
                    for index, p in enumerate(projects)
                    if index % 3 == 0
                ),
                batch_size=2000,
            )
            self._progress(f"{len(projects)} aid projects")
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would gather later: without them
            # the planner takes the tables for empty and skips the indexes.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self._progress("statistics updated (ANALYZE)")
        # Added in bulk (no save signals): what is kept until the content changes
        # (public pages, counts, admin lists) is made again.
        bump_content_version()
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetic content added: {options['meetings']} meetings, "
                f"{options['delegations']} delegations, {options['projects']} aid projects."
            )
        )

    def _project(self, n, rng, year, donors, programmes, currencies, now) -> AidProject:
        index = n % len(donors)
        amount = None if n % 4 == 0 else Decimal(rng.randint(1_000, 5_000_000))
        currency = rng.choice(currencies) if amount is not None else ""
        return AidProject(
            title_en=f"Synthetic aid project {n}",
            slug=f"{PREFIX}-project-{n}",
            donor=donors[index],
            programme=programmes[index],
            region=rng.choice(Region.values),
            sector=rng.choice(Sector.values),
            year=year if n % 5 or self.one_year else year - 1,
            amount=amount,
            currency=currency,
            amount_usd=amount if currency == Currency.USD else None,
            project_status=rng.choice(AidProject.Status.values),
            status="published" if n % 20 or self.one_year else "draft",
            published_at=now,
        )

    def _progress(self, what: str) -> None:
        self.stdout.write(f"  … {what}")
