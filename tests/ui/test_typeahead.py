"""Keys typed in one burst, as a fast typist, a paste or a slow SSH link deliver them, are
handled in order, each against what the key before it did: the text after an Enter that
saves an entry starts the next entry, and no letter of an entry runs as a command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from negtui.domain.book import DealBook
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.capture_bar import CaptureBar
from negtui.ui.widgets.form import FormScreen

from .keyboard import burst, record_saves, typed, wait_until

AppMaker = Callable[[Path], NegtuiApp]
Entry = tuple[str, str]


def book_on_disk(folder: Path, deal_id: str) -> DealBook:
    return Store(folder).read_book(deal_id)


def entries_since(folder: Path, deal_id: str, before: int) -> list[Entry]:
    """The entries logged after the first ``before``, as (side, what), read from disk."""
    book = book_on_disk(folder, deal_id)
    return [(c.direction.value, c.what) for c in book.concessions[before:]]


def shown_in_log(app: NegtuiApp) -> list[str]:
    table = app.screen.query_one("#log", DataTable)
    return [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]


def name_in_form(app: NegtuiApp) -> str | None:
    """The name field of the form on top, once the form is up."""
    fields = app.screen.query("#field-name") if isinstance(app.screen, FormScreen) else []
    return next((field.value for field in fields if isinstance(field, Input)), None)


async def open_concessions(pilot: Pilot[Any], app: NegtuiApp) -> tuple[str, int]:
    """Go to the Concessions screen; the deal in focus and how many entries it has."""
    await app.run_action("show_screen('concessions')")
    await wait_until(pilot, lambda: isinstance(app.screen, ConcessionsScreen),
                     "the Concessions screen")
    book = app.session.current_book()
    assert book is not None
    return book.id, len(book.concessions)


async def log_burst(pilot: Pilot[Any], app: NegtuiApp, folder: Path, keys: list[str],
                    expected: list[Entry]) -> None:
    """Send the keys as one burst on the Concessions screen; exactly ``expected`` is logged."""
    deal_id, before = await open_concessions(pilot, app)
    burst(pilot, keys)

    def all_logged() -> bool:
        screen = app.screen
        return (len(entries_since(folder, deal_id, before)) >= len(expected)
                and isinstance(screen, ConcessionsScreen)
                and not screen.query_one(CaptureBar).is_open)

    await wait_until(pilot, all_logged, f"{len(expected)} entries on disk")
    assert entries_since(folder, deal_id, before) == expected
    shown = shown_in_log(app)
    for _, what in expected:
        assert shown.count(what) == sum(1 for _, w in expected if w == what)


async def test_two_entries_in_one_burst_are_logged_once_each_on_their_side(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_burst(pilot, app, demo_folder, typed("gAlpha", "enter", "rBeta", "enter"),
                        [("given", "Alpha"), ("received", "Beta")])


async def test_three_entries_in_one_burst(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_burst(
            pilot, app, demo_folder,
            typed("gWeekly demos", "enter", "rNet 45", "enter", "gTwo site days", "enter"),
            [("given", "Weekly demos"), ("received", "Net 45"), ("given", "Two site days")])


async def test_back_to_back_pairs_are_never_merged(demo_folder: Path,
                                                   make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_burst(pilot, app, demo_folder, typed(*["gA", "enter", "gB", "enter"] * 6),
                        [("given", "A"), ("given", "B")] * 6)


async def test_a_c_in_the_text_of_an_entry_leaves_the_call_running(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        deal_id, _ = await open_concessions(pilot, app)
        await pilot.press("c")
        await wait_until(pilot, lambda: any(c.ended is None for c in
                                            book_on_disk(demo_folder, deal_id).calls),
                         "the call to start")
        await log_burst(pilot, app, demo_folder,
                        typed("gcap accepted", "enter", "rcancel clause", "enter"),
                        [("given", "cap accepted"), ("received", "cancel clause")])
        book = book_on_disk(demo_folder, deal_id)
        (running,) = [call for call in book.calls if call.ended is None]
        assert all(c.call_id == running.id for c in book.concessions[-2:])


async def test_a_key_after_the_last_enter_acts_on_the_screen_the_enter_left(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        deal_id, before = await open_concessions(pilot, app)
        burst(pilot, typed("gAlpha", "enter", "c"))
        await wait_until(pilot, lambda: any(c.ended is None for c in
                                            book_on_disk(demo_folder, deal_id).calls),
                         "c to start a call once the entry was saved")
        assert entries_since(demo_folder, deal_id, before) == [("given", "Alpha")]


async def test_edit_then_enter_in_one_burst_keeps_the_name(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        deal = app.session.current_deal()
        assert deal is not None
        before = sorted(d.name for d in Store(demo_folder).load().deals())
        saves = record_saves(app)
        burst(pilot, ["e", "enter"])
        await wait_until(pilot, lambda: bool(saves) and isinstance(app.screen, PortfolioScreen),
                         "the form to save and close")
        assert saves == [deal.id]
        assert sorted(d.name for d in Store(demo_folder).load().deals()) == before


async def test_new_deal_and_two_enters_create_one_deal_and_open_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(pilot, typed("n", "Kestrel rebrand", "enter", "enter"))
        # The first Enter saves the deal; the second reaches the portfolio and opens it.
        await wait_until(pilot, lambda: isinstance(app.screen, WorkspaceScreen),
                         "the second Enter to open the new deal")
        names = [d.name for d in Store(demo_folder).load().deals()]
        assert names.count("Kestrel rebrand") == 1
        current = app.session.current_deal()
        assert current is not None and current.name == "Kestrel rebrand"


async def test_the_name_typed_right_after_n_lands_in_the_new_deal_form(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        burst(pilot, typed("n", "Kestrel rebrand"))
        await wait_until(pilot, lambda: name_in_form(app) == "Kestrel rebrand",
                         "the name in the form")
    # The letters did not act as portfolio keys (a archives, d deletes, e edits).
    assert not any(d.archived for d in Store(demo_folder).load().deals())


async def test_the_name_typed_right_after_a_lands_in_the_term_form(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, TermsScreen)
        burst(pilot, typed("a", "Exit fee"))
        await wait_until(pilot, lambda: name_in_form(app) == "Exit fee",
                         "the name in the term form")
