"""Screenshots in a light theme: every colour comes from the theme, so the Portfolio and the
Terms screen read as well on a light background as on the default dark one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from negtui.ui.app import NegtuiApp

from .conftest import SMALL, steady

AppMaker = Callable[[Path], NegtuiApp]


async def light(pilot: Pilot[object]) -> None:
    pilot.app.theme = "textual-light"
    await pilot.pause()
    # Picking a theme says where it was kept; the screenshot is of the screen under it.
    pilot.app.clear_notifications()
    await pilot.pause()
    await steady(pilot)


def test_portfolio_light(snap_compare, demo_folder: Path, make_app: AppMaker) -> None:
    assert snap_compare(make_app(demo_folder), terminal_size=SMALL, run_before=light)


def test_terms_light(snap_compare, demo_folder: Path, make_app: AppMaker) -> None:
    assert snap_compare(make_app(demo_folder), press=["2", "wait:100"], terminal_size=SMALL,
                        run_before=light)


def test_term_grid_light(snap_compare, demo_folder: Path, make_app: AppMaker) -> None:
    """The grid's legend: every class, mark and chip reads on a light background too."""
    assert snap_compare(make_app(demo_folder), press=["2", "g", "wait:100"],
                        terminal_size=SMALL, run_before=light)
