"""Help on the Concessions screen says how to save a line and every mark the line reads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.help import HelpScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from tests.ui.conftest import help_rows, until

AppMaker = Callable[[Path], NegtuiApp]


async def test_help_lists_enter_and_the_marks_of_the_capture_line(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, PortfolioScreen))
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict(help_rows(app.screen))
        enter = app.get_key_display(Binding("enter", ""))
        assert rows[enter] == "In the bar: save the line typed after g or r"
        assert "term" in rows["#term"]
        assert "to us, to them (1-10)" in rows["us:N them:N"]
        assert "=690" in rows["=position"]
        assert "another deal" in rows["@deal"]
        assert "note" in rows["// note"]
