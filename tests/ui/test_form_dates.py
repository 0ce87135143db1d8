"""Forms show their dates as the rest of the app writes them ("07 Dec 2026", "07 Dec 2026
14:30"), and a form saved without touching a date leaves it on disk as it was."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.calendar import CalendarScreen
from negtui.ui.screens.milestone_form import describe_when
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.form import FormScreen

from .conftest import reach_screen
from .keyboard import wait_until

AppMaker = Callable[[Path], NegtuiApp]
DAY = re.compile(r"^\d{2} [A-Z][a-z]{2} \d{4}$")
WHEN = re.compile(r"^\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$")


def saved(folder: Path, table: str, *path: str) -> list[str]:
    """Every value at ``path`` in the records of ``table``, exactly as the files hold it."""
    found = []
    for file in sorted((folder / "deals").glob("*.json")):
        for record in json.loads(file.read_text()).get(table, {}).values():
            for key in path:
                record = record.get(key) if isinstance(record, dict) else None
            if record is not None:
                found.append(str(record))
    return found


async def opened(pilot: Pilot[Any], app: NegtuiApp, what: str) -> FormScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, FormScreen), what)
    assert isinstance(app.screen, FormScreen)
    return app.screen


async def saved_and_closed(pilot: Pilot[Any], app: NegtuiApp) -> None:
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: not isinstance(app.screen, FormScreen), "the form to close")


async def test_the_deal_form_shows_its_dates_in_words_and_saving_keeps_them(
    demo_folder: Path, make_app: AppMaker
) -> None:
    before = saved(demo_folder, "deal", "start") + saved(demo_folder, "deal", "end")
    assert before
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("e")
        form = await opened(pilot, app, "the deal form")
        start = form.query_one("#field-start", Input).value
        assert DAY.match(start), start
        await saved_and_closed(pilot, app)
    assert saved(demo_folder, "deal", "start") + saved(demo_folder, "deal", "end") == before


async def test_the_milestone_form_shows_when_in_words_and_saving_keeps_the_moment(
    demo_folder: Path, make_app: AppMaker
) -> None:
    before = saved(demo_folder, "milestones", "due")
    assert before
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_screen(pilot, app, ["4"], CalendarScreen)
        await pilot.press("v")
        agenda = app.screen.query_one("#agenda", OptionList)
        await wait_until(pilot, lambda: agenda.has_focus, "the agenda")
        await pilot.press("e")
        form = await opened(pilot, app, "the milestone form")
        when = form.query_one("#field-when", Input).value
        assert WHEN.match(when), when
        await saved_and_closed(pilot, app)
    assert saved(demo_folder, "milestones", "due") == before


async def test_the_term_form_shows_the_fallback_date_in_words_and_saving_keeps_it(
    demo_folder: Path, make_app: AppMaker
) -> None:
    before = saved(demo_folder, "terms", "fallback", "decide_by")
    assert before
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 40)) as pilot:
        await reach_screen(pilot, app, ["2"], TermsScreen)
        await pilot.press("e")
        form = await opened(pilot, app, "the term form")
        decide_by = form.query_one("#field-decide_by", Input).value
        assert WHEN.match(decide_by), decide_by
        await saved_and_closed(pilot, app)
    assert saved(demo_folder, "terms", "fallback", "decide_by") == before


def test_the_milestone_preview_says_in_words_why_a_date_cannot_be_read() -> None:
    now = datetime(2026, 12, 7, 10, tzinfo=UTC)
    under_when = describe_when("4/3/2027", "", "UTC", now, "when")
    assert under_when.startswith("“4/3/2027”: ") and "write the month as a word" in under_when
    assert describe_when("soonish", "", "UTC", now, "when").startswith(
        "“soonish” is not a date I understand; try ")
    under_zone = describe_when("tomorrow", "Mars/Olympus", "UTC", now, "zone")
    assert under_zone.startswith("“Mars/Olympus” is not a time zone")
