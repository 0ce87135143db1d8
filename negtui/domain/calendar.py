"""Every dated thing in the portfolio, on one calendar.

Milestones are the user's own entries. Other dates are read from where they already live
(a term's fallback decide-by date and offer expiry, a deal's start and end) and are never
copied, so changing the term or the deal moves them on the calendar too.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import arrow

from negtui.domain.book import DealBook
from negtui.domain.calendar_defaults import lead_minutes
from negtui.domain.models import Milestone, Term
from negtui.domain.positions import with_unit
from negtui.domain.text import quoted
from negtui.domain.vocab import DealStatus, MilestoneKind, TermStatus
from negtui.domain.words import counted

DEAL_START = "deal start"
DEAL_END = "deal end"
# Every kind the calendar can show: the milestone kinds, then the deal's own dates.
ALL_KINDS: list[str] = [kind.value for kind in MilestoneKind] + [DEAL_START, DEAL_END]

# How far apart a call and its prep block or follow-up may be before it is a warning.
PREP_DAYS = 3
FOLLOW_UP_DAYS = 3
# Past calls older than this no longer raise a missing follow-up.
WARNING_LOOK_BACK_DAYS = 14
# Reminders for deadlines read from a term and for planned checkpoints: see calendar_defaults.
CHECKPOINT_REMINDER_MINUTES = lead_minutes(MilestoneKind.CHECKPOINT, None)

SIGNED = frozenset({DealStatus.AGREED, DealStatus.ACTIVE})
FINISHED = frozenset({DealStatus.CLOSED, DealStatus.WALKED_AWAY})


class CalendarRefused(ValueError):
    """A calendar request that cannot be met, with the reason in words."""


def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``, or a readable refusal."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CalendarRefused(
            f"{quoted(name.strip())} is not a time zone; try UTC, Europe/Berlin or America/New_York"
        ) from None


@dataclass(frozen=True)
class CalendarEntry:
    """One dated item shown on the calendar, whether entered or read from elsewhere."""

    uid: str
    """Stable across reloads and exports: the same item always has the same uid."""
    deal_id: str
    deal_name: str
    kind: str
    title: str
    start: datetime
    """Tz-aware; for an all-day item, midnight of its day in the calendar's zone."""
    all_day: bool = False
    duration_minutes: int | None = None
    reminder_minutes: int | None = None
    done: bool = False
    milestone_id: str | None = None
    """Set for the user's own milestones; derived items are edited where they live."""
    origin: str = ""
    """Where a derived item comes from, in words (e.g. "term Day rate")."""
    term_id: str | None = None
    """The term a derived item is read from (its fallback or its offer's expiry)."""
    note: str = ""
    actionable: bool = True
    """False for plain facts such as a deal's start date, which cannot fall overdue."""

    @property
    def label(self) -> str:
        return self.title or self.kind

    @property
    def end(self) -> datetime:
        if self.all_day:
            return self.start + timedelta(days=1)
        return self.start + timedelta(minutes=self.duration_minutes or 0)

    def day(self, tz: ZoneInfo) -> date:
        """The calendar day the item falls on, in the zone the user reads the calendar in."""
        if self.all_day:
            return self.start.date()
        return self.start.astimezone(tz).date()


def is_overdue(entry: CalendarEntry, now: datetime) -> bool:
    """Not done, something to act on, and already over."""
    if entry.done or not entry.actionable:
        return False
    return entry.end < now


def _uid(kind: str, *parts: str) -> str:
    return "-".join((kind, *parts))


def milestone_entry(book: DealBook, milestone: Milestone) -> CalendarEntry:
    return CalendarEntry(
        uid=_uid("milestone", book.id, milestone.id), deal_id=book.id,
        deal_name=book.deal.name, kind=milestone.kind.value, title=milestone.title,
        start=milestone.due, duration_minutes=milestone.duration_minutes,
        reminder_minutes=milestone.reminder_minutes, done=milestone.done,
        milestone_id=milestone.id, note=milestone.note,
    )


