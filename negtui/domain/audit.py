"""The portfolio audit: what is late, what is due, where deals collide.

Each alert explains itself in one line and names the deals involved, so the screen can
jump to them. Dated alerts read the calendar's own items (milestones and the deadlines
held in terms), so an alert never misses a date the Calendar shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from operator import itemgetter
from zoneinfo import ZoneInfo

from negtui.domain.book import DealBook
from negtui.domain.calendar import (
    FINISHED,
    CalendarEntry,
    is_overdue,
    open_deal_entries,
    sort_key,
)
from negtui.domain.clashes import restrictive_clashes
from negtui.domain.dates import span_text
from negtui.domain.load import Load, Week, overloaded_runs, week_span, weekly_load
from negtui.domain.models import Deal, Milestone, Settings, Term
from negtui.domain.schedule import describe_days, is_ahead, is_open, user_zone
from negtui.domain.text import quoted
from negtui.domain.vocab import BUSY_STATUSES, MilestoneKind, TermStatus

CRUNCH_WINDOW_DAYS = 3
DECISION_HORIZON_DAYS = 14
DECISIONS = frozenset({MilestoneKind.OFFER_EXPIRY, MilestoneKind.RENEWAL,
                       MilestoneKind.DECISION_DEADLINE, MilestoneKind.FALLBACK_DEADLINE})


class AlertKind(StrEnum):
    OVERDUE = "overdue"
    DECISION = "decision due"
    CRUNCH = "deadline crunch"
    CAPACITY = "capacity"
    CLASH = "clash"
    ADMIN = "admin load"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    message: str
    deal_ids: tuple[str, ...]
    """Every deal the alert names; the first is where the Portfolio jumps."""
    deal_id: str | None = None
    """The one deal the alert is about, or None for an alert about the portfolio as a
    whole (capacity, a deadline crunch, admin load)."""
    when: datetime | None = None
    """When it falls due or starts, for dated alerts."""
    entry_uid: str | None = None
    """The Calendar item the alert is about (``CalendarEntry.uid``), for an alert about
    one dated item."""
    term_id: str | None = None
    """The term of ``deal_id`` the alert is about: the one a clash quotes, or the one
    whose offer expires or whose fallback is to be decided."""


def _hours(deals: Iterable[Deal]) -> str:
    ordered = sorted(deals, key=lambda d: (-d.hours_per_week, d.name.casefold()))
    return ", ".join(f"{d.name} {d.hours_per_week:g}" for d in ordered)


def _dated(entry: CalendarEntry, today: date, tz: ZoneInfo) -> str:
    """``today`` is the user's day in ``tz``: worked out once for every alert."""
    days = (entry.start.astimezone(tz).date() - today).days
    return f"{entry.kind} {describe_days(days)} in {entry.deal_name}: {entry.label}"


# Dated items: each rule sorts and picks the items it reads, then says what it found
# (``review`` picks them for all three rules at once).

def overdue_alerts(entries: Iterable[CalendarEntry], now: datetime,
                   tz: ZoneInfo) -> list[Alert]:
    """Every item of the calendar that is over and not done, oldest first."""
    late = sorted((e for e in entries if is_open(e) and is_overdue(e, now)), key=sort_key)
    return _overdue(late, now.astimezone(tz).date(), tz)


def _overdue(late: list[CalendarEntry], today: date, tz: ZoneInfo) -> list[Alert]:
    return [Alert(AlertKind.OVERDUE, _dated(e, today, tz) + ", not done", (e.deal_id,),
                  e.deal_id, e.start, e.uid, e.term_id) for e in late]


def decision_alerts(entries: Iterable[CalendarEntry], now: datetime,
                    tz: ZoneInfo) -> list[Alert]:
    """Offer expiries, decide-by dates (a term's fallback too), decision deadlines and
    renewals still ahead within ``DECISION_HORIZON_DAYS``."""
    return _decisions(sorted((e for e in entries if is_ahead(e, now)), key=sort_key), now, tz)


def _decisions(ahead: list[CalendarEntry], now: datetime, tz: ZoneInfo) -> list[Alert]:
    horizon = now + timedelta(days=DECISION_HORIZON_DAYS)
    today = now.astimezone(tz).date()
    return [Alert(AlertKind.DECISION, _dated(e, today, tz), (e.deal_id,), e.deal_id, e.start,
                  e.uid, e.term_id)
            for e in ahead if e.kind in DECISIONS and e.start <= horizon]


