"""Alerts that reach into another year than today say which year; this year's stay short."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from negtui.domain.audit import capacity_alerts, crunch_alerts
from negtui.domain.book import DealBook
from negtui.domain.calendar import portfolio_entries
from negtui.domain.load import weekly_load
from negtui.domain.models import Deal, Milestone, Settings
from negtui.domain.vocab import DealStatus, MilestoneKind

NOW = datetime(2026, 12, 28, 9, 30, tzinfo=UTC)  # the Monday of the last week of 2026
ZONE = ZoneInfo("UTC")


def busy(name: str, hours: float, start: date, end: date) -> DealBook:
    return DealBook(deal=Deal(id=f"d-{name.lower()}", name=name, status=DealStatus.ACTIVE,
                              hours_per_week=hours, start=start, end=end))


def calls(first: datetime, count: int) -> DealBook:
    alpha = DealBook(deal=Deal(id="d-alpha", name="Alpha", status=DealStatus.ACTIVE))
    alpha.milestones += [Milestone(id=f"m-call{n}", kind=MilestoneKind.CALL, title=f"Call {n}",
                                   due=first + timedelta(hours=n)) for n in range(count)]
    return alpha


def test_a_crunch_over_new_year_names_both_years() -> None:
    alpha = calls(datetime(2026, 12, 31, 15, 0, tzinfo=UTC), 4)
    alpha.milestones.append(Milestone(id="m-late", kind=MilestoneKind.CALL, title="Late",
                                      due=datetime(2027, 1, 1, 10, 0, tzinfo=UTC)))
    (alert,) = crunch_alerts(portfolio_entries([alpha], ZONE), Settings(crunch_limit=3), NOW,
                             ZONE)
    assert "due from 31 Dec 2026 to 01 Jan 2027" in alert.message


def test_a_crunch_this_year_stays_short() -> None:
    alpha = calls(datetime(2026, 12, 29, 10, 0, tzinfo=UTC), 4)
    (alert,) = crunch_alerts(portfolio_entries([alpha], ZONE), Settings(crunch_limit=3), NOW,
                             ZONE)
    assert "due from 29 Dec to 29 Dec" in alert.message


def test_weeks_over_capacity_next_year_name_the_year() -> None:
    books = [busy("Alpha", 30, date(2027, 1, 4), date(2027, 1, 17)),
             busy("Beta", 20, date(2027, 1, 4), date(2027, 1, 17))]
    load = weekly_load(books, Settings(capacity_hours=40, capacity_weeks=6), NOW.date())
    (alert,) = capacity_alerts(load, ZONE)
    assert alert.message.startswith("wk 1 to wk 2 (04 Jan 2027 to 17 Jan 2027):")
