"""The audit picks the open items of every deal once for all its dated rules: it must find
exactly what each rule finds on the calendar's items, in the same order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from negtui.domain.audit import (
    Review,
    admin_alerts,
    capacity_alerts,
    clash_alerts,
    crunch_alerts,
    decision_alerts,
    in_play,
    overdue_alerts,
    review,
)
from negtui.domain.book import DealBook
from negtui.domain.calendar import deal_entries, open_deal_entries, sort_key
from negtui.domain.load import weekly_load
from negtui.domain.models import Deal, Fallback, Milestone, Settings, Term
from negtui.domain.schedule import is_open, next_due, user_zone
from negtui.domain.vocab import DealStatus, MilestoneKind, TermCategory, TermStatus

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
ZONES = ["UTC", "Europe/Berlin", "Pacific/Auckland", "America/Los_Angeles"]
# Few names, in two cases, and few moments: items that tie on time, deal and title, whose
# order only a stable sort keeps; long items that begin early and end after later ones.
NAMES = ["Alpha", "alpha", "Beta"]
TITLES = ["", "Call", "call", "Review"]
durations = st.sampled_from([None, 0, 90, 60 * 30, 60 * 24 * 4])
moments = st.builds(lambda hours: NOW + timedelta(hours=hours),
                    st.sampled_from([-49, -24, -1, 0, 1, 5, 30, 60, 200, 400]))


@st.composite
def portfolios(draw: st.DrawFn) -> list[DealBook]:
    found = []
    for number in range(draw(st.integers(0, 6))):
        deal = Deal(id=f"d-{number}", name=draw(st.sampled_from(NAMES)),
                    status=draw(st.sampled_from(list(DealStatus))),
                    archived=draw(st.booleans()) and draw(st.booleans()),
                    hours_per_week=draw(st.sampled_from([0, 10, 30])),
                    invoicing_cycle=draw(st.sampled_from(["", "monthly", "weekly"])),
                    markets=draw(st.lists(st.sampled_from(["health", "retail"]), max_size=1)))
        milestones = [
            Milestone(id=f"m-{number}-{n}", kind=draw(st.sampled_from(list(MilestoneKind))),
                      title=draw(st.sampled_from(TITLES)), due=draw(moments),
                      duration_minutes=draw(durations), done=draw(st.booleans()))
            for n in range(draw(st.integers(0, 6)))]
        terms = [
            Term(id=f"t-{number}-{n}", name=draw(st.sampled_from(TITLES)) or "Rate",
                 category=draw(st.sampled_from([TermCategory.RATE, TermCategory.EXCLUSIVITY])),
                 status=draw(st.sampled_from(list(TermStatus))), on_table="health",
                 fallback=Fallback(decide_by=draw(st.none() | moments)),
                 offer_expires=draw(st.none() | moments))
            for n in range(draw(st.integers(0, 3)))]
        found.append(DealBook(deal=deal, milestones=milestones, terms=terms))
    return found


def each_rule_on_its_own(books: list[DealBook], chosen: Settings) -> Review:
    """Every rule applied to every item of the calendar of the deals in play, in turn."""
    tz = user_zone(chosen)
    live = [b for b in books if not b.deal.archived]
    per_deal = {b.id: deal_entries(b, tz) for b in books}
    entries = [e for b in live if in_play(b.deal) for e in per_deal[b.id]]
    load = weekly_load(live, chosen, NOW.astimezone(tz).date())
    alerts = [
        *overdue_alerts(entries, NOW, tz),
        *decision_alerts(entries, NOW, tz),
        *crunch_alerts(entries, chosen, NOW, tz),
        *capacity_alerts(load, tz),
        *clash_alerts(live),
        *admin_alerts(live, chosen),
    ]
    upcoming = {deal_id: found for deal_id, items in per_deal.items()
                if (found := next_due(items, NOW)) is not None}
    return Review(alerts, load, upcoming)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios(), st.sampled_from(ZONES), st.integers(1, 4))
def test_the_audit_finds_what_each_rule_finds_in_the_same_order(
        books: list[DealBook], zone: str, limit: int) -> None:
    chosen = Settings(timezone=zone, zone_chosen=True, crunch_limit=limit, capacity_hours=40)
    found = review(books, chosen, NOW)
    expected = each_rule_on_its_own(books, chosen)
    assert found.alerts == expected.alerts
    assert found.next_due == expected.next_due


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios(), st.sampled_from(ZONES))
def test_the_open_items_of_a_deal_are_those_of_its_calendar_still_to_act_on(
        books: list[DealBook], zone: str) -> None:
    tz = user_zone(Settings(timezone=zone, zone_chosen=True))
    for book in books:
        assert sorted(open_deal_entries(book), key=sort_key) == [
            e for e in deal_entries(book, tz) if is_open(e)]
