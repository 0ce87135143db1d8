"""An empty log says how to log the first entry, and the hint makes way for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from negtui.domain.models import Deal
from negtui.store import Store
from negtui.ui.app import NegtuiApp
from negtui.ui.widgets.shown import Static
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]


def under_the_log(app: NegtuiApp) -> str:
    return str(app.screen.query_one("#entry-detail", Static).render())


async def test_an_empty_log_says_how_to_log_and_the_first_entry_takes_its_place(
        empty_folder: Path, make_app: AppMaker) -> None:
    Store(empty_folder).open().create_deal(Deal(id="d-osprey", name="Osprey pilot"))
    app = make_app(empty_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await until(pilot, lambda: "Nothing logged yet" in under_the_log(app))
        assert "g logs what you gave, r what you got" in under_the_log(app)
        await pilot.press("r", *"net 30 agreed", "enter")
        await until(pilot, lambda: "net 30 agreed" in under_the_log(app))
        assert "Nothing logged yet" not in under_the_log(app)
