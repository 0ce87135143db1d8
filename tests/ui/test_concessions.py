"""A whole call on the Concessions screen, driven by keys, checked on disk at each step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.domain.book import DealBook
from negtui.domain.models import Concession
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.all_concessions import AllConcessionsScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.widgets.capture_bar import CaptureBar
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import until
from tests.ui.test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]
NORTHWIND = "Northwind data platform"


def on_disk(folder: Path) -> DealBook:
    """The Northwind deal as a fresh Store reads it from the files."""
    store = Store(folder)
    (book,) = [b for b in store.load().books.values() if b.deal.name == NORTHWIND]
    return book


def live(book: DealBook) -> list[Concession]:
    return [c for c in book.concessions if not c.deleted]


def log_table(app: NegtuiApp) -> DataTable[object]:
    return app.screen.query_one("#log", DataTable)


def last_row_text(app: NegtuiApp) -> str:
    table = log_table(app)
    return " ".join(str(cell) for cell in table.get_row_at(table.row_count - 1))


async def type_line(pilot, *parts: str) -> None:
    """Enter text in the focused field as a paste would; a part 'tab' presses tab.

    Each key press costs the test tens of milliseconds, so only the keys that do
    something (tab, enter, the screen keys) are pressed one by one.
    """
    for part in parts:
        if part == "tab":
            await pilot.press("tab")
        else:
            field = pilot.app.focused
            assert isinstance(field, Input)
            field.insert_text_at_cursor(part)
            await pilot.pause()


async def type_keys(pilot, text: str) -> None:
    """Type text key by key, as a person does."""
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def test_a_whole_call_from_the_keyboard(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = on_disk(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert isinstance(app.screen, ConcessionsScreen)
        rows = log_table(app).row_count
        assert rows == len(live(before)) == 5

        # Start the call: recorded at once, with no end yet.
        await pilot.press("c")
        calls = [c for c in on_disk(demo_folder).calls if c.ended is None]
        assert len(calls) == 1
        call_id = calls[0].id
        assert "● call 0:00:00" in str(app.screen.query_one("#band-call", Static).render())
        assert app.screen.has_class("in-call")

        # 1. Received, with the term completed by tab and both values inline.
        await pilot.press("r")
        assert isinstance(app.focused, Input)
        await type_keys(pilot, "Weekly email accepted #rep")
        await type_line(pilot, "tab", "us:4 them:2")
        assert app.screen.query_one("#capture-input", Input).value == (
            "Weekly email accepted #reporting us:4 them:2")
        await pilot.press("enter")
        book = on_disk(demo_folder)
        entry = live(book)[-1]
        assert (entry.what, entry.direction.value, entry.value_us, entry.value_them) == (
            "Weekly email accepted", "received", 4, 2)
        assert entry.term_id == next(t.id for t in book.terms if t.name == "Reporting")
        assert entry.call_id == call_id
        assert log_table(app).row_count == rows + 1
        assert not app.screen.query_one(CaptureBar).is_open
        assert "Weekly email accepted" in last_row_text(app)

        # 2. Given on a tradeable term: no guard speaks.
        await pilot.press("g")
        await type_line(pilot, "Two site days a month #tra", "tab", "us:2 them:5")
        await pilot.press("enter")
        entry = live(on_disk(demo_folder))[-1]
        assert (entry.what, entry.value_us, entry.value_them) == ("Two site days a month", 2, 5)
        assert not isinstance(app.screen, ConfirmScreen)

        # 3. Received: the list offers several terms; down picks the second one.
        await pilot.press("r")
        await type_line(pilot, "They drop the on-call week #r")
        choices = app.screen.query_one("#capture-choices")
        assert choices.display
        await pilot.press("down", "tab")
        await type_line(pilot, "us:5 them:3")
        await pilot.press("enter")
        book = on_disk(demo_folder)
        entry = live(book)[-1]
        assert entry.term_id == next(t.id for t in book.terms if t.name == "Day rate")
        assert entry.what == "They drop the on-call week"

        # 4. and 5. Two gives in a row: the second is logged with an unreciprocated warning.
        await pilot.press("g")
        await type_line(pilot, "Exclusivity limited to logistics #exc", "tab",
                        '="logistics only" us:4 them:6')
        await pilot.press("enter")
        book = on_disk(demo_folder)
        assert live(book)[-1].position == "logistics only"
        assert next(t for t in book.terms if t.name == "Exclusivity").on_table == (
            "logistics only")
        await pilot.press("g")
        await type_line(pilot, "One extra workshop us:2 them:4")
        await pilot.press("enter")
        assert live(on_disk(demo_folder))[-1].what == "One extra workshop"
        assert log_table(app).row_count == rows + 5
        assert "U" in last_row_text(app)

        # Undo: the last entry is kept on disk, marked deleted, and leaves the log.
        await pilot.press("u")
        book = on_disk(demo_folder)
        undone = next(c for c in book.concessions if c.what == "One extra workshop")
        assert undone.deleted
        assert log_table(app).row_count == rows + 4
        assert "One extra workshop" not in last_row_text(app)

        # A give on a non-negotiable waits for a deliberate yes, showing the rationale.
        await pilot.press("g")
        await type_line(pilot, "Rate to 720 #day", "tab", "=720 us:6 them:7")
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        body = str(app.screen.query_one("#confirm-body", Static).render())
        assert "Sets the floor for every other data contract this year" in body
        count = len(on_disk(demo_folder).concessions)
        await pilot.press("n")
        assert isinstance(app.screen, ConcessionsScreen)
        assert len(on_disk(demo_folder).concessions) == count
        assert app.screen.query_one(CaptureBar).is_open
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        book = on_disk(demo_folder)
        entry = live(book)[-1]
        assert (entry.what, entry.position, entry.call_id) == ("Rate to 720", "720", call_id)
        assert next(t for t in book.terms if t.name == "Day rate").on_table == "720"
        assert "N" in last_row_text(app)

        # End the call: a stray c only asks; enter ends it with a summary.
        await pilot.press("c")
        assert isinstance(app.screen, ConfirmScreen)
        assert "3 given, 2 received" in str(app.screen.query_one("#confirm-body",
                                                                 Static).render())
        await pilot.press("n")
        assert [c.ended for c in on_disk(demo_folder).calls if c.id == call_id] == [None]
        assert app.screen.has_class("in-call")
        await pilot.press("c", "enter")
        (call,) = [c for c in on_disk(demo_folder).calls if c.id == call_id]
        assert call.ended is not None
        assert call.summary.startswith("3 given, 2 received")
        assert "Reporting" in call.summary and "Day rate" in call.summary
        # The form asking who attended comes up; escape leaves the call ended as it is.
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        assert not app.screen.has_class("in-call")


async def test_escape_cancels_and_problems_keep_the_bar_open(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    count = len(on_disk(demo_folder).concessions)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        await type_line(pilot, "Something small")
        await pilot.press("escape")
        assert not app.screen.query_one(CaptureBar).is_open
        assert isinstance(app.screen, ConcessionsScreen)
        # Escape closed the bar but kept what was typed: g, its own side's key, brings it
        # back (r would start a received line of its own).
        await pilot.press("g")
        field = app.screen.query_one("#capture-input", Input)
        assert field.value == "Something small"
        field.value = ""
        await type_line(pilot, "Rate #nothing us:12")
        await pilot.press("enter")
        hint = str(app.screen.query_one("#capture-hint", Static).render())
        assert "no term matches “nothing”" in hint and "1 to 10" in hint
        assert app.screen.query_one(CaptureBar).is_open
    assert len(on_disk(demo_folder).concessions) == count


async def test_restore_brings_back_the_undone_entry(demo_folder: Path,
                                                   make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "u")
        # Nothing was logged in this window yet: the demo's entries are not its to undo.
        assert len(live(on_disk(demo_folder))) == 5
        await pilot.press("g")
        await type_line(pilot, "Rate to 735 #day", "tab", "=735")
        await pilot.press("enter", "y")
        assert len(live(on_disk(demo_folder))) == 6
        await pilot.press("u")
        assert len(live(on_disk(demo_folder))) == 5
        assert log_table(app).row_count == 5
        day_rate = next(t for t in on_disk(demo_folder).terms if t.name == "Day rate")
        assert day_rate.on_table == "740 EUR"  # the offer it moved went back too
        await pilot.press("U")
        # It gave on a non-negotiable: bringing it back asks again, and holding keeps it out.
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(live(on_disk(demo_folder))) == 5
        await pilot.press("U")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert len(live(on_disk(demo_folder))) == 6
        assert log_table(app).row_count == 6
        assert "Rate to 735" in last_row_text(app)


async def test_undo_never_takes_back_another_window_s_entry(demo_folder: Path,
                                                           make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "r")
        await type_line(pilot, "Mine")
        await pilot.press("enter")
        deal_id = app.session.deal_id
        assert deal_id is not None
        log_concession(Store(demo_folder), ConcessionRequest(
            deal=deal_id, direction=Direction.RECEIVED, what="Theirs"))
        await pilot.press("ctrl+r", "u")
        whats = [c.what for c in live(on_disk(demo_folder))]
        assert "Theirs" in whats and "Mine" not in whats


async def test_edit_the_focused_entry(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3", "e")
        assert isinstance(app.screen, FormScreen)
        what = app.screen.query_one("#field-what", Input)
        what.value = "Offered 745 for a 9-month commitment"
        app.screen.query_one("#field-value_us", Input).value = "11"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormScreen)  # 11 is refused at the field
        app.screen.query_one("#field-value_us", Input).value = "4"
        await pilot.press("ctrl+s")
        # Side, term and position unchanged: nothing to ask again.
        assert isinstance(app.screen, ConcessionsScreen)
        entry = live(on_disk(demo_folder))[-1]
        assert (entry.what, entry.value_us) == ("Offered 745 for a 9-month commitment", 4)
        assert "Offered 745" in last_row_text(app)


async def test_link_and_the_view_across_deals(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "r")
        await type_line(pilot, "Rate held against a Harbor extension @harb", "tab")
        await pilot.press("enter")
        harbor = next(b for b in Store(demo_folder).load().books.values()
                      if b.deal.name.startswith("Harbor"))
        assert live(on_disk(demo_folder))[-1].linked_deal_id == harbor.id
        await pilot.press("A")
        assert isinstance(app.screen, AllConcessionsScreen)
        table = app.screen.query_one("#all-log", DataTable)
        assert table.row_count == 13
        await pilot.press("l")
        assert table.row_count == 1
        assert "Harbor retainer renewal" in " ".join(str(c) for c in table.get_row_at(0))
        await pilot.press("escape")
        assert isinstance(app.screen, ConcessionsScreen)


async def test_a_half_typed_entry_is_offered_back_after_the_app_ends(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        await type_keys(pilot, "Net 45 if they")
        drafts = demo_folder / ".drafts"
        for _ in range(200):  # kept a moment after the last key
            if any("Net 45 if they" in p.read_text() for p in drafts.glob("*.json")):
                break
            await pilot.pause(0.02)
        else:
            raise AssertionError("the half-typed line never reached the disk")
    again = make_app(demo_folder)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        field = again.screen.query_one("#capture-input", Input)
        assert field.value == "Net 45 if they"
        await type_keys(pilot, " pay on time")
        await pilot.press("enter")
        assert live(on_disk(demo_folder))[-1].what == "Net 45 if they pay on time"
    # Logged, so nothing is offered any more.
    assert not list((demo_folder / ".drafts").glob("*.json"))


async def test_a_position_that_cannot_be_compared_is_said_so_before_it_is_logged(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    count = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        await type_line(pilot, "Exclusivity wording #exc", "tab", " =12-months")
        await pilot.press("enter")
        hint = str(app.screen.query_one("#capture-hint", Static).render())
        assert "cannot be compared with the walk-away point of Exclusivity" in hint
        assert len(live(on_disk(demo_folder))) == count
        await pilot.press("enter")
        assert len(live(on_disk(demo_folder))) == count + 1
        assert not app.screen.query_one(CaptureBar).is_open


async def test_what_was_logged_is_said_under_the_log_not_over_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "r")
        await type_line(pilot, "Weekly demos accepted")
        await pilot.press("enter")
        line = str(app.screen.query_one("#flag-legend", Static).render())
        assert "Logged. Got: Weekly demos accepted" in line
        assert not list(app.screen.query("Toast"))  # no toast over the newest rows


async def test_the_balance_says_how_many_and_what_they_were_worth(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        overall = str(app.screen.query_one("#band-overall", Static).render())
        # Northwind: four given, worth 6 + 5 + 3 + 2 to us; one received, worth 4.
        assert "gave 4 worth 16  got 1 worth 4" in overall
        await pilot.press("c")
        await until(pilot, lambda: "● call" in str(app.screen.query_one("#band-call",
                                                                     Static).render()))
        call = str(app.screen.query_one("#band-call", Static).render())
        assert "gave 0  got 0" in call and "·" not in call


async def test_a_balance_line_too_long_even_without_the_worth_ends_in_an_ellipsis(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        await pilot.pause()
        line = next(line for line in screen_lines(app) if "reciprocity" in line)
        assert "gave 4  got 1" in line and line.rstrip().endswith("…")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_during_a_call_the_log_sits_above_what_is_on_the_table_at_every_size(
        size: tuple[int, int], demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        await pilot.press("c")
        await until(pilot, lambda: app.screen.has_class("in-call"))
        await pilot.pause()
        log, pinned = app.screen.query_one("#log"), app.screen.query_one("#pinned")
        # The same order at every size, and the log keeps no empty rows while what is on
        # the table would need them.
        assert log.region.bottom <= pinned.region.y
        assert log.region.height == log_table(app).row_count + 1 + 2
        lines = "\n".join(screen_lines(app))
        # Every figure of both lines of the band is whole at 80 columns too.
        assert "reciprocity 0.25" in lines and "gives uneven" in lines
        assert "reciprocity —" in lines


async def test_a_refusal_under_the_capture_bar_goes_once_the_line_is_changed(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        hint = app.screen.query_one("#capture-hint", Static)
        await pilot.press("g")
        await type_keys(pilot, "Shorter reports them:x")
        await pilot.press("enter")
        await until(pilot, lambda: "“x”" in str(hint.render()))
        # Enter again, unchanged: the refusal stays, it is still about this line.
        await pilot.press("enter")
        await pilot.pause()
        assert "“x”" in str(hint.render())
        await pilot.press("backspace", "4")
        await until(pilot, lambda: "“x”" not in str(hint.render()))
        assert not hint.has_class("problem")


@pytest.mark.parametrize(("size", "shown"), [((200, 60), True), ((80, 24), False)])
async def test_a_large_window_shows_what_is_on_the_table_between_calls(
        size: tuple[int, int], shown: bool, demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        await pilot.pause()
        assert not app.screen.has_class("in-call")
        lines = "\n".join(screen_lines(app))
        assert ("Hard lines" in lines) is shown
        if shown:
            log, pinned = app.screen.query_one("#log"), app.screen.query_one("#pinned")
            assert log.region.right <= pinned.region.x  # beside the log, not over it


async def test_a_burst_with_spaced_term_names_and_worded_positions(
    demo_folder: Path, make_app: AppMaker
) -> None:
    """Typed fast as spoken: a term's name with its space, a position in several words."""
    app = make_app(demo_folder)
    count = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        keys = ["g", *"Rota eased #On-call =one week a month", "enter",
                "r", *"Scope narrowed #Tooling IP =licence only", "enter"]
        await pilot.press(*["space" if key == " " else key for key in keys])
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == count + 2)
        book = on_disk(demo_folder)
        names = {term.id: term.name for term in book.terms}
        given, received = live(book)[-2:]
        assert (given.what, given.direction, names[given.term_id or ""], given.position) == (
            "Rota eased", Direction.GIVEN, "On-call", "one week a month")
        assert (received.what, received.direction, names[received.term_id or ""],
                received.position) == (
            "Scope narrowed", Direction.RECEIVED, "Tooling IP", "licence only")


