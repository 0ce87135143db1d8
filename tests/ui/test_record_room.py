"""The record editors in the user's words and using the room of a large window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.records import EDITORS
from negtui.ui.screens.records.editor import RecordEditorScreen
from tests.ui.conftest import until
from tests.ui.test_fit import screen_lines

AppMaker = Callable[[Path], NegtuiApp]


def text(app: NegtuiApp) -> str:
    return "\n".join(screen_lines(app))


async def test_the_risk_list_rates_each_risk_out_of_five_like_its_detail(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session.deal_id is not None)
        app.push_screen(RecordEditorScreen(EDITORS["risks"], app.session.deal_id or ""))
        await until(pilot, lambda: "Scope grows" in text(app))
        lines = screen_lines(app)
        header = next(line for line in lines if line.startswith(" Risk "))
        assert "Likelihood" in header and "Impact" in header
        row = next(line for line in lines if line.startswith(" Scope grows"))
        assert " 3/5 " in row and " 4/5 " in row and "3x4" not in row
        assert "Likelihood:   3/5" in text(app)
