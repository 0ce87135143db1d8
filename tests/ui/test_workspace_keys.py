"""The deal workspace's footer: the keys a user reaches for first, as many as fit whole at
every width, and help listing every one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from negtui.ui.app import NegtuiApp
from negtui.ui.screens.help import HelpScreen
from negtui.ui.screens.workspace import WorkspaceScreen
from tests.ui.conftest import help_rows, until
from tests.ui.test_fit import footer_labels, screen_lines

AppMaker = Callable[[Path], NegtuiApp]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_workspace_footer_puts_the_deal_first_and_fills_its_line_with_whole_keys(
        size: tuple[int, int], demo_folder: Path, make_app: AppMaker) -> None:
    app = make_app(demo_folder)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkspaceScreen)
                    and "? Keys" in footer_labels(app))

        def whole() -> bool:
            bottom = screen_lines(app)[-1]
            return bottom.rstrip().endswith("? Keys") and all(
                label in bottom for label in footer_labels(app))

        await until(pilot, whole, timeout=10)
        labels = footer_labels(app)
        # Changing the deal, its brief, research and terms, and its dossier come first.
        assert labels[:5] == ["E Edit deal", "o Brief", "r Research", "t Terms", "x Dossier"]
        # A key left out would not have fitted whole in the room still free.
        free = size[0] - sum(len(label) + 2 for label in labels)
        offered = [f"{binding.key} {binding.description}"
                   for binding in WorkspaceScreen.BINDINGS if binding.show]
        assert all(len(label) + 2 > free for label in offered if label not in labels)
        if size[0] >= 200:
            assert {"k Risks", "v Value map", "g Agenda", "c Scenarios", "m Calls",
                    "l Lessons", "b Onboarding"} <= set(labels)

        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = help_rows(app.screen)
        for binding in WorkspaceScreen.BINDINGS:
            first_key = binding.key.split(",")[0]
            assert any(first_key in keys.split(" / ") and says == binding.description
                       for keys, says in rows), binding
