"""Opening a portfolio from its summaries: the files are still the truth."""

from __future__ import annotations

import gc
import json
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
        # The deal it held is named, since it has gone from the table.
        assert f"{path.name} ({name})" in banner(app)
        assert name not in rows(app)
        assert path.stem not in app.session.portfolio.books


async def test_a_file_that_is_no_longer_json_is_named_with_the_deal_it_held(
        demo_folder: Path, make_app: AppMaker) -> None:
    make_app(demo_folder).session.keep_summaries()
    store = Store(demo_folder).open()
    path = sorted(store.deal_files())[0]
    name = store.read_book(path.stem).deal.name
    path.write_text("{ not json", encoding="utf-8")
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: path.name in banner(app))
        assert f"{path.name} ({name})" in banner(app)
        assert path.read_text(encoding="utf-8") == "{ not json"  # left as it was


def cells(app: NegtuiApp) -> list[list[str]]:
    table = app.screen.query_one("#deals", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_a_summary_edited_by_hand_is_not_trusted(demo_folder: Path,
                                                       make_app: AppMaker) -> None:
    """Its deal file has not changed, so the summary still looks current: values of the
    wrong type in it send the deal to a full reading, and the deal shows as it is."""
    first = make_app(demo_folder)
    async with first.run_test(size=(120, 40)):
        painted = cells(first)
    summary = next(path for path in (demo_folder / ".summaries").iterdir()
                   if '"impact_deal": ' in path.read_text("utf-8"))
    head, body = summary.read_text("utf-8").splitlines()
    edited = json.loads(body)
    edited["deal"].update(value="a lot", hours_per_week="forty", status=3, start=20261201)
    edited["terms"][0].update(impact_deal="high", name=None)
    summary.write_text(f"{head}\n{json.dumps(edited)}\n", encoding="utf-8")
    app = make_app(demo_folder)
    assert summary.stem not in app.session.glance().partial  # read in full at once
    async with app.run_test(size=(120, 40)) as pilot:
        assert cells(app) == painted
        await until(pilot, lambda: app.session.complete)
        assert cells(app) == painted
        assert banner(app) == ""


async def test_the_collector_is_on_again_once_the_portfolio_is_painted(
        demo_folder: Path, make_app: AppMaker) -> None:
    """The start holds the cyclic garbage collector off; a long session without it would
    only ever grow."""
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: rows(app) and gc.isenabled())
        await until(pilot, lambda: app.session.complete)
        assert gc.isenabled()
