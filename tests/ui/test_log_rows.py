"""The live log after entries are logged one by one shows the same rows, flags included,
as the log of a fresh start on the same files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Input

from negtui.domain.book import DealBook
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def rows(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#log", DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(index))
            for index in range(table.row_count)]


async def log_gives(app: NegtuiApp, pilot, count: int, term: str = "") -> None:
    table = app.screen.query_one("#log", DataTable)
    for number in range(count):
        before = table.row_count
        await pilot.press("g")
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor(f"Gave point {number} {term}".strip())
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda before=before: table.row_count == before + 1)


async def fresh_rows(folder: Path, make_app: AppMaker) -> list[str]:
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: rows(app))
        return rows(app)


def flags(row: str) -> str:
    return row.split(" | ")[5]


async def test_gives_in_a_row_are_flagged_as_a_fresh_start_flags_them(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await log_gives(app, pilot, app.session.settings.unreciprocated_limit + 1)
        shown = rows(app)
    assert "U" in flags(shown[-1]) and "U" in flags(shown[-2])
    assert shown == await fresh_rows(demo_folder, make_app)


async def test_a_term_made_a_hard_line_flags_the_entries_already_shown(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await log_gives(app, pilot, 1, "#travel")
        book = app.session.current_book()
        assert isinstance(book, DealBook)
        travel = next(t for t in book.terms if t.name == "Travel")
        hard = travel.model_copy(update={"impact_deal": 10, "impact_portfolio": 10,
                                      "rationale": "Budget is fixed",
                                      "consequence": "Walk away"})
        app.session.run(lambda store: store.put(book.id, hard), book.id)
        await until(pilot, lambda: "N" in flags(rows(app)[-1]))
        shown = rows(app)
    assert Store(demo_folder).read_book(book.id).terms != book.terms
    assert shown == await fresh_rows(demo_folder, make_app)


async def test_a_position_in_the_log_carries_its_terms_unit(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: rows(app))
        count = len(rows(app))
        await pilot.press("r")
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("They accept net 35 #payment-terms =35")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: len(rows(app)) == count + 1)
        assert rows(app)[-1].endswith("They accept net 35  =35 days")
