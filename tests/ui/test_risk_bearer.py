"""Who bears a risk is chosen from its three answers, with the keys, and an edited risk
opens with its own answer chosen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Select

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.portfolio import PortfolioScreen
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.form import FormScreen
from tests.ui.conftest import until

AppMaker = Callable[[Path], NegtuiApp]
RISK = "Procurement sits on the signature"


def bearers_on_disk(folder: Path) -> list[str]:
    return [risk["bearer"] for file in sorted((folder / "deals").glob("*.json"))
            for risk in json.loads(file.read_text()).get("risks", {}).values()
            if risk["risk"] == RISK]


async def test_who_bears_a_risk_is_chosen_with_keys_saved_and_shown_again(
        demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, PortfolioScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        await pilot.press("k")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        form: Any = app.screen
        await pilot.press(*RISK)
        await until(pilot, lambda: form.query_one("#field-risk", Input).value == RISK)
        bearer = form.query_one("#field-bearer", Select)
        await pilot.press("tab", "tab", "tab")
        await until(pilot, lambda: bearer.has_focus)
        await pilot.press("enter")
        await until(pilot, lambda: bearer.expanded)
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: not bearer.expanded and bearer.value == "both")
        await pilot.press("tab", *"Ask for their signing date in writing", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        assert bearers_on_disk(demo_folder) == ["both"]

        editor = app.screen
        table = editor.query_one("#records", DataTable)
        row = next(index for index in range(table.row_count)
                   if RISK in str(table.get_row_at(index)[0]))
        await pilot.press("home", *["down"] * row)
        await until(pilot, lambda: table.cursor_row == row)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        again = app.screen.query_one("#field-bearer", Select)
        assert again.value == "both"
