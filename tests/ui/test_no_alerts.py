"""A portfolio with deals and no alert says so in the alerts box, rather than leaving the
box out (which reads as a fault, or as alerts not worked out yet)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from negtui.domain.models import Deal
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.widgets.alerts_box import AlertsBox
from tests.ui.conftest import until
from tests.ui.test_alerts_of_finished_deals import shown_alerts

AppMaker = Callable[[Path], NegtuiApp]


async def test_deals_without_alerts_say_there_are_none(empty_folder: Path,
                                                       make_app: AppMaker) -> None:
    Store(empty_folder).open().create_deal(Deal(id="d-acme", name="Acme renewal"))
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PortfolioScreen)
        box = app.screen.query_one("#alerts", AlertsBox)
        await until(pilot, lambda: bool(shown_alerts(app)))
        assert box.display and box.border_title == "Alerts: none"
        assert shown_alerts(app)[0].startswith("No alerts: nothing is overdue")
        assert "⏎ opens it" in shown_alerts(app)[1]


async def test_an_empty_portfolio_shows_no_alerts_box(empty_folder: Path,
                                                      make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#alerts", AlertsBox).display
