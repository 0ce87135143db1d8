"""The terms screen at every size: positions read whole where there is room, the offer's
expiry in a column of its own, a grid whose every label and mark is explained."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from negtui.ui.app import NegtuiApp
from tests.ui.conftest import until
from tests.ui.test_fit import open_screen, screen_lines

AppMaker = Callable[[Path], NegtuiApp]


def text(app: NegtuiApp) -> str:
    return "\n".join(screen_lines(app))


def table_lines(app: NegtuiApp) -> list[str]:
    """The header and rows of the terms table as drawn."""
    lines = screen_lines(app)
    start = next(i for i, line in enumerate(lines) if line.startswith(" Term "))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("╰"))
    return lines[start:end]


async def test_at_200_columns_every_position_is_whole_with_its_unit(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_screen(app, pilot, ["2"])
        await until(pilot, lambda: "Day rate" in text(app))
        table = table_lines(app)
        day_rate = next(line for line in table if line.startswith(" Day rate "))
        assert "780 EUR with a 6-month review" in day_rate
        assert "820 EUR/day" in day_rate and "700 EUR/day" in day_rate
        exclusivity = next(line for line in table if line.startswith(" Exclusivity "))
        assert "logistics, 12 months" in exclusivity
        # What made the room is named under the table.
        assert "Widen the window for" in text(app)


async def test_the_offer_expiry_has_a_column_in_the_users_zone(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_screen(app, pilot, ["2"])
        await until(pilot, lambda: "Day rate" in text(app))
        table = table_lines(app)
        assert " Expires " in table[0]
        day_rate = next(line for line in table if line.startswith(" Day rate "))
        # The same day as the detail pane gives, in the same words.
        card = next(line for line in screen_lines(app) if "offer expires" in line)
        day = card.split("offer expires ")[1][:6]
        assert f" {day} " in day_rate