def term_entries(book: DealBook, term: Term) -> list[CalendarEntry]:
    """The dates a term carries: when to decide on its fallback, when its offer expires."""
    # Once a term is settled, its fallback and the offer's expiry no longer ask for anything.
    settled = term.status != TermStatus.OPEN
    found = []
    if term.fallback.decide_by is not None:
        note = (f"Fallback: {with_unit(term, term.fallback.position)}"
                if term.fallback.position else "")
        found.append(CalendarEntry(
            uid=_uid("fallback", book.id, term.id), deal_id=book.id, deal_name=book.deal.name,
            kind=MilestoneKind.FALLBACK_DEADLINE.value, title=f"Decide on fallback: {term.name}",
            start=term.fallback.decide_by,
            reminder_minutes=lead_minutes(MilestoneKind.FALLBACK_DEADLINE, None),
            done=settled, origin=f"term {term.name}", note=note, term_id=term.id,
        ))
    if term.offer_expires is not None:
        note = f"On the table: {with_unit(term, term.on_table)}" if term.on_table else ""
        found.append(CalendarEntry(
            uid=_uid("offer", book.id, term.id), deal_id=book.id, deal_name=book.deal.name,
            kind=MilestoneKind.OFFER_EXPIRY.value, title=f"Offer expires: {term.name}",
            start=term.offer_expires,
            reminder_minutes=lead_minutes(MilestoneKind.OFFER_EXPIRY, None),
            done=settled, origin=f"term {term.name}", note=note, term_id=term.id,
        ))
    return found


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz)


CALENDAR_LISTS = frozenset({"terms", "milestones"})
"""The lists of a deal's records its calendar entries are made from (``deal_entries``)."""


def deal_entries(book: DealBook, tz: ZoneInfo) -> list[CalendarEntry]:
    """Everything dated in one deal, sorted by time."""
    deal = book.deal
    found = [milestone_entry(book, m) for m in book.milestones]
    for term in book.terms:
        found.extend(term_entries(book, term))
    for kind, day, title in ((DEAL_START, deal.start, "Deal starts"),
                             (DEAL_END, deal.end, "Deal ends")):
        if day is not None:
            found.append(CalendarEntry(
                uid=_uid(kind.replace(" ", "-"), book.id), deal_id=book.id,
                deal_name=deal.name, kind=kind, title=title, start=_midnight(day, tz),
                all_day=True, origin="the deal's dates", actionable=False,
            ))
    return sorted(found, key=sort_key)


def open_deal_entries(book: DealBook) -> list[CalendarEntry]:
    """The items of ``deal_entries`` still to act on (``schedule.is_open``), unsorted,
    made without making the others: a done milestone and a settled term's dates only ever
    give done items, and the deal's own dates are plain facts."""
    found = [milestone_entry(book, m) for m in book.milestones if not m.done]
    for term in book.terms:
        if term.status == TermStatus.OPEN:
            found.extend(term_entries(book, term))
    return found


def sort_key(entry: CalendarEntry) -> tuple[datetime, bool, str, str]:
    # All-day items come first on their day; then by time, deal and title.
    return (entry.start, not entry.all_day, entry.deal_name.casefold(), entry.label.casefold())


def portfolio_entries(books: Iterable[DealBook], tz: ZoneInfo) -> list[CalendarEntry]:
    """Every dated item of every deal that is not archived."""
    found: list[CalendarEntry] = []
    for book in books:
        if not book.deal.archived:
            found.extend(deal_entries(book, tz))
    return sorted(found, key=sort_key)


