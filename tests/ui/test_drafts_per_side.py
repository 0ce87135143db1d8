"""A half-typed line is kept for its own side: after a given line is set aside, r starts
a clean received line (typed in one burst, it is logged on the received side as typed)
and g brings the given line back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from negtui.domain.vocab import Direction
from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.capture_bar import CaptureBar

from .conftest import until
from .test_concessions import live, on_disk

AppMaker = Callable[[Path], NegtuiApp]


def _keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def test_a_set_aside_given_line_does_not_become_the_received_one(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    before = len(live(on_disk(demo_folder)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g", *_keys("Rate to 730"), "escape")
        bar = app.screen.query_one(CaptureBar)
        await until(pilot, lambda: not bar.is_open)
        # In one burst, as a user types who forgot the draft: r, a line, enter.
        await pilot.press("r", *_keys("They drop exclusivity"), "enter")
        await until(pilot, lambda: len(live(on_disk(demo_folder))) == before + 1)
        logged = live(on_disk(demo_folder))[-1]
        assert (logged.direction, logged.what) == (Direction.RECEIVED, "They drop exclusivity")
        # The given line is still there, for g.
        await until(pilot, lambda: not bar.is_open)
        await pilot.press("g")
        field = app.screen.query_one("#capture-input", Input)
        await until(pilot, lambda: bar.is_open and field.value == "Rate to 730")
        assert bar.direction is Direction.GIVEN
