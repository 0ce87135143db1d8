"""The Portfolio's alerts box lists the alerts of the deals the filter leaves in sight."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.widgets.alerts_box import AlertsBox

from .conftest import until
from .test_portfolio import rows

AppMaker = Callable[[Path], NegtuiApp]


async def test_the_alerts_follow_the_filter_and_say_they_are_only_the_deals_shown(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        box = screen.query_one("#alerts", AlertsBox)
        await until(pilot, lambda: bool(box.listed) and not box.waiting)
        every = list(box.listed)
        names = {alert.deal_id for alert in every}
        assert "Alerts: " in str(box.border_title)
        await pilot.press("f")  # negotiating: Northwind only
        await until(pilot, lambda: rows(app) == ["Northwind data platform"])
        await until(pilot, lambda: not box.waiting and box.listed != every)
        shown = app.session.current_book()
        assert shown is not None and shown.deal.name == "Northwind data platform"
        assert box.listed and all(not alert.deal_ids or shown.deal.id in alert.deal_ids
                                  for alert in box.listed)
        assert len(names) > 2 and len(box.listed) < len(every)
        assert str(box.border_title).startswith(
            f"Alerts: {len(box.listed)} of {len(every)}, for the deals shown and the portfolio")
        await pilot.press("escape")  # the filter goes, and every alert is back
        await until(pilot, lambda: len(rows(app)) == 8 and not box.waiting)
        assert box.listed == every and "for the deals shown" not in str(box.border_title)


async def test_going_to_an_alerts_deal_puts_the_text_filter_away(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        box = app.screen.query_one("#alerts", AlertsBox)
        await pilot.press("slash", *"retail", "enter")
        await until(pilot, lambda: rows(app) == ["Atlas pricing study", "Orchard loyalty pilot"])
        await pilot.press("exclamation_mark")
        await until(pilot, lambda: box.has_focus and not box.waiting)
        # An alert about no one term or item: choosing it goes to its deal's row.
        (at,) = [index for index, alert in enumerate(box.listed)
                 if alert.deal_id is None and alert.deal_ids][:1]
        box.highlighted = at
        await pilot.press("enter")
        field = app.screen.query_one("#filter", Input)
        await until(pilot, lambda: len(rows(app)) == 8)
        assert field.value == "" and not field.display
        # The filter opened again starts empty: the next letter is not added to "retail".
        await pilot.press("slash", "q")
        await until(pilot, lambda: field.has_focus and field.value == "q")
        assert rows(app) == ["Quill content partnership"]


async def test_a_filter_that_leaves_no_alerts_says_so_in_the_box(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        box = app.screen.query_one("#alerts", AlertsBox)
        await until(pilot, lambda: bool(box.listed) and not box.waiting)
        await pilot.press("slash", *"zzz")  # no deal matches, and so no alert
        await until(pilot, lambda: rows(app) == [] and not box.waiting)
        assert box.display and box.listed == []
        assert "No alerts for the deals shown" in str(box.get_option_at_index(0).prompt)
        assert str(box.border_title).startswith("Alerts: 0 of ")
