"""The Portfolio draws its deals first and lists its alerts right after: once listed they
are the audit's, and keys typed before that still reach the right place."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import DataTable

from negtui.domain.audit import review
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.widgets import alerts_box
from negtui.ui.widgets.alerts_box import AlertsBox
from negtui.ui.widgets.portfolio_band import alerts_title

from .conftest import LARGE, until
from .keyboard import burst

AppMaker = Callable[[Path], NegtuiApp]


def shown(box: AlertsBox) -> list[str]:
    lines = []
    for index in range(box.option_count):
        console = Console(width=500, file=io.StringIO(), record=True)
        console.print(box.get_option_at_index(index).prompt)
        lines.append(console.export_text().strip())
    return lines


def hold_the_listing(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """A machine so busy that the screen has not been refreshed since it was filled: the
    box's listing waits, everything else goes on."""
    held: list[object] = []
    original = AlertsBox.call_after_refresh

    def hold(self: AlertsBox, callback: Any, *args: Any, **kwargs: Any) -> bool:
        if getattr(callback, "__func__", None) is AlertsBox.list_now:
            held.append(callback)
            return True
        return original(self, callback, *args, **kwargs)

    monkeypatch.setattr(AlertsBox, "call_after_refresh", hold)
    return held


async def test_the_alerts_listed_after_start_are_the_audits(
        demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alerts_box, "ALERTS_SHOWN", 3)  # so the demo has more than shown
    app = make_app(demo_folder)
    async with app.run_test(size=LARGE) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        box = screen.query_one("#alerts", AlertsBox)
        session = app.session
        found = review(session.glance().books.values(), session.settings,
                       session.clock().datetime)
        more = len(found.alerts) - 3
        assert more > 0
        expected = [f"{a.kind}: {a.message}" for a in found.alerts[:3]] + [
            f"… and {more} more"]
        await until(pilot, lambda: not box.waiting and shown(box) == expected)
        assert box.border_title == alerts_title(found)
        assert box.listed == found.alerts[:3]


async def test_keys_typed_before_the_alerts_are_listed_go_to_them(
        demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    held = hold_the_listing(monkeypatch)
    app = make_app(demo_folder)
    async with app.run_test(size=LARGE) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        box = screen.query_one("#alerts", AlertsBox)
        # The deals are there; the box has its title and place, not its alerts yet.
        assert screen.query_one("#deals", DataTable).row_count > 0
        assert held and box.waiting and box.option_count == 0
        assert box.display and str(box.border_title).startswith("Alerts: ")
        first = app.session.deal_id
        # One that goes to its deal's row (an alert about one item opens the item).
        index, alert = next((i, a) for i, a in enumerate(screen.alerts)
                            if a.deal_ids[0] != first and a.entry_uid is None
                            and a.term_id is None)
        burst(pilot, ["exclamation_mark", *["down"] * index, "enter"])
        await until(pilot, lambda: app.session.deal_id == alert.deal_ids[0]
                    and screen.query_one("#deals").has_focus)
        assert isinstance(app.screen, PortfolioScreen)  # enter chose the alert, no deal opened


async def test_the_portfolio_takes_keys_while_its_alerts_wait(
        demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    hold_the_listing(monkeypatch)
    app = make_app(demo_folder)
    async with app.run_test(size=LARGE) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        table = screen.query_one("#deals", DataTable)
        third = table.coordinate_to_cell_key((2, 0)).row_key.value
        burst(pilot, ["down", "down", "s"])
        # Sorted by the next column, the deal the cursor went to still in focus.
        await until(pilot, lambda: screen.sort_column == "Value"
                    and app.session.deal_id == third
                    and table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
                    == third)
        assert screen.query_one("#alerts", AlertsBox).waiting
