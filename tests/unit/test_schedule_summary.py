"""What is due next, how far away it is, and the portfolio's money figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from negtui.domain.book import DealBook
from negtui.domain.calendar import CalendarEntry, deal_entries
from negtui.domain.models import Deal, Milestone
from negtui.domain.schedule import (
    UTC_ZONE,
    coming_up,
    days_until,
    describe_days,
    next_due,
)
from negtui.domain.summary import STATUS_ORDER, money
from negtui.domain.vocab import DealStatus

NOW = datetime(2026, 11, 21, 10, tzinfo=UTC)


def milestone(mid: str, hours: float, done: bool = False) -> Milestone:
    return Milestone(id=mid, kind="checkpoint", due=NOW + timedelta(hours=hours), done=done)


def entries(*milestones: Milestone) -> list[CalendarEntry]:
    return deal_entries(DealBook(deal=Deal(id="d-1", name="x"), milestones=list(milestones)),
                        UTC_ZONE)


def test_next_is_the_earliest_open_item_still_ahead() -> None:
    found = next_due(entries(milestone("m-late", 48), milestone("m-done", 1, done=True),
                             milestone("m-soon", 5)), NOW)
    assert found is not None
    assert found.milestone_id == "m-soon"


def test_next_is_an_overdue_item_before_anything_ahead() -> None:
    found = next_due(entries(milestone("m-soon", 5), milestone("m-past", -1),
                             milestone("m-older", -30)), NOW)
    assert found is not None
    assert found.milestone_id == "m-older"


def test_a_milestone_due_right_now_still_counts() -> None:
    found = next_due(entries(milestone("m-now", 0)), NOW)
    assert found is not None
    assert found.milestone_id == "m-now"


def test_nothing_next_when_everything_is_done() -> None:
    assert next_due(entries(milestone("m-done", 3, done=True)), NOW) is None


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


def test_money_is_grouped_and_rounded() -> None:
    assert money(84000, "EUR") == "84,000 EUR"
    assert money(1234.6, "USD") == "1,235 USD"
    assert money(None, "EUR") == "—"


def test_status_order_lists_every_status_once() -> None:
    assert sorted(STATUS_ORDER) == sorted(DealStatus)
    assert len(STATUS_ORDER) == len(set(STATUS_ORDER))


def test_coming_up_is_what_is_still_ahead_soonest_first() -> None:
    found = coming_up(entries(milestone("m-late", 48), milestone("m-past", -1),
                              milestone("m-done", 1, done=True), milestone("m-soon", 5)), NOW)
    assert [entry.milestone_id for entry in found] == ["m-soon", "m-late"]


def test_the_coming_up_pane_counts_every_item_it_has_no_row_for() -> None:
    from negtui.ui.widgets.coming_up import COMING_MOST, coming_up_pieces, items_left_out

    many = entries(*(milestone(f"m-{n}", 2 + n) for n in range(COMING_MOST + 15)))
    pieces = coming_up_pieces(many, NOW, UTC_ZONE)
    # A pane with rows for ten items leaves out the other 65, listed or not.
    assert items_left_out(pieces[10:]).plain.startswith(f"… {COMING_MOST + 5} more items: ")
