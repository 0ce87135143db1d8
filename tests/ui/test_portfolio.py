"""The Portfolio screen driven from the keyboard: add, edit, archive, delete, undo, filter, sort."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.people import PeopleScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen

from .conftest import until
from .test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]


def rows(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#deals", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def names_on_disk(folder: Path) -> set[str]:
    return {deal.name for deal in Store(folder).load().deals()}


async def test_create_a_deal_through_the_form(empty_folder: Path, make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Kestrel rebrand")
        await pilot.press("tab", *"Kestrel Studio")
        for _ in range(4):  # status, contract type, relationship, value
            await pilot.press("tab")
        await pilot.press(*"42k", "tab", "tab", *"8")
        await pilot.press("tab", *"next monday")
        preview = app.screen.query_one("#preview-start", Static)
        assert "understood as Mon 30 Nov 2026" in str(preview.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        assert rows(app) == ["Kestrel rebrand"]
    stored = Store(empty_folder).load().deals()
    assert len(stored) == 1
    deal = stored[0]
    assert (deal.counterparty, deal.value, deal.hours_per_week) == ("Kestrel Studio", 42000, 8)
    assert deal.start is not None and deal.start.isoformat() == "2026-11-30"


async def test_bad_input_shows_messages_and_stores_nothing(
    empty_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(empty_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        for _ in range(5):
            await pilot.press("tab")
        await pilot.press(*"plenty")  # expected value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        name_error = app.screen.query_one("#error-name", Static)
        value_error = app.screen.query_one("#error-value", Static)
        assert "cannot be empty" in str(name_error.render()) and name_error.display
        assert "Value must be a number, not “plenty”" in str(value_error.render())
        assert app.screen.query_one("#field-value", Input).value == "plenty"  # text kept
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)  # typed text is not dropped silently
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
    assert not list((empty_folder / "deals").glob("*.json"))


async def test_edit_then_undo(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("e")
        field = app.screen.query_one("#field-name", Input)
        field.value = ""
        await pilot.press(*"Northwind platform phase 2", "ctrl+s")
        await pilot.pause()
        assert "Northwind platform phase 2" in names_on_disk(demo_folder)
        await pilot.press("u")
        await pilot.pause()
    assert "Northwind data platform" in names_on_disk(demo_folder)
    assert "Northwind platform phase 2" not in names_on_disk(demo_folder)


async def test_delete_asks_naming_the_deal_and_undo_brings_it_back(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        body = str(app.screen.query_one("#confirm-body", Static).render())
        assert "Northwind data platform" in body and "5 concessions" in body
        await pilot.press("n")  # no: nothing happens
        assert "Northwind data platform" in names_on_disk(demo_folder)
        await pilot.press("d", "y")
        await pilot.pause()
        assert "Northwind data platform" not in names_on_disk(demo_folder)
        assert "Northwind data platform" not in rows(app)
        await pilot.press("u")
        await pilot.pause()
        assert "Northwind data platform" in rows(app)
    restored = Store(demo_folder).load()
    northwind = next(b for b in restored.books.values() if b.deal.name.startswith("Northwind"))
    assert len(northwind.concessions) == 5  # everything came back with it


async def test_undo_never_takes_back_an_older_change_from_under_a_newer_one(
        demo_folder: Path, make_app: AppMaker) -> None:
    """A deal added, then a lesson written (which u cannot take back): u must not delete
    the deal the lesson came after."""
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press(*"Zed deal", "ctrl+s")
        await until(pilot, lambda: "Zed deal" in names_on_disk(demo_folder))
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("enter", "l")
        await until(pilot, lambda: "No lessons for this deal" in "".join(screen_lines(app)))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press(*"Good anchor", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, FormScreen))
        lessons = [b.lessons for b in Store(demo_folder).load().books.values()
                   if b.deal.name == "Zed deal"]
        assert lessons and lessons[0]
        await pilot.press("u")
        await pilot.pause()
        assert "Zed deal" in names_on_disk(demo_folder)


async def test_undoing_a_delete_brings_the_cursor_back_to_the_deal(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        table = app.screen.query_one("#deals", DataTable)
        await pilot.press("down", "down")
        await until(pilot, lambda: table.cursor_row == 2)
        name = rows(app)[2]
        await pilot.press("d", "y")
        await until(pilot, lambda: name not in rows(app))
        await pilot.press("u")
        await until(pilot, lambda: name in rows(app))
        await until(pilot, lambda: rows(app)[table.cursor_row] == name)


async def test_archive_hides_the_deal_until_asked(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "Northwind data platform" not in rows(app)
        assert any(d.archived for d in Store(demo_folder).load().deals())
        await pilot.press("h")
        assert "(archived) Northwind data platform" in rows(app)
        await pilot.press("u")
        await pilot.pause()
    assert not any(d.archived for d in Store(demo_folder).load().deals())


async def test_a_narrow_window_still_marks_an_archived_deal(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: any(d.archived for d in Store(demo_folder).load().deals()))
        await pilot.press("h")
        # The name is cut to the column; the mark comes first, so it is not.
        await until(pilot, lambda: any(line.lstrip().startswith("(archived) Northwind")
                                       for line in screen_lines(app)))
        assert "Showing archived deals too" in "\n".join(screen_lines(app))


async def test_filter_by_text_and_by_status(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("slash", *"retail")
        assert rows(app) == ["Atlas pricing study", "Orchard loyalty pilot"]
        await pilot.press("enter")  # back to the table, filter kept
        assert isinstance(app.focused, DataTable)
        assert len(rows(app)) == 2
        await pilot.press("escape")
        assert len(rows(app)) == 8
        await pilot.press("f")  # first status in the cycle: negotiating
        assert rows(app) == ["Northwind data platform"]
        for _ in range(5):
            await pilot.press("f")
        assert rows(app) == ["Orchard loyalty pilot"]  # closed
        await pilot.press("slash", *"zzz")
        assert "No deal matches" in str(app.screen.query_one("#empty", Static).render())


async def test_sort_cycles_columns_and_reverses(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s", "s")  # Status -> Value -> h/wk; first press lands on Value
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        await pilot.press("S")
        assert screen.sort_column == "h/wk" and screen.sort_reverse
        assert rows(app)[0] == "Meridian analytics extension"  # 18 hours, the most
        while screen.sort_column != "Deal":
            await pilot.press("s")
        assert rows(app) == sorted(rows(app), key=str.casefold)


async def test_a_narrow_portfolio_says_it_is_sorted_by_a_column_it_cannot_show(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: any("Widen the window" in line for line in screen_lines(app)))
        await pilot.press("s", "s")  # hours a week: no room for it at 80 columns
        hint = "Sorted by h/wk, ascending · widen for it and Value"
        await until(pilot, lambda: any(hint in line for line in screen_lines(app)))
        await pilot.press("S")
        await until(pilot, lambda: any("Sorted by h/wk, descending" in line
                                       for line in screen_lines(app)))
        # Sorted by a column it shows, the hint only names what is hidden.
        while app.screen.sort_column != "Deal":  # type: ignore[attr-defined]
            await pilot.press("s")
        await until(pilot, lambda: any(line.startswith(" Widen the window for")
                                       for line in screen_lines(app)))


async def test_alerts_list_jumps_to_the_deal(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        alerts = screen.query_one("#alerts", OptionList)
        assert alerts.option_count >= 5
        renewal = next(i for i, alert in enumerate(screen.alerts)
                       if "Renewal notice" in alert.message)
        await pilot.press("exclamation_mark")
        assert alerts.has_focus
        await pilot.press(*["down"] * renewal, "enter")
        await until(pilot, lambda: (deal := app.session.current_deal()) is not None
                    and deal.name == "Harbor retainer renewal")


async def test_a_small_alerts_box_lists_an_alert_a_line_and_the_highlighted_one_whole(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        second = screen.alerts[1].message

        def box_lines() -> list[str]:
            lines = screen_lines(app)
            top = next(i for i, line in enumerate(lines) if "Alerts:" in line)
            bottom = next(i for i, line in enumerate(lines) if i > top and "╰" in line)
            return lines[top + 1:bottom]

        await until(pilot, lambda: len(box_lines()) >= 4 and "…" in box_lines()[-1])
        # Five alerts in the six rows of an 80x24 box: the first whole, then a line each.
        kinds = [line for line in box_lines() if re.match(r" \w[\w ]*: ", line)]
        assert len(kinds) >= 5, box_lines()
        assert second.split()[-1] not in "".join(box_lines()[:4])
        await pilot.press("exclamation_mark", "down")
        # The highlighted alert is read to its last word, over two lines.
        await until(pilot, lambda: second.split()[-1] in "".join(box_lines()))


def cell(app: NegtuiApp, deal_name: str, column: str) -> str:
    table = app.screen.query_one("#deals", DataTable)
    titles = [str(c.label).rstrip(" ▲▼") for c in table.columns.values()]
    for index in range(table.row_count):
        row = table.get_row_at(index)
        if str(row[0]) == deal_name:
            return str(row[titles.index(column)])
    raise AssertionError(f"no row {deal_name}")


def booked_hours_on(folder: Path, day: date) -> float:
    """Hours of the deals under way whose dates cover some day of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    week = [monday + timedelta(days=n) for n in range(7)]
    return sum(d.hours_per_week for d in Store(folder).load().deals()
               if d.status in ("negotiating", "agreed", "active") and not d.archived
               and any((d.start is None or d.start <= w) and (d.end is None or w <= d.end)
                       for w in week))


