"""The portfolio audit: where deals collide. Each alert explains itself in one line and
names the deals involved, so the screen can jump to them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from negtui.domain.book import DealBook
from negtui.domain.models import Deal, Settings, Term
from negtui.domain.schedule import days_until, describe_days
from negtui.domain.vocab import BUSY_STATUSES, MilestoneKind, TermCategory, TermStatus

CRUNCH_WINDOW_DAYS = 3
DECISION_HORIZON_DAYS = 14
RESTRICTIVE = frozenset({TermCategory.EXCLUSIVITY, TermCategory.NON_COMPETE})
DECISIONS = frozenset({MilestoneKind.OFFER_EXPIRY, MilestoneKind.RENEWAL,
                       MilestoneKind.DECISION_DEADLINE})


class AlertKind(StrEnum):
    CAPACITY = "capacity"
    EXCLUSIVITY = "exclusivity"
    CRUNCH = "deadline crunch"
    ADMIN = "admin load"
    DECISION = "decision due"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    message: str
    deal_ids: tuple[str, ...]


def _live(books: Iterable[DealBook]) -> list[DealBook]:
    return [b for b in books if not b.deal.archived]


def _runs_during(deal: Deal, first: date, last: date) -> bool:
    """A deal with no dates is taken to run every week: its hours are real until ended."""
    starts_before_end = deal.start is None or deal.start <= last
    ends_after_start = deal.end is None or deal.end >= first
    return starts_before_end and ends_after_start


def capacity_alerts(books: Iterable[DealBook], settings: Settings, today: date) -> list[Alert]:
    busy = [b.deal for b in _live(books) if b.deal.status in BUSY_STATUSES]
    monday = today - timedelta(days=today.weekday())
    # Consecutive overloaded weeks with the same deals make one alert, not a dozen.
    runs: list[tuple[date, date, float, tuple[Deal, ...]]] = []
    for week in range(settings.capacity_weeks):
        first = monday + timedelta(weeks=week)
        last = first + timedelta(days=6)
        running = tuple(d for d in busy if _runs_during(d, first, last) and d.hours_per_week > 0)
        hours = sum(d.hours_per_week for d in running)
        if hours <= settings.capacity_hours:
            continue
        if runs and runs[-1][3] == running and runs[-1][1] == first - timedelta(days=7):
            runs[-1] = (runs[-1][0], first, hours, running)
        else:
            runs.append((first, first, hours, running))
    alerts = []
    for first, last_week, hours, running in runs:
        when = (f"Week of {first:%d %b}" if first == last_week
                else f"Weeks of {first:%d %b} to {last_week:%d %b}")
        names = ", ".join(d.name for d in running)
        alerts.append(Alert(
            AlertKind.CAPACITY,
            f"{when}: {hours:g} h a week booked against {settings.capacity_hours:g} h ({names})",
            tuple(d.id for d in running),
        ))
    return alerts


Clash = tuple[DealBook, Term, list[tuple[Deal, list[str]]]]


def restrictive_clashes(books: Iterable[DealBook]) -> list[Clash]:
    """Exclusivity or non-compete terms, on the table or agreed in a busy deal, with every
    other busy deal that shares one of its markets (and the markets shared)."""
    live = _live(books)
    found: list[Clash] = []
    for book in live:
        if book.deal.status not in BUSY_STATUSES:
            continue
        for term in book.terms:
            if term.category not in RESTRICTIVE:
                continue
            if term.status not in (TermStatus.OPEN, TermStatus.AGREED):
                continue
            others: list[tuple[Deal, list[str]]] = []
            for other in live:
                if other.id == book.id or other.deal.status not in BUSY_STATUSES:
                    continue
                shared = sorted(set(book.deal.markets) & set(other.deal.markets))
                if shared:
                    others.append((other.deal, shared))
            if others:
                found.append((book, term, others))
    return found


def exclusivity_alerts(books: Iterable[DealBook]) -> list[Alert]:
    """One alert per restrictive term, naming every deal it collides with."""
    alerts = []
    for book, term, others in restrictive_clashes(books):
        state = "agreed" if term.status is TermStatus.AGREED else "on the table"
        names = "; ".join(f"{deal.name} ({', '.join(shared)})" for deal, shared in others)
        alerts.append(Alert(
            AlertKind.EXCLUSIVITY,
            f"{term.category} '{term.name}' {state} in {book.deal.name} collides with {names}",
            (book.id, *(deal.id for deal, _ in others)),
        ))
    return alerts


def crunch_alerts(books: Iterable[DealBook], settings: Settings, now: datetime) -> list[Alert]:
    """More than ``crunch_limit`` open milestones inside any three-day window ahead."""
    dated = sorted(
        (m.due, b.id) for b in _live(books) for m in b.milestones if not m.done and m.due >= now
    )
    alerts = []
    start = 0
    reported_until: datetime | None = None
    for end in range(len(dated)):
        while dated[end][0] - dated[start][0] >= timedelta(days=CRUNCH_WINDOW_DAYS):
            start += 1
        count = end - start + 1
        window_start = dated[start][0]
        if count > settings.crunch_limit and (reported_until is None
                                              or window_start >= reported_until):
            # Extend to everything inside this window, then report it once.
            last = end
            while (last + 1 < len(dated)
                   and dated[last + 1][0] - window_start < timedelta(days=CRUNCH_WINDOW_DAYS)):
                last += 1
            involved = tuple(dict.fromkeys(deal_id for _, deal_id in dated[start:last + 1]))
            alerts.append(Alert(
                AlertKind.CRUNCH,
                f"{last - start + 1} deadlines between {window_start:%d %b} and "
                f"{dated[last][0]:%d %b} across {len(involved)} deal(s)",
                involved,
            ))
            reported_until = window_start + timedelta(days=CRUNCH_WINDOW_DAYS)
    return alerts


def admin_alerts(books: Iterable[DealBook], settings: Settings) -> list[Alert]:
    busy = [b.deal for b in _live(books) if b.deal.status in BUSY_STATUSES]
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


def decision_alerts(books: Iterable[DealBook], now: datetime) -> list[Alert]:
    horizon = now + timedelta(days=DECISION_HORIZON_DAYS)
    alerts = []
    for book in _live(books):
        for milestone in book.milestones:
            pending = not milestone.done and now <= milestone.due <= horizon
            if milestone.kind in DECISIONS and pending:
                when = describe_days(days_until(milestone.due, now))
                alerts.append(Alert(
                    AlertKind.DECISION,
                    f"{milestone.kind} {when} in {book.deal.name}: "
                    f"{milestone.title or 'no decision recorded'}",
                    (book.id,),
                ))
    return alerts


def audit(books: Iterable[DealBook], settings: Settings, now: datetime) -> list[Alert]:
    """Every alert of the portfolio, most pressing kinds first."""
    books = list(books)
    return [
        *decision_alerts(books, now),
        *crunch_alerts(books, settings, now),
        *capacity_alerts(books, settings, now.date()),
        *exclusivity_alerts(books),
        *admin_alerts(books, settings),
    ]


def alerts_by_deal(alerts: Iterable[Alert]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for alert in alerts:
        for deal_id in alert.deal_ids:
            counts[deal_id] = counts.get(deal_id, 0) + 1
    return counts
