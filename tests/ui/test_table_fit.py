"""Tables fit their panes on many deals as on few: no sideways scrollbar unless a table is
really wider than its pane, no text under the vertical scrollbar, every column label
whole or ending in "…", and a screen that never scrolls as a whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.pilot import Pilot
from textual.widget import Widget

from negtui.demo import large_portfolio
from negtui.domain.clock import fixed_clock
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.shown import DataTable
from tests.ui.conftest import NOW, help_rows, until
from tests.ui.test_fit import open_screen, screen_lines

AppMaker = Callable[[Path], NegtuiApp]
SIZES = [(80, 24), (200, 60)]
# Enough deals that the portfolio scrolls at 80x24; each has hundreds of concessions.
DEALS = 20


@pytest.fixture(scope="module")
def many_deals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    clock = fixed_clock(NOW)
    folder = tmp_path_factory.mktemp("many") / "deals"
    store = Store(folder, clock).open()
    settings, books = large_portfolio(clock, deals=DEALS)
    store.save_settings(settings)
    for book in books:
        store.write_book(book)
    return folder


def label_of(label: object) -> str:
    return label.plain if isinstance(label, Text) else str(label)


def fit_problems(table: DataTable[object]) -> list[str]:
    """What a user would see wrong with a table: a sideways scrollbar over columns that
    fit, text running under the vertical scrollbar, a label cut without "…"."""
    problems = []
    room = table.scrollable_content_region.width
    if table.show_horizontal_scrollbar:
        problems.append(f"sideways scrollbar: {table.virtual_size.width} in {room}")
    elif table.virtual_size.width > room:
        problems.append(f"columns {table.virtual_size.width} wide in {room}")
    for column in table.columns.values():
        label = label_of(column.label)
        inside = column.get_render_width(table) - 2 * table.cell_padding
        if cell_len(label) > inside or (label.endswith("…") and not label.strip("…")):
            problems.append(f"label {label!r} in {inside} cells")
    return problems


def tables(app: NegtuiApp) -> list[DataTable[object]]:
    return [table for table in app.screen.query(DataTable)
            if table.display and table.region.width and table.row_count]


async def settled(pilot: Pilot[object], app: NegtuiApp) -> None:
    """Until the tables on screen hold rows and have been laid out for them."""
    def ready() -> bool:
        shown = tables(app)
        return bool(shown) and all(
            table.virtual_size.height == table.row_count + 1 for table in shown)

    await until(pilot, ready)
    await pilot.pause()


async def test_many_deals_at_80x24_fit_the_pane_with_every_label_whole(
        many_deals: Path, make_app: AppMaker) -> None:
    app = make_app(many_deals)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#deals", DataTable).row_count == DEALS)
        table = app.screen.query_one("#deals", DataTable)
        await settled(pilot, app)
        assert table.show_vertical_scrollbar  # more deals than rows: it scrolls down only
        assert fit_problems(table) == []
        header = next(line for line in screen_lines(app) if line.startswith(" Deal "))
        assert header.rstrip().endswith("Alerts")
        # The deals and the alerts share the screen: it does not scroll as a whole.
        assert not app.screen.show_vertical_scrollbar
        assert app.screen.query_one("#alerts").region.bottom <= app.size.height - 1


async def test_a_long_log_keeps_what_was_conceded_clear_of_its_scrollbar(
        many_deals: Path, make_app: AppMaker) -> None:
    app = make_app(many_deals)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["3"])
        log = app.screen.query_one("#log", DataTable)
        await until(pilot, lambda: log.row_count > 100)
        await settled(pilot, app)
        assert log.show_vertical_scrollbar
        assert fit_problems(log) == []


SCREENS = {
    "portfolio": [],
    "terms": ["2"],
    "all terms": ["2", "A"],
    "all concessions": ["3", "A"],
}


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_table_fits_its_pane_on_many_deals(
        name: str, size: tuple[int, int], many_deals: Path, make_app: AppMaker) -> None:
    app = make_app(many_deals)
    async with app.run_test(size=size) as pilot:
        await open_screen(app, pilot, SCREENS[name])
        await settled(pilot, app)
        for table in tables(app):
            assert fit_problems(table) == [], table.id
        assert not app.screen.show_vertical_scrollbar


def _bar_at_edge(list_widget: Widget, box: Widget) -> bool:
    """Whether a list's scrollbar is at its dialog's own edge: the list runs to the box's
    inner edge and its text to the bar, with no empty columns between."""
    return (list_widget.region.right == box.content_region.right
            and list_widget.virtual_size.width >= list_widget.scrollable_content_region.width)


async def test_help_is_as_wide_as_its_keys_and_scrolls_at_its_own_edge(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.ui.screens.help import HelpScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, [])
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        keys = app.screen.query_one("#help-keys", DataTable)
        box = app.screen.query_one("#help-box")
        await until(pilot, lambda: keys.region.height > 0 and keys.virtual_size.height > 0)
        await pilot.pause()
        assert keys.show_vertical_scrollbar  # more keys than 24 rows hold
        assert _bar_at_edge(keys, box)
        assert box.region.width < 60  # sized to what it says, not a fixed width
        assert box.region.y >= 1 and box.region.bottom <= app.size.height - 1
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: not keys.show_vertical_scrollbar)
        # Room for every key: the whole list shows, nothing scrolls.
        assert keys.region.height == keys.virtual_size.height


async def test_the_palette_on_a_wide_screen_keeps_its_scrollbar_beside_the_commands(
        demo_folder: Path, make_app: AppMaker) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_screen(app, pilot, [])
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        results = app.screen.query_one(CommandList)
        await until(pilot, lambda: results.option_count > 0 and results.region.width > 0)
        await pilot.pause()
        widest = max(cell_len(str(results.get_option_at_index(index).prompt).split("\n")[0])
                     for index in range(results.option_count))
        assert results.region.width <= widest + 40
        assert results.region.x > 0 and results.region.right < app.size.width


@pytest.mark.parametrize("keys", [["1"], ["2"], ["3"], ["4"], ["5"], ["1", "enter"]],
                         ids=["portfolio", "terms", "concessions", "calendar", "checklist",
                              "workspace"])
async def test_help_at_120x40_shows_every_key_of_the_screen_without_scrolling(
        keys: list[str], demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.ui.screens.help import HelpScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*keys, "question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        table = help_screen.query_one("#help-keys", DataTable)
        listed = help_rows(help_screen)
        assert len(listed) == len(help_screen.keys)  # type: ignore[attr-defined]
        await until(pilot, lambda: table.region.height > 0
                    and table.region.height == table.virtual_size.height)
        assert not table.show_vertical_scrollbar
        # Each key, with what it does beside it, is in the help box as it opened (not on
        # the screen under it).
        box = help_screen.query_one("#help-box")
        area = box.region
        inside = [line[area.x:area.right] for line in screen_lines(app)[area.y:area.bottom]]
        shown = " ".join(inside)
        for key, says in listed:
            assert f"{key} " in shown and says in shown, (key, says)
        assert box.region.x >= 2 and box.region.right <= app.size.width - 2
        # Narrowed to 80x24, one pair of columns again, which scrolls.
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: len(table.ordered_columns) == 2
                    and table.show_vertical_scrollbar)
        assert help_rows(help_screen) == listed
