"""A screen left and shown again draws what changed meanwhile: in another window, on
another screen, or in the theme. (It is kept as it was left otherwise, for speed.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.geometry import Region
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.palette import Role, style
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def drawn(app: NegtuiApp, selector: str) -> str:
    """The text a table puts on the screen now, line by line."""
    table = app.screen.query_one(selector, DataTable)
    width, height = table.size
    return "\n".join(strip.text for strip in table.render_lines(Region(0, 0, width, height)))


def footer_labels(app: NegtuiApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_an_offer_changed_in_another_window_shows_when_coming_back_to_terms(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen)
                    and "Day rate" in drawn(app, "#terms-table"))
        deal_id = app.session.deal_id
        assert deal_id is not None
        before = next(line for line in drawn(app, "#terms-table").splitlines()
                      if "Day rate" in line)
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        # Meanwhile, from a terminal beside the app: the same terms, one offer changed.
        other = Store(demo_folder)
        day_rate = next(t for t in other.read_book(deal_id).terms if t.name == "Day rate")
        other.put(deal_id, day_rate.model_copy(update={"on_table": "999 EUR"}))
        await pilot.press("2")

        def day_rate_line() -> str:
            return next(line for line in drawn(app, "#terms-table").splitlines()
                        if "Day rate" in line)

        await until(pilot, lambda: isinstance(app.screen, TermsScreen)
                    and "999 EUR" in day_rate_line())
        assert day_rate_line() != before


async def test_a_deal_changed_in_another_window_shows_when_coming_back_to_the_portfolio(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        deal_id = app.session.deal_id
        assert deal_id is not None
        name = app.session.portfolio.books[deal_id].deal.name
        await until(pilot, lambda: name in drawn(app, "#deals"))
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        other = Store(demo_folder)
        deal = other.read_book(deal_id).deal
        value = (deal.value or 0) + 1000
        other.save_deal(deal.model_copy(update={"value": value}))
        await pilot.press("1")

        def deal_line() -> str:
            return next(line for line in drawn(app, "#deals").splitlines() if name in line)

        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and f"{value:,.0f}" in deal_line())


async def test_a_theme_chosen_on_another_screen_colours_the_portfolio_cells(
    demo_folder: Path, make_app: AppMaker
) -> None:
    harbor = next(b for b in Store(demo_folder).load().books.values()
                  if b.deal.name.startswith("Harbor"))
    app = make_app(demo_folder)

    def overdue_style() -> str:
        table = app.screen.query_one("#deals", DataTable)
        cell = table.get_cell(harbor.id, "Next")
        return str(cell.style)

    async with app.run_test(size=(120, 40)) as pilot:
        dark = overdue_style()
        assert dark == str(style(Role.ALARM))
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and overdue_style() == str(style(Role.ALARM)))
        assert overdue_style() != dark


async def test_undo_made_possible_on_another_screen_is_in_the_portfolio_footer(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Open" in footer_labels(app))
        assert "Undo" not in footer_labels(app)
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, TermsScreen))
        table = app.screen.query_one("#terms-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        for _ in range(names.index("Exclusivity")):
            await pilot.press("down")
        await pilot.press("d", "y")  # a deleted term can be brought back
        await until(pilot, lambda: bool(app.session.undo))
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen)
                    and "Undo" in footer_labels(app))
