"""Screenshots of the main screens at 200x60: panes use the room, footers show more keys,
tables show every column; and one without colour."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp

from .conftest import steady

Snap = Callable[..., bool]
AppMaker = Callable[[Path], NegtuiApp]
HUGE = (200, 60)

SCREENS = {
    "portfolio": [],
    "workspace": ["enter"],
    "terms": ["2"],
    "concessions": ["3"],
    "calendar": ["4"],
    "checklist": ["5"],
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_main_screen_at_200x60(snap_compare: Snap, demo_folder: Path, make_app: AppMaker,
                               name: str) -> None:
    assert snap_compare(make_app(demo_folder), press=SCREENS[name], terminal_size=HUGE,
                        run_before=steady)


def test_portfolio_at_200x60_without_colour(snap_compare: Snap, demo_folder: Path,
                                            make_app: AppMaker,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(demo_folder), terminal_size=HUGE, run_before=steady)
