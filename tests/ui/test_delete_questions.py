"""Every question before a delete reads the same way: "Delete this …?", answered
Delete (y) or Keep (n), whatever is being deleted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.records.editor import RecordEditorScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from negtui.ui.widgets.confirm import ConfirmScreen

from .conftest import until

AppMaker = Callable[[Path], NegtuiApp]

# From the Portfolio: the keys that reach a record, then the one that deletes it.
PLACES = {
    "deal": [],
    "stakeholder": ["enter"],
    "risk": ["enter", "k"],
    "term": ["2", "down"],  # the second term: no concession points at it
    "milestone": ["4", "v"],
}


@pytest.mark.parametrize("what", list(PLACES))
async def test_each_delete_asks_the_same_question(demo_folder: Path, make_app: AppMaker,
                                                  what: str) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session.deal_id is not None)
        for key in PLACES[what]:
            screen = app.screen
            await pilot.press(key)
            await until(pilot, lambda was=screen, pressed=key:  # type: ignore[misc]
                        app.screen is not was or pressed in ("v", "down"))
        if what == "stakeholder":
            await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
            app.screen.query_one("#people").focus()
        if what == "risk":
            await until(pilot, lambda: isinstance(app.screen, RecordEditorScreen))
        await pilot.pause()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        assert question.title_text.startswith("Delete ")
        assert (question.yes_label, question.no_label) == ("Delete", "Keep")
        await pilot.press("n")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
