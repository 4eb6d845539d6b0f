"""Server-rendered bar charts (SVG) of money totals, one chart per currency."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

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

    @property
    def height(self) -> int:
        return len(self.bars) * BAR_STEP + 8


BAR_STEP = 34


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


def region_label(code: str) -> str:
    return str(dict(Region.choices).get(code, "—")) if code else "—"
