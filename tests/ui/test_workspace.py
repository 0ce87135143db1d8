"""The deal workspace shows the whole deal, not only its brief."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.workspace import WorkspaceScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


async def test_the_workspace_shows_value_dates_hours_and_markets(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        brief = str(app.screen.query_one("#brief", Static).render())
        assert "Northwind data platform" in brief
        lines = brief.splitlines()
        assert "Value      84,000 EUR" in lines
        assert "Dates      Mon 07 Dec 2026 to Fri 11 Jun 2027 (27 weeks)" in lines
        assert "Hours      16 h a week" in lines
        assert "Markets    logistics, data engineering" in lines
        assert "Invoicing  monthly" in lines
