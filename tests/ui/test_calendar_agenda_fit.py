"""The agenda lists as many whole items as its pane holds, each item taking the rows it is
drawn in (a title wrapped under itself, a warning after it): no scrollbar, no item cut at
the bottom, and no rows left empty while an item that would fit in them is left out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar_layout import AGENDA_MOST_DAYS
from negtui.ui.widgets.agenda_list import AgendaList, entry_line
from tests.ui.conftest import until
from tests.ui.test_calendar_fit import open_calendar, region_lines

AppMaker = Callable[[Path], NegtuiApp]
SIZES = [(80, 24), (100, 30), (120, 40), (160, 45), (200, 60)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_agenda_ends_on_a_whole_item_and_leaves_no_room_an_item_would_fill(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int]) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        screen = await open_calendar(app, pilot)
        if size[0] < 110:
            await pilot.press("v")  # the agenda in place of the month
        listing = screen.query_one(AgendaList)
        lines = region_lines(app, listing)
        assert listing.virtual_size.height <= listing.size.height, lines  # nothing below
        assert not any(ch in line for line in lines for ch in "▁▂▃▄▅▆▇█"), lines
        # The last row used is the end of an item, not a heading alone.
        used = [line for line in lines if line.strip()]
        assert not used[-1].lstrip().startswith(("Mon ", "Tue ", "Wed ", "Thu ", "Fri ",
                                                 "Sat ", "Sun ")), lines
        # What is left out from the first day on would not fit in the rows left empty.
        listed = {option.id for option in listing.options if option.id}
        day = screen.selected
        assert day is not None
        horizon = day + timedelta(days=AGENDA_MOST_DAYS)  # as far as it ever looks
        left_out = sorted((e for e in screen.entries.values()
                           if day <= e.day(screen.tz) < horizon and e.uid not in listed),
                          key=lambda e: e.start)
        if left_out:
            spare = len(lines) - len(lines[:max(n for n, line in enumerate(lines)
                                                if line.strip()) + 1])
            shown_days = {e.day(screen.tz) for e in screen.entries.values() if e.uid in listed}
            heading = 0 if left_out[0].day(screen.tz) in shown_days else 1
            need = heading + listing.rows_of(entry_line(left_out[0], screen.tz, screen.now(),
                                                        {}))
            assert spare < need, (spare, need, lines)


async def test_a_tall_agenda_reaching_into_next_year_says_which_year(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: "Wed 23 Dec 2026 to" in region_lines(
            app, screen.query_one("#agenda-title"))[0])
        # A year on, the deal that ends on 23 Dec 2027 is dated with its year; the span
        # the agenda covers gives both years, since one alone would read as one day. The
        # days of this year in the list have no year.
        (title,) = region_lines(app, screen.query_one("#agenda-title"))
        assert title.strip() == "Wed 23 Dec 2026 to Thu 23 Dec 2027"
        lines = region_lines(app, screen.query_one(AgendaList))
        assert any(line.startswith(" Thu 23 Dec 2027 · in 395d") for line in lines), lines
        assert any(line.startswith(" Wed 23 Dec · in 30d") for line in lines), lines


async def test_help_on_the_calendar_says_in_words_what_each_short_footer_label_does(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar(app, pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: "Keys — Calendar" in "\n".join(
            region_lines(app, app.screen)))
        shown = "\n".join(region_lines(app, app.screen))
        for says in ("Add a milestone", "Mark the chosen milestone done, or not done again",
                     "Switch between the month and the upcoming list",
                     "Show one deal or one kind of date"):
            assert says in shown, shown


async def test_down_on_the_last_item_brings_the_days_the_agenda_had_no_room_for(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        await pilot.press("v", "end")
        listing = screen.query_one(AgendaList)
        await until(pilot, lambda: listing.highlighted_uid() is not None
                    and "Payment terms" in str(listing.highlighted_option.prompt))
        title = region_lines(app, screen.query_one("#agenda-title"))[0]
        assert title.strip() == "Mon 23 Nov to Thu 26 Nov"
        await pilot.press("down")
        # The agenda now starts on Friday, its first item chosen; up on the first item
        # brings back the day before it.
        await until(pilot, lambda: region_lines(app, screen.query_one("#agenda-title"))[0]
                    .startswith("Fri 27 Nov to "))
        assert "Draft revenue model" in str(listing.highlighted_option.prompt)
        await pilot.press("home", "up")
        await until(pilot, lambda: region_lines(app, screen.query_one("#agenda-title"))[0]
                    .startswith("Thu 26 Nov to "))
