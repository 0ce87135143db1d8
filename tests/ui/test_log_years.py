"""The live log of one deal says the year of every entry once its entries are not all from
this year, as the view across deals does: 30 Dec and 02 Jan cannot be told apart in time
without it."""

from __future__ import annotations

from pathlib import Path

import arrow
from textual.widgets import DataTable, Input

from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.domain.clock import fixed_clock
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.ui.app import NegtuiApp, build_app
from tests.ui.conftest import until
from tests.ui.test_fit import screen_lines

NORTHWIND = "Northwind data platform"


def times(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#log", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def log_at(folder: Path, when: str, what: str) -> None:
    store = Store(folder, fixed_clock(when))
    log_concession(store, ConcessionRequest(deal=NORTHWIND, direction=Direction.GIVEN,
                                            what=what))


async def test_entries_on_both_sides_of_new_year_show_their_years(demo_folder: Path) -> None:
    log_at(demo_folder, "2026-12-30T15:00:00+00:00", "Extra review before the holidays")
    log_at(demo_folder, "2027-01-02T10:00:00+00:00", "Moved kickoff a week")
    app = build_app(demo_folder, fixed_clock("2027-01-04T09:00:00+00:00"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: "02 Jan 2027 10:00" in times(app))
        assert times(app)[-2:] == ["30 Dec 2026 15:00", "02 Jan 2027 10:00"]
        # One format down the column, and the column wide enough for it at 80 columns.
        assert all(len(text.split()) == 4 for text in times(app))
        await until(pilot, lambda: any("02 Jan 2027 10:00" in line and "Moved kickoff" in line
                                       for line in screen_lines(app)))


async def test_a_log_all_from_this_year_leaves_the_year_out(demo_folder: Path) -> None:
    log_at(demo_folder, "2026-12-30T15:00:00+00:00", "Extra review before the holidays")
    app = build_app(demo_folder, fixed_clock("2026-12-31T12:00:00+00:00"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: "30 Dec 15:00" in times(app))
        assert all("2026" not in text for text in times(app))


async def test_the_first_entry_of_a_new_year_gives_every_row_its_year(
        demo_folder: Path) -> None:
    log_at(demo_folder, "2026-12-30T15:00:00+00:00", "Extra review before the holidays")
    now = [arrow.get("2026-12-31T23:58:00+00:00")]
    app = build_app(demo_folder, lambda: now[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: "30 Dec 15:00" in times(app))
        now[0] = arrow.get("2027-01-01T00:05:00+00:00")
        await pilot.press("g")
        field = app.focused
        assert isinstance(field, Input)
        field.insert_text_at_cursor("Gave a free week in January")
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: "01 Jan 2027 00:05" in times(app))
        assert "30 Dec 2026 15:00" in times(app)
        assert all(len(text.split()) == 4 for text in times(app))
        shown = times(app)
    again = build_app(demo_folder, lambda: now[0])
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: len(times(again)) == len(shown))
        assert times(again) == shown
