"""Money totals: always per currency, never a sum of different currencies."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from aid.charts import region_label, totals_charts
from aid.models import AidProject
from commission.models import Organisation


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    amount: Decimal
    projects: int
    approximate: bool


def totals_by_currency(projects: QuerySet) -> list[CurrencyTotal]:
    """One total per currency for projects whose amount is known."""
    rows = projects.totals_per_currency().order_by("currency")
    return [
        CurrencyTotal(
            currency=row["currency"],
            amount=row["total"],
            projects=row["projects"],
            approximate=row["approximate"] > 0,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class UsdTotal:
    amount: Decimal
    projects: int
    projects_without_usd: int
    #: Projects with an amount that are sample records (invented amounts).
    sample_projects: int = 0


def usd_total(projects: QuerySet) -> UsdTotal:
    """The total of the USD figures, and how many projects with an amount lack one."""
    row = projects.order_by().aggregate(
        total=Sum("amount_usd"),
        projects=Count("id", filter=Q(amount_usd__isnull=False)),
        missing=Count("id", filter=Q(amount_usd__isnull=True, amount__isnull=False)),
        samples=Count("id", filter=Q(is_sample=True, amount__isnull=False)),
    )
    return UsdTotal(
        amount=row["total"] or Decimal("0"),
        projects=row["projects"],
        projects_without_usd=row["missing"],
        sample_projects=row["samples"],
    )


def published_projects():
    return AidProject.objects.published().select_related("donor", "programme", "recipient")


def totals_context(projects) -> dict:
    """Totals per currency and the charts by donor, region and year."""
    donors = {}

    def donor_name(pk):
        if not donors:
            donors.update(Organisation.objects.filter(pk__in=projects.values("donor")).in_bulk())
        return donors[pk].name if pk in donors else "—"

    return {
        "currency_totals": totals_by_currency(projects),
        "usd_total": usd_total(projects),
        "charts": [
            *totals_charts(projects, "donor", _("Totals by donor"), donor_name, _("Donor")),
            *totals_charts(projects, "region", _("Totals by region"), region_label, _("Region")),
            *totals_charts(
                projects,
                "year",
                _("Totals by year"),
                lambda year: str(year or "—"),
                _("Year"),
            ),
        ],
    }
