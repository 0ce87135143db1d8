"""Lines that wrap go on under their own text, lists take the width they need, dates read
one way down a column, and a note never hides what is needed at that moment."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.widgets import DataTable, OptionList
from textual.widgets._toast import Toast

from negtui.domain.clock import fixed_clock
from negtui.domain.people import people
from negtui.ui.app import NegtuiApp, build_app
from negtui.ui.screens.all_concessions import AllConcessionsScreen
from negtui.ui.screens.checklist import ChecklistScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.people import PeopleScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen
from negtui.ui.widgets.shown import Static
from negtui.ui.written import path_lines
from tests.ui.conftest import until
from tests.ui.keyboard import typed
from tests.ui.test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"
DAY_AND_TIME = re.compile(r"^\d\d [A-Z][a-z]{2} \d\d:\d\d$")
DAY_TIME_AND_YEAR = re.compile(r"^\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d$")


def _goes_on_under(lines: list[str], starts: str, indent: int) -> None:
    first = next(i for i, line in enumerate(lines) if line.startswith(starts))
    follow = lines[first + 1]
    assert follow.startswith(" " * indent) and follow[indent] != " ", (lines[first], follow)


async def test_the_deal_heading_wraps_under_its_text_not_under_the_name(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        lines = str(app.screen.query_one("#brief", Static).render()).splitlines()
        # "Northwind data platform  Northwind Logistics · negotiating · time and"
        # "                         materials · first-time · ..."
        _goes_on_under(lines, NORTHWIND, len(NORTHWIND) + 2)


async def test_a_deal_on_the_people_screen_that_wraps_is_set_in_under_its_line(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PeopleScreen))
        deals = app.screen.query_one("#person-deals", OptionList)
        await until(pilot, lambda: deals.option_count > 0 and deals.size.width > 0)
        await pilot.pause()
        left = deals.content_region.x
        lines = [line[left - 1:] for line in screen_lines(app)]
        # "Meridian analytics extension —" then "  Advisory board member"
        _goes_on_under(lines, "Meridian analytics extension —", 2)


async def test_the_lesson_under_the_checklist_wraps_under_its_words(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ChecklistScreen))
        lines = str(app.screen.query_one("#checklist-hints", Static).render()).splitlines()
        assert len(lines) > 1, "the lesson was expected to need a second line"
        _goes_on_under(lines, "Lesson from", len("Lesson "))


async def test_organisations_show_whole_on_the_people_screen_when_there_is_room(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PeopleScreen))
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        for person in people(app.session.portfolio.books.values()):
            assert ", ".join(person.organisations) in shown, person.name
        assert "…" not in shown


async def test_the_detail_follows_the_person_in_focus_on_the_narrowed_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PeopleScreen))
        second = people(app.session.portfolio.books.values())[1].name
        await pilot.press("down")
        detail = app.screen.query_one("#person-detail", Static)
        await until(pilot, lambda: str(detail.render()).startswith(second))


async def test_every_row_of_the_log_gives_its_day_and_time_alike(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        log = app.screen.query_one("#log", DataTable)
        rows = log.row_count
        await pilot.press("g", *typed("Logged today", "enter"))
        await until(pilot, lambda: log.row_count == rows + 1)
        times = [str(log.get_row_at(index)[0]) for index in range(log.row_count)]
        assert all(DAY_AND_TIME.match(time) for time in times), times


async def _all_deals_times(folder: Path, now: str) -> list[str]:
    app = build_app(folder, fixed_clock(now))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "A")
        await until(pilot, lambda: isinstance(app.screen, AllConcessionsScreen))
        table = app.screen.query_one("#all-log", DataTable)
        await until(pilot, lambda: table.row_count > 0)
        return [str(table.get_row_at(index)[0]) for index in range(table.row_count)]


async def test_concessions_of_all_deals_carry_the_year_once_they_span_another(
        demo_folder: Path) -> None:
    # The demo's entries were logged in November 2026; seen in 2027, they need their year.
    for now, form in (("2026-11-23T09:30:00+00:00", DAY_AND_TIME),
                      ("2027-01-11T09:30:00+00:00", DAY_TIME_AND_YEAR)):
        times = await _all_deals_times(demo_folder, now)
        assert all(form.match(time) for time in times), (now, times)


async def test_the_written_dossier_is_named_whole_in_the_note(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        await pilot.press("x")
        await until(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause()
        written = sorted((demo_folder / "exports").glob("*dossier*.md"))
        assert written
        assert any(written[0].name in line for line in screen_lines(app))


def test_a_path_breaks_only_after_a_separator() -> None:
    lines = path_lines("/home/someone/deals/exports/northwind-data-platform-dossier.md", 37)
    assert lines == ["/home/someone/deals/exports/", "northwind-data-platform-dossier.md"]
    assert path_lines("/tmp/a.md", 37) == ["/tmp/a.md"]
    # A name wider than the room stays whole on its own line.
    assert path_lines("/x/" + "n" * 50, 20) == ["/x/", "n" * 50]


async def test_the_legend_stays_in_sight_after_a_call_ends(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        screen = app.screen
        await pilot.press("c")
        await until(pilot, lambda: screen.has_class("in-call"))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        # The form that asks who attended comes first; escape leaves it for later.
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        legend = screen.query_one("#flag-legend").region
        for toast in screen.query(Toast):
            assert not toast.region.overlaps(legend), (toast.region, legend)


async def test_a_refill_keeps_the_cursor_where_an_empty_column_stepped_aside(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "A")
        await until(pilot, lambda: isinstance(app.screen, AllConcessionsScreen))
        screen = app.screen
        table = screen.query_one("#all-log", DataTable)
        await until(pilot, lambda: table.row_count > 3)
        # No entry is traded against another deal: its column makes room for the others.
        assert "Traded against" not in "\n".join(screen_lines(app))
        await pilot.press("down", "down")
        await until(pilot, lambda: table.cursor_row == 2)
        screen.fill()  # what a reload from the folder watcher or the midnight tick does
        await pilot.pause()
        assert table.cursor_row == 2
