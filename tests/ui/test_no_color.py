"""With NO_COLOR set, what colour said is said by signs: a checkbox's state and the term
grid's regions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.terms import TermsScreen
from negtui.ui.widgets.term_grid import TermGrid

from .conftest import must_have_box
from .keyboard import wait_until

AppMaker = Callable[[Path], NegtuiApp]


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


async def test_the_checkbox_is_empty_when_off_and_ticked_when_on(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(100, 30)) as pilot:
        box = await must_have_box(pilot, app)
        assert not box.value
        assert "X" not in str(box.render())
        box.focus()
        await pilot.press("space")
        await wait_until(pilot, lambda: box.value, "the box to be ticked")
        assert "X" in str(box.render())


async def test_each_region_of_the_grid_has_its_own_sign(demo_folder: Path,
                                                        make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("show_screen('terms')")
        await wait_until(pilot, lambda: isinstance(app.screen, TermsScreen), "the terms screen")
        await pilot.press("g")
        grid = app.screen.query_one(TermGrid)
        await wait_until(pilot, lambda: grid.region.width > 0 and grid.markers, "the grid")
        drawn = str(grid.render())
        # Top right is non-negotiable, the middle flexible, bottom left tradeable.
        assert "!" in drawn and "~" in drawn and "·" in drawn
        shown = [w for w in app.screen.query("#grid-key, #grid-legend") if w.display]
        legend = " ".join(str(w.render()) for w in shown).lower()
        assert "!  non-negotiable" in legend and "~  flexible" in legend
