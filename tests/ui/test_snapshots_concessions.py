"""Screenshots of the Concessions screen on the demo's first deal (Northwind)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.domain.clock import fixed_clock
from negtui.ui.app import NegtuiApp, build_app

from .conftest import LARGE, SMALL, steady
from .test_log_years import log_at

Snap = Callable[..., bool]
AppMaker = Callable[[Path], NegtuiApp]
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


def keys(text: str) -> list[str]:
    names = {" ": "space", "#": "number_sign", "=": "equals_sign", ":": "colon"}
    return [names.get(ch, ch) for ch in text]


@SIZES
def test_log(snap_compare: Snap, demo_folder: Path, make_app: AppMaker,
             size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["3"], terminal_size=size,
                        run_before=steady)


def test_log_across_new_year(snap_compare: Snap, demo_folder: Path) -> None:
    log_at(demo_folder, "2026-12-30T15:00:00+00:00", "Extra review before the holidays")
    log_at(demo_folder, "2027-01-02T10:00:00+00:00", "Moved kickoff a week")
    app = build_app(demo_folder, fixed_clock("2027-01-04T09:00:00+00:00"))
    assert snap_compare(app, press=["3"], terminal_size=SMALL, run_before=steady)


@SIZES
def test_call_mode_with_pinned_terms(snap_compare: Snap, demo_folder: Path,
                                     make_app: AppMaker,
                                     size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["3", "c"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_capture_bar_with_completion(snap_compare: Snap, demo_folder: Path,
                                     make_app: AppMaker,
                                     size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["3", "g", *keys("net 40 #r")],
                        terminal_size=size, run_before=steady)


@SIZES
def test_guard_dialog(snap_compare: Snap, demo_folder: Path, make_app: AppMaker,
                      size: tuple[int, int]) -> None:
    press = ["3", "g", *keys("Rate to 690 #day"), "tab", *keys("=690 us:6"), "enter"]
    assert snap_compare(make_app(demo_folder), press=press, terminal_size=size,
                        run_before=steady)


CALL_SIZES = pytest.mark.parametrize("size", [SMALL, (200, 60)], ids=["80x24", "200x60"])


@CALL_SIZES
def test_who_attended_after_a_call(snap_compare: Snap, demo_folder: Path, make_app: AppMaker,
                                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["3", "c", "wait:100", "c", "y",
                                                      "wait:200"],
                        terminal_size=size, run_before=steady)


@CALL_SIZES
def test_calls_of_a_deal(snap_compare: Snap, demo_folder: Path, make_app: AppMaker,
                         size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["enter", "wait:100", "m"],
                        terminal_size=size, run_before=steady)
