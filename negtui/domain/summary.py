"""Portfolio-wide figures shown on the home screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from negtui.domain.models import Deal, Settings
from negtui.domain.vocab import DealStatus

# Order of the portfolio table: deals needing attention first, finished ones last.
STATUS_ORDER = [
    DealStatus.NEGOTIATING, DealStatus.AGREED, DealStatus.PREPARING, DealStatus.PROSPECT,
    DealStatus.ACTIVE, DealStatus.CLOSED, DealStatus.WALKED_AWAY,
]


def money(value: float | None, currency: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} {currency}"


@dataclass(frozen=True)
class Pipeline:
    """Deal value by status, and weighted by the chance each status has of closing."""

    by_status: dict[DealStatus, dict[str, float]]
    weighted: dict[str, float]

    def total(self) -> dict[str, float]:
        totals: dict[str, float] = {}
        for amounts in self.by_status.values():
            for currency, value in amounts.items():
                totals[currency] = totals.get(currency, 0.0) + value
        return totals


def pipeline(deals: Iterable[Deal], settings: Settings) -> Pipeline:
    by_status: dict[DealStatus, dict[str, float]] = {}
    weighted: dict[str, float] = {}
    for deal in deals:
        if deal.archived or deal.value is None or deal.status is DealStatus.WALKED_AWAY:
            continue
        amounts = by_status.setdefault(deal.status, {})
        amounts[deal.currency] = amounts.get(deal.currency, 0.0) + deal.value
        chance = settings.status_probability.get(deal.status, 0.0)
        weighted[deal.currency] = weighted.get(deal.currency, 0.0) + deal.value * chance
    return Pipeline(by_status=by_status, weighted=weighted)


def amounts(values: dict[str, float]) -> str:
    """'84,000 EUR + 12,000 USD', or '—' when empty."""
    if not values:
        return "—"
    return " + ".join(money(value, currency) for currency, value in sorted(values.items()))
