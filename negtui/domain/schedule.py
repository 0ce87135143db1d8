"""Questions about dates: what is due next, how far away it is."""

from __future__ import annotations

from datetime import datetime

from negtui.domain.book import DealBook
from negtui.domain.models import Milestone


def next_milestone(book: DealBook, now: datetime) -> Milestone | None:
    """The earliest milestone not yet done and not yet past."""
    upcoming = [m for m in book.milestones if not m.done and m.due >= now]
    return min(upcoming, key=lambda m: m.due, default=None)


def days_until(moment: datetime, now: datetime) -> int:
    """Whole calendar days from today to the moment, in the moment's own time zone."""
    return (moment.date() - now.astimezone(moment.tzinfo).date()).days


def describe_days(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days}d" if days > 0 else f"{-days}d ago"
