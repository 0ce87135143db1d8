"""Switching screens on the large portfolio: Portfolio -> screen "2" -> Portfolio.

The app runs under Pilot (``app.run_test``), 120x40. A switch is timed from posting the
key to the app until the new screen is current and has refreshed (twice, to include a
repaint that the table schedules for itself). ``Pilot.press`` itself is not used for
timing: it waits for the process to look idle in 20 ms steps, which would dominate a
figure of a few milliseconds.

The baseline is a bare Textual app with the same two modes and keys: a Header, a
200-row DataTable and a Footer on one screen, a Header, a Static and a Footer on the
other. It shows what Textual itself needs for a switch on this machine.

Up to 30 cycles are run (5 with --quick), fewer if they take longer than 25 s in all.
The very first switch to screen "2" also builds that screen; it is reported on its own
and left out of the medians.

The first visits are measured as a user meets them at the next start: on a copy of the
large portfolio whose summaries an earlier start kept, so the Portfolio is painted from
them and every file is still being read in full when the key is pressed. Each of Terms
("2"), Concessions ("3") and Calendar ("4") gets an app of its own, started afresh, and
stands beside the bare app's first switch from the same run: the median of 3 starts
(1 with --quick).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from bench.common import Row, median, ms
from bench.portfolios import LARGE, Portfolios, deal_files
from negtui.store import Store
from negtui.ui.app import build_app
from negtui.ui.keys import SCREENS
from negtui.ui.screens.portfolio import PortfolioScreen

NAME = "switch"
TARGET_RATIO = 1.5
# Stop adding cycles after this long, so a slow build cannot stretch the run for minutes.
BUDGET_S = 25.0
MIN_CYCLES = 5
SIZE = (120, 40)
# (key, mode, title) of the screens pressed, as the app binds them.
OTHER = next(screen for screen in SCREENS if screen[0] == "2")
PORTFOLIO = next(screen for screen in SCREENS if screen[0] == "1")
FIRST_VISITS = [screen for screen in SCREENS if screen[0] in ("2", "3", "4")]


@dataclass
class Switches:
    first: float = 0.0
    away: list[float] = field(default_factory=list)
    back: list[float] = field(default_factory=list)


async def _switch(app: App[Any], key: str, mode: str) -> float:
    started = time.perf_counter()
    app.post_message(events.Key(key, key))
    while app.current_mode != mode:
        await asyncio.sleep(0)
    await app.screen.wait_for_refresh()
    await app.screen.wait_for_refresh()
    return time.perf_counter() - started


async def _measure(app: App[Any], cycles: int, check: Callable[[App[Any]], None]) -> Switches:
    result = Switches()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        result.first = await _switch(app, *OTHER[:2])
        await _switch(app, *PORTFOLIO[:2])
        deadline = time.perf_counter() + BUDGET_S
        for number in range(cycles):
            if number >= MIN_CYCLES and time.perf_counter() > deadline:
                break
            await pilot.pause()
            result.away.append(await _switch(app, *OTHER[:2]))
            await pilot.pause()
            result.back.append(await _switch(app, *PORTFOLIO[:2]))
        check(app)
    return result


def _negtui(folder: Path, cycles: int) -> Switches:
    rows = len(deal_files(folder))

    def check(app: App[Any]) -> None:
        screen = app.screen
        if not isinstance(screen, PortfolioScreen):
            raise RuntimeError(f"ended on {screen!r}, not the Portfolio screen")
        shown = screen.query_one("#deals", DataTable).row_count
        if shown != rows:
            raise RuntimeError(f"the Portfolio table shows {shown} rows, expected {rows}")

    return asyncio.run(_measure(build_app(folder), cycles, check))


class _TableScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one("#table", DataTable)
        table.add_columns("Deal", "Status", "Value", "h/wk", "Next milestone", "Counterparty",
                          "Type")
        for number in range(200):
            table.add_row(f"Maple Systems contract {number + 1:03d}", "negotiating",
                          f"€{5_000 + 500 * number:,}", "4", "in 12 days Review call",
                          "Maple Systems", "services")
        table.focus()


class _PlainScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Another screen.")
        yield Footer()


class _BareSwitchApp(App[None]):
    MODES = {PORTFOLIO[1]: _TableScreen, OTHER[1]: _PlainScreen}
    BINDINGS = [Binding(key, f"switch_mode('{mode}')", title) for key, mode, title in
                (PORTFOLIO, OTHER)]

    def on_mount(self) -> None:
        self.switch_mode(PORTFOLIO[1])


def _bare(cycles: int) -> Switches:
    def check(app: App[Any]) -> None:
        if app.screen.query_one("#table", DataTable).row_count != 200:
            raise RuntimeError("the bare table lost its rows")

    return asyncio.run(_measure(_BareSwitchApp(), cycles, check))


def _second_start(portfolios: Portfolios) -> Path:
    """A copy of the large portfolio with the summaries the app keeps as it reads it."""
    folder = portfolios.copy(LARGE)
    store = Store(folder).open()
    store.summaries.enabled = True
    store.load()
    store.summaries.write_due()
    return folder


async def _first_visit(folder: Path, key: str, mode: str) -> float:
    app = build_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if app.session.complete:
            raise RuntimeError("the portfolio was not painted from its summaries")
        took = await _switch(app, key, mode)
    return took


def run(portfolios: Portfolios, quick: bool) -> list[Row]:
    cycles = 5 if quick else 30
    bare = _bare(cycles)
    app = _negtui(portfolios.get(LARGE), cycles)
    folder = _second_start(portfolios)
    starts = 1 if quick else 3
    visits = [(title, key, median([asyncio.run(_first_visit(folder, key, mode))
                                   for _ in range(starts)]))
              for key, mode, title in FIRST_VISITS]
    target = f"ratio <= {TARGET_RATIO:g}"
    away_ms, back_ms = ms(median(app.away)), ms(median(app.back))
    away_base, back_base = ms(median(bare.away)), ms(median(bare.back))
    home, other = PORTFOLIO[2], OTHER[2]
    return [
        Row(NAME, f"{home} -> {other} ('2'), median of {len(app.away)} (base: bare)",
            away_ms, "ms", baseline=away_base, target=target,
            met=away_ms <= TARGET_RATIO * away_base),
        Row(NAME, f"{other} -> {home} ('1'), median of {len(app.back)} (base: bare)",
            back_ms, "ms", baseline=back_base, target=target,
            met=back_ms <= TARGET_RATIO * back_base),
        Row(NAME, f"{home} -> {other}, first time, builds the screen (base: bare)",
            ms(app.first), "ms", baseline=ms(bare.first)),
        *(Row(NAME, f"{home} -> {title} ('{key}'), first visit at the next start, the "
                    f"folder still being read, median of {starts} (base: bare first switch)",
              ms(took), "ms", baseline=ms(bare.first))
          for title, key, took in visits),
    ]