def crunch_alerts(entries: Iterable[CalendarEntry], settings: Settings, now: datetime,
                  tz: ZoneInfo) -> list[Alert]:
    """More than ``crunch_limit`` open items ahead within any three days."""
    return _crunches(sorted((e for e in entries if is_ahead(e, now)), key=sort_key),
                     settings, tz, now.astimezone(tz).year)


def _crunches(dated: list[CalendarEntry], settings: Settings, tz: ZoneInfo,
              this_year: int) -> list[Alert]:
    window = timedelta(days=CRUNCH_WINDOW_DAYS)
    alerts = []
    start = 0
    reported_until: datetime | None = None
    for end in range(len(dated)):
        while dated[end].start - dated[start].start >= window:
            start += 1
        window_start = dated[start].start
        if end - start + 1 > settings.crunch_limit and (reported_until is None
                                                        or window_start >= reported_until):
            # Extend to everything inside this window, then report it once.
            last = end
            while last + 1 < len(dated) and dated[last + 1].start - window_start < window:
                last += 1
            items = dated[start:last + 1]
            per_deal = Counter(e.deal_id for e in items)
            names = {e.deal_id: e.deal_name for e in items}
            order = sorted(per_deal, key=lambda d: (-per_deal[d], names[d].casefold()))
            first_day = window_start.astimezone(tz)
            last_day = items[-1].start.astimezone(tz)
            alerts.append(Alert(
                AlertKind.CRUNCH,
                f"{len(items)} items due from "
                f"{span_text(first_day.date(), last_day.date(), this_year)} "
                f"({', '.join(f'{names[d]} {per_deal[d]}' for d in order)})",
                tuple(order), None, window_start,
            ))
            reported_until = window_start + window
    return alerts


# Hours

def capacity_alerts(load: Load, tz: ZoneInfo) -> list[Alert]:
    """Each run of weeks booked over capacity, or over it once tentative deals are added."""
    alerts = []
    for run in overloaded_runs(load):
        week: Week = run[0]
        booked = f"{week.booked_hours:g} h booked"
        if week.tentative:
            booked += f" + {week.tentative_hours:g} h tentative"
        verdict = "" if load.over(week) else (
            ", over if " + " and ".join(d.name for d in week.tentative) + " goes ahead")
        deals = _hours(week.booked)
        if week.tentative:
            deals += ("; " if deals else "") + "tentative: " + _hours(week.tentative)
        alerts.append(Alert(
            AlertKind.CAPACITY,
            f"{week_span(run, load.today.year)}: {booked} against {load.available:g} h"
            f"{verdict} ({deals})",
            tuple(d.id for d in (*week.booked, *week.tentative)), None,
            datetime.combine(week.monday, time(0, 0), tzinfo=tz),
        ))
    return alerts


# Terms and habits

def clash_alerts(books: Iterable[DealBook]) -> list[Alert]:
    """One alert per restrictive term, quoting it and naming every deal it covers."""
    alerts = []
    for book, term, others in restrictive_clashes(books):
        state = "agreed" if term.status is TermStatus.AGREED else "on the table"
        quote = f" ({quoted(term.on_table)})" if term.on_table else ""
        names = "; ".join(f"{deal.name} ({', '.join(words)})" for deal, words in others)
        alerts.append(Alert(
            AlertKind.CLASH,
            f"{term.category} {quoted(term.name)} {state} in {book.deal.name}{quote} "
            f"covers {names}",
            (book.id, *(deal.id for deal, _ in others)), book.id, term_id=term.id,
        ))
    return alerts


def admin_alerts(books: Iterable[DealBook], settings: Settings) -> list[Alert]:
    busy = [b.deal for b in books if not b.deal.archived and b.deal.status in BUSY_STATUSES]
    alerts = []
    for label, attribute, limit in (
        ("invoicing cycles", "invoicing_cycle", settings.max_invoicing_cycles),
        ("reporting formats", "reporting_format", settings.max_reporting_formats),
    ):
        kinds: dict[str, list[str]] = {}
        for deal in busy:
            value = str(getattr(deal, attribute)).strip().casefold()
            if value:
                kinds.setdefault(value, []).append(deal.id)
        if len(kinds) > limit:
            alerts.append(Alert(
                AlertKind.ADMIN,
                f"{len(kinds)} different {label} to keep up with ({', '.join(sorted(kinds))}); "
                f"your limit is {limit}",
                tuple(deal_id for ids in kinds.values() for deal_id in ids),
            ))
    return alerts


