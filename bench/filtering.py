"""Typing in the portfolio filter on the large portfolio: one key to a redrawn table.

The app runs under Pilot, 120x40; ``/`` opens the filter, then each letter of a deal
name's start is posted and timed until the table shows the rows that match and has
refreshed. The baseline is a bare Textual app whose Input filters a 200-row DataTable in
the same way, so the figure shows what negtui adds to Textual's own work.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input

from bench.common import Row, median, ms
from bench.portfolios import LARGE, Portfolios
from negtui.ui.app import build_app

NAME = "filter"
TARGET_MS = 16.0
SIZE = (120, 40)
TYPED = "maple"


async def _type(app: App[Any], rows: Callable[[], int]) -> list[float]:
    times = []
    for letter in TYPED:
        before = rows()
        started = time.perf_counter()
        app.post_message(events.Key(letter, letter))
        deadline = started + 10
        while rows() == before and time.perf_counter() < deadline and len(times) < 2:
            await asyncio.sleep(0)
        await app.screen.wait_for_refresh()
        times.append(time.perf_counter() - started)
    return times


async def _negtui(folder: Any) -> list[float]:
    app = build_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        # Typed once every file has been read in full, a moment after the first paint.
        while not app.session.complete:
            await pilot.pause(0.05)
        await pilot.press("slash")
        await pilot.pause()
        table = app.screen.query_one("#deals", DataTable)
        return await _type(app, lambda: table.row_count)


class _BareFilter(App[None]):
    NAMES = [f"{'Maple' if n % 2 else 'Cedar'} Systems contract {n:03d}" for n in range(200)]

    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield DataTable(id="table")

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one(DataTable)
        table.add_columns("Deal", "Status", "Value")
        self._show("")

    def _show(self, text: str) -> None:
        if not self.query(DataTable):
            return  # the Input reports its first value before the table is mounted
        table: DataTable[str] = self.query_one(DataTable)
        table.clear()
        for name in self.NAMES:
            if name.casefold().startswith(text.casefold()):
                table.add_row(name, "negotiating", "€5,000")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show(event.value)


async def _bare() -> list[float]:
    app = _BareFilter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        return await _type(app, lambda: table.row_count)


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    bare = asyncio.run(_bare())
    negtui = asyncio.run(_negtui(portfolios.get(LARGE)))
    figure = ms(median(negtui))
    return [Row(NAME, f"one key in the portfolio filter, large, median of {len(negtui)} "
                "(base: bare)", figure, "ms", baseline=ms(median(bare)),
                target=f"<= {TARGET_MS:g} ms", met=figure <= TARGET_MS)]
