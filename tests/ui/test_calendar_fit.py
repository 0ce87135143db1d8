"""The Calendar uses the window it is given: nothing cut that there is room to show, the
month over the whole pane, "+N" only for what does not fit, and a finished deal's leftover
dates shown as history rather than overdue."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from negtui.domain.models import Milestone
from negtui.domain.vocab import DealStatus, MilestoneKind
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.widgets.agenda_list import AgendaList
from negtui.ui.widgets.month_grid import MonthGrid
from tests.ui.conftest import reach_screen, terminal_rows, until

AppMaker = Callable[[Path], NegtuiApp]
# Thursday of the demo's week: a checkpoint, a decision, a follow-up and a fallback.
BUSY_DAY = date(2026, 11, 26)


def region_lines(app: NegtuiApp, widget: Widget) -> list[str]:
    """The rows of the terminal inside ``widget``'s content, as a user reads them."""
    rows = terminal_rows(app)
    box = widget.content_region
    return [row[box.x:box.right] for row in rows[box.y:box.bottom]]


def cell_lines(grid: MonthGrid, day: date) -> list[str]:
    """The lines of ``day``'s cell in the month drawn, its column found under its weekday."""
    rows = grid.render().plain.split("\n")
    starts = [rows[1].index(name) for name in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")]
    heights = grid._week_lines()
    week = next(n for n, days in enumerate(grid._weeks()) if day in days)
    column = day.weekday()
    end = starts[column + 1] if column < 6 else grid.size.width
    top = 2 + sum(heights[:week])
    return [row[starts[column]:end].rstrip() for row in rows[top:top + heights[week]]]


def cell_marks(lines: list[str]) -> str:
    """The letters of the items a cell shows: alone ("CS"), before a title ("S Sig…"), or
    after the "+" of those left without a line of their own."""
    marks = ""
    for line in lines:
        if line.startswith("+"):
            marks += line[1:]
        elif line.startswith(" "):
            continue  # the rest of a title, wrapped under it
        elif len(line) > 1 and line[1] == " ":
            marks += line[0]
        else:
            marks += line
    return marks


def add_to_busy_day(folder: Path, count: int) -> None:
    store = Store(folder)
    book = next(b for b in store.load().books.values() if b.deal.name.startswith("Meridian"))
    extra = [Milestone(id=f"m-extra-{n}", kind=MilestoneKind.CALL, title=f"Extra call {n}",
                       due=datetime(2026, 11, 26, 10 + n % 8, 0, tzinfo=UTC))
             for n in range(count)]
    store.write_book(book.model_copy(update={"milestones": [*book.milestones, *extra]}))


async def open_calendar(app: NegtuiApp, pilot: Pilot[Any]) -> CalendarScreen:
    screen = await reach_screen(pilot, app, ["4"], CalendarScreen, lambda calendar:
                                "November 2026" in calendar.query_one(MonthGrid).render().plain)
    await pilot.pause()
    return screen


async def test_at_120_columns_the_agenda_wraps_long_lines_under_their_text_uncut(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        agenda = screen.query_one("#agenda")
        lines = region_lines(app, agenda)
        assert not any("…" in line for line in lines), lines
        first = next(n for n, line in enumerate(lines) if "Third call with procurement" in line)
        # The whole line is there, its end on the next row under the text, not the time.
        joined = re.sub(r"\s+", " ", " ".join(lines[first:first + 3]))
        assert ("Third call with procurement (45m) ⚠ no prep block in the 3 days before "
                "· Northwind data platform") in joined
        text_column = lines[first].index("Third")
        follow_on = lines[first + 1]
        assert follow_on[:text_column].strip() == "" and follow_on[text_column] != " "
        # The month beside it keeps a mark of every item of the day.
        busy = cell_marks(cell_lines(screen.query_one(MonthGrid), BUSY_DAY)[1:])
        assert sorted(busy) == sorted("KDUF")


async def test_at_200_columns_the_month_spreads_over_the_whole_pane(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        names = region_lines(app, grid)[1]
        starts = [names.index(day) for day in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")]
        widths = [b - a for a, b in zip(starts, [*starts[1:], grid.content_region.width],
                                        strict=True)]
        assert max(widths) - min(widths) <= 1, widths


async def test_the_warnings_are_listed_when_the_window_has_room_for_them(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_calendar(app, pilot)
        warnings = region_lines(app, screen.query_one("#calendar-warnings"))
        assert len(warnings) == 3
        assert not any(" of 3 · " in line for line in warnings)
        assert any("Third call with procurement: no prep block" in line for line in warnings)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        (warning,) = region_lines(app, screen.query_one("#calendar-warnings"))
        assert warning.startswith("⚠ 1 of 3 · ")


async def test_a_busy_day_lists_every_item_its_cell_has_room_for(
        demo_folder: Path, make_app: AppMaker) -> None:
    add_to_busy_day(demo_folder, 8)
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        letters = "".join(cell_lines(screen.query_one(MonthGrid), BUSY_DAY)[1:])
        assert "+" not in letters
        assert sorted(letters) == sorted("KDUF" + "C" * 8)


async def test_a_title_wraps_in_its_cell_and_a_full_cell_names_what_fits_then_the_rest(
        demo_folder: Path, make_app: AppMaker) -> None:
    add_to_busy_day(demo_folder, 12)
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        # Tuesday has two items and lines to spare: the call's title is there whole.
        tuesday = " ".join(cell_lines(grid, date(2026, 11, 24))[1:])
        assert "Third call with procurement" in re.sub(r"\s+", " ", tuesday)
        assert "…" not in tuesday
        cell = [line for line in cell_lines(grid, BUSY_DAY)[1:] if line]
        named, rest = cell[:-1], cell[-1]
        assert rest.startswith("+") and all(not line.startswith("+") for line in named)
        assert len(named) + len(rest) - 1 == 16


async def test_a_closed_deals_leftover_dates_are_history_on_the_calendar(
        demo_folder: Path, make_app: AppMaker) -> None:
    store = Store(demo_folder)
    harbor = next(b for b in store.load().books.values() if b.deal.name.startswith("Harbor"))
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        assert "overdue 4d" in "\n".join(region_lines(app, screen.query_one("#agenda")))
        late = {e.day(screen.tz) for e in screen.entries.values() if e.deal_id == harbor.id
                and "hours against cap" in e.label}
        assert late <= screen.query_one(MonthGrid).overdue
    store.save_deal(harbor.deal.model_copy(update={"status": DealStatus.CLOSED}), harbor.deal)
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        agenda = "\n".join(region_lines(app, screen.query_one("#agenda")))
        status = "\n".join(region_lines(app, screen.query_one("#calendar-status")))
        assert "overdue" not in agenda.casefold() and "overdue" not in status
        # Still on the calendar, on its day, but that day is no longer marked overdue.
        assert any("hours against cap" in e.label for e in screen.entries.values())
        assert not late & screen.query_one(MonthGrid).overdue


async def test_every_day_of_a_month_is_drawn_the_same_way_when_widths_differ_by_one(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    # At 50 columns the days are 6 or 7 cells wide: too narrow, some of them, for titles.
    async with app.run_test(size=(50, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        weeks = str(grid.render()).splitlines()[2:2 + sum(grid._week_lines())]
        assert not any(re.search(r"[a-z]", line) for line in weeks), weeks
    async with make_app(demo_folder).run_test(size=(54, 40)) as pilot:
        screen = await open_calendar(pilot.app, pilot)
        grid = screen.query_one(MonthGrid)
        assert "S Sig…" in str(grid.render())  # every day 7 wide: the start of each title


WEEK_ROW = re.compile(r"^\s*(\d{1,2}\s+){6}\d{1,2}\s*$")


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)],
                         ids=["80x24", "120x40", "200x60"])
async def test_the_month_fills_its_pane_to_the_bottom_whatever_its_number_of_weeks(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int]) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        screen = await open_calendar(app, pilot)
        pane = screen.query_one("#grid-pane")
        # November 2026 spans six week rows, December five, February 2027 four.
        for month, weeks, presses in (("November 2026", 6, 0), ("December 2026", 5, 1),
                                      ("February 2027", 4, 2)):
            await pilot.press(*["right_square_bracket"] * presses)
            await until(pilot, lambda month=month: month in region_lines(app, pane)[0])
            lines = region_lines(app, pane)
            starts = [n for n, line in enumerate(lines) if WEEK_ROW.match(line)]
            assert len(starts) == weeks, (month, lines)
            legend = next((n for n, line in enumerate(lines) if n > starts[-1]
                           and re.match(r"^(\d+ today|\d+ overdue|[A-Z] [a-z])", line)),
                          len(lines))
            heights = [b - a for a, b in zip(starts, [*starts[1:], legend], strict=True)]
            # The weeks share the height within a line, and the legend ends on the last row.
            assert max(heights) - min(heights) <= 1, (month, heights, lines)
            assert lines[-1].strip(), (month, lines)


async def test_a_tall_agenda_lists_days_further_ahead_and_a_short_one_fewer(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_calendar(app, pilot)
        await until(pilot, lambda: "Mid-study checkpoint" in "\n".join(
            region_lines(app, screen.query_one("#agenda"))))
        shown = "\n".join(region_lines(app, screen.query_one("#agenda")))
        # 25 and 35 days ahead: past the days a short agenda has room for.
        assert "Quarterly review" in shown
        (title,) = region_lines(app, screen.query_one("#agenda-title"))
        assert title.startswith("Mon 23 Nov 2026 to ") and "Sun 13 Dec" not in title
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        await pilot.press("v")
        await until(pilot, lambda: screen.query_one("#agenda").size.height > 0)
        (title,) = region_lines(app, screen.query_one("#agenda-title"))
        assert title.strip() == "Mon 23 Nov to Thu 26 Nov"
        assert "Mid-study checkpoint" not in "\n".join(
            str(option.prompt) for option in screen.query_one(AgendaList).options)


async def test_the_legend_says_how_today_and_an_overdue_day_are_drawn_when_in_sight(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        (late,) = {day for day in grid.overdue if day.month == 11}
        drawn = "\n".join(region_lines(app, grid))
        assert "23 today" in drawn and f"{late.day} overdue" in drawn
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(pilot, lambda: "January 2027" in region_lines(app, grid)[0])
        drawn = "\n".join(region_lines(app, grid))
        assert "today" not in drawn and "overdue" not in drawn


async def test_no_blank_line_opens_between_agenda_items_when_its_scrollbar_goes(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        # November's agenda scrolls; December's, a month later, fits without a scrollbar.
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: "Wed 23 Dec 2026 to" in region_lines(
            app, screen.query_one("#agenda-title"))[0])
        lines = region_lines(app, screen.query_one("#agenda"))
        used = [n for n, line in enumerate(lines) if line.strip()]
        assert all(lines[n].strip() for n in range(used[0], used[-1] + 1)), lines


async def test_the_legend_says_what_the_plus_means_only_when_a_day_shows_one(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        drawn = "\n".join(region_lines(app, screen.query_one(MonthGrid)))
        assert "+" not in drawn and "more than fits" not in drawn
    add_to_busy_day(demo_folder, 12)
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        assert "+" in "".join(cell_lines(grid, BUSY_DAY))
        assert "+ more than fits" in "\n".join(region_lines(app, grid))


async def test_at_120_columns_a_day_beside_the_agenda_shows_the_start_of_its_title(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        # 3 November has one milestone, a quarterly review: its letter and its title, cut.
        (first, *rest) = [line for line in cell_lines(grid, date(2026, 11, 3))[1:] if line]
        assert first.startswith("R Quar") and first.endswith("…"), first
        assert not rest


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (160, 45), (200, 60)],
                         ids=["80x24", "100x30", "120x40", "160x45", "200x60"])
async def test_the_legend_explains_every_mark_the_month_shows(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int]) -> None:
    add_to_busy_day(demo_folder, 12)
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        screen = await open_calendar(app, pilot)
        grid = screen.query_one(MonthGrid)
        shown = region_lines(app, grid)
        legend = " ".join(shown[2 + sum(grid._week_lines()):])
        days = [day for week in grid._weeks() for day in week]
        marks = "".join(cell_marks(cell_lines(grid, day)[1:]) for day in days)
        marks = re.sub(r"\d", "", marks)
        assert marks
        for mark in set(marks):
            assert re.search(rf"(^| ){re.escape(mark)} [a-z]", legend), (mark, legend)
        if "+" in "".join("".join(cell_lines(grid, day)[1:]) for day in days):
            assert "+ more than fits" in legend
