"""Enter on an alert opens what it is about: its term on Terms, its item on the Calendar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from negtui.domain.audit import Alert
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.alerts_box import AlertsBox

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]


async def _enter_on(pilot: object, app: NegtuiApp, wanted: Callable[[Alert], bool]) -> Alert:
    screen = app.screen
    assert isinstance(screen, PortfolioScreen)
    await pilot.press("exclamation_mark")  # type: ignore[attr-defined]
    box = screen.query_one("#alerts", AlertsBox)
    await until(pilot, lambda: box.has_focus and box.listed)  # type: ignore[arg-type]
    index = next(i for i, alert in enumerate(box.listed) if wanted(alert))
    await pilot.press(*["down"] * index, "enter")  # type: ignore[attr-defined]
    return box.listed[index]


@pytest.mark.parametrize("seen_before", [False, True])
async def test_enter_on_a_dated_alert_opens_the_calendar_on_its_item(
        demo_folder: Path, make_app: AppMaker, seen_before: bool) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        if seen_before:  # the Calendar is drawn already, on another day
            await pilot.press("4")
            await until(pilot, lambda: isinstance(app.screen, CalendarScreen))
            await pilot.press("1")
            await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        alert = await _enter_on(pilot, app, lambda a: a.entry_uid is not None
                                and a.term_id is None)
        await until(pilot, lambda: isinstance(app.screen, CalendarScreen)
                    and app.screen.highlighted_uid() == alert.entry_uid)
        calendar = app.screen
        assert isinstance(calendar, CalendarScreen)
        agenda = calendar.query_one("#agenda")
        assert agenda.has_focus and agenda.display and calendar.query_one("#agenda-pane").display
        assert app.session.deal_id == alert.deal_id
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))


@pytest.mark.parametrize("seen_before", [False, True])
async def test_enter_on_a_clash_or_offer_alert_opens_terms_on_that_term(
        demo_folder: Path, make_app: AppMaker, seen_before: bool) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        if seen_before:  # Terms is drawn already, on another deal or term
            await pilot.press("2")
            await until(pilot, lambda: isinstance(app.screen, TermsScreen))
            await pilot.press("1")
            await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        alert = await _enter_on(pilot, app, lambda a: a.term_id is not None)
        await until(pilot, lambda: isinstance(app.screen, TermsScreen)
                    and app.screen.focused_id == alert.term_id)
        terms = app.screen
        assert isinstance(terms, TermsScreen)
        table = terms.query_one("#terms-table", DataTable)
        await until(pilot, lambda: table.row_count and table.coordinate_to_cell_key(
            table.cursor_coordinate).row_key.value == alert.term_id)
        assert app.session.deal_id == alert.deal_id
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))