async def test_starting_a_call_keeps_the_newest_entry_in_view(
        demo_folder: Path, make_app: AppMaker) -> None:
    """At 80x24 the log gets shorter when a call starts (what is on the table shows
    under it): the chosen entry, the newest, stays on screen."""
    app = make_app(demo_folder)
    count = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        lines = [f"Entry number {n}" for n in range(1, 13)]
        for line in lines:
            await pilot.press("g", *["space" if ch == " " else ch for ch in line], "enter")
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == count + len(lines))
        await until(pilot, lambda: any("Entry number 12" in row for row in screen_lines(app)))
        await pilot.press("c")
        await until(pilot, lambda: app.screen.has_class("in-call"))
        await until(pilot, lambda: any("On the table" in row for row in screen_lines(app)))
        await until(pilot, lambda: any("Entry number 12" in row for row in screen_lines(app)))
        table = log_table(app)
        assert table.cursor_row == table.row_count - 1
        assert table.scroll_y == table.max_scroll_y > 0


async def test_gives_and_gets_nobody_valued_are_not_said_to_be_worth_zero(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session.deal_id is not None)
        meridian = next(book.id for book in app.session.portfolio.books.values()
                        if book.deal.name == "Meridian analytics extension")
        app.session.focus(meridian)
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))
        await pilot.press("r")
        await type_line(pilot, "They send the data dictionary early")
        await pilot.press("enter")

        def overall() -> str:
            return str(app.screen.query_one("#band-overall", Static).render())

        await until(pilot, lambda: "got 1" in overall())
        assert "worth" not in overall()
        assert "gave 0  got 1  reciprocity" in overall()


async def test_at_80x24_the_entry_in_focus_is_spelled_out_whole_under_the_log(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ConcessionsScreen))

        def detail() -> str:
            return " ".join(line.strip() for line in screen_lines(app)
                            if not line.startswith(("│", "╭", "╰")))

        await until(pilot, lambda: "Offered 740 for a 9-month commitment" in detail())
        shown = detail()
        assert "We gave: Offered 740 for a 9-month commitment · on Day rate" in shown
        assert "worth to us 5, to them 6 · 21 Nov 09:52" in shown
        assert "in the call of 21 Nov 09:30 with Raj Patel, Olga Brandt" in shown
        assert "note: Crosses acceptable; check against BATNA before next call" in shown
        # The row itself cuts it short; the line under the log follows the cursor.
        await pilot.press("up", "up", "up")
        await until(pilot, lambda: "They gave: Reporting reduced to a weekly email" in detail())
        assert "worth to us 4, to them 3" in detail()
        # Logging stays in sight with the entry spelled out.
        await pilot.press("g")
        await until(pilot, lambda: "gave > " in "\n".join(screen_lines(app)))
        assert "They gave: Reporting reduced to a weekly email" in detail()
