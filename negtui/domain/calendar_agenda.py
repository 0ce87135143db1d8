"""The page of the agenda a pane has room for: whole items only, as many as its rows hold.

An item may take more than one row (a title wrapped under itself, a warning after it), so
the rows of each are measured by whoever draws them, and passed in as ``rows``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from negtui.domain.calendar import CalendarEntry, agenda

# The rows an item takes, listed among the overdue ones (with its day) or under its day.
Rows = Callable[[CalendarEntry, bool], int]


@dataclass(frozen=True)
class AgendaPage:
    overdue: list[CalendarEntry]
    """The latest of the overdue items, as many as the page holds, oldest first."""
    overdue_count: int
    """Every overdue item, listed or not."""
    days: list[tuple[date, list[CalendarEntry]]]
    """Each day with something on it, with the items the page holds of it."""
    last: date
    """The last day the page covers: the one after it is not listed."""
    last_count: int
    """The items of the last day listed, when some of them are left out; else 0."""

    @property
    def empty(self) -> bool:
        return not self.overdue and not self.days


def agenda_page(entries: Iterable[CalendarEntry], first: date, most: int, room: int,
                now: datetime, tz: ZoneInfo, rows: Rows) -> AgendaPage:
    """What the agenda lists from ``first``, over up to ``most`` days, in ``room`` rows: a
    row a heading and each item the rows it takes. The overdue items keep at most half the
    rows while days follow them, the latest first; the days come in order, and the last day
    that does not fit whole lists the items it has room for. The first item of the first
    day and the latest overdue one are listed even in a pane too short for them."""
    plan = agenda(entries, first, most, now, tz)
    late: list[CalendarEntry] = []
    used = 1 if plan.overdue else 0
    budget = room // 2 if plan.days else room
    hidden = list(plan.overdue)
    while hidden and (not late or used + rows(hidden[-1], True) <= budget):
        used += rows(hidden[-1], True)
        late.insert(0, hidden.pop())
    days: list[tuple[date, list[CalendarEntry]]] = []
    last, last_count = first + timedelta(days=most - 1), 0
    for day, items in plan.days:
        if days and used + 1 + rows(items[0], False) > room:
            last = day - timedelta(days=1)
            break
        used += 1
        kept: list[CalendarEntry] = []
        for item in items:
            if kept and used + rows(item, False) > room:
                break
            used += rows(item, False)
            kept.append(item)
        days.append((day, kept))
        if len(kept) < len(items):
            last, last_count = day, len(items)
            break
    # Rows the days left free show more of what is overdue.
    while hidden and used + rows(hidden[-1], True) <= room:
        used += rows(hidden[-1], True)
        late.insert(0, hidden.pop())
    return AgendaPage(late, len(plan.overdue), days, last, last_count)
