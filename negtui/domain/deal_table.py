"""Rows of the portfolio table: what each column shows, how it sorts and filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarEntry, is_overdue
from negtui.domain.schedule import days_in_zone, describe_days
from negtui.domain.summary import STATUS_ORDER, money
from negtui.domain.vocab import DealStatus


@dataclass(frozen=True)
class DealRow:
    book: DealBook
    alerts: int
    progress: tuple[int, int] | None
    """Checklist items done and in all; None while not known yet (shown as '…')."""
    next_due: datetime | None
    next_text: str
    overdue: bool = False
    """The Next column shows something already late."""

    @property
    def deal_id(self) -> str:
        return self.book.id

    @cached_property
    def haystack(self) -> str:
        """What the filter text is looked for in, worked out once per row."""
        deal = self.book.deal
        return " ".join([deal.name, deal.counterparty, deal.status.value,
                         deal.contract_type.value, *deal.markets]).casefold()


def make_row(book: DealBook, now: datetime, alerts: int, progress: tuple[int, int] | None,
             upcoming: CalendarEntry | None, tz: ZoneInfo) -> DealRow:
    """``upcoming`` is the deal's item needing attention first (``schedule.next_due``)."""
    if upcoming is None:
        return DealRow(book, alerts, progress, None, "—")
    return DealRow(book, alerts, progress, upcoming.start, due_text(upcoming, now, tz),
                   is_overdue(upcoming, now))


def due_text(upcoming: CalendarEntry, now: datetime, tz: ZoneInfo) -> str:
    """When ``upcoming`` is due, counted in days from ``now``, and what it is."""
    days = days_in_zone(upcoming.start, now, tz)
    late = is_overdue(upcoming, now)
    when = f"overdue {-days}d" if late and days < 0 else (
        "overdue" if late else describe_days(days))
    return f"{when} · {upcoming.label}"


def _progress_share(row: DealRow) -> float:
    if row.progress is None:
        return 0.0
    done, total = row.progress
    return done / total if total else 0.0


# Column title -> how to sort by it, in the order the columns appear on screen.
SORTS: dict[str, Callable[[DealRow], Any]] = {
    "Deal": lambda r: r.book.deal.name.casefold(),
    "Status": lambda r: STATUS_ORDER.index(r.book.deal.status),
    "Value": lambda r: r.book.deal.value or 0.0,
    "h/wk": lambda r: r.book.deal.hours_per_week,
    "Next": lambda r: r.next_due.timestamp() if r.next_due else float("inf"),
    "Prep": _progress_share,
    "Alerts": lambda r: r.alerts,
    "Counterparty": lambda r: r.book.deal.counterparty.casefold(),
    "Type": lambda r: r.book.deal.contract_type.value,
}


def sort_rows(rows: list[DealRow], column: str, reverse: bool = False) -> list[DealRow]:
    """Stable: ties keep the status order, then the name."""
    base = sorted(rows, key=lambda r: (STATUS_ORDER.index(r.book.deal.status),
                                       r.book.deal.name.casefold()))
    return sorted(base, key=SORTS[column], reverse=reverse)


def matches(row: DealRow, text: str, status: DealStatus | None, show_archived: bool) -> bool:
    deal = row.book.deal
    if deal.archived and not show_archived:
        return False
    if status is not None and deal.status is not status:
        return False
    wanted = text.strip().casefold()
    if not wanted:
        return True
    return all(word in row.haystack for word in wanted.split())


def cells(row: DealRow) -> dict[str, str]:
    """Each column's text, keyed by the titles of ``SORTS``."""
    deal = row.book.deal
    done, total = row.progress or (0, 0)
    return {
        # First, so a deal name cut to fit the column still says it.
        "Deal": ("(archived) " if deal.archived else "") + deal.name,
        "Status": deal.status.value,
        "Value": money(deal.value, deal.currency),
        "h/wk": f"{deal.hours_per_week:g}",
        "Next": row.next_text,
        "Prep": "…" if row.progress is None else f"{done}/{total}" if total else "—",
        "Alerts": str(row.alerts) if row.alerts else "",
        "Counterparty": deal.counterparty,
        "Type": deal.contract_type.value,
    }
