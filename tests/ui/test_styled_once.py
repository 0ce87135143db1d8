"""Opening the app styles the Portfolio once, in the theme the user chose: the rules are
not parsed a second time before the first frame (on a large portfolio each pass over the
whole app costs a visible moment)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import DataTable

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def count_reparses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        calls.append(1)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    return calls


def painted(app: NegtuiApp) -> bool:
    return isinstance(app.screen, PortfolioScreen) and \
        app.screen.query_one("#deals", DataTable).row_count > 0


async def test_the_portfolio_is_styled_once_as_the_app_opens(
    demo_folder: Path, make_app: AppMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    reparses = count_reparses(monkeypatch)
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await until(pilot, lambda: painted(app))
        await pilot.pause()
        assert reparses == []


async def test_a_theme_from_the_config_file_colours_the_first_portfolio(
    demo_folder: Path, make_app: AppMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("NEGTUI_CONFIG", str(config_file))
    config_file.parent.mkdir()
    config_file.write_text('theme = "textual-light"\n', encoding="utf-8")
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await until(pilot, lambda: painted(app))
        await pilot.pause()
        assert app.theme == "textual-light"
        table = app.screen.query_one("#deals", DataTable)
        first = (app.screen.styles.background, table.styles.color, table.styles.background)
        # Styling everything again from scratch changes nothing: the first was complete.
        app.refresh_css(animate=False)
        await pilot.pause()
        assert (app.screen.styles.background, table.styles.color,
                table.styles.background) == first
