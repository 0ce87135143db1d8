"""Screenshots of the Calendar at 80x24 and 120x40, with the demo data on a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp

from .conftest import LARGE, SMALL, steady

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


@SIZES
def test_month_grid(snap_compare, demo_folder: Path, make_app: Callable[[Path], NegtuiApp],
                    size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["4"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_agenda(snap_compare, demo_folder: Path, make_app: Callable[[Path], NegtuiApp],
                size: tuple[int, int]) -> None:
    # v shows the agenda (side by side when wide, in place of the grid at 80 columns).
    assert snap_compare(make_app(demo_folder), press=["4", "right", "v"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_next_month(snap_compare, demo_folder: Path, make_app: Callable[[Path], NegtuiApp],
                    size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["4", "right_square_bracket"],
                        terminal_size=size, run_before=steady)


@SIZES
def test_empty_calendar(snap_compare, empty_folder: Path,
                        make_app: Callable[[Path], NegtuiApp], size: tuple[int, int]) -> None:
    assert snap_compare(make_app(empty_folder), press=["4"], terminal_size=size,
                        run_before=steady)
