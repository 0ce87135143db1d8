"""A save never silently undoes a change made meanwhile by another window, the command line
or a sync: it is refused with both versions named, and saving again is a deliberate choice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from negtui.actions.concessions import ConcessionRequest, log_concession
from negtui.domain.vocab import Direction
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.form import FormScreen

AppMaker = Callable[[Path], NegtuiApp]


def _form_error(app: NegtuiApp) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def test_the_term_form_does_not_revert_a_position_logged_meanwhile(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, TermsScreen)
        deal_id = app.session.deal_id
        assert deal_id is not None
        await pilot.press("e")  # the first term: Day rate, offer 740 EUR
        assert isinstance(app.screen, FormScreen)
        # Meanwhile, from a terminal beside the app:
        log_concession(Store(demo_folder), ConcessionRequest(
            deal=deal_id, direction=Direction.RECEIVED, what="They accept 760",
            term="Day rate", position="760 EUR"))
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormScreen), "the form closed over the other change"
        assert "changed elsewhere" in _form_error(app) and "760 EUR" in _form_error(app)
        day_rate = next(t for t in Store(demo_folder).read_book(deal_id).terms
                        if t.name == "Day rate")
        assert day_rate.on_table == "760 EUR"
        # Saving again is the user's choice: their own form wins, knowingly.
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, FormScreen)
        day_rate = next(t for t in Store(demo_folder).read_book(deal_id).terms
                        if t.name == "Day rate")
        assert day_rate.on_table == "740 EUR"


async def test_the_research_form_keeps_a_brief_saved_in_another_window(
    demo_folder: Path, make_app: AppMaker
) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # the workspace of the deal in focus
        deal_id = app.session.deal_id
        assert deal_id is not None
        await pilot.press("r")
        assert isinstance(app.screen, FormScreen)
        other = Store(demo_folder)
        deal = other.read_book(deal_id).deal
        other.save_deal(deal.model_copy(update={"objective": "Objective from elsewhere"}))
        app.screen.query_one("#field-market").load_text("Rates are rising")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, FormScreen)
        assert "changed elsewhere" in _form_error(app)
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, FormScreen)
    saved = Store(demo_folder).read_book(deal_id).deal
    assert saved.objective == "Objective from elsewhere"
    assert saved.research.market == "Rates are rising"
