"""What is due next, how far away it is, and how full the week is."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from negtui.domain.book import DealBook
from negtui.domain.models import Deal, Milestone, Settings
from negtui.domain.schedule import days_until, describe_days, next_milestone
from negtui.domain.summary import STATUS_ORDER, capacity, money
from negtui.domain.vocab import DealStatus

NOW = datetime(2026, 11, 21, 10, tzinfo=UTC)


def milestone(mid: str, hours: float, done: bool = False) -> Milestone:
    return Milestone(id=mid, kind="checkpoint", due=NOW + timedelta(hours=hours), done=done)


def test_next_milestone_is_the_earliest_open_one_still_ahead() -> None:
    book = DealBook(deal=Deal(id="d-1", name="x"), milestones=[
        milestone("m-late", 48), milestone("m-past", -1), milestone("m-done", 1, done=True),
        milestone("m-soon", 5),
    ])
    found = next_milestone(book, NOW)
    assert found is not None
    assert found.id == "m-soon"


def test_a_milestone_due_right_now_still_counts() -> None:
    book = DealBook(deal=Deal(id="d-1", name="x"), milestones=[milestone("m-now", 0)])
    found = next_milestone(book, NOW)
    assert found is not None
    assert found.id == "m-now"


def test_no_next_milestone_when_everything_is_done_or_past() -> None:
    book = DealBook(deal=Deal(id="d-1", name="x"),
                    milestones=[milestone("m-past", -2), milestone("m-done", 3, done=True)])
    assert next_milestone(book, NOW) is None


def test_days_until_counts_calendar_days_in_the_moment_zone() -> None:
    late_evening = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)
    assert days_until(datetime(2026, 11, 22, 0, 30, tzinfo=UTC), late_evening) == 1
    # Same instant seen from Berlin, where it is already the 22nd.
    berlin = timezone(timedelta(hours=1))
    assert days_until(datetime(2026, 11, 22, 0, 45, tzinfo=berlin), late_evening) == 0
    assert days_until(datetime(2026, 11, 18, 9, tzinfo=UTC), NOW) == -3


@pytest.mark.parametrize(
    ("days", "text"),
    [(0, "today"), (1, "tomorrow"), (-1, "yesterday"), (5, "in 5d"), (-12, "12d ago")],
)
def test_describe_days(days: int, text: str) -> None:
    assert describe_days(days) == text


def test_capacity_counts_busy_deals_that_are_not_archived() -> None:
    deals = [
        Deal(id="d-1", name="a", status="negotiating", hours_per_week=16),
        Deal(id="d-2", name="b", status="active", hours_per_week=12),
        Deal(id="d-3", name="c", status="agreed", hours_per_week=14, archived=True),
        Deal(id="d-4", name="d", status="prospect", hours_per_week=8),
        Deal(id="d-5", name="e", status="closed", hours_per_week=20),
    ]
    load = capacity(deals, Settings(capacity_hours=40))
    assert load.committed == 28
    assert load.available == 40
    assert not load.over
    assert load.share == pytest.approx(0.7)
    assert capacity(deals, Settings(capacity_hours=20)).over


def test_capacity_with_no_hours_available() -> None:
    busy = [Deal(id="d-1", name="a", status="active", hours_per_week=1)]
    assert capacity(busy, Settings(capacity_hours=0)).share == 1.0
    assert capacity([], Settings(capacity_hours=0)).share == 0.0


def test_money_is_grouped_and_rounded() -> None:
    assert money(84000, "EUR") == "84,000 EUR"
    assert money(1234.6, "USD") == "1,235 USD"
    assert money(None, "EUR") == "—"


def test_status_order_lists_every_status_once() -> None:
    assert sorted(STATUS_ORDER) == sorted(DealStatus)
    assert len(STATUS_ORDER) == len(set(STATUS_ORDER))
