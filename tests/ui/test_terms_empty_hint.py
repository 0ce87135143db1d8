"""A deal with no terms shows what to do, and no hint about columns of a table it does
not show, even after a deal with terms filled that table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable

from negtui.domain.models import Deal
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


async def test_no_column_hint_under_a_deal_without_terms(demo_folder: Path,
                                                         make_app: AppMaker) -> None:
    Store(demo_folder).open().create_deal(Deal(id="d-beacon", name="Beacon"))
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen)
                    and app.screen.query_one("#terms-hint").display
                    and app.screen.query_one("#terms-hint").region.height > 0)
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        table = app.screen.query_one("#deals", DataTable)
        await until(pilot, lambda: table.row_count > 0)
        table.move_cursor(row=table.get_row_index("d-beacon"))
        await until(pilot, lambda: app.session.deal_id == "d-beacon")
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen)
                    and app.screen.has_class("-empty"))
        await pilot.pause()
        hint = app.screen.query_one("#terms-hint")
        assert hint.region.height == 0 or not hint.display
        for grid in (False, True):  # in the grid view too
            if grid:
                await pilot.press("g")
                await pilot.pause()
            assert app.screen.query_one("#terms-hint").region.height == 0