# What the alerts can be about

def alert_records(book: DealBook) -> tuple[list[Term], list[Milestone]]:
    """The terms and milestones of a deal that any alert or the Next column can come
    from: a milestone done, or a term parked or conceded, only ever makes items that are
    done (an agreed term still reaches other deals as a restriction)."""
    return ([t for t in book.terms if t.status in (TermStatus.OPEN, TermStatus.AGREED)],
            [m for m in book.milestones if not m.done])


# Everything together

@dataclass(frozen=True)
class Review:
    """What the Portfolio shows, worked out once: alerts, weekly hours, what is next."""

    alerts: list[Alert]
    load: Load
    next_due: dict[str, CalendarEntry] = field(default_factory=dict)
    """For each deal (archived ones too), the item its Next column shows."""
    of_all: int | None = None
    """How many alerts the whole portfolio has, when these are only some deals' own."""

    def about(self, deal_id: str) -> int:
        """How many alerts are about this deal (not those that only name it)."""
        return self._about[deal_id]

    @cached_property
    def _about(self) -> Counter[str | None]:
        # Counted once: asked for every row, a count over every alert each time grows
        # with the square of the portfolio.
        return Counter(alert.deal_id for alert in self.alerts)

    @property
    def portfolio_wide(self) -> int:
        return sum(1 for alert in self.alerts if alert.deal_id is None)


def for_deals(review: Review, deal_ids: Collection[str]) -> Review:
    """The review with only the alerts that name one of ``deal_ids`` (the deals a filtered
    Portfolio shows), and those that name no deal at all, such as the weekly hours."""
    wanted = set(deal_ids)
    kept = [alert for alert in review.alerts
            if not alert.deal_ids or not wanted.isdisjoint(alert.deal_ids)]
    return replace(review, alerts=kept, of_all=len(review.alerts))


def in_play(deal: Deal) -> bool:
    """Whether the deal's dates still ask for something: not archived, not closed or
    walked away. A finished deal's leftover milestones and term deadlines raise nothing."""
    return not deal.archived and deal.status not in FINISHED


Keyed = tuple[tuple[datetime, bool, str, str], CalendarEntry]


def review(books: Iterable[DealBook], settings: Settings, now: datetime) -> Review:
    """The dated rules read only the items still open (``calendar.open_deal_entries``), of
    the deals in play (``in_play``); each item is sorted and judged overdue once here,
    where each rule on its own would do it again: the same alerts, in the same order."""
    books = list(books)
    tz = user_zone(settings)
    live = [b for b in books if not b.deal.archived]
    late: list[Keyed] = []
    ahead: list[Keyed] = []
    upcoming: dict[str, CalendarEntry] = {}
    by_key = itemgetter(0)
    for book in books:
        items = sorted(((sort_key(e), e) for e in open_deal_entries(book)), key=by_key)
        # An item not begun yet cannot be over: only those begun are asked.
        overdue = [entry.start < now and is_overdue(entry, now) for _, entry in items]
        # What needs attention first: the oldest overdue item, else the next one ahead.
        first = overdue.index(True) if True in overdue else 0
        if items:
            upcoming[book.id] = items[first][1]
        if in_play(book.deal):  # not archived, not finished
            for item, is_late in zip(items, overdue, strict=True):
                (late if is_late else ahead).append(item)
    # Each deal's items are in order already; sorting is stable, so the items of all deals
    # come out as sorting them all together would put them.
    late.sort(key=by_key)
    ahead.sort(key=by_key)
    due = [entry for _, entry in ahead]
    today = now.astimezone(tz).date()
    load = weekly_load(live, settings, today)
    alerts = [
        *_overdue([entry for _, entry in late], today, tz),
        *_decisions(due, now, tz),
        *_crunches(due, settings, tz, today.year),
        *capacity_alerts(load, tz),
        *clash_alerts(live),
        *admin_alerts(live, settings),
    ]
    return Review(alerts, load, upcoming)


def audit(books: Iterable[DealBook], settings: Settings, now: datetime) -> list[Alert]:
    """Every alert of the portfolio, most pressing kinds first."""
    return review(books, settings, now).alerts
