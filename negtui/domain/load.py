"""Hours booked week by week against the hours the user has.

Weeks run Monday to Sunday in the user's time zone and are named by their ISO number. A
deal counts in a week when its date range overlaps it (a deal without dates counts in
every week). Deals being negotiated, agreed or active are booked; deals still being
prepared are tentative: shown beside the booked hours, never added to them silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from negtui.domain.book import DealBook
from negtui.domain.dates import span_text
from negtui.domain.models import Deal, Settings
from negtui.domain.vocab import BUSY_STATUSES, DealStatus

TENTATIVE_STATUSES = frozenset({DealStatus.PREPARING})


@dataclass(frozen=True)
class Week:
    monday: date
    booked: tuple[Deal, ...]
    tentative: tuple[Deal, ...]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar().week

    @property
    def booked_hours(self) -> float:
        return sum(d.hours_per_week for d in self.booked)

    @property
    def tentative_hours(self) -> float:
        return sum(d.hours_per_week for d in self.tentative)

    @property
    def label(self) -> str:
        return f"wk {self.number}"


@dataclass(frozen=True)
class Load:
    weeks: list[Week]
    """From the current week on, ``Settings.capacity_weeks`` of them."""
    available: float
    today: date
    """The user's day the weeks were counted from."""

    @property
    def this_week(self) -> Week:
        return self.weeks[0]

    @property
    def peak(self) -> Week:
        """The week with the most booked hours; on a tie, the one with more tentative
        hours, then the earliest."""
        return max(self.weeks, key=lambda w: (w.booked_hours, w.tentative_hours))

    def over(self, week: Week) -> bool:
        return week.booked_hours > self.available

    def over_if_tentative(self, week: Week) -> bool:
        return week.booked_hours + week.tentative_hours > self.available


def runs_during(deal: Deal, first: date, last: date) -> bool:
    """A deal with no dates is taken to run every week: its hours are real until ended."""
    starts_before_end = deal.start is None or deal.start <= last
    ends_after_start = deal.end is None or deal.end >= first
    return starts_before_end and ends_after_start


def weekly_load(books: Iterable[DealBook], settings: Settings, today: date) -> Load:
    """``today`` is the user's day, in their own time zone."""
    deals = [b.deal for b in books if not b.deal.archived and b.deal.hours_per_week > 0]
    booked = [d for d in deals if d.status in BUSY_STATUSES]
    tentative = [d for d in deals if d.status in TENTATIVE_STATUSES]
    monday = today - timedelta(days=today.weekday())
    weeks = []
    for index in range(max(1, settings.capacity_weeks)):
        first = monday + timedelta(weeks=index)
        last = first + timedelta(days=6)
        weeks.append(Week(
            first,
            tuple(d for d in booked if runs_during(d, first, last)),
            tuple(d for d in tentative if runs_during(d, first, last)),
        ))
    return Load(weeks, settings.capacity_hours, today)


def overloaded_runs(load: Load) -> list[list[Week]]:
    """Weeks over capacity (counting tentative hours), consecutive weeks with the same deals
    put together: the same overload for a month is one finding, not four."""
    runs: list[list[Week]] = []
    previous: Week | None = None
    for week in load.weeks:
        if not load.over_if_tentative(week):
            previous = None
            continue
        same = (previous is not None and previous.booked == week.booked
                and previous.tentative == week.tentative)
        if same:
            runs[-1].append(week)
        else:
            runs.append([week])
        previous = week
    return runs


def week_span(weeks: list[Week], this_year: int) -> str:
    """'wk 50 (07 Dec to 13 Dec)', or with the years when the weeks reach into another year
    than ``this_year``: 'wk 53 to wk 5 (28 Dec 2026 to 07 Feb 2027)'."""
    first, last = weeks[0], weeks[-1]
    days = f"({span_text(first.monday, last.sunday, this_year)})"
    if first is last:
        return f"{first.label} {days}"
    return f"{first.label} to {last.label} {days}"