async def test_the_band_shows_this_weeks_hours_not_every_deals(demo_folder: Path,
                                                             make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)):
        today = app.session.clock().date()
        band = str(app.screen.query_one("#summary", Static).render())
        capacity = Store(demo_folder).load().settings.capacity_hours
        assert f"this week {booked_hours_on(demo_folder, today):g}/{capacity:g} h" in band
        assert "peak wk" in band and "tentative" in band


async def test_the_alert_counts_of_the_deals_add_up(demo_folder: Path,
                                                   make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        band = str(screen.query_one("#summary", Static).render())
        total = int(re.search(r"(\d+) alerts", band)[1])  # type: ignore[index]
        column = sum(int(cell(app, name, "Alerts") or 0) for name in rows(app))
        assert column <= total
        title = str(screen.query_one("#alerts", OptionList).border_title)
        split = re.search(r"\((\d+) on deals, (\d+) portfolio-wide\)", title)
        assert split is not None, title
        on_deals, wide = map(int, split.groups())
        assert column == on_deals and on_deals + wide == total


async def test_an_overdue_item_is_what_comes_next(demo_folder: Path, make_app: AppMaker) -> None:
    harbor = next(b for b in Store(demo_folder).load().books.values()
                  if b.deal.name.startswith("Harbor"))
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)):
        now = app.session.clock().datetime
        late = next(m for m in harbor.milestones if not m.done and m.due < now)
        days = (now.date() - late.due.date()).days
        assert cell(app, harbor.deal.name, "Next") == f"overdue {days}d · {late.title}"


