"""Server-rendered bar charts (SVG) of money totals, one chart per currency."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from aid.models import Region


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    approximate: bool
    projects: int
    width: float  # percent of the longest bar
    y: int


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    currency: str
    bars: list[Bar]
    #: What the bars are (donor, region, year): the heading of the table's first column.
    dimension: str = ""
    #: True when the bars add up each project's US dollar figure (projects in
    #: several currencies), not amounts in ``currency`` itself.
    from_usd_figures: bool = False
    #: Projects with an amount left out of the chart (no USD figure).
    left_out: int = 0
    #: Height of one bar with its label line.
    step: int = 34

    @property
    def height(self) -> int:
        return len(self.bars) * self.step + 8


BAR_STEP = 34
#: Bars of the one-chart-per-dimension overview: a label line above each bar.
ROW_STEP = 46


def _bars(rows: list[tuple[str, Decimal, bool, int]]) -> list[Bar]:
    largest = max((value for _label, value, _approx, _n in rows), default=Decimal(0)) or Decimal(1)
    return [
        Bar(label, value, approximate, projects, float(value / largest * 100), index * BAR_STEP)
        for index, (label, value, approximate, projects) in enumerate(rows)
    ]


def totals_charts(
    projects: QuerySet, key: str, title: str, label_of, dimension: str = ""
) -> list[Chart]:
    """Totals of ``projects`` grouped by ``key``: a chart (and table) per currency."""
    rows = projects.totals_per_currency(key).order_by("currency", "-total")
    by_currency: dict[str, list[tuple]] = {}
    for row in rows:
        by_currency.setdefault(row["currency"], []).append(
            (label_of(row[key]), row["total"], row["approximate"] > 0, row["projects"])
        )
    return [
        Chart(f"{key}-{currency}".replace("__", "-"), title, currency, _bars(values), dimension)
        for currency, values in by_currency.items()
    ]


def dimension_chart(
    projects: QuerySet,
    key: str,
    title: str,
    label_of,
    *,
    currencies: list[str],
    without_usd: int = 0,
    dimension: str = "",
) -> Chart | None:
    """One chart of ``projects`` grouped by ``key``, whatever their currencies.

    ``currencies`` are those of the projects with a known amount. In a single
    currency, the chart adds up the amounts themselves; in several, the
    projects' US dollar figures (amounts in different currencies are never
    added together), and ``without_usd`` projects are left out. None when
    nothing is known.
    """
    if not currencies:
        return None
    single = len(currencies) == 1
    field = "amount" if single else "amount_usd"
    rows = (
        projects.filter(**{"amount__isnull": False, f"{field}__isnull": False})
        .exclude(currency="")
        .order_by()
        .values(key)
        .annotate(
            total=Sum(field),
            projects=Count("id"),
            approximate=Count("id", filter=Q(amount_is_approximate=True)),
        )
        .order_by("-total")
    )
    values = [
        (label_of(row[key]), row["total"], row["approximate"] > 0, row["projects"]) for row in rows
    ]
    if not values:
        return None
    bars = [
        Bar(bar.label, bar.value, bar.approximate, bar.projects, bar.width, index * ROW_STEP)
        for index, bar in enumerate(_bars(values))
    ]
    return Chart(
        key.replace("__", "-"),
        title,
        currencies[0] if single else "USD",
        bars,
        dimension=dimension,
        from_usd_figures=not single,
        left_out=0 if single else without_usd,
        step=ROW_STEP,
    )


def region_label(code: str) -> str:
    return str(dict(Region.choices).get(code, "—")) if code else "—"
