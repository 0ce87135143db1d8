"""What a form says when a value is wrong: one message at each field in error, a count
above that matches them, and the first of them scrolled into sight."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def said(form: FormScreen) -> list[str]:
    """Every message drawn under a field: its error and its preview, when in sight."""
    lines = []
    for widget in form.query(".field-error, .field-preview").results(Static):
        text = str(widget.render()).strip()
        if text and widget.display and widget.id != "form-error":
            lines.append(text)
    return lines


def in_error(form: FormScreen) -> list[str]:
    return [(w.id or "").removeprefix("error-")
            for w in form.query(".field-error.shown").results(Static) if w.id != "form-error"]


async def fill(pilot: Pilot[Any], form: FormScreen, name: str, text: str) -> None:
    field = form.query_one(f"#field-{name}", Input)
    field.focus()
    await pilot.press("end", *["backspace"] * len(field.value), *text)
    await until(pilot, lambda: field.value == text)


async def open_form(pilot: Pilot[Any], app: NegtuiApp, *keys: str,
                    over: type = PortfolioScreen) -> FormScreen:
    await until(pilot, lambda: isinstance(app.screen, over))
    await pilot.press(*keys)
    await until(pilot, lambda: isinstance(app.screen, FormScreen))
    assert isinstance(app.screen, FormScreen)
    return app.screen


async def saved_with_errors(pilot: Pilot[Any], form: FormScreen) -> None:
    await pilot.press("ctrl+s")
    await until(pilot, lambda: in_error(form))


async def test_a_bad_time_zone_in_settings_is_said_once_and_scrolled_into_sight(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, app, "comma")
        await fill(pilot, form, "timezone", "Mars/Phobos")
        # Back to the top, as a user who tabbed on would leave it.
        form.query_one("#form-fields").scroll_home(animate=False)
        form.query_one("#field-capacity_hours").focus()
        await saved_with_errors(pilot, form)
        assert in_error(form) == ["timezone"]
        assert [line for line in said(form) if "Mars/Phobos" in line] == [
            "“Mars/Phobos” is not a time zone; try UTC, Europe/Berlin or America/New_York"]
        error = form.query_one("#error-timezone", Static)
        box = form.query_one("#form-fields")
        await until(pilot, lambda: box.region.contains_region(error.region)
                    and error.region.height > 0)


async def test_a_bad_expiry_in_the_term_form_is_said_once(demo_folder: Path,
                                                         make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, app, "2", "a")
        await fill(pilot, form, "name", "Travel")
        await fill(pilot, form, "offer_expires", "whenever")
        await saved_with_errors(pilot, form)
        assert in_error(form) == ["offer_expires"]
        assert len([line for line in said(form) if "“whenever”" in line]) == 1
        # Fixing the text takes the old message away; the preview reads the new text.
        await fill(pilot, form, "offer_expires", "friday 17:00")
        await until(pilot, lambda: not in_error(form))
        assert not [line for line in said(form) if "“whenever”" in line]
        assert any(line.startswith("Fri ") and "17:00" in line for line in said(form))


async def test_three_bad_calendar_fields_are_counted_three_and_each_said_once(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, app, "4", "a")
        await fill(pilot, form, "title", "Board")
        await fill(pilot, form, "when", "tomorrow 25:00")
        await fill(pilot, form, "zone", "Nowhere/Land")
        await fill(pilot, form, "duration", "forever")
        await saved_with_errors(pilot, form)
        assert sorted(in_error(form)) == ["duration", "when", "zone"]
        header = str(form.query_one("#form-error", Static).render())
        assert "3 fields to fix" in header
        lines = said(form)
        assert len(lines) == 3, lines
        assert len([line for line in lines if "Nowhere/Land" in line]) == 1
        assert any("25:00 is not a time of day" in line for line in lines)


async def test_an_empty_scenario_and_a_risk_without_mitigation_are_not_saved(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = {book.id: (len(book.scenarios), len(book.risks))
              for book in Store(demo_folder).open().load().books.values()}
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        await pilot.press("c")
        form = await open_form(pilot, app, "a", over=RecordEditorScreen)
        await saved_with_errors(pilot, form)
        assert in_error(form) == ["outcome"]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        await pilot.press("k")
        form = await open_form(pilot, app, "a", over=RecordEditorScreen)
        await fill(pilot, form, "risk", "Delay")
        await saved_with_errors(pilot, form)
        assert in_error(form) == ["mitigation"]
        assert "1 field to fix" in str(form.query_one("#form-error", Static).render())
    after = {book.id: (len(book.scenarios), len(book.risks))
             for book in Store(demo_folder).open().load().books.values()}
    assert after == before


async def test_a_new_deal_says_every_problem_at_once(demo_folder: Path,
                                                    make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, app, "n")
        await fill(pilot, form, "start", "2027-03-01")
        await fill(pilot, form, "end", "2027-02-01")
        await saved_with_errors(pilot, form)
        assert sorted(in_error(form)) == ["end", "name"]
        assert "end date comes before the start date" in str(
            form.query_one("#error-end", Static).render())


async def test_settings_name_each_chance_in_plain_english(demo_folder: Path,
                                                         make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_form(pilot, app, "comma")
        labels = [str(label.render()) for label in form.query(".field-label").results(Label)]
        assert "Chance an agreed deal closes (%)" in labels
        assert "Chance an active deal closes (%)" in labels
        assert "Chance a prospect deal closes (%)" in labels
        assert not [label for label in labels if "closed deal closes" in label
                    or " a a" in label or "walked away deal" in label]


async def test_the_risk_detail_shows_each_rating_against_its_scale(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        detail = app.screen.query_one("#records-detail")
        await until(pilot, lambda: "Likelihood:" in str(detail.render()))
        shown = " ".join(str(detail.render()).split())
        assert re.search(r"Likelihood: [1-5]/5", shown), shown
        assert re.search(r"Impact: [1-5]/5", shown), shown
