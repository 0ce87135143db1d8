"""Left open overnight, the app moves "tomorrow" to "today" at midnight by itself."""

from __future__ import annotations

from pathlib import Path

import arrow
from textual.widgets import DataTable

from negtui.ui.app import build_app
from negtui.ui.screens.portfolio import PortfolioScreen
from tests.ui.conftest import NOW, until


def _cells(app) -> list[str]:
    table = app.screen.query_one("#deals", DataTable)
    return [" ".join(str(cell) for cell in table.get_row_at(row))
            for row in range(table.row_count)]


async def test_relative_days_move_on_at_midnight_without_a_key(demo_folder: Path) -> None:
    now = [arrow.get(NOW)]
    app = build_app(demo_folder, lambda: now[0])
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        before = _cells(app)
        row = next(i for i, text in enumerate(before) if "tomorrow" in text)
        assert "today" not in before[row]
        now[0] = now[0].shift(days=1).replace(hour=0, minute=1)
        await until(pilot, lambda: "today" in _cells(app)[row])
