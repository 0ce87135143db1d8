"""Large terminals give the room to what was cut, and a small one keeps what it needs:
the terms' bank whole at 200 columns, the focused term spelt out when the window is
tall, the month's days naming what falls on them, the grid's axes at 80x24."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp
from tests.ui.conftest import on_screen, open_screen, screen_lines, until
from tests.ui.conftest import screen_text as text

AppMaker = Callable[[Path], NegtuiApp]


async def test_terms_at_200_columns_show_the_bank_and_every_other_column(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["2"], "Day rate") as pilot:
        header = next(line for line in screen_lines(app) if line.startswith(" Term "))
        assert "Fallback" in header and "BATNA" in header and "Expires" in header
        assert "Category" in header and "Decide by" in header
        assert "Widen the window" not in text(app)
        # Narrower, columns step aside again and the line under the table names them.
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "Widen the window" in text(app))
        hint = next(line for line in screen_lines(app) if "Widen the window" in line)
        assert "Category" in hint and "Decide by" in hint


async def test_a_tall_terms_screen_spells_out_the_focused_term_under_its_table(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["2"], "Day rate"):
        lines = screen_lines(app)
        # What the table has no room for is there for the term under the cursor.
        assert any("BATNA ▼ 720 EUR/day" in line for line in lines)
        assert any("category rate" in line for line in lines)
        # The whole bank, not cut with "…".
        assert any("walk-away 700 EUR/day" in line for line in lines)
        # And what was given on it so far.
        assert any("Conceded on Day rate" in line for line in lines)
        assert any("gave  Offered 740 for a 9-month commitment" in line for line in lines)
        # Right under the table, not many empty rows below it.
        last_row = max(i for i, line in enumerate(lines) if line.startswith(" On-call "))
        detail = next(i for i, line in enumerate(lines) if "BATNA ▼ 720 EUR/day" in line)
        assert detail - last_row < 8


async def test_the_term_grid_at_80x24_keeps_both_axes(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["2", "g"])
        await until(pilot, lambda: "┼" in text(app) or "DR" in text(app))
        assert "deal impact →" in text(app)
        assert "portfolio impact ↑" in text(app)
        axis = next(line for line in screen_lines(app) if " 1   2   3 " in line)
        assert "10" in axis
        # The legend names the classes whose colours the grid draws.
        for name in ("non-negotiable", "flexible", "tradeable"):
            assert name in text(app)


async def test_the_lessons_search_box_lines_up_with_the_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["5", "L"], "Harbor retainer renewal"):
        lines = text(app).splitlines()
        search = next(line for line in lines if "Search" in line and "╭" in line)
        lessons = next(line for line in lines if "Lessons" in line and "╭" in line)
        assert search.index("╭") == lessons.index("╭")
        assert search.rstrip().endswith("╮") and len(search.rstrip()) == len(lessons.rstrip())


async def test_a_tall_lessons_screen_shows_the_lesson_right_under_the_list(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["5", "L"], "What worked:"):
        lines = screen_lines(app)
        last_row = max(i for i, line in enumerate(lines) if "Harbor retainer renewal" in line)
        # The list quotes each lesson too; the panel's line starts with the label.
        detail = next(i for i, line in enumerate(lines)
                      if line.lstrip(" │┃").startswith("What worked:"))
        assert 0 < detail - last_row < 5


async def test_a_large_month_names_what_falls_on_each_day(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["4"], "November 2026"):
        lines = screen_lines(app)
        # The month's pane is the left one: what is left of its frame.
        month = [line.split("│")[0] for line in lines]
        assert any("Signature" in line for line in month)
        top = next(i for i, line in enumerate(month) if "November 2026" in line)
        bottom = next(i for i, line in enumerate(month) if "B deal start" in line)
        assert bottom - top > 30


async def test_a_call_in_a_tall_window_keeps_what_was_conceded_whole(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, ["3"])
        await pilot.press("c")
        await until(pilot, lambda: "Hard lines" in text(app))
        await until(pilot, lambda: "Reporting reduced" in text(app))
        line = next(line for line in screen_lines(app) if "Reporting reduced" in line)
        assert "Reporting reduced to a weekly email" in line
        assert "Walk-away points" in text(app)


async def test_a_persons_deals_follow_right_under_their_detail(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["p"], "Deals — enter opens"):
        lines = screen_lines(app)
        history = next(i for i, line in enumerate(lines) if "Worked together" in line)
        deals = next(i for i, line in enumerate(lines) if "Deals — enter opens" in line)
        assert 0 < deals - history < 4
        # The list's frame runs down to the footer, not to its last name.
        assert "╰" in lines[-2]


async def test_the_checklist_phases_run_down_the_window(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["5"], "Onboard, review"):
        lines = text(app).splitlines()
        bottom = max(i for i, line in enumerate(lines) if line.startswith("╰"))
        assert bottom > 30


async def test_the_summary_of_all_concessions_ends_in_an_ellipsis_at_80_columns(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (80, 24), ["3", "A"], "12 concessions in all deals"):
        summary = next(line for line in screen_lines(app) if "12 concessions" in line)
        assert summary.rstrip().endswith("…")


async def test_the_grid_key_is_whole_beside_the_terms_at_120_by_40(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (120, 40), ["2", "g"], "deal impact →"):
        shown = text(app)
        for meaning in ("at or beyond ideal", "acceptable", "below acceptable",
                        "past walk-away"):
            assert meaning in shown, meaning


async def test_a_tall_concessions_screen_adds_up_each_term_under_the_log(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["3"], "Balance by term") as pilot:
        lines = screen_lines(app)
        title = next(i for i, line in enumerate(lines) if "Balance by term" in line)
        # Right under the log's last entry, not under rows of blank log.
        assert "Offered 740 for a 9-month commitment" in lines[title - 2]
        rate = next(line for line in lines[title:] if line.startswith(" Day rate "))
        assert rate.split()[2:8] == ["2", "11", "0", "—", "-11", "nothing"]
        got = next(line for line in lines[title:] if line.startswith(" Reporting "))
        assert got.split()[1:6] == ["0", "—", "1", "4", "+4"]
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "Balance by term" not in text(app))


async def test_a_concessions_screen_grown_tall_adds_up_each_term_at_once(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (80, 24), ["3"], "Concessions") as pilot:
        assert "Balance by term" not in text(app)
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: "Balance by term" in text(app))
        await until(pilot, lambda: any(line.startswith(" Day rate ") and "-11" in line
                                       for line in screen_lines(app)))


@pytest.mark.parametrize("size", [(200, 60), (120, 50)])
async def test_during_a_call_a_tall_window_keeps_what_is_on_the_table_in_sight(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int]) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, size, ["3"], "Concessions") as pilot:
        await pilot.press("c")
        await until(pilot, lambda: "● call" in text(app))
        await until(pilot, lambda: "Hard lines" in text(app) and "Day rate" in text(app))
        assert "walk-away 700 EUR/day" in text(app)


async def test_a_tall_portfolio_lists_what_is_coming_up_under_the_alerts(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (80, 24), ["1"], "Deals") as pilot:
        assert "Coming up" not in text(app)
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: "Coming up in every deal" in text(app))
        lines = screen_lines(app)
        alerts = next(i for i, line in enumerate(lines) if "─ Alerts: " in line)
        title = next(i for i, line in enumerate(lines) if "Coming up in every deal" in line)
        assert title > alerts
        ahead = [line.strip() for line in lines[title + 1:-2] if line.strip()]
        # Soonest first, each after how far away it is; nothing overdue, nothing done.
        assert ahead[0].startswith("tomorrow") and "Atlas pricing study · Signature" in ahead[0]
        assert any("Northwind data platform · Third call with procurement" in line
                   for line in ahead)
        assert not any("Checkpoint: hours against cap" in line for line in ahead)
        await pilot.press("4")
        await until(pilot, lambda: "Coming up" not in text(app))
        await pilot.resize_terminal(80, 24)
        await pilot.press("1")
        await until(pilot, lambda: "─ Alerts" in text(app))
        assert "Coming up" not in text(app)


async def test_what_is_coming_up_says_how_many_more_items_it_has_no_rows_for(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 50), ["1"], "Coming up in every deal"):
        lines = screen_lines(app)
        title = next(i for i, line in enumerate(lines) if "Coming up in every deal" in line)
        bottom = next(i for i in range(title, len(lines)) if lines[i].startswith("╰"))
        shown = [line.strip() for line in lines[title + 1:bottom - 1]]
        # Each item shown is whole; the last line counts those left out.
        assert not any(line.endswith("…") for line in shown)
        left = re.fullmatch(r"… (\d+) more items?: the Calendar \(4\) lists them all",
                            lines[bottom - 1].strip())
        assert left is not None
        assert "in 10d" in shown[-1] and int(left.group(1)) == 2


async def test_what_is_coming_up_follows_the_portfolio_filter(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with on_screen(app, (200, 60), ["1"], "Coming up in every deal") as pilot:
        assert "Atlas pricing study · Signature" in text(app)
        await pilot.press("f")  # negotiating: Northwind only
        await until(pilot, lambda: "Coming up in the deals shown" in text(app))
        lines = screen_lines(app)
        title = next(i for i, line in enumerate(lines) if "Coming up in the deals shown" in line)
        ahead = [line.strip() for line in lines[title + 1:-2] if line.strip()]
        assert any("Northwind data platform · Third call with procurement" in line
                   for line in ahead)
        assert not any("Atlas pricing study" in line for line in ahead)
        await pilot.press("escape")
        await until(pilot, lambda: "Coming up in every deal" in text(app))
        assert "Atlas pricing study · Signature" in text(app)
