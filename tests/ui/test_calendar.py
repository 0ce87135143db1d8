"""The Calendar screen driven by real key presses, checked against the files on disk."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar
from textual.widgets import OptionList, Static

from negtui.domain.book import DealBook
from negtui.domain.vocab import MilestoneKind
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen
from negtui.ui.widgets.month_grid import MonthGrid
from tests.ui.conftest import until
from tests.ui.test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]
TODAY = date(2026, 11, 23)


def _book(folder: Path, name: str) -> DealBook:
    store = Store(folder)
    books = [store.read_book(path.stem) for path in store.deal_files()]
    return next(b for b in books if b.deal.name.startswith(name))


def _text(app: NegtuiApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _notices(app: NegtuiApp) -> str:
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))


def _agenda(app: NegtuiApp) -> list[str]:
    options = app.screen.query_one("#agenda", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_months_move_with_brackets_and_t_comes_back_to_today(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert isinstance(app.screen, CalendarScreen)
        grid = app.screen.query_one(MonthGrid)
        assert grid.selected == TODAY
        assert "November 2026" in str(grid.render())
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert grid.selected == date(2027, 1, 23)
        assert "January 2027" in str(grid.render())
        await pilot.press(*["left_square_bracket"] * 3)
        assert grid.selected == date(2026, 10, 23)
        await pilot.press("t")
        assert grid.selected == TODAY
        await pilot.press("right", "down")
        assert grid.selected == date(2026, 12, 1)
        assert "December 2026" in str(grid.render())
        assert "Tue 01 Dec" in _text(app, "#agenda-title")


async def test_the_agenda_marks_overdue_items_and_calls_without_prep(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        lines = _agenda(app)
        # Headings start in the column of the times under them, not against the frame.
        assert lines[0] == " Overdue"
        day = next(line for line in lines if line.strip().startswith("Tue 24 Nov"))
        assert day.startswith(" Tue") and lines[1].startswith(" 1")
        assert "Checkpoint: hours against cap" in lines[1] and "overdue 4d" in lines[1]
        call = next(line for line in lines if "Third call with procurement" in line)
        assert "no prep block" in call
        # Dates read from the terms are there too, and say where they come from.
        assert any("Decide on fallback: Day rate" in line and "from term Day rate" in line
                   for line in lines)
        assert "no follow-up" in _text(app, "#calendar-warnings")


async def test_add_a_milestone_in_plain_words_then_mark_it_done(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        deal = app.session.current_deal()
        assert deal is not None and deal.name == "Northwind data platform"
        await pilot.press("4", "a")
        assert isinstance(app.screen, FormScreen)
        await pilot.pause()
        # Nothing typed yet is no mistake: no complaint under the date or the zone.
        assert _text(app, "#preview-when") == "" and _text(app, "#preview-zone") == ""
        await pilot.press("tab", "tab", *"CFO", "tab", *"tomorrow 14:00")
        assert "Tue 24 Nov 2026 14:00 UTC" in _text(app, "#preview-when")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CalendarScreen)

        added = [m for m in _book(demo_folder, "Northwind").milestones
                 if m.title == "CFO"]
        assert len(added) == 1
        assert added[0].kind == MilestoneKind.CALL
        assert added[0].due == datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
        assert not added[0].done
        assert app.screen.query_one(MonthGrid).selected == date(2026, 11, 24)

        await pilot.press("space")
        again = next(m for m in _book(demo_folder, "Northwind").milestones
                     if m.id == added[0].id)
        assert again.done
        assert any("CFO" in line and "done" in line for line in _agenda(app))


async def test_saving_a_milestone_the_agenda_reaches_keeps_the_days_before_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "v")
        await until(pilot, lambda: app.screen.has_class("-agenda-view"))
        title = _text(app, "#agenda-title")
        assert title.startswith("Mon 23 Nov")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("tab", "tab", *"CFO", "tab", *"wednesday 10:00", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        await until(pilot, lambda: any("CFO" in line for line in _agenda(app)))
        # Still from today, with the new item among the days it lists, and chosen.
        assert _text(app, "#agenda-title").startswith("Mon 23 Nov to ")
        options = app.screen.query_one("#agenda", OptionList)
        assert options.highlighted is not None
        assert "CFO" in _agenda(app)[options.highlighted]


async def test_the_date_is_read_again_in_the_zone_typed_under_both_fields(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a", "tab", "tab", *"CFO", "tab", *"tomorrow 14:00")
        assert "Tue 24 Nov 2026 14:00 UTC (+00:00)" in _text(app, "#preview-when")
        # A new zone changes how the date above it is read, and says so under the date.
        await pilot.press("tab", *["backspace"] * 3, *"Asia/Tokyo")
        # With when that is in the calendar's own zone.
        for field in ("#preview-when", "#preview-zone"):
            assert _text(app, field) == "→ Tue 24 Nov 2026 14:00 Asia/Tokyo, 05:00 UTC", field
        # And a new time is read in that zone under the zone too.
        await pilot.press("shift+tab", *["backspace"] * 5, *"08:30")
        for field in ("#preview-when", "#preview-zone"):
            assert _text(app, field) == ("→ Tue 24 Nov 2026 08:30 Asia/Tokyo, "
                                         "Mon 23 Nov 23:30 UTC"), field
        # A zone that is none says so under the zone, and the date is not read in it.
        await pilot.press("tab", *"x")
        assert "not a time zone" in _text(app, "#preview-zone")
        assert "Asia/Tokyo" not in _text(app, "#preview-when")


async def test_on_a_day_with_nothing_on_it_the_agenda_points_at_what_comes_next(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        # Today has nothing dated; tomorrow has the signature, then the third call.
        await pilot.press("4", "v")
        await until(pilot, lambda: app.screen.query_one("#agenda", OptionList).has_focus)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        assert "Signature" in str(app.screen.query_one("#field-title").value)


async def test_a_date_not_understood_is_shown_at_the_field_and_nothing_saved(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        before = {p: p.read_bytes() for p in (demo_folder / "deals").glob("*.json")}
        await pilot.press("a", "tab", "tab", *"Call", "tab", *"soon", "ctrl+s")
        assert isinstance(app.screen, FormScreen)
        assert "not a date I understand" in _text(app, "#error-when")
        await pilot.press("tab", *"Mars/X", "ctrl+s")
        assert isinstance(app.screen, FormScreen)
        assert "not a time zone" in _text(app, "#error-zone")
        after = {p: p.read_bytes() for p in (demo_folder / "deals").glob("*.json")}
        assert after == before


async def test_delete_asks_first_then_removes_from_disk(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        # The agenda starts on tomorrow's first item; the overdue checkpoint is above it.
        await pilot.press("4", "v", "up")
        assert "Checkpoint: hours against cap" in _agenda(app)[1]
        assert app.screen.query_one("#agenda", OptionList).highlighted == 1
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert any(m.title == "Checkpoint: hours against cap"
                   for m in _book(demo_folder, "Harbor").milestones)
        await pilot.press("delete", "y")
        assert not any(m.title == "Checkpoint: hours against cap"
                       for m in _book(demo_folder, "Harbor").milestones)
        assert not any("Checkpoint: hours against cap" in line for line in _agenda(app))


async def test_review_checkpoints_for_a_signed_deal_only(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "g")
        # Northwind is still being negotiated: nothing to plan yet.
        assert isinstance(app.screen, CalendarScreen)
        harbor = _book(demo_folder, "Harbor")
        app.session.focus(harbor.id)
        await pilot.press("g")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("backspace", "1", "ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        made = sorted(m.due.date() for m in _book(demo_folder, "Harbor").milestones
                      if m.title.startswith("Review checkpoint"))
        assert made == [date(2026, 11, 30), date(2026, 12, 7), date(2026, 12, 14),
                        date(2026, 12, 21)]


async def test_one_checkpoint_added_is_reported_in_the_singular(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        app.session.focus(_book(demo_folder, "Harbor").id)
        await pilot.press("g")
        assert isinstance(app.screen, FormScreen)
        # Every four weeks from today fits once before Harbor's end date.
        await pilot.press("backspace", "4", "ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        made = [m for m in _book(demo_folder, "Harbor").milestones
                if m.title.startswith("Review checkpoint")]
        assert [m.title for m in made] == ["Review checkpoint 1 of 1"]
        await until(pilot, lambda: "Added 1 review checkpoint to" in _notices(app))
        assert "checkpoints" not in _notices(app)


async def test_export_key_writes_what_the_calendar_shows_into_the_data_folder(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "x")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        # Every deal, as the calendar shows them all; the footer says what ctrl+s does.
        await until(pilot, lambda: "^s Write the file" in " ".join(screen_lines(app)[-1].split()))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        every = Calendar.from_ical((demo_folder / "negtui-calendar.ics").read_text("utf-8"))
        summaries = {str(e["SUMMARY"]) for e in every.walk("VEVENT")}
        assert "Third call with procurement — Northwind data platform" in summaries
        assert any("Harbor" in s for s in summaries)
        # With the calendar filtered to one deal (f, its name), that deal's dates.
        names = sorted((b.deal.name for b in app.session.portfolio.books.values()
                        if not b.deal.archived), key=str.casefold)
        steps = ["down"] * (names.index("Northwind data platform") + 1)
        await pilot.press("f", "enter", *steps, "enter", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen)
                    and "Northwind" in _text(app, "#calendar-status"))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        target = demo_folder / "negtui-northwind-data-platform.ics"
        calendar = Calendar.from_ical(target.read_text(encoding="utf-8"))
        summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
        assert "Third call with procurement — Northwind data platform" in summaries
        assert not any("Harbor" in s for s in summaries)


async def test_filter_by_kind(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "f", "tab", "enter", "down", "down", "enter", "ctrl+s")
        assert isinstance(app.screen, CalendarScreen)
        assert "negotiation call" in _text(app, "#calendar-status")
        agenda = app.screen.query_one("#agenda", OptionList)
        options = [agenda.get_option_at_index(i) for i in range(agenda.option_count)]
        items = [str(option.prompt) for option in options if not option.disabled]
        assert items and all(" C " in line for line in items)


async def test_an_empty_folder_says_what_to_do(empty_folder: Path, make_app: AppMaker) -> None:
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        empty = app.screen.query_one("#calendar-empty", Static)
        assert empty.display
        assert "negtui demo" in str(empty.render())
        await pilot.press("a")
        assert isinstance(app.screen, CalendarScreen)


async def test_a_day_shows_one_letter_an_item_and_how_many_more_did_not_fit(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
        grid = app.screen.query_one(MonthGrid)
        # No bare count glued to the day number ("3 ·2"): the letters under it are the count.
        assert "·" not in str(grid.render())
        grid.counts[TODAY] = Counter({"negotiation call": 12})
        top, marks = grid._day_lines(TODAY, 10, 2)
        assert top.plain.strip() == "23"
        letters, more = marks.plain.strip().split("+")
        assert set(letters) == {"C"} and len(letters) + int(more) == 12
