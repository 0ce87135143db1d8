"""The alerts box's title gives its figures the way the band above it does."""

from __future__ import annotations

from datetime import date

from negtui.domain.audit import Alert, AlertKind, Review, for_deals
from negtui.domain.load import weekly_load
from negtui.domain.models import Settings
from negtui.ui.widgets.portfolio_band import alerts_title


def test_thousands_in_the_title_are_grouped_as_in_the_band() -> None:
    on_deals = [Alert(AlertKind.OVERDUE, f"late {n}", ("d1",), "d1") for n in range(1120)]
    shared = [Alert(AlertKind.CAPACITY, f"busy {n}", ()) for n in range(72)]
    review = Review(on_deals + shared, weekly_load([], Settings(), date(2026, 12, 2)))
    assert alerts_title(review).startswith(
        "Alerts: 1,192 (1,120 on deals, 72 portfolio-wide)")


def test_the_alerts_of_some_deals_keep_those_naming_them_and_those_naming_none() -> None:
    alerts = [Alert(AlertKind.OVERDUE, "late on d1", ("d1",), "d1"),
              Alert(AlertKind.OVERDUE, "late on d2", ("d2",), "d2"),
              Alert(AlertKind.CLASH, "d2 clashes with d3", ("d2", "d3")),
              Alert(AlertKind.CAPACITY, "a busy week", ())]
    review = Review(alerts, weekly_load([], Settings(), date(2026, 12, 2)))
    some = for_deals(review, ["d3"])
    assert [alert.message for alert in some.alerts] == ["d2 clashes with d3", "a busy week"]
    assert alerts_title(some).startswith("Alerts: 2 of 4, for the deals shown and the portfolio")
    assert review.alerts == alerts and alerts_title(review).startswith("Alerts: 4 ")
