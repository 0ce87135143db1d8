"""Screenshots on a 16-colour terminal (TERM=xterm-16color): the app draws on the
terminal's own colours, so flags, warnings and errors never sit on a tinted strip that
the terminal can only show as solid red or grey."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import constants

from negtui.ui.app import NegtuiApp

from .conftest import LARGE, SMALL, steady

Snap = Callable[..., bool]
AppMaker = Callable[[Path], NegtuiApp]
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def sixteen_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    # What Textual reads from TERM=xterm-16color, without depending on the test's terminal.
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")


async def test_a_16_colour_terminal_gets_the_terminal_colours(demo_folder: Path,
                                                              make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3", "c")
        band = app.screen.query_one("#band-call")
        assert app.theme == "ansi-dark"
        assert band.styles.background.ansi == -1  # the terminal's own background


@SIZES
def test_portfolio_alerts_and_capacity(snap_compare: Snap, demo_folder: Path,
                                       make_app: AppMaker, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), terminal_size=size, run_before=steady)


@SIZES
def test_call_flags_and_a_refused_line(snap_compare: Snap, demo_folder: Path,
                                       make_app: AppMaker, size: tuple[int, int]) -> None:
    press = ["3", "c", "g", *"Rate", "space", "#", *"nope", "enter"]
    assert snap_compare(make_app(demo_folder), press=press, terminal_size=size,
                        run_before=steady)
