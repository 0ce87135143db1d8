"""The app shell driven by real key presses: screens, help, palette, reload, quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Static

from negtui.domain.models import Deal
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.help import HelpScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from tests.ui.conftest import help_rows, screen_lines, until

AppMaker = Callable[[Path], NegtuiApp]


def _rows(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#deals", DataTable)
    return [str(table.get_row_at(index)[0]) for index in range(table.row_count)]


async def test_portfolio_lists_every_demo_deal(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)):
        assert isinstance(app.screen, PortfolioScreen)
        rows = _rows(app)
        assert len(rows) == 8
        assert rows[0] == "Northwind data platform"  # negotiating deals come first
        assert "Tidewater platform bid" in rows


async def test_number_keys_switch_screens_and_escape_walks_back_through_them(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    visited = ["terms", "concessions", "calendar", "checklist"]
    async with app.run_test() as pilot:
        for key, mode in zip("2345", visited, strict=True):
            await pilot.press(key)
            assert app.current_mode == mode
            assert not isinstance(app.screen, PortfolioScreen)
        for mode in reversed(["portfolio", *visited[:-1]]):
            await pilot.press("escape")
            assert app.current_mode == mode
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("escape")  # nowhere further back to go
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("3")
        await pilot.press("1")
        assert isinstance(app.screen, PortfolioScreen)


async def test_other_screens_follow_the_deal_under_the_cursor(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await pilot.press("down")
        chosen = app.session.current_deal()
        assert chosen is not None and chosen.name == _rows(app)[1]
        await pilot.press("2")
        assert app.session.current_deal() == chosen
        assert chosen.name in app.screen.sub_title or chosen.name in str(
            [str(w.render()) for w in app.screen.query(Static)])


async def test_help_lists_the_keys_of_the_current_screen(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {says for _, says in help_rows(app.screen)}
        assert {"Open", "New deal", "Delete", "Portfolio", "Terms", "Keys (this help)",
                "Quit"} <= described
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)


async def test_help_on_a_pushed_screen_is_titled_for_it_with_its_own_keys_first(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "question_mark")  # the deal workspace, then help
        assert isinstance(app.screen, HelpScreen)
        title = str(app.screen.query_one("#help-title", Static).render())
        assert title == "Keys — Deal workspace"
        described = [says for _, says in help_rows(app.screen)]
        assert described[:3] == ["Edit deal", "Brief", "Research"]
        # Textual's own keys come after every key of negtui's.
        assert described.index("Focus next") > described.index("Quit")


async def test_palette_jumps_to_a_deal(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"deal: meridian")
        await until(pilot, lambda: "Deal: Meridian" in " ".join(screen_lines(app)))
        await pilot.press("enter")
        # Its workspace opens; back from it, the deal is the one chosen on the portfolio.
        await until(pilot, lambda: type(app.screen).__name__ == "WorkspaceScreen")
        deal = app.session.current_deal()
        assert deal is not None and deal.name == "Meridian analytics extension"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        table = app.screen.query_one("#deals", DataTable)
        assert str(table.get_row_at(table.cursor_row)[0]) == "Meridian analytics extension"


async def test_palette_jumps_to_a_screen(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"go to calendar")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "calendar"


async def test_a_deal_added_by_another_process_appears_on_screen_switch(
    demo_folder: Path, make_app: AppMaker, clock: object
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        other = Store(demo_folder).open()
        other.create_deal(Deal(id="d-fromcli", name="Added elsewhere"))
        await pilot.press("2", "1")
        assert "Added elsewhere" in _rows(app)


async def test_a_change_made_elsewhere_appears_without_a_key(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        other = Store(demo_folder).open()
        book = other.read_book(app.session.portfolio.deals()[0].id)
        other.save_deal(book.deal.model_copy(update={"name": "Renamed by a colleague"}))
        await until(pilot, lambda: "Renamed by a colleague" in _rows(app), timeout=15)


async def test_reload_key_picks_up_a_change(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        other = Store(demo_folder).open()
        book = other.read_book(app.session.portfolio.deals()[0].id)
        other.save_deal(book.deal.model_copy(update={"name": "Renamed outside"}))
        await pilot.press("ctrl+r")
        assert "Renamed outside" in _rows(app)


async def test_empty_folder_says_how_to_start(empty_folder: Path, make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test() as pilot:
        await pilot.pause()
        empty = app.screen.query_one("#empty", Static)
        assert empty.display
        assert "negtui demo" in str(empty.render())
        assert not app.screen.query_one("#deals", DataTable).display


async def test_broken_file_is_reported_and_left_alone(
    demo_folder: Path, make_app: AppMaker
) -> None:
    victim = sorted((demo_folder / "deals").glob("*.json"))[0]
    victim.write_text('{"deal": {"1": {"id": ')
    before = victim.read_bytes()
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 30)) as pilot:
        banner = app.screen.query_one("#problems", Static)
        assert banner.display
        assert victim.name in str(banner.render())
        assert len(_rows(app)) == 7
        await pilot.press("ctrl+r")
    assert victim.read_bytes() == before


async def test_ctrl_q_quits(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
    assert app.return_code == 0
