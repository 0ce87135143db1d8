"""Screenshots with NO_COLOR set: every flag, warning and error keeps its contrast and
stays distinct from the others by its attributes, not by a colour that turned grey."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp

from .conftest import LARGE, SMALL, steady

Snap = Callable[..., bool]
AppMaker = Callable[[Path], NegtuiApp]
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


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


@SIZES
def test_term_grid_regions_by_sign(snap_compare: Snap, demo_folder: Path,
                                   make_app: AppMaker, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["2", "g", "wait:100"],
                        terminal_size=size, run_before=steady)


def test_term_form_with_the_must_have_box(snap_compare: Snap, demo_folder: Path,
                                          make_app: AppMaker) -> None:
    assert snap_compare(make_app(demo_folder), press=["2", "a", "wait:100"],
                        terminal_size=LARGE, run_before=steady)
