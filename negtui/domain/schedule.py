"""Questions about dates: what is due next, what is overdue, how far away it is.

Everything here reads the calendar's items (``calendar.deal_entries``): milestones, the
fallback and offer dates of terms, so the Portfolio, the alerts and the Calendar always
agree on what is dated.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from negtui.domain.calendar import CalendarEntry, CalendarRefused, is_overdue, sort_key, zone
from negtui.domain.models import Settings

UTC_ZONE = ZoneInfo("UTC")


def user_zone(settings: Settings) -> ZoneInfo:
    """The zone dates are read in; UTC when the settings name none that exists."""
    try:
        return zone(settings.timezone)
    except CalendarRefused:
        return UTC_ZONE


def is_open(entry: CalendarEntry) -> bool:
    """Something still to act on: not done, and not a plain fact such as a deal's start."""
    return entry.actionable and not entry.done


def is_ahead(entry: CalendarEntry, now: datetime) -> bool:
    """Open and not over yet (a call that has started but not ended is still ahead)."""
    return is_open(entry) and not is_overdue(entry, now)


def next_due(entries: Iterable[CalendarEntry], now: datetime) -> CalendarEntry | None:
    """What needs attention first: the oldest overdue item, else the next one ahead."""
    open_items = sorted((e for e in entries if is_open(e)), key=sort_key)
    overdue = [e for e in open_items if is_overdue(e, now)]
    if overdue:
        return overdue[0]
    return next(iter(open_items), None)


def coming_up(entries: Iterable[CalendarEntry], now: datetime) -> list[CalendarEntry]:
    """What is still ahead, soonest first: the overdue are the alerts' to tell."""
    return sorted((e for e in entries if is_ahead(e, now)), key=sort_key)


def days_until(moment: datetime, now: datetime) -> int:
    """Whole calendar days from today to the moment, in the moment's own time zone."""
    return (moment.date() - now.astimezone(moment.tzinfo).date()).days


def days_in_zone(moment: datetime, now: datetime, tz: ZoneInfo) -> int:
    """Whole calendar days from today to the moment, both read in ``tz``."""
    return days_until(moment.astimezone(tz), now)


def describe_days(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days}d" if days > 0 else f"{-days}d ago"
