"""A dialog is as tall as its fields, up to the screen, and every hint starts in the column
where its field's text starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Select

from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.form import FormScreen

from .keyboard import wait_until

AppMaker = Callable[[Path], NegtuiApp]


async def opened_form(pilot: Pilot[Any], app: NegtuiApp, *keys: str) -> FormScreen:
    await pilot.press(*keys)
    await wait_until(pilot, lambda: isinstance(app.screen, FormScreen), "the form")
    form = app.screen
    assert isinstance(form, FormScreen)
    box = form.query_one("#form-box")
    await wait_until(pilot, lambda: box.region.height > 0, "the form to be drawn")
    await pilot.pause()
    return form


def text_column(widget: Widget) -> int:
    """Where the first character a user types or reads in a field is drawn."""
    if isinstance(widget, Select):
        return widget.query_one("SelectCurrent").content_region.x
    return widget.content_region.x


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)],
                         ids=["80x24", "120x40", "200x60"])
@pytest.mark.parametrize("keys", [("enter", "r"), ("e",), ("enter", "v", "a")],
                         ids=["research", "deal", "value-map"])
async def test_each_hint_starts_where_its_field_text_starts(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int],
        keys: tuple[str, ...]) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        form = await opened_form(pilot, app, *keys)
        pairs = []
        for row in form.query(".field-row"):
            siblings = list(row.parent.children) if row.parent else []
            after = siblings[siblings.index(row) + 1]
            if after.has_class("field-help"):
                pairs.append((row.children[1], after))
        assert pairs, "this form has hints"
        for field, hint in pairs:
            assert hint.content_region.x == text_column(field), field.id


async def test_the_research_form_shows_its_six_fields_without_scrolling_at_120x40(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await opened_form(pilot, app, "enter", "r")
        fields = form.query_one("#form-fields")
        assert fields.max_scroll_y == 0
        # Each note is as tall as its text, not a fixed block with blank rows under it.
        for area in form.query("TextArea"):
            assert area.region.height <= max(2, area.virtual_size.height)
        box = form.query_one("#form-box")
        assert box.region.y > 0 and box.region.bottom < 40


@pytest.mark.parametrize(("size", "scrolls"), [((80, 24), True), ((200, 60), False)],
                         ids=["80x24", "200x60"])
async def test_the_deal_form_uses_the_height_the_screen_has(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int],
        scrolls: bool) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        form = await opened_form(pilot, app, "e")
        box = form.query_one("#form-box")
        fields = form.query_one("#form-fields")
        # A row of the app stays in sight above and below, whatever the size.
        assert box.region.y >= 1 and box.region.bottom <= size[1] - 1
        # Twenty fields fit whole on a tall screen and scroll inside the dialog on a small one,
        # where the dialog then takes the height there is above its footer line.
        assert (fields.max_scroll_y > 0) is scrolls
        if scrolls:
            assert box.region.bottom - box.region.y >= size[1] - 3


async def test_a_long_form_stands_in_two_columns_on_a_very_wide_screen(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await app.run_action("show_screen('terms')")
        form = await opened_form(pilot, app, "a")
        # Every field of a new term in sight, none scrolled away beside empty columns.
        assert form.query_one("#form-fields").max_scroll_y == 0
        first, last = form.fields[0].name, form.fields[-1].name
        left = form.query_one(f"#field-{first}").region
        right = form.query_one(f"#field-{last}").region
        assert right.x > left.right
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, FormScreen), "closed")
        # A short form stays one column wide, as narrow as its fields need.
        form = await opened_form(pilot, app, "escape", "enter", "k", "a")
        assert form.query_one("#form-box").region.width <= 100


@pytest.mark.parametrize("size", [(120, 40), (200, 60)], ids=["120x40", "200x60"])
@pytest.mark.parametrize("keys", [("2", "e"), ("comma",), ("enter", "k", "a")],
                         ids=["term", "settings", "risk"])
async def test_a_wide_window_keeps_every_label_on_one_line(
        demo_folder: Path, make_app: AppMaker, size: tuple[int, int],
        keys: tuple[str, ...]) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        form = await opened_form(pilot, app, *keys)
        wrapped = [str(label.render()) for label in form.query(".field-label")
                   if label.region.height > 1 and label.parent is not None
                   and not label.parent.has_class("-checkbox")]
        assert not wrapped, wrapped
