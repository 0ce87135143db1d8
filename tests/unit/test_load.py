"""Hours week by week: a deal counts only in the weeks its dates overlap, preparing deals
are tentative, and every capacity alert names its weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from negtui.domain.audit import AlertKind, capacity_alerts, review
from negtui.domain.book import DealBook
from negtui.domain.load import weekly_load
from negtui.domain.models import Deal, Settings
from negtui.domain.vocab import DealStatus

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # Monday of ISO week 48
TODAY = NOW.date()
ZONE = ZoneInfo("UTC")


def book(name: str, **fields: object) -> DealBook:
    fields.setdefault("status", DealStatus.ACTIVE)
    deal_id = "d-" + name.lower().replace(" ", "-")
    return DealBook(deal=Deal(id=deal_id, name=name, **fields))  # type: ignore[arg-type]


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def test_a_deal_ending_next_week_is_not_counted_after_it() -> None:
    books = [book("Ending", hours_per_week=30, start=days(-60), end=days(9)),
             book("Later", hours_per_week=25, start=days(14), end=days(100))]
    load = weekly_load(books, Settings(capacity_hours=40, capacity_weeks=4), TODAY)
    assert [w.booked_hours for w in load.weeks] == [30, 30, 25, 25]
    assert not any(load.over(w) for w in load.weeks)
    assert capacity_alerts(load, ZONE) == []


def test_the_band_figures_are_this_week_and_the_peak_week() -> None:
    books = [book("Now", hours_per_week=30, start=days(-10), end=days(30)),
             book("Soon", hours_per_week=16, start=days(14), end=days(60))]
    load = weekly_load(books, Settings(capacity_hours=40, capacity_weeks=12), TODAY)
    assert (load.this_week.number, load.this_week.booked_hours) == (48, 30)
    assert (load.peak.number, load.peak.booked_hours) == (50, 46)
    assert load.over(load.peak) and not load.over(load.this_week)


def test_preparing_deals_are_tentative_hours_beside_the_booked_ones() -> None:
    books = [book("Booked", hours_per_week=36),
             book("Maybe", hours_per_week=8, status=DealStatus.PREPARING),
             book("Prospect", hours_per_week=50, status=DealStatus.PROSPECT)]
    load = weekly_load(books, Settings(capacity_hours=40, capacity_weeks=2), TODAY)
    week = load.this_week
    assert (week.booked_hours, week.tentative_hours) == (36, 8)
    assert not load.over(week) and load.over_if_tentative(week)
    (alert,) = capacity_alerts(load, ZONE)
    assert "36 h booked + 8 h tentative against 40 h, over if Maybe goes ahead" in alert.message
    assert alert.deal_ids == ("d-booked", "d-maybe")


def test_every_capacity_alert_names_its_weeks() -> None:
    books = [book("Alpha", hours_per_week=30, start=days(-30), end=days(22)),
             book("Beta", hours_per_week=20, start=days(7), end=days(50))]
    load = weekly_load(books, Settings(capacity_hours=40, capacity_weeks=12), TODAY)
    alerts = capacity_alerts(load, ZONE)
    # Weeks 49 to 51 hold both deals; 48 and 52 on hold only one.
    assert [a.message.split(":")[0] for a in alerts] == ["wk 49 to wk 51 (30 Nov to 20 Dec)"]
    assert alerts[0].when == datetime(2026, 11, 30, tzinfo=ZONE)
    assert "50 h booked against 40 h (Alpha 30, Beta 20)" in alerts[0].message


def test_weeks_change_at_the_users_midnight() -> None:
    # Sunday 23:30 in London is already Monday in Tokyo: there "this week" is the next one.
    sunday_night = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    books = [book("Starts monday", hours_per_week=10, start=date(2026, 11, 30))]
    in_london = review(books, Settings(timezone="Europe/London"), sunday_night).load
    in_tokyo = review(books, Settings(timezone="Asia/Tokyo"), sunday_night).load
    assert (in_london.this_week.number, in_london.this_week.booked_hours) == (48, 0)
    assert (in_tokyo.this_week.number, in_tokyo.this_week.booked_hours) == (49, 10)


def test_a_deal_without_dates_counts_every_week() -> None:
    load = weekly_load([book("Open ended", hours_per_week=45)],
                       Settings(capacity_hours=40, capacity_weeks=3), TODAY)
    (alert,) = capacity_alerts(load, ZONE)
    assert alert.kind is AlertKind.CAPACITY
    assert alert.message.startswith("wk 48 to wk 50 (23 Nov to 13 Dec): 45 h booked")


def test_date_ranges_that_only_touch_a_week_still_count() -> None:
    # Alpha ends on Monday of the second week, Beta starts on its Sunday: both run that week.
    books = [book("Alpha", hours_per_week=25, start=days(-30), end=days(7)),
             book("Beta", hours_per_week=25, start=days(13), end=days(60))]
    load = weekly_load(books, Settings(capacity_hours=40, capacity_weeks=4), TODAY)
    assert [a.message.split(":")[0] for a in capacity_alerts(load, ZONE)] == [
        "wk 49 (30 Nov to 06 Dec)"]


def test_zero_capacity_flags_any_booked_hours_but_not_idle_deals() -> None:
    settings = Settings(capacity_hours=0, capacity_weeks=1)
    assert capacity_alerts(weekly_load([book("Idle")], settings, TODAY), ZONE) == []
    busy = weekly_load([book("Busy", hours_per_week=1)], settings, TODAY)
    assert len(capacity_alerts(busy, ZONE)) == 1


def test_prospects_archived_and_finished_deals_take_no_hours() -> None:
    books = [book("Prospect", hours_per_week=50, status=DealStatus.PROSPECT),
             book("Closed", hours_per_week=50, status=DealStatus.CLOSED),
             book("Archived", hours_per_week=50, archived=True)]
    load = weekly_load(books, Settings(capacity_hours=40), TODAY)
    assert all(w.booked_hours == 0 and w.tentative_hours == 0 for w in load.weeks)
