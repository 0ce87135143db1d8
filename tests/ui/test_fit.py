"""Every screen fits the terminal: at 80x24 each footer label is whole and `?` is there,
and a wide terminal shows more keys rather than more empty footer."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from negtui.ui.app import NegtuiApp
from tests.ui.conftest import footer_labels, open_screen, screen_lines, until

AppMaker = Callable[[Path], NegtuiApp]

# The keys that reach each screen from the portfolio.
SCREENS = {
    "portfolio": [],
    "workspace": ["enter"],
    "people": ["p"],
    "terms": ["2"],
    "term grid": ["2", "g"],
    "all terms": ["2", "A"],
    "concessions": ["3"],
    "all concessions": ["3", "A"],
    "calendar": ["4"],
    "agenda": ["4", "v"],
    "checklist": ["5"],
    "lessons": ["5", "L"],
}


@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_footer_label_is_whole_at_80_columns(
        name: str, demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, SCREENS[name])

        def whole() -> bool:
            # Read together, once the footer drawn matches its keys (a screen may change
            # its keys as it settles).
            bottom = screen_lines(app)[-1]
            return bottom.rstrip().endswith("? Keys") and all(
                label in bottom for label in footer_labels(app))

        await until(pilot, whole, timeout=10)
        labels = footer_labels(app)
        assert len(labels) >= 4


async def test_a_wide_terminal_names_the_five_screens_a_narrow_one_sums_them_up(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, [])
        assert "1-5 Screens" in screen_lines(app)[-1]
        await pilot.resize_terminal(200, 60)
        await pilot.press("2")
        await until(pilot, lambda: "5 Checklist" in screen_lines(app)[-1])
        bottom = screen_lines(app)[-1]
        assert "1 Portfolio" in bottom and "^q Quit" in bottom


PORTFOLIO_MORE = ["f Status filter", "h Show archived", "p People", "! Go to alerts",
                  ", Settings", "s Sort by next column"]


async def test_a_wide_portfolio_footer_shows_the_keys_help_lists_too(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_screen(app, pilot, [])
        await until(pilot, lambda: "f Status filter" in screen_lines(app)[-1])
        bottom = screen_lines(app)[-1]
        # The screen's own keys before the names of the five screens, summed up for them.
        assert all(f" {label} " in bottom for label in PORTFOLIO_MORE), bottom
        assert "1-5 Screens" in bottom and "^q Quit" in bottom
        assert bottom.rstrip().endswith("? Keys")
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "s Sort by next column" not in screen_lines(app)[-1])
        bottom = screen_lines(app)[-1]
        assert "f Status filter" in bottom and bottom.rstrip().endswith("? Keys")
        assert all(label in bottom for label in footer_labels(app))
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "f Status filter" not in screen_lines(app)[-1])
        bottom = screen_lines(app)[-1]
        assert bottom.rstrip().endswith("? Keys")
        assert all(label in bottom for label in footer_labels(app))


def table_lines(app: NegtuiApp) -> str:
    return "\n".join(screen_lines(app))


async def test_a_narrow_portfolio_keeps_next_and_alerts_and_names_what_it_left_out(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Northwind" in table_lines(app))
        header = next(line for line in screen_lines(app) if line.startswith(" Deal "))
        assert "Next" in header and "Alerts" in header and "Counterparty" not in header
        assert "Widen the window for 5 more columns: Value, h/wk, Prep, Counterparty, Type" \
            in table_lines(app)
        # A name too long for its column ends in "…", never mid-word without a mark.
        meridian = next(line for line in screen_lines(app) if line.startswith(" Meridian"))
        assert "analytics exten" in meridian and "…" in meridian
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: "Counterparty" in table_lines(app))
        assert "Widen the window" not in table_lines(app)
        assert " Meridian analytics extension " in table_lines(app)


async def test_all_terms_at_80_columns_tell_two_day_rates_apart_by_their_deal(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["2", "A"])
        day_rates = [line for line in screen_lines(app) if line.startswith(" Day rate ")]
        assert len(day_rates) == 2
        assert "Northwind data" in day_rates[1]
        assert "Meridian analyt" in day_rates[0]


async def test_all_concessions_at_80_columns_say_what_was_conceded(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["3", "A"])
        header = next(line for line in screen_lines(app) if line.startswith(" When "))
        assert "What" in header
        assert "Dropped rate from 820 to 780" in table_lines(app)


async def test_a_wide_record_table_shows_long_text_whole(
        demo_folder: Path, make_app: AppMaker) -> None:
    from negtui.ui.screens.records import EDITORS
    from negtui.ui.screens.records.editor import RecordEditorScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await until(pilot, lambda: app.session.deal_id is not None)
        app.push_screen(RecordEditorScreen(EDITORS["risks"], app.session.deal_id or ""))
        await until(pilot, lambda: "Mitigation" in table_lines(app))
        row = next(line for line in screen_lines(app) if line.startswith(" Scope grows"))
        assert "Write the deliverables list into the statement of work" in row


async def test_the_month_legend_names_every_letter_the_grid_shows(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["4"])
        # 2 December, in the last week of the November grid, holds a renewal.
        await until(pilot, lambda: "November 2026" in table_lines(app))
        assert "N Renewal…" in table_lines(app)  # its letter, then the start of its title
        assert "N renewal" in table_lines(app)


async def test_an_all_day_date_in_the_agenda_reads_apart_from_its_letter(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_screen(app, pilot, ["4"])
        await until(pilot, lambda: "Deal starts" in table_lines(app))
        assert "all day B Deal starts" in table_lines(app)
        assert "dayB" not in table_lines(app)


async def test_what_was_conceded_ends_in_an_ellipsis_when_the_log_is_narrow(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["3"])
        await until(pilot, lambda: "Reporting reduced" in table_lines(app))
        line = next(line for line in screen_lines(app) if "Reporting reduced" in line)
        assert "…" in line


async def test_the_term_grid_grows_with_the_window(
        demo_folder: Path, make_app: AppMaker) -> None:
    def rule() -> int:
        # How far along its axis the grid draws the deal impact of 10.
        return max((line.index(" 10 ") for line in screen_lines(app)
                    if re.match(r"\s+1\s+2\s+3\s", line) and " 10 " in line), default=0)

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["2", "g"])
        await until(pilot, lambda: rule() > 0)
        narrow = rule()
        await pilot.resize_terminal(200, 60)
        await until(pilot, lambda: rule() > narrow)
        assert rule() >= 2 * narrow - 10  # cells twice as wide


async def test_a_table_that_fits_its_pane_has_no_sideways_scrollbar(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["enter"])
        people = app.screen.query_one("#people", DataTable)
        await until(pilot, lambda: people.row_count == 3 and people.size.width > 0)
        await pilot.pause()
        assert people.virtual_size.width <= people.size.width
        assert not people.show_horizontal_scrollbar


async def test_a_wrapped_alert_goes_on_under_its_message_not_under_its_kind(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: any(" overdue: " in line for line in screen_lines(app)))
        lines = screen_lines(app)
        first = next(n for n, line in enumerate(lines) if line.startswith(" overdue: "))
        message_column = len(" overdue: ")
        follow_on = lines[first + 1]
        assert follow_on[:message_column].strip() == "", follow_on
        assert follow_on[message_column] != " ", follow_on


async def test_typing_in_the_capture_bar_help_is_still_a_key_away(
        demo_folder: Path, make_app: AppMaker) -> None:
    from textual.widgets import Input

    from negtui.ui.screens.help import HelpScreen

    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["3"])
        await pilot.press("g", *"Dropped the?")
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: field.value == "Dropped the?")  # ? is typed, not help
        await until(pilot, lambda: "f1 Keys" in footer_labels(app))
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert app.screen.query_one("#capture-input", Input).value == "Dropped the?"


async def test_the_stakeholders_record_says_which_organisation_each_person_is_with(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, ["enter", "s"])
        await until(pilot, lambda: any(line.startswith(" Raj Patel ")
                                       for line in screen_lines(app)))
        header = next(line for line in screen_lines(app) if line.startswith(" Name "))
        raj = next(line for line in screen_lines(app) if line.startswith(" Raj Patel "))
        assert "Organisation" in header and "Northwind Logistics" in raj


async def test_during_a_call_on_a_small_window_the_table_takes_the_room_it_needs(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, ["3", "c"])
        await until(pilot, lambda: "Day rate" in "\n".join(screen_lines(app)))
        await pilot.pause()
        shown = "\n".join(screen_lines(app))
        # Every hard line in sight (the rest scrolls), and the log keeps its rows.
        assert "Tooling IP" in shown and "Offered 740" in shown, shown
