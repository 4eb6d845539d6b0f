"""Money totals: always per currency, never a sum of different currencies."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from aid.charts import dimension_chart, region_label
from aid.models import AidProject
from commission.models import Organisation
from core.content_cache import cached


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
    """The published projects as their rows in lists show them: with the donor,
    without the long texts (a row shows neither the programme nor the recipient)."""
    return AidProject.objects.published().for_lists().select_related("donor")


def totals_context(projects) -> dict:
    """Totals per currency and one chart each by donor, region and year."""
    currency_totals = totals_by_currency(projects)
    # One query for the donors' names whenever there is something to chart,
    # so that the page's queries do not depend on which bars are drawn.
    donors = (
        Organisation.objects.filter(pk__in=projects.values("donor")).in_bulk()
        if currency_totals
        else {}
    )

    def donor_name(pk):
        return donors[pk].name if pk in donors else "—"

    usd = usd_total(projects)
    options = {
        "currencies": [total.currency for total in currency_totals],
        "without_usd": usd.projects_without_usd,
    }
    charts = (
        dimension_chart(
            projects, "donor", _("Totals by donor"), donor_name, dimension=_("Donor"), **options
        ),
        dimension_chart(
            projects,
            "region",
            _("Totals by region"),
            region_label,
            dimension=_("Region"),
            **options,
        ),
        dimension_chart(
            projects,
            "year",
            _("Totals by year"),
            lambda year: str(year or "—"),
            dimension=_("Year"),
            **options,
        ),
    )
    return {
        "currency_totals": currency_totals,
        "usd_total": usd,
        "charts": [chart for chart in charts if chart],
    }


def totals_html(projects, name: str, **options) -> str:
    """The totals section (``aid/includes/totals.html``) of ``projects``, rendered.

    Kept until the content changes (core.content_cache), per language:
    ``name`` says what ``projects`` are (e.g. the filters applied). The
    aggregates and charts are computed and drawn once per change, not per view.
    ``options`` go to the template (``overview``, ``level``).
    """
    return cached(
        f"aid-totals:{name}:{sorted(options.items())!r}",
        lambda: render_to_string(
            "aid/includes/totals.html", {**totals_context(projects), **options}
        ),
        per_language=True,
    )
