"""Every form and dialog answers once: two Enters in one burst save once, the second Enter
goes where the first one led, and nothing reaches or pops a screen that has gone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from negtui.domain.vocab import DealStatus
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.concessions import ConcessionsScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.confirm import ConfirmScreen
from negtui.ui.widgets.form import FormScreen

from .keyboard import burst, record_saves, typed, wait_until

AppMaker = Callable[[Path], NegtuiApp]


def deal_names(folder: Path) -> list[str]:
    return sorted(deal.name for deal in Store(folder).load().deals())


async def show(pilot: Pilot[Any], app: NegtuiApp, mode: str, screen: type) -> None:
    await app.run_action(f"show_screen('{mode}')")
    await wait_until(pilot, lambda: isinstance(app.screen, screen), f"the {mode} screen")


async def test_two_enters_in_the_deal_form_save_once_then_open_the_deal(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        deal = app.session.current_deal()
        assert deal is not None
        before = deal_names(demo_folder)
        saves = record_saves(app)
        burst(pilot, ["e", "enter", "enter"])
        await wait_until(pilot, lambda: isinstance(app.screen, WorkspaceScreen),
                         "the second Enter to open the deal")
        assert saves == [deal.id]
        assert deal_names(demo_folder) == before


async def test_two_enters_in_the_term_form_add_one_term(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await show(pilot, app, "terms", TermsScreen)
        deal_id = app.session.deal_id
        assert deal_id is not None
        saves = record_saves(app)
        burst(pilot, typed("a", "Exit fee", "enter", "enter"))
        # The second Enter reaches the Terms screen, where Enter edits the chosen term.
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen)
                         and app.screen.form_title.startswith("Edit term"),
                         "the second Enter to open a term")
        assert saves == [deal_id]
        terms = Store(demo_folder).read_book(deal_id).terms
        assert [t.name for t in terms].count("Exit fee") == 1


async def test_two_enters_in_the_concession_edit_form_save_once(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await show(pilot, app, "concessions", ConcessionsScreen)
        deal_id = app.session.deal_id
        assert deal_id is not None
        before = Store(demo_folder).read_book(deal_id).concessions
        saves = record_saves(app)
        burst(pilot, ["e", "tab", "enter", "enter"])
        await wait_until(pilot, lambda: bool(saves) and isinstance(app.screen, ConcessionsScreen),
                         "the entry to be saved and the form closed")
        await wait_until(pilot, lambda: app.focused is app.screen.query_one("#log"),
                         "the log to have the focus again")
        assert saves == [deal_id]
        assert Store(demo_folder).read_book(deal_id).concessions == before


async def test_two_enters_in_the_milestone_form_add_one_milestone(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await show(pilot, app, "calendar", CalendarScreen)
        deal_id = app.session.deal_id
        assert deal_id is not None
        saves = record_saves(app)
        burst(pilot, typed("a", "tab", "tab", "CFO call", "tab", "tomorrow 14:00",
                           "enter", "enter"))
        await wait_until(pilot, lambda: bool(saves) and isinstance(app.screen, CalendarScreen),
                         "the milestone to be saved and the form closed")
        await wait_until(pilot, lambda: app.focused is not None
                         and app.focused.screen is app.screen, "the focus back on the calendar")
        assert len(saves) == 1
        milestones = Store(demo_folder).read_book(deal_id).milestones
        assert [m.title for m in milestones].count("CFO call") == 1


async def test_two_enters_on_a_question_answer_it_once(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = deal_names(demo_folder)
        # d asks before deleting; once it asks, Enter takes the focused answer, No; the
        # second Enter reaches the portfolio, where it opens the deal.
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        burst(pilot, ["enter", "enter"])
        await wait_until(pilot, lambda: isinstance(app.screen, WorkspaceScreen),
                         "the second Enter to open the deal")
        assert deal_names(demo_folder) == before


async def test_a_dropdown_driven_in_one_burst(demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        deal = app.session.current_deal()
        assert deal is not None and deal.status is DealStatus.NEGOTIATING
        saves = record_saves(app)
        # Name, counterparty, then the status list: open it, two down, take that one.
        burst(pilot, ["e", "tab", "tab", "enter", "down", "down", "enter", "ctrl+s"])
        await wait_until(pilot, lambda: bool(saves) and isinstance(app.screen, PortfolioScreen),
                         "the deal to be saved and the form closed")
        (saved,) = [d for d in Store(demo_folder).load().deals() if d.id == deal.id]
        assert saved.status is DealStatus.ACTIVE  # prospect, preparing, negotiating, agreed, active


async def test_a_form_submitted_twice_saves_once_and_crashes_nothing(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        field = app.focused
        assert isinstance(field, Input)
        saves = record_saves(app)
        # As when the field took two Enters before the form handled the first.
        field.post_message(Input.Submitted(field, field.value))
        field.post_message(Input.Submitted(field, field.value))
        await wait_until(pilot, lambda: bool(saves) and isinstance(app.screen, PortfolioScreen),
                         "the form to save and close")
        await pilot.pause()
        assert len(saves) == 1
        assert len(app.screen_stack) == 1


async def test_a_question_answered_twice_closes_once(demo_folder: Path,
                                                     make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        before = deal_names(demo_folder)
        await pilot.press("d")
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        question.action_answer(False)
        question.action_answer(True)  # too late: the first answer stands
        await wait_until(pilot, lambda: isinstance(app.screen, PortfolioScreen),
                         "the question to close")
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert deal_names(demo_folder) == before
