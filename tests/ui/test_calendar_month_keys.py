"""In the month alone (a narrow window), e, space and d act on the selected day's items
only; a day with none says so instead of changing an item of another day. Marking an
item done is undone with u."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.widgets.month_grid import MonthGrid

from .conftest import reach_screen, until

AppMaker = Callable[[Path], NegtuiApp]


def _done_flags(folder: Path) -> dict[str, bool]:
    return {m.id: m.done for book in Store(folder).load().books.values()
            for m in book.milestones}


async def _calendar(pilot: Pilot[Any], app: NegtuiApp) -> CalendarScreen:
    return await reach_screen(pilot, app, ["4"], CalendarScreen, lambda s: bool(s.entries))


async def test_keys_on_an_empty_day_change_nothing_and_say_why(demo_folder: Path,
                                                               make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _calendar(pilot, app)
        assert not screen.query_one("#agenda-pane").display
        busy = {entry.day(screen.tz) for entry in screen.entries.values()}
        today = screen.selected
        assert today is not None
        steps = next(n for n in range(1, 40) if today + timedelta(days=n) not in busy)
        await pilot.press(*["right"] * steps)
        grid = screen.query_one(MonthGrid)
        await until(pilot, lambda: grid.selected == today + timedelta(days=steps))
        before = _done_flags(demo_folder)
        await pilot.press("space", "e", "d")
        await until(pilot, lambda: sum("Nothing on" in note.message
                                       for note in app._notifications) == 3)
        assert app.screen is screen  # no form, no question
        assert _done_flags(demo_folder) == before


async def test_done_on_the_selected_day_is_undone_with_u(demo_folder: Path,
                                                         make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _calendar(pilot, app)
        mine = [e for e in screen.entries.values() if e.milestone_id is not None]
        target = min(mine, key=lambda e: e.start)
        today = screen.selected
        assert today is not None
        steps = (target.day(screen.tz) - today).days
        await pilot.press(*(["right"] * steps if steps >= 0 else ["left"] * -steps))
        grid = screen.query_one(MonthGrid)
        await until(pilot, lambda: grid.selected == target.day(screen.tz))
        await until(pilot, lambda: screen.highlighted_entry() is not None
                    and screen.highlighted_entry().day(screen.tz) == grid.selected)
        chosen = screen.highlighted_entry()
        assert chosen is not None and chosen.milestone_id is not None
        before = _done_flags(demo_folder)[chosen.milestone_id]
        await pilot.press("space")
        await until(pilot, lambda: _done_flags(demo_folder)[chosen.milestone_id] != before)
        await pilot.press("u")
        await until(pilot, lambda: _done_flags(demo_folder)[chosen.milestone_id] == before)