def calendar_entries(books: Iterable[DealBook], tz: ZoneInfo) -> list[CalendarEntry]:
    """What the calendar shows: ``portfolio_entries``, where the dates left on a closed or
    walked-away deal are history, so none of them is marked overdue.

    Only the calendar reads them so: the portfolio's next item and the audit still point
    at a finished deal's leftover dates, to be cleared up there.
    """
    found: list[CalendarEntry] = []
    for book in books:
        if book.deal.archived:
            continue
        entries = deal_entries(book, tz)
        if book.deal.status in FINISHED:
            entries = [replace(entry, actionable=False) for entry in entries]
        found.extend(entries)
    return sorted(found, key=sort_key)


def filter_entries(entries: Iterable[CalendarEntry], deal_id: str | None = None,
                   kind: str | None = None) -> list[CalendarEntry]:
    return [e for e in entries
            if (deal_id is None or e.deal_id == deal_id) and (kind is None or e.kind == kind)]


def by_day(entries: Iterable[CalendarEntry], tz: ZoneInfo) -> dict[date, list[CalendarEntry]]:
    """Each day's items, in the order the agenda lists them."""
    days: dict[date, list[CalendarEntry]] = {}
    for entry in sorted(entries, key=sort_key):
        days.setdefault(entry.day(tz), []).append(entry)
    return days


def day_counts(entries: Iterable[CalendarEntry], tz: ZoneInfo) -> dict[date, Counter[str]]:
    """For each day, how many items of each kind fall on it."""
    return {day: Counter(entry.kind for entry in items)
            for day, items in by_day(entries, tz).items()}


def overdue_days(entries: Iterable[CalendarEntry], now: datetime, tz: ZoneInfo) -> set[date]:
    return {e.day(tz) for e in entries if is_overdue(e, now)}


def month_weeks(year: int, month: int) -> list[list[date]]:
    """The weeks (Monday first) that show a month, including days of the months around it."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    weeks: list[list[date]] = []
    day = start
    while not weeks or day.month == month:
        weeks.append([day + timedelta(days=i) for i in range(7)])
        day += timedelta(days=7)
    return weeks


def shift_month(day: date, months: int) -> date:
    """The same day of another month, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


@dataclass(frozen=True)
class Agenda:
    overdue: list[CalendarEntry]
    """Overdue items dated before the first day shown."""
    days: list[tuple[date, list[CalendarEntry]]]
    """Each day of the window that has something on it, in order."""

    @property
    def empty(self) -> bool:
        return not self.overdue and not self.days


def agenda(entries: Iterable[CalendarEntry], first: date, days: int, now: datetime,
           tz: ZoneInfo) -> Agenda:
    """The items from ``first`` for ``days`` days, and what is overdue from before it."""
    last = first + timedelta(days=days - 1)
    overdue: list[CalendarEntry] = []
    by_day: dict[date, list[CalendarEntry]] = {}
    for entry in sorted(entries, key=sort_key):
        day = entry.day(tz)
        if first <= day <= last:
            by_day.setdefault(day, []).append(entry)
        elif day < first and is_overdue(entry, now):
            overdue.append(entry)
    return Agenda(overdue=overdue, days=sorted(by_day.items()))


@dataclass(frozen=True)
class CallWarning:
    call: CalendarEntry
    problem: str


def _live(book: DealBook) -> bool:
    return not book.deal.archived and book.deal.status not in FINISHED


