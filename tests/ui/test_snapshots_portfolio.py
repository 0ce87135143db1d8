"""Screenshots of the portfolio's dialogs and sub-screens at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp

from .conftest import LARGE, SMALL, steady

SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
Maker = Callable[[Path], NegtuiApp]


@SIZES
def test_deal_form_with_errors(snap_compare, empty_folder: Path, make_app: Maker,
                               size: tuple[int, int]) -> None:
    keys = ["n", "tab", *"Kestrel", "tab", "tab", "tab", "tab", *"lots", "ctrl+s"]
    assert snap_compare(make_app(empty_folder), press=keys, terminal_size=size,
                        run_before=steady)


@SIZES
def test_workspace(snap_compare, demo_folder: Path, make_app: Maker,
                   size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["enter"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_relationship_map(snap_compare, demo_folder: Path, make_app: Maker,
                          size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["p"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_delete_confirmation(snap_compare, demo_folder: Path, make_app: Maker,
                             size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["d"], terminal_size=size,
                        run_before=steady)


@SIZES
def test_filtered_by_status(snap_compare, demo_folder: Path, make_app: Maker,
                            size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_folder), press=["f", "f", "f", "f", "f"],
                        terminal_size=size, run_before=steady)


@SIZES
def test_one_deal_without_alerts(snap_compare, empty_folder: Path, make_app: Maker,
                                 size: tuple[int, int]) -> None:
    from negtui.domain.models import Deal
    from negtui.store import Store

    Store(empty_folder).open().create_deal(Deal(id="d-acme", name="Acme renewal",
                                                counterparty="Acme Ltd"))
    assert snap_compare(make_app(empty_folder), terminal_size=size, run_before=steady)
