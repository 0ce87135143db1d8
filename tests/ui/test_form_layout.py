"""Forms as a user meets them: tabbing in keeps the text, every checkbox says what it is,
an error stands at its field, labels go above fields on a narrow terminal, and the app
stays in sight behind the dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.form import FormScreen

from .conftest import must_have_box, reach_screen
from .keyboard import typed, wait_until

AppMaker = Callable[[Path], NegtuiApp]


async def open_deal_form(pilot: Pilot[Any], app: NegtuiApp) -> FormScreen:
    return await reach_screen(pilot, app, ["e"], FormScreen)


async def test_tabbing_into_a_field_keeps_its_text(demo_folder: Path,
                                                   make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_deal_form(pilot, app)
        field = form.query_one("#field-counterparty", Input)
        before = field.value
        assert before
        await pilot.press(*typed("tab", " Ltd"))
        await wait_until(pilot, lambda: field.value != before, "the typing to arrive")
        assert field.value == before + " Ltd"


async def test_the_must_have_checkbox_says_what_it_is(demo_folder: Path,
                                                      make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        box = await must_have_box(pilot, app)
        label = str(box.label)
        assert label.startswith("Must-have")
        # The whole label is drawn beside the box, not cut to a few characters.
        assert box.region.width >= len(label) + 4


async def test_a_bad_value_is_named_at_its_field_not_in_a_toast(demo_folder: Path,
                                                                make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_deal_form(pilot, app)
        # The name is the first field: empty it, then save.
        await pilot.press("ctrl+u", "ctrl+s")
        error = form.query_one("#error-name")
        await wait_until(pilot, lambda: error.has_class("shown"), "the error at the field")
        assert "empty" in str(error.render())
        assert not list(app._notifications)


@pytest.mark.parametrize(("size", "above"), [((80, 24), True), ((120, 40), False)],
                         ids=["80x24", "120x40"])
async def test_labels_go_above_their_fields_on_a_narrow_terminal(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int], above: bool) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        form = await open_deal_form(pilot, app)
        label = form.query(".field-row").first().query_one(Label)
        field = form.query_one("#field-name", Input)
        await wait_until(pilot, lambda: field.region.height > 0, "the form to be drawn")
        assert (label.region.y < field.region.y) is above
        assert (label.region.y == field.region.y) is not above


async def test_the_app_stays_in_sight_behind_a_dialog(demo_folder: Path,
                                                      make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        form = await open_deal_form(pilot, app)
        assert form.styles.background.a < 1
        box = form.query_one("#form-box")
        # As tall as its fields (and no taller than the screen), not the whole screen.
        await wait_until(pilot, lambda: box.region.height > 0, "the form to be drawn")
        assert box.region.height <= 30


async def test_at_80_by_24_a_short_form_fits_whole_and_a_long_one_scrolls_inside(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "k", "a")  # the deal, its risks, a new risk
        await wait_until(pilot, lambda: isinstance(app.screen, FormScreen), "the risk form")
        box = app.screen.query_one("#form-box")
        fields = app.screen.query_one("#form-fields")
        await wait_until(pilot, lambda: box.region.height > 0, "the form to be drawn")
        # Every field in sight without scrolling, the app around it on all four sides.
        assert fields.max_scroll_y == 0
        assert box.region.y > 0 and box.region.bottom < 24
        assert box.region.x > 0 and box.region.right < 80
        await pilot.press("escape", "escape", "escape")
        form = await open_deal_form(pilot, app)
        box = form.query_one("#form-box")
        await wait_until(pilot, lambda: box.region.height > 0, "the deal form to be drawn")
        # Nineteen fields cannot fit: they scroll inside a dialog that still leaves a margin
        # (once the dialog has taken the screen's height, a refresh after it is drawn).
        await wait_until(pilot, lambda: form.query_one("#form-fields").max_scroll_y > 0,
                         "the deal form's fields to scroll")
        assert box.region.y > 0 and box.region.bottom < 24 and box.region.x > 0


async def test_in_colour_too_the_checkbox_is_empty_when_off_and_ticked_when_on(
        demo_folder: Path, make_app: Callable[[Path], NegtuiApp]) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        box = await must_have_box(pilot, app)
        assert not box.value and "X" not in str(box.render())
        box.focus()
        await pilot.press("space")
        await wait_until(pilot, lambda: box.value, "the box to be ticked")
        assert "X" in str(box.render())
