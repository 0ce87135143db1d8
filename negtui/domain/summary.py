"""Portfolio-wide figures shown on the home screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from negtui.domain.models import Deal, Settings
from negtui.domain.vocab import BUSY_STATUSES, DealStatus

# Order of the portfolio table: deals needing attention first, finished ones last.
STATUS_ORDER = [
    DealStatus.NEGOTIATING, DealStatus.AGREED, DealStatus.PREPARING, DealStatus.PROSPECT,
    DealStatus.ACTIVE, DealStatus.CLOSED, DealStatus.WALKED_AWAY,
]


@dataclass(frozen=True)
class Capacity:
    committed: float
    available: float

    @property
    def over(self) -> bool:
        return self.committed > self.available

    @property
    def share(self) -> float:
        """Committed hours as a fraction of capacity (1.0 with no capacity but some load)."""
        if self.available <= 0:
            return 1.0 if self.committed > 0 else 0.0
        return self.committed / self.available


def capacity(deals: Iterable[Deal], settings: Settings) -> Capacity:
    committed = sum(d.hours_per_week for d in deals if d.status in BUSY_STATUSES and not d.archived)
    return Capacity(committed=committed, available=settings.capacity_hours)


def money(value: float | None, currency: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} {currency}"
