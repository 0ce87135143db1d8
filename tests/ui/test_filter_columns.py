"""Typing in the Portfolio filter: the columns stand still while the field has the focus,
the rows shown are exactly those matching what was typed, and the columns fit the rows
again once the field is left."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from negtui.store import Store
from negtui.ui.app import NegtuiApp

from .conftest import until
from .keyboard import burst, typed

AppMaker = Callable[[Path], NegtuiApp]
RETAIL = ["Atlas pricing study", "Orchard loyalty pilot"]


def table(app: NegtuiApp) -> DataTable[object]:
    return app.screen.query_one("#deals", DataTable)


def rows(app: NegtuiApp) -> list[str]:
    return [str(table(app).get_row_at(i)[0]) for i in range(table(app).row_count)]


def widths(app: NegtuiApp) -> dict[str | None, int]:
    """Each column shown, by its key, and its width."""
    return {column.key.value: column.get_render_width(table(app))
            for column in table(app).ordered_columns}


def typed_in_filter(app: NegtuiApp, text: str) -> bool:
    return getattr(app.screen, "filter_text", None) == text


def drawn_lines(app: NegtuiApp) -> list[str]:
    return [table(app).render_line(y).text for y in range(table(app).size.height)]


async def open_filter(pilot: Pilot[object], app: NegtuiApp) -> None:
    await until(pilot, lambda: len(rows(app)) == 8)
    await pilot.press("slash")
    await until(pilot, lambda: isinstance(app.focused, Input))


async def test_columns_keep_their_widths_while_typing_and_fit_the_rows_after(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_filter(pilot, app)
        every_deal = widths(app)
        burst(pilot, typed("lumen"))
        await until(pilot, lambda: typed_in_filter(app, "lumen")
                    and rows(app) == ["Lumen onboarding audit"])
        # One short row left: the columns are still as wide as for all eight deals.
        assert widths(app) == every_deal
        await pilot.press("enter")  # done typing: the columns fit the row shown
        await until(pilot, lambda: isinstance(app.focused, DataTable))
        # Narrower around the one short name (and room, maybe, for columns left out).
        assert widths(app)["Deal"] < every_deal["Deal"]
        assert rows(app) == ["Lumen onboarding audit"]
        await pilot.press("escape")  # cleared: every deal, the columns as at first
        await until(pilot, lambda: len(rows(app)) == 8)
        assert widths(app) == every_deal


async def test_a_burst_that_narrows_and_widens_the_filter_shows_what_the_last_key_asks(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_filter(pilot, app)
        every_deal = widths(app)
        in_order = rows(app)
        # Fewer rows at each letter, more again at each backspace: those come back in
        # their places among the rows still shown.
        burst(pilot, typed("reta", "backspace", "backspace", "backspace"))
        await until(pilot, lambda: typed_in_filter(app, "r") and len(rows(app)) > 2)
        shown = rows(app)
        assert shown == [name for name in in_order if name in shown]
        burst(pilot, typed("etail"))
        await until(pilot, lambda: typed_in_filter(app, "retail") and rows(app) == RETAIL)
        assert widths(app) == every_deal
        # The cursor is on a row shown, and it is the deal the screen works on.
        current = app.session.current_deal()
        assert 0 <= table(app).cursor_row < len(RETAIL)
        assert current is not None and current.name == rows(app)[table(app).cursor_row]
        # Each row drawn is the deal it says: the lines name them in order, nothing else.
        lines = drawn_lines(app)
        assert [name for name in RETAIL if any(name in line for line in lines)] == RETAIL
        assert not any(other in line for line in lines for other in
                       ("Northwind", "Harbor", "Meridian", "Quill", "Lumen", "Tidewater"))
        burst(pilot, typed(*["backspace"] * 6))
        await until(pilot, lambda: typed_in_filter(app, "") and len(rows(app)) == 8)
        assert widths(app) == every_deal


async def test_a_deal_changed_on_disk_while_filtering_shows_whole_and_changed(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_filter(pilot, app)
        every_deal = widths(app)
        burst(pilot, typed("lumen"))
        await until(pilot, lambda: rows(app) == ["Lumen onboarding audit"])
        other = Store(demo_folder)
        deal = next(d for d in other.load().deals() if d.name == "Lumen onboarding audit")
        longer = "Lumen onboarding audit, phase two"  # longer than any name shown
        other.save_deal(deal.model_copy(update={"name": longer, "value": 12345}))
        # Seen by the app's watch on the folder, typing still under way.
        await until(pilot, lambda: rows(app) == [longer], timeout=60)
        assert isinstance(app.focused, Input)
        line = next(line for line in drawn_lines(app) if "Lumen" in line)
        assert longer in line and "12,345" in line
        # Its column grew to show the new name whole, and the table still fits the pane.
        assert widths(app)["Deal"] > every_deal["Deal"]
        assert sum(widths(app).values()) <= table(app).size.width


async def test_each_row_is_drawn_as_textual_draws_it_under_the_cursor_and_the_mouse(
    demo_folder: Path, make_app: AppMaker
) -> None:
    from textual.coordinate import Coordinate
    from textual.widgets import DataTable as TextualTable

    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: len(rows(app)) == 8)
        deals = table(app)
        base = deals.rich_style
        for focused in (True, False):
            deals._pseudo_class_state = deals.get_pseudo_class_state()
            for row, mouse in itertools.product(range(deals.row_count), (False, True)):
                deals._set_hover_cursor(mouse)
                key = deals._row_locations.get_key(row)
                for cursor, hover in [(row, -1), (0, row), (-1, -1), (row, row)]:
                    at = Coordinate(cursor, 0), Coordinate(hover, 0)
                    deals._kept_rows.clear()
                    ours = deals._render_line_in_row(key, 0, base, *at)
                    theirs = TextualTable._render_line_in_row(deals, key, 0, base, *at)
                    assert ours == theirs, (row, cursor, hover, mouse, focused)
            deals._set_hover_cursor(False)
            await pilot.press("slash")  # the table without the focus looks otherwise
            await until(pilot, lambda: isinstance(app.focused, Input))
