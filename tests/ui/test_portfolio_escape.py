"""escape on the Portfolio clears whatever filter is on, the status filter included,
before it goes back anywhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen

from .conftest import until
from .test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]


async def test_escape_clears_the_status_filter_and_stays_on_the_portfolio(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one("#deals", DataTable)
        await until(pilot, lambda: table.row_count > 2)
        every = table.row_count
        # Come from another screen first, so that escape has somewhere to go back to.
        await pilot.press("3", "1", "f", "f")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and any("Showing status:" in line for line in screen_lines(app)))
        assert table.row_count < every
        await pilot.press("escape")
        await until(pilot, lambda: table.row_count == every)
        assert isinstance(app.screen, PortfolioScreen)
        assert not any("Showing status:" in line for line in screen_lines(app))
