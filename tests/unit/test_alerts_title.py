"""The alerts box's title gives its figures the way the band above it does."""

from __future__ import annotations

from datetime import date

from negtui.domain.audit import Alert, AlertKind, Review
from negtui.domain.load import weekly_load
from negtui.domain.models import Settings
from negtui.ui.widgets.portfolio_band import alerts_title


def test_thousands_in_the_title_are_grouped_as_in_the_band() -> None:
    on_deals = [Alert(AlertKind.OVERDUE, f"late {n}", ("d1",), "d1") for n in range(1120)]
    shared = [Alert(AlertKind.CAPACITY, f"busy {n}", ()) for n in range(72)]
    review = Review(on_deals + shared, weekly_load([], Settings(), date(2026, 12, 2)))
    assert alerts_title(review).startswith(
        "Alerts: 1,192 (1,120 on deals, 72 portfolio-wide)")
