"""The demo's alerts checked against figures worked out here, straight from its records.

Each expectation is computed the plain way (every milestone and term date, every day of
every week), so it does not lean on the code it checks.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.audit import DECISION_HORIZON_DAYS, Alert, AlertKind, audit
from negtui.domain.book import DealBook
from negtui.domain.clock import fixed_clock
from negtui.domain.models import Deal, Settings
from negtui.domain.vocab import MilestoneKind, TermCategory, TermStatus

NOW = datetime.fromisoformat("2026-11-23T09:30:00+00:00")  # the snapshots' Monday
BOOKED = {"negotiating", "agreed", "active"}
DECIDING = {"offer expiry", "decision deadline", "fallback deadline", "renewal"}


@pytest.fixture(scope="module")
def demo() -> tuple[Settings, list[DealBook]]:
    return demo_portfolio(fixed_clock(NOW.isoformat()))


@pytest.fixture(scope="module")
def alerts(demo: tuple[Settings, list[DealBook]]) -> list[Alert]:
    settings, books = demo
    return audit(books, settings, NOW)


@pytest.fixture
def found(demo: tuple[Settings, list[DealBook]]):
    from negtui.domain.audit import review

    settings, books = demo
    return review(books, settings, NOW)


def dated_items(books: list[DealBook]) -> list[tuple[str, str, datetime, datetime]]:
    """(deal id, kind, start, end) of everything to act on and not done."""
    items = []
    for book in books:
        for m in book.milestones:
            if not m.done:
                end = m.due + timedelta(minutes=m.duration_minutes or 0)
                items.append((book.id, str(m.kind), m.due, end))
        for term in book.terms:
            if term.status is not TermStatus.OPEN:
                continue
            if term.fallback.decide_by is not None:
                moment = term.fallback.decide_by
                items.append((book.id, "fallback deadline", moment, moment))
            if term.offer_expires is not None:
                items.append((book.id, "offer expiry", term.offer_expires, term.offer_expires))
    return sorted(items, key=lambda item: item[2])


def of_kind(alerts: list[Alert], kind: str) -> list[tuple[str | None, datetime | None]]:
    return [(a.deal_id, a.when) for a in alerts if a.kind == kind]


def test_overdue_is_every_open_item_already_over(demo, alerts, found) -> None:
    _, books = demo
    expected = [(deal, start) for deal, _, start, end in dated_items(books) if end < NOW]
    assert expected  # the demo has one: Harbor's checkpoint
    assert of_kind(alerts, "overdue") == expected
    harbor = next(b for b in books if b.deal.name.startswith("Harbor"))
    late = next(m for m in harbor.milestones if m.kind is MilestoneKind.CHECKPOINT)
    (alert,) = [a for a in alerts if a.kind == "overdue"]
    assert f"{(NOW.date() - late.due.date()).days}d ago" in alert.message
    assert late.title in alert.message
    assert found.next_due[harbor.id].milestone_id == late.id


def test_decisions_due_include_the_terms_deadlines(demo, alerts) -> None:
    _, books = demo
    horizon = NOW + timedelta(days=DECISION_HORIZON_DAYS)
    expected = [(deal, start) for deal, kind, start, end in dated_items(books)
                if kind in DECIDING and end >= NOW and start <= horizon]
    assert of_kind(alerts, "decision due") == expected
    northwind = next(b for b in books if b.deal.name.startswith("Northwind"))
    rate = next(t for t in northwind.terms if t.name == "Day rate")
    payment = next(t for t in northwind.terms if t.name == "Payment terms")
    whens = {when for _, when in expected}
    assert {rate.offer_expires, rate.fallback.decide_by, payment.fallback.decide_by} <= whens


def test_the_crunch_counts_every_open_item_in_three_days(demo, alerts) -> None:
    settings, books = demo
    ahead = [(deal, start) for deal, _, start, end in dated_items(books) if end >= NOW]
    expected = []
    reported_until = None
    for _, start in ahead:
        if reported_until is not None and start < reported_until:
            continue
        inside = [item for item in ahead if start <= item[1] < start + timedelta(days=3)]
        if len(inside) > settings.crunch_limit:
            expected.append((len(inside), start, {deal for deal, _ in inside}))
            reported_until = start + timedelta(days=3)
    crunches = [a for a in alerts if a.kind == "deadline crunch"]
    assert [(int(a.message.split()[0]), set(a.deal_ids)) for a in crunches] == [
        (count, deals) for count, _, deals in expected]
    assert [a.when for a in crunches] == [start for _, start, _ in expected]
    assert expected  # the demo's first days are crowded


def week_hours(deals: list[Deal], monday: date, statuses: set[str]) -> float:
    """Hours of the deals running on any day of the week (no dates: every day)."""
    def running(deal: Deal, day: date) -> bool:
        return (deal.start is None or deal.start <= day) and (deal.end is None or day <= deal.end)

    week = [monday + timedelta(days=n) for n in range(7)]
    return sum(d.hours_per_week for d in deals
               if d.status in statuses and any(running(d, day) for day in week))


def test_capacity_is_counted_week_by_week(demo, alerts, found) -> None:
    settings, books = demo
    deals = [b.deal for b in books if not b.deal.archived]
    first = NOW.date() - timedelta(days=NOW.weekday())
    mondays = [first + timedelta(weeks=n) for n in range(settings.capacity_weeks)]
    booked = {m: week_hours(deals, m, BOOKED) for m in mondays}
    tentative = {m: week_hours(deals, m, {"preparing"}) for m in mondays}
    load = found.load
    assert load.this_week.booked_hours == booked[first]
    assert load.this_week.booked_hours < sum(d.hours_per_week for d in deals
                                             if d.status in BOOKED)
    peak = max(mondays, key=lambda m: (booked[m], tentative[m]))
    assert (load.peak.monday, load.peak.booked_hours, load.peak.tentative_hours) == (
        peak, booked[peak], tentative[peak])
    over = [m for m in mondays if booked[m] + tentative[m] > settings.capacity_hours]
    covered: list[date] = []
    for alert in (a for a in alerts if a.kind == "capacity"):
        assert alert.when is not None
        span = re.match(r"wk (\d+)(?: to wk (\d+))? ", alert.message)
        assert span is not None, alert.message
        monday = alert.when.date()
        assert int(span[1]) == monday.isocalendar().week
        last_week = int(span[2] or span[1])
        while True:
            covered.append(monday)
            figures = f"{booked[monday]:g} h booked"
            if tentative[monday]:
                figures += f" + {tentative[monday]:g} h tentative"
            assert figures in alert.message
            if monday.isocalendar().week == last_week:
                break
            monday += timedelta(weeks=1)
    assert covered == over


def test_the_one_true_clash_quotes_its_term(demo, alerts) -> None:
    _, books = demo
    restrictive = [t.name for b in books for t in b.terms
                   if t.category in (TermCategory.EXCLUSIVITY, TermCategory.NON_COMPETE)]
    clashes = [a for a in alerts if any(f"“{name}”" in a.message for name in restrictive)]
    atlas = next(b for b in books if b.deal.name.startswith("Atlas"))
    harbor = next(b for b in books if b.deal.name.startswith("Harbor"))
    non_compete = next(t for t in atlas.terms if t.category is TermCategory.NON_COMPETE)
    # Harbor's market research speaks of retail clients and pricing: what the term covers.
    research = harbor.deal.research.market.casefold()
    assert "retail" in research and "pricing" in research
    assert [a.deal_ids for a in clashes] == [(atlas.id, harbor.id)]
    assert clashes[0].deal_id == atlas.id
    assert non_compete.name in clashes[0].message and non_compete.on_table in clashes[0].message
    # The exclusivities in health analytics and in logistics reach no other deal.
    for book in books:
        for term in book.terms:
            if term.category is TermCategory.EXCLUSIVITY:
                assert not any(f"'{term.name}'" in a.message for a in clashes)


def test_admin_load_counts_the_distinct_habits_of_deals_under_way(demo, alerts) -> None:
    settings, books = demo
    busy = [b.deal for b in books if b.deal.status in BOOKED and not b.deal.archived]
    cycles = {d.invoicing_cycle.casefold() for d in busy if d.invoicing_cycle}
    formats = {d.reporting_format.casefold() for d in busy if d.reporting_format}
    expected = [n for n, limit in ((len(cycles), settings.max_invoicing_cycles),
                                   (len(formats), settings.max_reporting_formats)) if n > limit]
    admin = [a for a in alerts if a.kind == "admin load"]
    assert [int(a.message.split()[0]) for a in admin] == expected


def test_per_deal_counts_and_the_portfolio_wide_ones_add_up(demo, found) -> None:
    _, books = demo
    per_deal = {b.id: found.about(b.id) for b in books}
    assert sum(per_deal.values()) + found.portfolio_wide == len(found.alerts)
    wide = {AlertKind.CAPACITY, AlertKind.CRUNCH, AlertKind.ADMIN}
    assert found.portfolio_wide == sum(1 for a in found.alerts if a.kind in wide)
    assert {a.kind for a in found.alerts} == set(AlertKind)
