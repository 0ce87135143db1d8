"""Screenshots of the shell at 80x24 and 120x40, with the demo data on a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp

from .conftest import LARGE, SMALL, steady

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


@SIZES
def test_portfolio(snap_compare, demo_folder: Path, make_app: Callable[[Path], NegtuiApp],
                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), terminal_size=size, run_before=steady)


@SIZES
def test_empty_portfolio(snap_compare, empty_folder: Path,
                         make_app: Callable[[Path], NegtuiApp], size: tuple[int, int]) -> None:
    assert snap_compare(make_app(empty_folder), terminal_size=size, run_before=steady)


@SIZES
def test_help(snap_compare, demo_folder: Path, make_app: Callable[[Path], NegtuiApp],
              size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["question_mark"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_broken_file_banner(snap_compare, demo_folder: Path,
                            make_app: Callable[[Path], NegtuiApp], size: tuple[int, int]) -> None:
    victim = sorted((demo_folder / "deals").glob("*.json"))[0]
    victim.write_text("{ not json")
    assert snap_compare(make_app(demo_folder), terminal_size=size, run_before=steady)