def call_warnings(books: Iterable[DealBook], now: datetime, tz: ZoneInfo,
                  prep_days: int = PREP_DAYS,
                  follow_up_days: int = FOLLOW_UP_DAYS) -> list[CallWarning]:
    """Calls planned without a prep block in the days before, or without a follow-up after.

    Only deals still in play count; a missing prep block matters only for calls still to
    come, a missing follow-up for calls to come and those of the last two weeks.
    """
    warnings: list[CallWarning] = []
    for book in books:
        if not _live(book):
            continue
        own = [milestone_entry(book, m) for m in book.milestones]
        preps = [e.start for e in own if e.kind == MilestoneKind.PREP_BLOCK]
        follow_ups = [e.start for e in own if e.kind == MilestoneKind.FOLLOW_UP]
        for call in sorted((e for e in own if e.kind == MilestoneKind.CALL), key=sort_key):
            if call.start >= now and not any(
                call.start - timedelta(days=prep_days) <= at <= call.start for at in preps
            ):
                warnings.append(CallWarning(
                    call, f"no prep block in the {counted(prep_days, 'day')} before"))
            if call.start >= now - timedelta(days=WARNING_LOOK_BACK_DAYS) and not any(
                call.start <= at <= call.end + timedelta(days=follow_up_days)
                for at in follow_ups
            ):
                warnings.append(CallWarning(
                    call, f"no follow-up within {counted(follow_up_days, 'day')}"))
    return sorted(warnings, key=lambda w: sort_key(w.call))


def checkpoint_id(deal_id: str, day: date) -> str:
    """The same deal and day always give the same id, so generating twice adds nothing."""
    digest = hashlib.sha1(f"{deal_id}|{day.isoformat()}".encode()).hexdigest()[:10]
    return f"m-cp-{digest}"


def checkpoints_refusal(book: DealBook) -> str | None:
    """Why review checkpoints cannot be planned for this deal yet, or None when they can."""
    deal = book.deal
    if deal.status not in SIGNED:
        return (f"{deal.name} is {deal.status.value}; checkpoints come after signing "
                "(status agreed or active)")
    if deal.end is None:
        return f"{deal.name} has no end date; set one to plan checkpoints"
    return None


def review_checkpoints(book: DealBook, every_weeks: int, now: datetime, tz: ZoneInfo,
                       first: date | None = None,
                       at: tuple[int, int] = (9, 0)) -> list[Milestone]:
    """Review checkpoints every ``every_weeks`` weeks until the deal's end.

    They start ``every_weeks`` after the later of the deal's start and today, unless
    ``first`` is given, and keep the same local time of day across daylight-saving changes.
    Days that already hold a checkpoint or review of this deal are skipped.
    """
    deal = book.deal
    refusal = checkpoints_refusal(book)
    if refusal is not None or deal.end is None:
        raise CalendarRefused(refusal)
    if not 1 <= every_weeks <= 52:
        raise CalendarRefused("the cadence must be from 1 to 52 weeks")
    today = now.astimezone(tz).date()
    if first is None:
        begin = max(deal.start or today, today)
        first = begin + timedelta(weeks=every_weeks)
    taken = {milestone_entry(book, m).day(tz) for m in book.milestones
             if m.kind in (MilestoneKind.CHECKPOINT, MilestoneKind.REVIEW)}
    days: list[date] = []
    day = first
    while day <= deal.end:
        days.append(day)
        day += timedelta(weeks=every_weeks)
    if not days:
        raise CalendarRefused(
            f"no checkpoint fits between {first.isoformat()} and the deal's end "
            f"({deal.end.isoformat()})")
    used_ids = {m.id for m in book.milestones}
    # Numbered over the checkpoints added, so the titles run 1, 2, 3 of 3 with no gap
    # where a day already held one.
    fresh = [day for day in days
             if day not in taken and checkpoint_id(deal.id, day) not in used_ids]
    milestones = []
    for number, day in enumerate(fresh, start=1):
        # Wall-clock time in the zone, so 09:00 stays 09:00 after the clocks change.
        due = arrow.Arrow(day.year, day.month, day.day, at[0], at[1], tzinfo=tz)
        milestones.append(Milestone(
            id=checkpoint_id(deal.id, day), kind=MilestoneKind.CHECKPOINT,
            title=f"Review checkpoint {number} of {len(fresh)}", due=due.datetime,
            duration_minutes=30, reminder_minutes=CHECKPOINT_REMINDER_MINUTES,
            note=f"Every {counted(every_weeks, 'week')} until "
                 f"{deal.end.isoformat()}",
        ))
    return milestones
