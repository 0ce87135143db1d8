"""The portfolio audit: each rule, with the edges a real portfolio hits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.audit import (
    AlertKind,
    admin_alerts,
    alerts_by_deal,
    audit,
    capacity_alerts,
    crunch_alerts,
    decision_alerts,
    exclusivity_alerts,
)
from negtui.domain.book import DealBook
from negtui.domain.clock import fixed_clock
from negtui.domain.models import Deal, Milestone, Settings, Term
from negtui.domain.vocab import DealStatus, MilestoneKind, TermCategory, TermStatus

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # a Monday
TODAY = NOW.date()


def book(name: str, **fields: object) -> DealBook:
    deal_id = "d-" + name.lower().replace(" ", "")
    fields.setdefault("status", DealStatus.ACTIVE)
    return DealBook(deal=Deal(id=deal_id, name=name, **fields))  # type: ignore[arg-type]


def milestone(kind: MilestoneKind, when: datetime, done: bool = False, n: int = 0) -> Milestone:
    return Milestone(id=f"m-{kind.name.lower()}{n}{when:%j%H}", kind=kind, due=when, done=done,
                     title=f"{kind} {n}")


# Capacity

def test_overload_is_flagged_with_the_week_and_the_deals() -> None:
    books = [book("Alpha", hours_per_week=30), book("Beta", hours_per_week=20)]
    alerts = capacity_alerts(books, Settings(capacity_hours=40, capacity_weeks=2), TODAY)
    assert len(alerts) == 1  # both weeks overloaded by the same deals: one alert
    assert "50 h a week booked against 40 h" in alerts[0].message
    assert "Weeks of 23 Nov to 30 Nov" in alerts[0].message
    assert set(alerts[0].deal_ids) == {"d-alpha", "d-beta"}


def test_exactly_at_capacity_is_not_overload() -> None:
    books = [book("Alpha", hours_per_week=25), book("Beta", hours_per_week=15)]
    assert capacity_alerts(books, Settings(capacity_hours=40), TODAY) == []


def test_date_ranges_that_only_touch_a_week_still_count() -> None:
    # Alpha ends on Monday of the second week, Beta starts on its Sunday: both run that week.
    week_two = TODAY + timedelta(days=7)
    books = [
        book("Alpha", hours_per_week=25, start=TODAY - timedelta(days=30), end=week_two),
        book("Beta", hours_per_week=25, start=week_two + timedelta(days=6),
             end=week_two + timedelta(days=60)),
    ]
    alerts = capacity_alerts(books, Settings(capacity_hours=40, capacity_weeks=4), TODAY)
    assert [a.message.split(":")[0] for a in alerts] == ["Week of 30 Nov"]


def test_a_deal_without_dates_counts_every_week() -> None:
    books = [book("Open ended", hours_per_week=45)]
    alerts = capacity_alerts(books, Settings(capacity_hours=40, capacity_weeks=3), TODAY)
    assert len(alerts) == 1 and "Weeks of 23 Nov to 07 Dec" in alerts[0].message


def test_zero_capacity_flags_any_booked_hours_but_not_idle_deals() -> None:
    settings = Settings(capacity_hours=0, capacity_weeks=1)
    assert capacity_alerts([book("Idle", hours_per_week=0)], settings, TODAY) == []
    assert len(capacity_alerts([book("Busy", hours_per_week=1)], settings, TODAY)) == 1


def test_prospects_archived_and_finished_deals_take_no_hours() -> None:
    books = [
        book("Prospect", hours_per_week=50, status=DealStatus.PROSPECT),
        book("Closed", hours_per_week=50, status=DealStatus.CLOSED),
        book("Archived", hours_per_week=50, archived=True),
    ]
    assert capacity_alerts(books, Settings(capacity_hours=40), TODAY) == []


# Exclusivity

def restrictive(category: TermCategory, status: TermStatus) -> Term:
    return Term(id="t-x", name="Sector lock", category=category, status=status)


@pytest.mark.parametrize("category", [TermCategory.EXCLUSIVITY, TermCategory.NON_COMPETE])
@pytest.mark.parametrize("status", [TermStatus.OPEN, TermStatus.AGREED])
def test_restriction_collides_with_an_active_deal_in_the_same_market(
    category: TermCategory, status: TermStatus
) -> None:
    locked = book("Locked", markets=["retail", "data"], status=DealStatus.NEGOTIATING)
    locked.terms.append(restrictive(category, status))
    other = book("Other", markets=["data"])
    alerts = exclusivity_alerts([locked, other])
    assert len(alerts) == 1
    assert "Locked collides with Other (data)" in alerts[0].message
    assert alerts[0].deal_ids == ("d-locked", "d-other")


def test_no_collision_across_markets_or_with_conceded_terms_or_idle_deals() -> None:
    locked = book("Locked", markets=["retail"])
    locked.terms.append(restrictive(TermCategory.EXCLUSIVITY, TermStatus.OPEN))
    conceded = book("Conceded", markets=["health"])
    conceded.terms.append(restrictive(TermCategory.EXCLUSIVITY, TermStatus.CONCEDED))
    books = [
        locked, conceded,
        book("Elsewhere", markets=["energy"]),
        book("Health prospect", markets=["health", "retail"], status=DealStatus.PROSPECT),
    ]
    assert exclusivity_alerts(books) == []


# Deadline crunch

def test_more_than_the_limit_within_three_days_is_a_crunch() -> None:
    alpha = book("Alpha")
    for n in range(4):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(days=1, hours=n),
                                          n=n))
    alerts = crunch_alerts([alpha], Settings(crunch_limit=3), NOW)
    assert len(alerts) == 1 and alerts[0].message.startswith("4 deadlines")


def test_the_limit_itself_and_a_spread_out_week_are_fine() -> None:
    alpha = book("Alpha")
    for n in range(3):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(days=1, hours=n),
                                          n=n))
    beta = book("Beta")
    for n in range(6):  # one every three days: never more than one per window
        beta.milestones.append(milestone(MilestoneKind.REVIEW, NOW + timedelta(days=3 * n + 5),
                                         n=n))
    assert crunch_alerts([alpha, beta], Settings(crunch_limit=3), NOW) == []


def test_done_and_past_milestones_do_not_crowd_the_calendar() -> None:
    alpha = book("Alpha")
    for n in range(3):
        alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(hours=n + 1), n=n))
    alpha.milestones.append(milestone(MilestoneKind.CALL, NOW + timedelta(hours=5), done=True))
    alpha.milestones.append(milestone(MilestoneKind.CALL, NOW - timedelta(hours=5)))
    assert crunch_alerts([alpha], Settings(crunch_limit=3), NOW) == []


# Administrative load

def test_too_many_invoicing_cycles_and_reporting_formats() -> None:
    books = [
        book("A", invoicing_cycle="monthly", reporting_format="email"),
        book("B", invoicing_cycle="Monthly", reporting_format="deck"),
        book("C", invoicing_cycle="quarterly", reporting_format="dashboard"),
        book("D", invoicing_cycle="on completion", status=DealStatus.PROSPECT),
    ]
    alerts = admin_alerts(books, Settings(max_invoicing_cycles=2, max_reporting_formats=2))
    assert [a.message.split(" to keep")[0] for a in alerts] == ["3 different reporting formats"]
    looser = admin_alerts(books, Settings(max_invoicing_cycles=1, max_reporting_formats=3))
    assert [a.message.split(" to keep")[0] for a in looser] == ["2 different invoicing cycles"]


# Decisions due

def test_decision_milestones_within_fourteen_days_are_flagged() -> None:
    alpha = book("Alpha")
    alpha.milestones += [
        milestone(MilestoneKind.OFFER_EXPIRY, NOW + timedelta(days=2)),
        milestone(MilestoneKind.RENEWAL, NOW + timedelta(days=14)),
        milestone(MilestoneKind.DECISION_DEADLINE, NOW + timedelta(days=15)),
        milestone(MilestoneKind.DECISION_DEADLINE, NOW + timedelta(days=1), done=True),
        milestone(MilestoneKind.CALL, NOW + timedelta(days=1)),
    ]
    alerts = decision_alerts([alpha], NOW)
    assert [a.message.split(" in Alpha")[0] for a in alerts] == [
        "offer expiry in 2d", "renewal in 14d"]


def test_the_demo_portfolio_shows_every_kind_of_alert() -> None:
    clock = fixed_clock(NOW.isoformat())
    settings, books = demo_portfolio(clock)
    alerts = audit(books, settings, NOW)
    assert {a.kind for a in alerts} == set(AlertKind)
    counts = alerts_by_deal(alerts)
    northwind = next(b for b in books if b.deal.name.startswith("Northwind"))
    assert counts[northwind.id] >= 3


def test_restrictive_clashes_name_the_term_and_every_deal_it_collides_with() -> None:
    from negtui.domain.audit import restrictive_clashes

    locked = book("Locked", markets=["data", "retail"])
    locked.terms.append(restrictive(TermCategory.NON_COMPETE, TermStatus.AGREED))
    books = [locked, book("Data shop", markets=["data"]), book("Retail shop", markets=["retail"]),
             book("Energy shop", markets=["energy"])]
    [(owner, term, others)] = restrictive_clashes(books)
    assert owner.id == "d-locked" and term.name == "Sector lock"
    assert [(deal.name, shared) for deal, shared in others] == [
        ("Data shop", ["data"]), ("Retail shop", ["retail"])]
