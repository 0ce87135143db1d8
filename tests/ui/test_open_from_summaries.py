"""Opening a portfolio from its summaries: the files are still the truth."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, Static

from negtui.store import Store
from negtui.ui.app import NegtuiApp

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def rows(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#deals", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def prep(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#deals", DataTable)
    return [str(table.get_cell(key, "Prep")) for key in table.rows]


def banner(app: NegtuiApp) -> str:
    found = app.screen.query_one("#problems", Static)
    return str(found.render()) if found.display else ""


def break_in_place(path: Path) -> None:
    """Make a term's rating out of range without the file's size, inode or time
    changing: what a summary cannot notice."""
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    for rating in range(1, 10):
        broken = text.replace(f'"impact_deal": {rating}', '"impact_deal": 0', 1)
        if broken != text:
            break
    assert broken != text and len(broken) == len(text)
    with open(path, "r+", encoding="utf-8") as handle:
        handle.write(broken)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


async def test_the_second_start_paints_the_same_portfolio(demo_folder: Path,
                                                          make_app: AppMaker) -> None:
    first = make_app(demo_folder)
    async with first.run_test(size=(120, 40)):
        painted = (rows(first), prep(first))
    second = make_app(demo_folder)
    # Opened from the summaries the first one kept as it ended, every deal of them.
    assert second.session.glance().partial == set(second.session.glance().books)
    async with second.run_test(size=(120, 40)) as pilot:
        assert (rows(second), prep(second)) == painted
        await until(pilot, lambda: second.session.complete)
        assert (rows(second), prep(second)) == painted


async def test_a_broken_file_behind_a_current_summary_is_reported_by_name(
        demo_folder: Path, make_app: AppMaker) -> None:
    make_app(demo_folder).session.keep_summaries()
    store = Store(demo_folder).open()
    path = next(p for p in store.deal_files() if '"impact_deal": ' in p.read_text("utf-8"))
    name = store.read_book(path.stem).deal.name
    break_in_place(path)
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: path.name in banner(app))
        assert "could not be read" in banner(app)
        assert name not in rows(app)
        assert path.stem not in app.session.portfolio.books
