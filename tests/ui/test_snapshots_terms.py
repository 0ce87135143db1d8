"""Screenshots of the Terms screen at 80x24 and 120x40, on the demo's first deal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp

from .conftest import LARGE, SMALL, steady

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
AppMaker = Callable[[Path], NegtuiApp]


@SIZES
def test_term_table(snap_compare, demo_folder: Path, make_app: AppMaker,
                    size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["2", "wait:100"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_term_grid(snap_compare, demo_folder: Path, make_app: AppMaker,
                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["2", "g", "left", "wait:100"],
                        terminal_size=size, run_before=steady)


@SIZES
def test_all_terms(snap_compare, demo_folder: Path, make_app: AppMaker,
                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["2", "A", "wait:100"],
                        terminal_size=size, run_before=steady)


def test_no_deal_in_focus(snap_compare, empty_folder: Path, make_app: AppMaker) -> None:
    assert snap_compare(make_app(empty_folder), press=["2", "wait:100"], terminal_size=SMALL,
                        run_before=steady)
