"""The Portfolio table keeps what it drew while a filter or a sort moves rows around; what
it shows must still follow the data, the theme and the mouse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.style import Style
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def table(app: NegtuiApp) -> DataTable[object]:
    return app.screen.query_one("#deals", DataTable)


def drawn_lines(app: NegtuiApp) -> list[str]:
    width, height = table(app).outer_size
    return [strip.text for strip in table(app).render_lines(Region(0, 0, width, height))]


def name_style(app: NegtuiApp, name: str) -> Style | None:
    """The style of the drawn segment holding ``name``."""
    width, height = table(app).outer_size
    for strip in table(app).render_lines(Region(0, 0, width, height)):
        for segment in strip:
            if name in segment.text:
                return segment.style
    return None


def shown_names(app: NegtuiApp) -> list[str]:
    deals = app.session.portfolio.books
    return [deals[str(table(app).coordinate_to_cell_key((row, 0)).row_key.value)].deal.name
            for row in range(table(app).row_count)]


async def type_filter(pilot: Pilot[object], app: NegtuiApp, text: str) -> None:
    await pilot.press("slash")
    await until(pilot, lambda: isinstance(app.focused, Input))
    await pilot.press(*text)
    await until(pilot, lambda: getattr(app.screen, "filter_text", None) == text)


async def test_a_deal_changed_on_disk_shows_its_new_value_in_a_filtered_table(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        deal_id = app.session.deal_id
        assert deal_id is not None
        name = app.session.portfolio.books[deal_id].deal.name
        await until(pilot, lambda: any(name in line for line in drawn_lines(app)))
        await type_filter(pilot, app, name[:3].lower())
        await pilot.press("enter")
        await until(pilot, lambda: any(name in line for line in drawn_lines(app)))
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        other = Store(demo_folder)
        deal = other.read_book(deal_id).deal
        value = (deal.value or 0) + 1000
        other.save_deal(deal.model_copy(update={"value": value}))
        await pilot.press("1")

        def deal_line() -> str:
            return next(line for line in drawn_lines(app) if name in line)

        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and f"{value:,.0f}" in deal_line())


async def test_a_theme_switched_while_filtering_repaints_the_rows_kept(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        name = app.session.portfolio.books[str(app.session.deal_id)].deal.name
        await until(pilot, lambda: name_style(app, name) is not None)
        dark = name_style(app, name)
        await type_filter(pilot, app, name[:3].lower())
        app.theme = "nord"  # dark like the first: no pseudo-class tells them apart
        await until(pilot, lambda: name_style(app, name) not in (None, dark))
        nord = name_style(app, name)
        assert nord is not None and dark is not None
        assert nord.bgcolor != dark.bgcolor
        # Cleared again: the rows first drawn in the first theme come back in the new one.
        await pilot.press("escape")
        await until(pilot, lambda: not getattr(app.screen, "filter_text", "?"))
        back = name_style(app, name)
        assert back is not None and back.bgcolor != dark.bgcolor


async def test_a_click_after_reversing_the_sort_picks_the_row_under_the_mouse(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: table(app).row_count > 3 and drawn_lines(app))
        before = shown_names(app)
        await pilot.press("S")  # the same rows, most of them in another place
        await until(pilot, lambda: shown_names(app) != before)
        after = shown_names(app)
        assert sorted(after) == sorted(before)
        # Under the border and the header, body row n is n + 2 lines down.
        for row in range(1, len(after)):
            await pilot.click("#deals", offset=(4, row + 2))

            def picked(row: int = row) -> bool:
                deal = app.session.current_deal()
                return table(app).cursor_row == row and deal is not None \
                    and deal.name == after[row]

            await until(pilot, picked, timeout=10)

