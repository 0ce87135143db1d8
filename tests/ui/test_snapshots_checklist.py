"""Screenshots of the checklist, each record editor and the lessons list, at 80x24 and 120x40;
two record editors at 200x60."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.demo import demo_portfolio
from negtui.domain.checklist import phases_for
from negtui.domain.clock import fixed_clock
from negtui.ui.app import NegtuiApp

from .conftest import LARGE, NOW, SMALL, steady

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
AppMaker = Callable[[Path], NegtuiApp]


def keys_to(item_key: str) -> list[str]:
    """From the start (Northwind is the first row), the keys that open this item's work."""
    _, books = demo_portfolio(fixed_clock(NOW))
    northwind = next(b for b in books if b.deal.name == "Northwind data platform")
    for phase in phases_for(northwind):
        keys = [item.key for item in phase.items]
        if item_key in keys:
            return ["5", *["n"] * (phase.number - 1), "home",
                    *["down"] * keys.index(item_key), "enter", "wait:100"]
    raise AssertionError(item_key)


EDITORS = {
    "stakeholders": "research.stakeholders",
    "scenarios": "scenarios.written",
    "risks": "framework.risks",
    "value_map": "value.balanced",
    "agenda": "value.agenda",
    "onboarding": "onboard.owners",
    "lessons": "onboard.lessons",
}


@SIZES
def test_checklist(snap_compare, demo_folder: Path, make_app: AppMaker,
                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["5", "wait:100"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_checklist_positions_phase(snap_compare, demo_folder: Path, make_app: AppMaker,
                                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["5", "n", "n", "n", "down", "down",
                                                      "wait:100"],
                        terminal_size=size, run_before=steady)


@SIZES
def test_checklist_without_deals(snap_compare, empty_folder: Path, make_app: AppMaker,
                                 size: tuple[int, int]) -> None:
    assert snap_compare(make_app(empty_folder), press=["5", "wait:100"], terminal_size=size,
                        run_before=steady)


@SIZES
@pytest.mark.parametrize("editor", list(EDITORS))
def test_record_editor(snap_compare, demo_folder: Path, make_app: AppMaker,
                       size: tuple[int, int], editor: str) -> None:
    assert snap_compare(make_app(demo_folder), press=keys_to(EDITORS[editor]),
                        terminal_size=size, run_before=steady)


@pytest.mark.parametrize("editor", ["risks", "stakeholders"])
def test_record_editor_at_200x60(snap_compare, demo_folder: Path, make_app: AppMaker,
                                 editor: str) -> None:
    assert snap_compare(make_app(demo_folder), press=keys_to(EDITORS[editor]),
                        terminal_size=(200, 60), run_before=steady)


@SIZES
def test_risk_form(snap_compare, demo_folder: Path, make_app: AppMaker,
                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=[*keys_to("framework.risks"), "e",
                                                      "wait:100"],
                        terminal_size=size, run_before=steady)


@SIZES
def test_lessons(snap_compare, demo_folder: Path, make_app: AppMaker,
                 size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["5", "L", "wait:100"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_share_preview(snap_compare, demo_folder: Path, make_app: AppMaker,
                       size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["5", "X", "wait:100"], terminal_size=size,
                        run_before=steady)