async def test_workspace_adds_a_stakeholder(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, WorkspaceScreen)
        brief = str(app.screen.query_one("#brief", Static).render())
        assert "Extend the Harbor retainer" in brief  # Northwind's BATNA
        await pilot.press("a", *"Ines Duarte", "tab", "tab", *"Finance director", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkspaceScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PortfolioScreen)
    northwind = next(b for b in Store(demo_folder).load().books.values()
                     if b.deal.name.startswith("Northwind"))
    ines = next(s for s in northwind.stakeholders if s.name == "Ines Duarte")
    assert ines.role == "Finance director" and ines.organisation == "Northwind Logistics"


async def test_people_map_shows_one_person_on_two_deals(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PeopleScreen)
        table = app.screen.query_one("#people-list", DataTable)
        first = [str(c) for c in table.get_row_at(0)]
        assert first[1] == "2"  # Dana Whitfield or Raj Patel sit on two deals
        detail = str(app.screen.query_one("#person-detail", Static).render())
        assert "Northwind data platform" in detail and "Meridian analytics extension" in detail
        await pilot.press("enter", "enter")  # to the deals list, then the first: Meridian
        # The deal itself opens, over the people, and escape comes back to them.
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        deal = app.session.current_deal()
        assert deal is not None and deal.name == "Meridian analytics extension"
        assert "Meridian analytics extension" in app.screen.sub_title
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PeopleScreen))


async def test_the_band_names_the_filter_as_it_is_typed_and_forgets_it_when_cleared(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)

    def band() -> str:
        return str(app.screen.query_one("#summary", Static).render())

    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Pipeline" in band())
        plain_band = band()
        await pilot.press("slash", *"ret")
        await until(pilot, lambda: "filter: “ret”" in band())
        await pilot.press("f")  # a letter in the field, not the status filter
        await until(pilot, lambda: "filter: “retf”" in band())
        await pilot.press("backspace", "enter", "f")  # now the status filter
        await until(pilot, lambda: "status: negotiating (f for the next), filter: “ret”" in band())
        await pilot.press("escape")
        await until(pilot, lambda: "filter:" not in band())
        assert band().startswith(plain_band.splitlines()[0])


async def test_archiving_the_last_deal_shown_leaves_the_next_key_a_command(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("slash", *"Lumen", "enter")
        await until(pilot, lambda: rows(app) == ["Lumen onboarding audit"])
        # One burst: archive the only deal shown, then ask for a new one.
        await pilot.press("a", "n")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert app.screen_stack[-2].query_one("#filter", Input).value == "Lumen"
    assert any(d.archived and d.name == "Lumen onboarding audit"
               for d in Store(demo_folder).load().deals())


async def test_the_band_keeps_one_line_each_and_says_the_filters_on_their_own(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(60, 24)) as pilot:
        await until(pilot, lambda: "Pipeline" in str(app.screen.query_one("#summary").render()))
        await pilot.press("f")
        await until(pilot, lambda: any("Showing status: negotiating" in line
                                       for line in screen_lines(app)))
        lines = screen_lines(app)
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Pipeline"))
        assert lines[at + 1].lstrip().startswith("Hours")
        assert lines[at + 2].lstrip().startswith("Showing status: negotiating")
        # A line too long for the window ends in "…" instead of wrapping.
        assert lines[at + 1].rstrip().endswith("…")


async def test_home_and_end_go_to_the_first_and_last_deal(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        table = app.screen.query_one("#deals", DataTable)
        await pilot.press("down", "down")
        await until(pilot, lambda: table.cursor_row == 2)
        await pilot.press("end")
        await until(pilot, lambda: table.cursor_row == table.row_count - 1)
        await pilot.press("home")
        await until(pilot, lambda: table.cursor_row == 0)


async def test_the_showing_line_says_how_to_change_each_filter(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f", "h")
        await until(pilot, lambda: "(h hides them)" in "\n".join(screen_lines(app)))
        assert "(f for the next)" in "\n".join(screen_lines(app))
